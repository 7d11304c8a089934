// SPDX-License-Identifier: GPL-2.0
/*
 * sysnr: the 32-bit tracee of ptrace_nr.  Makes system calls through each
 * door (INT 0x80 and the vDSO's __kernel_vsyscall, which is SYSENTER or
 * compat SYSCALL) with a marker in ebx that tells the tracer what to do
 * at the entry stop, and prints what each returned.  Exits 1 unless every
 * call gave what it must: the out-of-range numbers -ENOSYS, getpid the
 * pid, and under ptrace_nr (a tracer in TracerPid) the getpid that the
 * tracer turns into 0xdead0000000003e8 -ENOSYS.  Run by itself, it is the
 * CVE-2014-4508 check without a tracer.
 */
#include <errno.h>
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

/* Whether a tracer is attached (TracerPid in /proc/self/status). */
static int traced(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int pid = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &pid) == 1)
			break;
	fclose(f);
	return pid != 0;
}

static int failures;

static void check(const char *door, const char *what, long ret, long want)
{
	printf("%s %s %s: %ld", ret == want ? "ok" : "not ok", door, what, ret);
	if (ret != want) {
		printf(", expected %ld", want);
		failures++;
	}
	printf("\n");
}

int main(void)
{
	static const struct {
		long nr, mark;
		const char *what;
		int oor, oor_traced;	/* -ENOSYS expected, alone / traced */
	} calls[] = {
		{ 20, MARK_PLAIN, "getpid", 0, 0 },
		{ 1000, MARK_PLAIN, "1000", 1, 1 },
		{ -1, MARK_PLAIN, "-1", 1, 1 },
		{ 20, MARK_HIGH_BIT, "getpid, bit 32 set by the tracer", 0, 0 },
		{ 20, MARK_HIGH_OOR, "getpid, made 0xdead0000000003e8 by the tracer",
		  0, 1 },
	};
	long pid = getpid();
	int tracer = traced();
	unsigned int i;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("pid %ld, %s\n", pid, tracer < 0 ? "no /proc/self/status" :
	       tracer ? "traced" : "not traced");
	if (tracer < 0)
		return 1;
	/*
	 * The pid is asked for first: a marked call may leave its marker in
	 * ebx, and libc's getpid(), which takes no argument, would pass it
	 * on to the tracer.
	 */
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		int oor = tracer ? calls[i].oor_traced : calls[i].oor;
		long want = oor ? -ENOSYS : pid;
		long a = int80(calls[i].nr, calls[i].mark);
		long b = vsyscall(calls[i].nr, calls[i].mark);

		check("int80", calls[i].what, a, want);
		check("vsyscall", calls[i].what, b, want);
	}
	return failures ? 1 : 0;
}
