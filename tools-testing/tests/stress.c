// SPDX-License-Identifier: GPL-2.0
/*
 * stress [-u UID] exec PROGRAM | stress [-u UID] doors INT80_ERR LANDING:
 * one side of the load/unload stress, run until the file /tmp/stress.stop
 * exists; with -u, as user UID.
 *
 * exec:  exec PROGRAM (a 32-bit program that exits 0) in a loop.  Each exec
 *        must either run it to exit 0 or fail with ENOEXEC (module not
 *        loaded), nothing in between.
 * doors: getpid() through every door a 64-bit task can knock on, in a
 *        loop: INT 0x80 from 64-bit mode, and from the kernel's 32-bit code
 *        segment INT 0x80, 32-bit SYSCALL and SYSENTER.  Each must either
 *        work or be refused as a disabled door refuses: INT 0x80 with the
 *        #GP of a gate of DPL 0 (SIGSEGV, SI_KERNEL, trap 13, error code
 *        INT80_ERR, IP at the INT), SYSCALL with -ENOSYS, SYSENTER with
 *        #GP(0); a CPU without SYSENTER in long mode (AMD) or 32-bit
 *        SYSCALL (Intel) raises #UD every time.
 *        SYSCALL and SYSENTER return to the landing pad of the 32-bit vDSO
 *        when they work, at LANDING bytes into the vDSO (alive_32 landing
 *        prints it): this task moves its vDSO below 4 GiB, so that the
 *        kernel returns there, and puts its own landing pad in its place.
 *        The task holds nothing: the module can go at any moment.
 *
 * Prints the counts ("ran N enoexec N other N"; per door "works N refused N
 * other N"); exit status 0 if every "other" is 0, 1 if not.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "fault.h"

#define STOP_FILE "/tmp/stress.stop"
/* Where the vDSO moves to, below 4 GiB */
#define LOW_VDSO 0x50000000UL

static int stopped(void)
{
	return access(STOP_FILE, F_OK) == 0;
}

static int stress_exec(char *prog)
{
	unsigned long ran = 0, enoexec = 0, other = 0;
	int pipefd[2], status, err;
	pid_t pid;

	while (!stopped()) {
		if (pipe2(pipefd, O_CLOEXEC))
			return 2;
		pid = fork();
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);

			if (fd >= 0)
				dup2(fd, STDOUT_FILENO);
			execl(prog, prog, (char *)NULL);
			err = errno;
			if (write(pipefd[1], &err, sizeof(err)) != sizeof(err))
				_exit(125);
			_exit(126);
		}
		close(pipefd[1]);
		err = 0;
		if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
			err = 0;
		close(pipefd[0]);
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			other++;
			continue;
		}
		if (err == ENOEXEC) {
			enoexec++;
		} else if (!err && WIFEXITED(status) && !WEXITSTATUS(status)) {
			ran++;
		} else {
			other++;
			printf("exec %s: errno %d, status %#x\n", prog, err,
			       status);
		}
	}
	printf("ran %lu enoexec %lu other %lu\n", ran, enoexec, other);
	return other ? 1 : 0;
}

/*
 * Move the vDSO to LOW_VDSO (the kernel follows it: mm->context.vdso) and
 * put a page of our own there with, @landing bytes in, what the door
 * functions do after their instruction: store eax in door_ret and return.
 */
static int fake_landing_pad(unsigned long landing)
{
	unsigned long start, end;
	unsigned char *pad;
	char line[256];
	FILE *f = fopen("/proc/self/maps", "r");
	int moved = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strstr(line, "[vdso]") ||
		    sscanf(line, "%lx-%lx", &start, &end) != 2)
			continue;
		if (mremap((void *)start, end - start, end - start,
			   MREMAP_MAYMOVE | MREMAP_FIXED,
			   (void *)LOW_VDSO) == MAP_FAILED)
			break;
		moved = munmap((void *)LOW_VDSO, end - start) == 0;
		break;
	}
	fclose(f);
	if (!moved || landing > 2 * 4096 - 8)
		return -1;
	pad = mmap((void *)LOW_VDSO, 2 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (pad == MAP_FAILED)
		return -1;
	pad += landing;
	pad[0] = 0xa3;				/* movl %eax, door_ret */
	*(unsigned int *)(pad + 1) = (unsigned long)&door_ret;
	pad[5] = 0xc3;				/* ret */
	return 0;
}

enum { INT80_64, INT80_32, SYSCALL_32, SYSENTER_32, NR_DOORS };
static const char * const door_names[] = {
	"int80-64bit", "int80-compat", "syscall-compat", "sysenter-compat",
};

static unsigned long works[NR_DOORS], refused[NR_DOORS], other[NR_DOORS];

static void knock(int door, void *stack, unsigned long err)
{
	int pid = getpid(), ok, no;

	fault_reset();
	door_ret = 0x7fff1234;
	switch (door) {
	case INT80_64: {
		long ret = NR32_GETPID;

		asm volatile ("stress_int80_64_insn: int $0x80"
			      : "+a" (ret) : : "memory",
			      "r8", "r9", "r10", "r11");
		door_ret = ret;
		ok = !fault.signal && ret == pid;
		no = fault.signal == SIGSEGV && fault.trap == 13 &&
		     fault.err == err;
		break;
	}
	case INT80_32:
		call32(stack, door_int80_32, USER32_CS);
		ok = !fault.signal && door_ret == pid;
		no = fault_is_gp_at(door_int80_insn, err);
		break;
	case SYSCALL_32:
		call32(stack, door_syscall_32, USER32_CS);
		ok = !fault.signal && door_ret == pid;
		no = (!fault.signal && door_ret == -ENOSYS) ||
		     (fault.signal == SIGILL &&
		      fault.pc == (unsigned long)door_syscall_insn);
		break;
	default:
		/* A refusal by the entry code has the IP in the vDSO */
		fault_resume = door_sysenter_done;
		call32(stack, door_sysenter_32, USER32_CS);
		fault_resume = NULL;
		ok = !fault.signal && door_ret == pid;
		no = (fault.signal == SIGSEGV && fault.trap == 13 && !fault.err) ||
		     (fault.signal == SIGILL &&
		      fault.pc == (unsigned long)door_sysenter_insn);
		break;
	}
	if (ok) {
		works[door]++;
	} else if (no) {
		refused[door]++;
	} else {
		if (!other[door])
			printf("%s: returned %d, signal %d trap %lu err %#lx pc %#lx\n",
			       door_names[door], door_ret, fault.signal,
			       fault.trap, fault.err, fault.pc);
		other[door]++;
	}
}

extern char stress_int80_64_insn[];

static int stress_doors(unsigned long err, unsigned long landing)
{
	void * const insns[] = {
		stress_int80_64_insn, door_int80_insn, door_syscall_insn,
		door_sysenter_insn, NULL
	};
	unsigned long bad = 0;
	char *stack;
	int door;

	if (fake_landing_pad(landing)) {
		printf("cannot move the vDSO and put a landing pad in its place\n");
		return 2;
	}
	stack = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (stack == MAP_FAILED)
		return 2;
	stack += 4096 - 64;
	fault_catch(SIGSEGV, -1, insns);
	fault_catch(SIGILL, -1, insns);

	while (!stopped())
		for (door = 0; door < NR_DOORS; door++)
			knock(door, stack, err);
	for (door = 0; door < NR_DOORS; door++) {
		printf("%s: works %lu refused %lu other %lu\n", door_names[door],
		       works[door], refused[door], other[door]);
		bad += other[door];
	}
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 3 && !strcmp(argv[1], "-u")) {
		uid_t uid = atoi(argv[2]);

		if (setgid(uid) || setuid(uid))
			return 2;
		argc -= 2;
		argv += 2;
	}
	if (argc == 3 && !strcmp(argv[1], "exec"))
		return stress_exec(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "doors"))
		return stress_doors(strtoul(argv[2], NULL, 0),
				    strtoul(argv[3], NULL, 0));
	fprintf(stderr, "usage: stress [-u UID] exec PROGRAM\n"
		"       stress [-u UID] doors INT80_ERR LANDING\n");
	return 2;
}
