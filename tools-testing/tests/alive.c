// SPDX-License-Identifier: GPL-2.0
/*
 * alive: a 32-bit program that checks, once running, that its 32-bit
 * system calls work through both doors it has: INT 0x80 and the vDSO's
 * __kernel_vsyscall (SYSENTER or 32-bit SYSCALL).  Exit 0 if both return
 * getpid(), 3 if a door refused (SIGSEGV, SIGILL, or -ENOSYS), 1 on any
 * other result.  An i386 exec must never leave a program running whose
 * doors are shut: the on-demand race test runs this in a loop.
 *
 * alive landing: print the offset in the vDSO of its landing pad, the
 * instruction after the INT 0x80 of __kernel_vsyscall, where SYSENTER and
 * 32-bit SYSCALL return (for stress_64 doors).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

static void refused(int sig)
{
	_exit(3);
}

static long int80(long nr)
{
	asm volatile ("int $0x80" : "+a" (nr) : : "memory");
	return nr;
}

static long vsyscall(long nr)
{
	void *entry = (void *)getauxval(AT_SYSINFO);

	asm volatile ("call *%[entry]" : "+a" (nr) : [entry] "r" (entry)
		      : "memory", "ecx", "edx");
	return nr;
}

static int landing(void)
{
	const unsigned char *p = (void *)getauxval(AT_SYSINFO);
	unsigned long base = getauxval(AT_SYSINFO_EHDR);
	int i;

	for (i = 0; p && base && i < 64; i++) {
		if (p[i] == 0xcd && p[i + 1] == 0x80) {
			printf("%#lx\n", (unsigned long)(p + i + 2) - base);
			return 0;
		}
	}
	return 1;
}

int main(int argc, char **argv)
{
	long pid = syscall(SYS_getpid), a, b;

	if (argc > 1 && !strcmp(argv[1], "landing"))
		return landing();

	signal(SIGSEGV, refused);
	signal(SIGILL, refused);
	a = int80(SYS_getpid);
	b = vsyscall(SYS_getpid);
	if (a == -ENOSYS || b == -ENOSYS)
		return 3;
	if (a != pid || b != pid) {
		printf("alive: getpid %ld, INT 0x80 %ld, vDSO %ld\n", pid, a, b);
		return 1;
	}
	return 0;
}
