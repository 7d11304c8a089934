// SPDX-License-Identifier: GPL-2.0
/*
 * int80 EXPECT [ERR]: one getpid through INT 0x80 (from a 64-bit task in
 * the _64 build, from a 32-bit one in the _32 build) and check the outcome.
 * EXPECT "works": the call returns getpid().  EXPECT "sigsegv": the gate is
 * shut and the task gets exactly what a kernel without the gate gives: a
 * #GP (trap 13) with error code ERR, SIGSEGV with si_code SI_KERNEL and
 * address 0, RIP at the INT instruction.
 *
 * ERR defaults to 0x402, what an x86 CPU reports for a software INT
 * through an IDT gate of too low a DPL: vector 0x80 in the selector index
 * (bits 3-15), the IDT bit (bit 1) set.  QEMU's TCG computes it with the
 * 16-byte size of a long mode IDT entry (vector * 16 + 2 = 0x802), so a
 * test of the CPU's own #GP under TCG passes 0x802.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"

extern char int80_insn[];

int main(int argc, char **argv)
{
	void * const insns[] = { int80_insn, NULL };
	long ret = 20;	/* __NR_getpid in the i386 table */
	unsigned long want_err = 0x402;

	if (argc == 3)
		want_err = strtoul(argv[2], NULL, 0);
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: int80 works|sigsegv [ERR]\n");
		return 2;
	}
	/* A refused INT 0x80 returns -1 */
	fault_catch(SIGSEGV, -1, insns);

	asm volatile ("int80_insn: int $0x80"
		      : "+a" (ret) : : "memory"
#ifdef __x86_64__
		      , "r8", "r9", "r10", "r11"
#endif
		      );

	if (!fault.signal) {
		printf("INT 0x80 getpid: returned %ld, getpid() is %d\n",
		       ret, getpid());
		if (strcmp(argv[1], "works"))
			return printf("not ok: expected SIGSEGV\n"), 1;
		return ret == getpid() ? 0 : 1;
	}
	printf("INT 0x80 getpid: SIGSEGV si_code %d addr %p, trap %lu err %#lx, pc %s\n",
	       fault.si.si_code, fault.si.si_addr, fault.trap, fault.err,
	       fault.pc == (unsigned long)int80_insn ? "at the INT" : "elsewhere");
	if (strcmp(argv[1], "sigsegv"))
		return printf("not ok: expected the call to work\n"), 1;
	if (!fault_is_gp_at(int80_insn, want_err))
		return printf("not ok: not the #GP of a missing gate\n"), 1;
	return 0;
}
