// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace_nr SYSNR_32: trace the 32-bit program sysnr (PTRACE_SYSCALL, the
 * slow path of every door) and check the system call numbers the kernel
 * acts on.  Regressions of:
 * - CVE-2014-4508: an out-of-range number (1000, -1) from a traced 32-bit
 *   task, through INT 0x80 and through SYSENTER/SYSCALL (the vDSO), must
 *   give -ENOSYS, not an oops;
 * - CVE-2010-3301: a 64-bit tracer that writes a number with high bits
 *   into orig_rax must not index the i386 table with them: the kernel
 *   uses the low 32 bits (bit 32 set on getpid still gives getpid; garbage
 *   above 1000 gives -ENOSYS).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define MARK_PLAIN	0x5150000
#define MARK_HIGH_BIT	0x5150001
#define MARK_HIGH_OOR	0x5150002

static int failures;

static void check(int ok, const char *what, long nr, long ret)
{
	printf("%s %s (orig_rax %#lx, returned %ld)\n", ok ? "ok" : "not ok",
	       what, nr, ret);
	if (!ok)
		failures++;
}

int main(int argc, char **argv)
{
	struct user_regs_struct regs;
	int status, in_call = 0, seen = 0;
	unsigned long mark = 0, nr = 0;
	pid_t pid;

	if (argc != 2) {
		fprintf(stderr, "usage: ptrace_nr SYSNR_32\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	pid = fork();
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		execl(argv[1], argv[1], (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACESYSGOOD);

	for (;;) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL))
			break;
		if (waitpid(pid, &status, 0) != pid || WIFEXITED(status) ||
		    WIFSIGNALED(status))
			break;
		if (!WIFSTOPPED(status) || WSTOPSIG(status) != (SIGTRAP | 0x80))
			continue;
		ptrace(PTRACE_GETREGS, pid, NULL, &regs);
		if (!in_call) {
			in_call = 1;
			mark = (unsigned int)regs.rbx;
			nr = regs.orig_rax;
			if (mark == MARK_HIGH_BIT)
				nr = regs.orig_rax | (1UL << 32);
			else if (mark == MARK_HIGH_OOR)
				nr = 0xdead0000000003e8UL;
			if (nr != regs.orig_rax) {
				regs.orig_rax = nr;
				ptrace(PTRACE_SETREGS, pid, NULL, &regs);
			}
			continue;
		}
		in_call = 0;
		if ((mark & ~3UL) != MARK_PLAIN)
			continue;
		seen++;
		switch ((unsigned int)nr) {
		case 20:
			check((int)regs.rax == pid, mark == MARK_HIGH_BIT ?
			      "getpid with bit 32 set: getpid" : "getpid",
			      nr, (int)regs.rax);
			break;
		default:
			check((int)regs.rax == -ENOSYS,
			      "out-of-range number: -ENOSYS", nr, (int)regs.rax);
			break;
		}
	}
	check(WIFEXITED(status) && !WEXITSTATUS(status),
	      "tracee ran to the end", 0, status);
	check(seen == 10, "all ten marked calls seen", 0, seen);
	return failures ? 1 : 0;
}
