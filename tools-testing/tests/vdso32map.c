// SPDX-License-Identifier: GPL-2.0
/*
 * vdso32map EXPECT [SECONDS]: a 64-bit task maps the 32-bit vDSO with
 * arch_prctl(ARCH_MAP_VDSO_32), as CRIU does to restore a 32-bit task.
 * Its own vDSO and vvar pages are unmapped first (only one vDSO per
 * address space).  EXPECT is "maps" (the call returns the size of the
 * vDSO, then the task lives SECONDS more, holding IA32 emulation) or an
 * errno name (EINVAL: IA32 emulation disabled).  With "fork" after
 * SECONDS, the task forks once it has mapped the vDSO and exits: its child,
 * a copy of the address space, lives the SECONDS and prints its pid.  With
 * "thread", it runs a thread and a vfork child to their end, then the
 * leader exits while a second thread keeps the address space the SECONDS.
 * With "exec PROG ARG...", it execs the 64-bit PROG once mapped.
 *
 * vdso32map EEXIST [SECONDS]: ARCH_MAP_VDSO_32 beside the task's own vDSO
 * fails with EEXIST (and must hold nothing); then it lives SECONDS.
 *
 * vdso32map again SECONDS: map, map again (EEXIST), unmap the 32-bit vDSO
 * and map it again; INT 0x80 from 64-bit mode then works at once in this
 * task (IA32 emulation is enabled by the call); then it lives SECONDS.
 *
 * vdso32map core COREDIR: a child maps the 32-bit vDSO so and dies of
 * SIGSEGV; it is still a 64-bit process, whose core (COREDIR/core.PID:
 * the core pattern must be COREDIR/core.%p) is an ELF64 x86-64 core with
 * the 32-bit vDSO among its PT_LOADs.  RLIMIT_CORE is raised for the
 * child alone.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARCH_MAP_VDSO_32	0x2002

/* Unmap [vdso] and [vvar]; return the start of the lowest of them. */
static unsigned long unmap_vdso(void)
{
	unsigned long start, end, low = 0;
	char line[256];
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (!strstr(line, "[vdso]") && !strstr(line, "[vvar]") &&
		    !strstr(line, "[vvar_vclock]"))
			continue;
		if (sscanf(line, "%lx-%lx", &start, &end) != 2)
			continue;
		if (munmap((void *)start, end - start))
			return 0;
		if (!low || start < low)
			low = start;
	}
	fclose(f);
	return low;
}

/* ARCH_MAP_VDSO_32 at addr; err: its errno, or 0 */
static long map32(unsigned long addr, int *err)
{
	long ret = syscall(SYS_arch_prctl, ARCH_MAP_VDSO_32, addr);

	*err = ret < 0 ? errno : 0;
	return ret;
}

/* The child of "core": map the 32-bit vDSO at the 64-bit one's place, die */
static void dump_core(void)
{
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	unsigned long addr = unmap_vdso();
	int err;

	if (!addr || setrlimit(RLIMIT_CORE, &rl) || map32(addr, &err) <= 0)
		_exit(3);
	/* The address of the vDSO, for the parent to find in the core */
	if (write(1, &addr, sizeof(addr)) != sizeof(addr))
		_exit(4);
	raise(SIGSEGV);
	_exit(5);
}

/* The core of a 64-bit process that mapped the 32-bit vDSO */
static int check_core(const char *dir)
{
	unsigned long vdso = 0;
	char path[256];
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int fds[2], status, i, found = 0;
	FILE *f;
	pid_t pid;

	if (pipe(fds))
		return 1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dump_core();
	}
	close(fds[1]);
	if (read(fds[0], &vdso, sizeof(vdso)) != sizeof(vdso))
		vdso = 0;
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) ||
	    WTERMSIG(status) != SIGSEGV || !WCOREDUMP(status) || !vdso) {
		printf("[FAIL]\tchild: status %#x, vDSO at %#lx: no core\n",
		       status, vdso);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/core.%d", dir, pid);
	f = fopen(path, "r");
	if (!f || fread(&eh, sizeof(eh), 1, f) != 1) {
		printf("[FAIL]\t%s: %s\n", path, f ? "short" : strerror(errno));
		return 1;
	}
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_type != ET_CORE ||
	    eh.e_machine != EM_X86_64 || eh.e_phentsize != sizeof(ph)) {
		printf("[FAIL]\t%s: ELF class %u, type %u, machine %u: not a 64-bit core\n",
		       path, eh.e_ident[EI_CLASS], eh.e_type, eh.e_machine);
		return 1;
	}
	for (i = 0; i < eh.e_phnum; i++) {
		if (fseek(f, eh.e_phoff + i * sizeof(ph), SEEK_SET) ||
		    fread(&ph, sizeof(ph), 1, f) != 1)
			break;
		if (ph.p_type == PT_LOAD && ph.p_vaddr <= vdso &&
		    vdso < ph.p_vaddr + ph.p_memsz)
			found = 1;
	}
	fclose(f);
	if (!found) {
		printf("[FAIL]\t%s: no PT_LOAD holds the 32-bit vDSO at %#lx\n",
		       path, vdso);
		return 1;
	}
	printf("[OK]\tan ELF64 x86-64 core, the 32-bit vDSO at %#lx in it\n",
	       vdso);
	return 0;
}

/* getpid through INT 0x80 from 64-bit mode: IA32 emulation is enabled */
static void on_segv(int sig)
{
	static const char msg[] = "[FAIL]\tINT 0x80 after ARCH_MAP_VDSO_32: SIGSEGV\n";

	write(1, msg, sizeof(msg) - 1);
	_exit(1);
}

static int int80_works(void)
{
	long ret = 20;	/* __NR_getpid, i386 */

	signal(SIGSEGV, on_segv);
	asm volatile ("int $0x80" : "+a" (ret) : : "memory",
		      "r8", "r9", "r10", "r11");
	signal(SIGSEGV, SIG_DFL);
	return ret == getpid();
}

/*
 * again SECONDS: map; map again while mapped (EEXIST, the address space
 * holds the module once); unmap the 32-bit vDSO and map it again (still
 * once); INT 0x80 works at once in this task; then live SECONDS.
 */
static int map_again(unsigned long addr, int secs)
{
	int err;

	if (map32(addr, &err) <= 0)
		return printf("[FAIL]\tfirst ARCH_MAP_VDSO_32: %s\n", strerror(err)), 1;
	if (map32(addr, &err) != -1 || err != EEXIST)
		return printf("[FAIL]\tsecond ARCH_MAP_VDSO_32 while mapped: %s, expected EEXIST\n",
			      strerror(err)), 1;
	addr = unmap_vdso();
	if (!addr || map32(addr, &err) <= 0)
		return printf("[FAIL]\tARCH_MAP_VDSO_32 after munmap: %s\n", strerror(err)), 1;
	if (!int80_works())
		return printf("[FAIL]\tINT 0x80 getpid after ARCH_MAP_VDSO_32: wrong result\n"), 1;
	printf("[OK]\tmapped, EEXIST, mapped again; INT 0x80 works at once\n");
	sleep(secs);
	return 0;
}

static void *sleeper(void *arg)
{
	sleep((long)arg);
	syscall(SYS_exit_group, 0);
	return NULL;
}

static void *nothing(void *arg)
{
	return NULL;
}

int main(int argc, char **argv)
{
	unsigned long addr;
	long ret;
	int err;

	if (argc < 2) {
		fprintf(stderr,
			"usage: vdso32map maps|EINVAL [SECONDS [fork|thread|exec PROG ARG...]]\n"
			"       vdso32map EEXIST [SECONDS] | again SECONDS | core COREDIR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(argv[1], "core"))
		return argc > 2 ? check_core(argv[2]) : 2;
	if (!strcmp(argv[1], "EEXIST")) {
		/* Its own vDSO still mapped: the call fails, holds nothing */
		ret = map32(0x10000000UL, &err);
		if (ret != -1 || err != EEXIST)
			return printf("[FAIL]\tbeside the vDSO: %ld (%s), not EEXIST\n",
				      ret, strerror(err)), 1;
		printf("[OK]\tARCH_MAP_VDSO_32 beside the vDSO: EEXIST\n");
		if (argc > 2)
			sleep(atoi(argv[2]));
		return 0;
	}
	if (!strcmp(argv[1], "again")) {
		addr = unmap_vdso();
		return addr ? map_again(addr, argc > 2 ? atoi(argv[2]) : 0) : 1;
	}
	addr = unmap_vdso();
	if (!addr) {
		printf("[FAIL]\tno vDSO to unmap\n");
		return 1;
	}
	ret = map32(addr, &err);
	if (!strcmp(argv[1], "maps")) {
		if (ret <= 0) {
			printf("[FAIL]\tARCH_MAP_VDSO_32: %s\n", strerror(err));
			return 1;
		}
		printf("[OK]\tARCH_MAP_VDSO_32 mapped %ld bytes at %#lx\n",
		       ret, addr);
		if (argc > 4 && !strcmp(argv[3], "exec")) {
			/* A 64-bit program replaces the address space */
			execv(argv[4], argv + 4);
			return printf("[FAIL]\texec %s\n", argv[4]), 1;
		}
		if (argc > 3 && !strcmp(argv[3], "thread")) {
			pthread_t t;
			pid_t pid;

			/* CLONE_VM without a copy: nothing more to hold */
			if (pthread_create(&t, NULL, nothing, NULL) ||
			    pthread_join(t, NULL))
				return 1;
			pid = vfork();
			if (pid == 0)
				_exit(0);
			if (pid < 0 || waitpid(pid, NULL, 0) != pid)
				return 1;
			/* The leader goes, a thread keeps the address space */
			if (pthread_create(&t, NULL, sleeper,
					   (void *)(long)(argc > 2 ? atoi(argv[2]) : 0)))
				return 1;
			syscall(SYS_exit, 0);
		}
		if (argc > 3 && !strcmp(argv[3], "fork")) {
			pid_t pid = fork();

			if (pid < 0)
				return 1;
			if (pid > 0) {
				printf("%d\n", pid);
				return 0;
			}
		}
		if (argc > 2)
			sleep(atoi(argv[2]));
		return 0;
	}
	if (ret >= 0 || strcmp(argv[1], err == EINVAL ? "EINVAL" : "E?")) {
		printf("[FAIL]\tARCH_MAP_VDSO_32: %ld (%s), expected %s\n", ret,
		       ret < 0 ? strerror(err) : "mapped", argv[1]);
		return 1;
	}
	printf("[OK]\tARCH_MAP_VDSO_32 refused with %s\n", argv[1]);
	return 0;
}
