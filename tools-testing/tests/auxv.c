// SPDX-License-Identifier: GPL-2.0
/*
 * auxv: the auxiliary vector and the vDSO of a 32-bit process.
 *
 * - AT_SYSINFO_EHDR is the start of the [vdso] mapping, AT_SYSINFO lies in
 *   it and is the vDSO's own __kernel_vsyscall (ARCH_DLINFO_IA32).
 * - AT_MINSIGSTKSZ is present and large enough for an i386 signal frame.
 * - The vDSO's clock_gettime (64-bit time), gettimeofday and time agree
 *   with the system calls: each lies between two calls around it.
 *
 * The vDSO is parsed with the kernel selftests' parse_vdso.c.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* tools/testing/selftests/vDSO/parse_vdso.c */
void vdso_init_from_sysinfo_ehdr(uintptr_t base);
void *vdso_sym(const char *version, const char *name);

struct ts64 {
	int64_t sec, nsec;
};

struct tv32 {
	int32_t sec, usec;
};

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static int vdso_range(unsigned long *start, unsigned long *end)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	char line[256];
	int found = 0;

	if (!maps)
		return 0;
	while (!found && fgets(line, sizeof(line), maps))
		if (strstr(line, "[vdso]") &&
		    sscanf(line, "%lx-%lx", start, end) == 2)
			found = 1;
	fclose(maps);
	return found;
}

static int64_t ns(const struct ts64 *t)
{
	return t->sec * 1000000000LL + t->nsec;
}

int main(void)
{
	int (*vdso_clock_gettime64)(clockid_t clk, struct ts64 *ts);
	int (*vdso_gettimeofday)(struct tv32 *tv, void *tz);
	int32_t (*vdso_time)(int32_t *t);
	unsigned long ehdr, sysinfo, minsig, start, end;
	struct ts64 a, b, c;
	struct tv32 tv;
	void *vsyscall;
	int32_t t1, t2, t3;

	setvbuf(stdout, NULL, _IONBF, 0);

	ehdr = getauxval(AT_SYSINFO_EHDR);
	sysinfo = getauxval(AT_SYSINFO);
	errno = 0;
	minsig = getauxval(AT_MINSIGSTKSZ);
	printf("# AT_SYSINFO_EHDR %#lx AT_SYSINFO %#lx AT_MINSIGSTKSZ %lu\n",
	       ehdr, sysinfo, minsig);
	if (!ehdr || !vdso_range(&start, &end)) {
		check(0, "AT_SYSINFO_EHDR and a [vdso] mapping");
		return 1;
	}
	printf("# [vdso] %#lx-%#lx\n", start, end);
	check(ehdr == start, "AT_SYSINFO_EHDR is the start of [vdso]");
	check(sysinfo >= start && sysinfo < end, "AT_SYSINFO is in [vdso]");
	check(!errno && minsig >= 512 && minsig <= 65536,
	      "AT_MINSIGSTKSZ present and sane");

	vdso_init_from_sysinfo_ehdr(ehdr);
	vsyscall = vdso_sym("LINUX_2.5", "__kernel_vsyscall");
	check(vsyscall && (unsigned long)vsyscall == sysinfo,
	      "AT_SYSINFO is __kernel_vsyscall");

	vdso_clock_gettime64 = vdso_sym("LINUX_2.6", "__vdso_clock_gettime64");
	vdso_gettimeofday = vdso_sym("LINUX_2.6", "__vdso_gettimeofday");
	vdso_time = vdso_sym("LINUX_2.6", "__vdso_time");
	if (!vdso_clock_gettime64 || !vdso_gettimeofday || !vdso_time) {
		check(0, "vDSO exports clock_gettime64, gettimeofday, time");
		return 1;
	}

	syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &a);
	vdso_clock_gettime64(CLOCK_MONOTONIC, &b);
	syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &c);
	check(ns(&a) <= ns(&b) && ns(&b) <= ns(&c),
	      "vDSO clock_gettime64(CLOCK_MONOTONIC) agrees with the syscall");

	syscall(SYS_clock_gettime64, CLOCK_REALTIME, &a);
	vdso_clock_gettime64(CLOCK_REALTIME, &b);
	syscall(SYS_clock_gettime64, CLOCK_REALTIME, &c);
	check(ns(&a) <= ns(&b) && ns(&b) <= ns(&c),
	      "vDSO clock_gettime64(CLOCK_REALTIME) agrees with the syscall");

	syscall(SYS_clock_gettime64, CLOCK_REALTIME, &a);
	vdso_gettimeofday(&tv, NULL);
	syscall(SYS_clock_gettime64, CLOCK_REALTIME, &c);
	b.sec = tv.sec;
	b.nsec = tv.usec * 1000LL;
	check(ns(&a) / 1000 <= ns(&b) / 1000 && ns(&b) <= ns(&c),
	      "vDSO gettimeofday agrees with the syscall");

	t1 = syscall(SYS_time, NULL);
	t2 = vdso_time(NULL);
	t3 = syscall(SYS_time, NULL);
	check(t1 <= t2 && t2 <= t3, "vDSO time agrees with the syscall");

	return failures ? 1 : 0;
}
