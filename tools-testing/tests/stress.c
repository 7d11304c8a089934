// SPDX-License-Identifier: GPL-2.0
/*
 * stress exec PROGRAM | stress int80: one side of the load/unload stress,
 * run until the file /tmp/stress.stop exists.
 *
 * exec:  exec PROGRAM (a 32-bit program that exits 0) in a loop.  Each exec
 *        must either run it to exit 0 or fail with ENOEXEC (module not
 *        loaded), nothing in between.
 * int80: getppid() through INT 0x80 from 64-bit mode in a loop.  Each must
 *        either return getppid() or raise the #GP of a shut door (SIGSEGV,
 *        SI_KERNEL, trap 13, error code 0x402, IP at the INT).
 *
 * Prints the counts ("ran N enoexec N other N", "works N gp N other N");
 * exit status 0 if "other" is 0, 1 if not.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fault.h"

#define STOP_FILE "/tmp/stress.stop"

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

extern char hammer_insn[];
static int stress_int80(void)
{
	void * const insns[] = { hammer_insn, NULL };
	unsigned long works = 0, gp = 0, other = 0;
	long ret;

	fault_catch(SIGSEGV, -1, insns);

	while (!stopped()) {
		fault_reset();
		ret = 64;	/* __NR_getppid in the i386 table */
		asm volatile ("hammer_insn: int $0x80"
			      : "+a" (ret) : : "memory",
			      "r8", "r9", "r10", "r11");
		if (fault_is_gp_at(hammer_insn, 0x402))
			gp++;
		else if (!fault.signal && ret == getppid())
			works++;
		else
			other++;
	}
	printf("works %lu gp %lu other %lu\n", works, gp, other);
	return other ? 1 : 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "exec"))
		return stress_exec(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "int80"))
		return stress_int80();
	fprintf(stderr, "usage: stress exec PROGRAM | stress int80\n");
	return 2;
}
