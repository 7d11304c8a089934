/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmarks run in QEMU with -icount shift=0: the guest's clock, and
 * with it the TSC that RDTSC reads, advances by exactly one per guest
 * instruction executed (kernel and user mode alike), and jumps to the next
 * timer deadline when the guest idles.  A difference of two RDTSC readings
 * is therefore a count of instructions, exact and the same from run to
 * run, plus any time the guest spent idle in between.
 */
#ifndef BENCH_ICOUNT_H
#define BENCH_ICOUNT_H

static inline unsigned long long icount_now(void)
{
	unsigned int lo, hi;

	/* TCG executes in order: no fence is needed around RDTSC. */
	asm volatile ("rdtsc" : "=a" (lo), "=d" (hi) :: "memory");
	return ((unsigned long long)hi << 32) | lo;
}

#endif
