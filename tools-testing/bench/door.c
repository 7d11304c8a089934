// SPDX-License-Identifier: GPL-2.0
/*
 * door DOOR N: guest instructions per getppid() entering the kernel by
 * DOOR, counted over N calls (icount.h).  Built 32- and 64-bit:
 *
 *   32-bit: int80     INT $0x80
 *           vsyscall  call *AT_SYSINFO, the vDSO's __kernel_vsyscall,
 *                     which enters by SYSENTER on Intel-like CPUs and by
 *                     compat SYSCALL on AMD-like ones
 *           clock     not a door: clock_gettime(CLOCK_MONOTONIC), which
 *                     glibc answers from the 32-bit vDSO that the ELF
 *                     loader maps, without entering the kernel
 *   64-bit: syscall   the native SYSCALL, the baseline
 *           int80     INT $0x80 from 64-bit code (a 32-bit system call)
 *
 * The same loop without the door is timed too and subtracted, so what is
 * left is the door, the kernel's entry and exit, getppid() and, for
 * vsyscall, the vDSO's few instructions around SYSENTER or SYSCALL.
 * Prints one line of key=value pairs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <sys/syscall.h>

#include "icount.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#ifdef __x86_64__
/* INT $0x80 takes the i386 number: getppid is 64 there, 110 natively */
#define NR32_GETPPID	64
#define INT80_CLOBBERS	"r8", "r9", "r10", "r11", "memory"
#else
#define NR32_GETPPID	SYS_getppid
#define INT80_CLOBBERS	"memory"
#endif

typedef unsigned long long (*loop_fn)(unsigned long n);

/* The same loop, the same register set up, no door: the overhead. */
static unsigned long long loop_empty(unsigned long n)
{
	unsigned long long t0 = icount_now();
	unsigned long i;
	long ret;

	for (i = 0; i < n; i++)
		asm volatile ("" : "=a" (ret) : "0" ((long)NR32_GETPPID)
			      : "memory");
	return icount_now() - t0;
}

static unsigned long long loop_int80(unsigned long n)
{
	unsigned long long t0 = icount_now();
	unsigned long i;
	long ret;

	for (i = 0; i < n; i++)
		asm volatile ("int $0x80" : "=a" (ret)
			      : "0" ((long)NR32_GETPPID) : INT80_CLOBBERS);
	return icount_now() - t0;
}

#ifdef __x86_64__
static unsigned long long loop_syscall(unsigned long n)
{
	unsigned long long t0 = icount_now();
	unsigned long i;
	long ret;

	for (i = 0; i < n; i++)
		asm volatile ("syscall" : "=a" (ret) : "0" ((long)SYS_getppid)
			      : "rcx", "r11", "memory");
	return icount_now() - t0;
}
#else
static unsigned long vsyscall;

/* __kernel_vsyscall preserves every register but EAX. */
static unsigned long long loop_vsyscall(unsigned long n)
{
	unsigned long long t0 = icount_now();
	unsigned long i;
	long ret;

	for (i = 0; i < n; i++)
		asm volatile ("call *%[f]" : "=a" (ret)
			      : [f] "r" (vsyscall), "0" ((long)NR32_GETPPID)
			      : "memory");
	return icount_now() - t0;
}

static unsigned long long loop_clock(unsigned long n)
{
	unsigned long long t0 = icount_now();
	struct timespec ts;
	unsigned long i;

	for (i = 0; i < n; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return icount_now() - t0;
}
#endif

static const struct {
	const char *name;
	loop_fn fn;
} doors[] = {
	{ "int80", loop_int80 },
#ifdef __x86_64__
	{ "syscall", loop_syscall },
#else
	{ "vsyscall", loop_vsyscall },
	{ "clock", loop_clock },
#endif
};

int main(int argc, char **argv)
{
	unsigned long long loop, empty;
	unsigned long n;
	unsigned int i;

	if (argc != 3) {
		fprintf(stderr, "usage: door DOOR N\n");
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
#ifndef __x86_64__
	vsyscall = getauxval(AT_SYSINFO);
	if (!vsyscall) {
		fprintf(stderr, "door: no AT_SYSINFO in the auxiliary vector\n");
		return 1;
	}
#endif
	for (i = 0; i < ARRAY_SIZE(doors); i++)
		if (!strcmp(argv[1], doors[i].name))
			break;
	if (!n || i == ARRAY_SIZE(doors)) {
		fprintf(stderr, "door: unknown door %s or no count\n", argv[1]);
		return 2;
	}
	/* One call first, so that no page fault of the first lands in the loop */
	doors[i].fn(1);
	loop_empty(1);
	loop = doors[i].fn(n);
	empty = loop_empty(n);
	printf("n=%lu loop=%llu empty=%llu per_call=%.2f\n", n, loop, empty,
	       (double)(loop - empty) / n);
	return 0;
}
