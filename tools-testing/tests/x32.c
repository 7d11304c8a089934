// SPDX-License-Identifier: GPL-2.0
/*
 * x32: an x32 program (gcc -mx32: 64-bit mode, 32-bit pointers, system
 * calls with __X32_SYSCALL_BIT).  Loaded by the compat ELF format that the
 * kernel registers at boot, it needs no IA32 emulation: it must run
 * whether the ia32_emulation module is loaded or not.  Checks that it is
 * x32 indeed, that a system call with a pointer works (uname) and that an
 * x32-only one (the x32 number of getpid) gives getpid().
 */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#define X32_SYSCALL_BIT	0x40000000
#define X32_NR_GETPID	39

int main(void)
{
	struct utsname u;
	long pid;

	if (sizeof(void *) != 4 || sizeof(long) != 4) {
		printf("[FAIL]\tnot an x32 program\n");
		return 1;
	}
	if (uname(&u) || strcmp(u.machine, "x86_64")) {
		printf("[FAIL]\tuname\n");
		return 1;
	}
	pid = syscall(X32_SYSCALL_BIT | X32_NR_GETPID);
	if (pid != getpid()) {
		printf("[FAIL]\tx32 getpid %ld, getpid() %d\n", pid, getpid());
		return 1;
	}
	printf("[OK]\tx32 program runs (pid %ld, %s)\n", pid, u.machine);
	return 0;
}
