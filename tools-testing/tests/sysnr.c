// SPDX-License-Identifier: GPL-2.0
/*
 * sysnr: the 32-bit tracee of ptrace_nr.  Makes system calls through each
 * door (INT 0x80 and the vDSO's __kernel_vsyscall, which is SYSENTER or
 * compat SYSCALL) with a marker in ebx that tells the tracer what to do
 * at the entry stop, and prints what each returned.  Run by itself, the
 * out-of-range numbers must give -ENOSYS.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <unistd.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define MARK_PLAIN	0x5150000
#define MARK_HIGH_BIT	0x5150001	/* tracer sets bit 32 of orig_rax */
#define MARK_HIGH_OOR	0x5150002	/* tracer sets garbage | 1000 */

static long int80(long nr, long mark)
{
	asm volatile ("int $0x80" : "+a" (nr) : "b" (mark) : "memory");
	return nr;
}

static long vsyscall(long nr, long mark)
{
	void *entry = (void *)getauxval(AT_SYSINFO);

	asm volatile ("call *%[entry]" : "+a" (nr)
		      : "b" (mark), [entry] "r" (entry) : "memory", "ecx", "edx");
	return nr;
}

int main(void)
{
	static const struct { long nr, mark; const char *what; } calls[] = {
		{ 20, MARK_PLAIN, "getpid" },
		{ 1000, MARK_PLAIN, "1000" },
		{ -1, MARK_PLAIN, "-1" },
		{ 20, MARK_HIGH_BIT, "getpid, bit 32 set by the tracer" },
		{ 20, MARK_HIGH_OOR, "getpid, made 0xdead0000000003e8 by the tracer" },
	};
	unsigned int i;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("pid %d\n", getpid());
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		printf("int80 %s: %ld\n", calls[i].what,
		       int80(calls[i].nr, calls[i].mark));
		printf("vsyscall %s: %ld\n", calls[i].what,
		       vsyscall(calls[i].nr, calls[i].mark));
	}
	return 0;
}
