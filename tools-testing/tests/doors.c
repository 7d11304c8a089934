// SPDX-License-Identifier: GPL-2.0
/*
 * doors open|shut|policy [INT80_ERR]: knock on every 32-bit door from a
 * 64-bit task, in 64-bit mode and from two 32-bit code segments, the
 * kernel's (__USER32_CS, reached with a far return) and one of the task's
 * own in the LDT (modify_ldt), and check that each is open or refused as
 * the first argument says.
 *
 * shut: IA32 emulation disabled, as on a kernel booted with
 * ia32_emulation=off:
 *   INT 0x80     #GP from the CPU: SIGSEGV with si_code SI_KERNEL, address
 *                0, IP at the instruction -- at its first prefix for a
 *                prefixed one (3e cd 80) -- and error code INT80_ERR
 *                (default 0x402; see int80.c for QEMU's 0x802)
 *   SYSCALL      returns -ENOSYS after the instruction
 *   SYSENTER     #GP(0): from the CPU, at the instruction, with
 *                SYSENTER_CS 0 (ia32_emulation=off); from the entry code of
 *                loadable IA32 emulation, which leaves the SYSENTER MSRs
 *                set, at the SYSENTER of the vDSO (SYSENTER loses the IP);
 *                or #UD at the instruction (AMD in long mode)
 * policy: IA32 emulation enabled, i386_only set, and this is no i386
 * program: refused by the entry code, with the error each door gives when
 * shut:
 *   INT 0x80     #GP(0x402) with the IP rewound over the two bytes of the
 *                INT (the entry code cannot see prefixes)
 *   SYSCALL      returns -ENOSYS after the instruction
 *   SYSENTER     as when shut
 * open: IA32 emulation enabled for every task, as built in:
 *   INT 0x80     getpid() through the i386 table, from every mode
 * SYSCALL and SYSENTER from an enabled door return to the landing pad of
 * the 32-bit vDSO, which a 64-bit task does not have: the 32-bit tests
 * (vdso_door_32, the selftests) cover them.
 *
 * Exit status 0: all as expected.  1: a door behaved otherwise.
 */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "compat.h"
#include "fault.h"

extern char door_int80_64_insn[];

#define NO_RESULT 0x7fff1234

enum mode { OPEN, SHUT, POLICY };

static int failures;

static void report(const char *door, const char *seg, int ok, const char *what)
{
	printf("%s %s-%s: %s", ok ? "ok" : "not ok", door, seg, what);
	if (fault.signal)
		printf(" (signal %d si_code %d addr %p trap %lu err %#lx pc %#lx)",
		       fault.signal, fault.si.si_code, fault.si.si_addr,
		       fault.trap, fault.err, fault.pc);
	else
		printf(" (returned %d)", door_ret);
	printf("\n");
	if (!ok)
		failures++;
}

static void knock32(void (*door)(void), void *stack, unsigned long cs,
		    void *resume)
{
	fault_reset();
	fault_resume = resume;
	door_ret = NO_RESULT;
	call32(stack, door, cs);
	fault_resume = NULL;
}

/* A flat 32-bit code segment in the LDT, as Wine sets them up. */
static int setup_ldt(void)
{
	struct user_desc desc = {
		.entry_number	= 0,
		.base_addr	= 0,
		.limit		= 0xfffff,
		.seg_32bit	= 1,
		.contents	= 2,	/* code */
		.read_exec_only	= 0,
		.limit_in_pages	= 1,
		.seg_not_present = 0,
	};

	return syscall(SYS_modify_ldt, 1, &desc, sizeof(desc));
}

/* Every door from the code segment @cs (named @seg). */
static void knock_all(void *stack, unsigned long cs, const char *seg,
		      enum mode mode, unsigned long int80_err)
{
	knock32(door_int80_32, stack, cs, NULL);
	if (mode == OPEN)
		report("int80", seg, !fault.signal && door_ret == getpid(),
		       "getpid()");
	else
		report("int80", seg, fault_is_gp_at(door_int80_insn, int80_err),
		       "#GP at the INT");

	knock32(door_int80_prefixed_32, stack, cs, door_int80_prefixed_done);
	if (mode == OPEN)
		report("int80-prefixed", seg,
		       !fault.signal && door_ret == getpid(), "getpid()");
	else if (mode == SHUT)
		report("int80-prefixed", seg,
		       fault_is_gp_at(door_int80_prefixed_insn, int80_err),
		       "#GP at the prefix");
	else
		report("int80-prefixed", seg,
		       fault_is_gp_at(door_int80_prefixed_opcode, int80_err),
		       "#GP at the INT opcode, after the prefix");

	if (mode == OPEN)
		return;

	knock32(door_syscall_32, stack, cs, NULL);
	report("syscall", seg, !fault.signal && door_ret == -ENOSYS,
	       "-ENOSYS");

	knock32(door_sysenter_32, stack, cs, door_sysenter_done);
	report("sysenter", seg,
	       (fault.signal == SIGSEGV && fault.si.si_code == SI_KERNEL &&
		fault.trap == 13 && !fault.err) ||
	       (fault.signal == SIGILL &&
		fault.pc == (unsigned long)door_sysenter_insn),
	       "#GP(0), or #UD at the SYSENTER");
}

int main(int argc, char **argv)
{
	unsigned long int80_err = 0x402;
	/* The two-byte doors, the only instructions that may fault */
	void * const insns[] = {
		door_int80_64_insn, door_int80_insn, door_syscall_insn,
		door_sysenter_insn, NULL
	};
	enum mode mode;
	char *stack;
	long ret;

	setvbuf(stdout, NULL, _IONBF, 0);

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: doors open|shut|policy [INT80_ERR]\n");
		return 2;
	}
	if (!strcmp(argv[1], "open")) {
		mode = OPEN;
	} else if (!strcmp(argv[1], "shut")) {
		mode = SHUT;
	} else if (!strcmp(argv[1], "policy")) {
		mode = POLICY;
	} else {
		fprintf(stderr, "usage: doors open|shut|policy [INT80_ERR]\n");
		return 2;
	}
	if (argc == 3)
		int80_err = strtoul(argv[2], NULL, 0);

	fault_catch(SIGSEGV, NO_RESULT, insns);
	fault_catch(SIGILL, NO_RESULT, insns);

	/* 32-bit code needs a stack below 4 GiB. */
	stack = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (stack == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	stack += 4096 - 64;

	/* INT 0x80 from 64-bit mode */
	fault_reset();
	ret = 20;
	asm volatile ("door_int80_64_insn: int $0x80"
		      : "+a" (ret) : : "memory", "r8", "r9", "r10", "r11");
	door_ret = ret;
	if (mode == OPEN)
		report("int80", "64bit", !fault.signal && ret == getpid(),
		       "getpid()");
	else
		report("int80", "64bit",
		       fault_is_gp_at(door_int80_64_insn, int80_err),
		       "#GP at the INT");

	knock_all(stack, USER32_CS, "compat", mode, int80_err);
	if (setup_ldt()) {
		perror("modify_ldt");
		return 2;
	}
	knock_all(stack, LDT_CS, "ldt", mode, int80_err);

	return failures ? 1 : 0;
}
