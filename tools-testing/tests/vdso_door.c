// SPDX-License-Identifier: GPL-2.0
/*
 * Which door does the 32-bit vDSO's __kernel_vsyscall enter the kernel by?
 * The kernel patches it at boot: SYSENTER on Intel-like CPUs, compat
 * SYSCALL on AMD-like ones, INT 0x80 otherwise.  Prints the door and, given
 * the expected one as argv[1], fails when they differ.  A getppid() through
 * __kernel_vsyscall checks that the door also works.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/syscall.h>

static const char *door_of(const unsigned char *p)
{
	int i;

	for (i = 0; i < 32; i++) {
		if (p[i] == 0x0f && p[i + 1] == 0x34)
			return "sysenter";
		if (p[i] == 0x0f && p[i + 1] == 0x05)
			return "syscall";
		if (p[i] == 0xcd && p[i + 1] == 0x80)
			return "int80";
	}
	return "unknown";
}

int main(int argc, char **argv)
{
	unsigned long vsys = getauxval(AT_SYSINFO);
	const char *door;
	long ret;

	if (!vsys) {
		printf("not ok: no AT_SYSINFO in the auxiliary vector\n");
		return 1;
	}
	door = door_of((const unsigned char *)vsys);
	asm volatile ("call *%[f]" : "=a" (ret)
		      : [f] "r" (vsys), "a" (SYS_getppid) : "memory");
	printf("vdso door: %s (__kernel_vsyscall at %#lx), getppid() = %ld, expected %ld\n",
	       door, vsys, ret, (long)getppid());
	if (ret != getppid()) {
		printf("not ok: getppid through __kernel_vsyscall is wrong\n");
		return 1;
	}
	if (argc > 1 && strcmp(argv[1], door)) {
		printf("not ok: expected the %s door\n", argv[1]);
		return 1;
	}
	return 0;
}
