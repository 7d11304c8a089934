// SPDX-License-Identifier: GPL-2.0
/*
 * doors GATE [INT80_ERR]: knock on every 32-bit door from a 64-bit task,
 * in 64-bit mode and after a far jump to compatibility mode, and check
 * that it is open or shut as GATE ("open" or "shut") says.
 *
 * Shut, as on a kernel booted with ia32_emulation=off:
 *   INT 0x80     #GP, SIGSEGV with si_code SI_KERNEL, address 0, RIP at
 *                the INT, error code INT80_ERR (default 0x402; see int80.c)
 *   SYSCALL      (compatibility mode) returns -ENOSYS at the next insn
 *   SYSENTER     (compatibility mode) faults at the instruction: #GP(0)
 *                with SYSENTER_CS 0 (Intel), #UD (AMD in long mode)
 * Open, as with IA32 emulation built in:
 *   INT 0x80     getpid() through the i386 table, from both modes
 * SYSCALL and SYSENTER with the gate open return to the landing pad of
 * the 32-bit vDSO, which a 64-bit task does not have: the 32-bit tests
 * (vdso_door_32, the selftests) cover them.
 *
 * Exit status 0: all as expected.  1: a door behaved otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fault.h"

/* tools/testing/selftests/x86/thunks.S */
void call32_from_64(void *stack, void (*function)(void));

/* The doors, knocked from compatibility mode.  Each stores EAX. */
void door_int80_32(void);
void door_syscall_32(void);
void door_sysenter_32(void);
extern char door_int80_insn[], door_syscall_insn[], door_sysenter_insn[];
extern char door_int80_64_insn[];
int door_ret;

asm (".pushsection .text\n"
	".code32\n"
	"door_int80_32:\n"
	"	movl $20, %eax\n"		/* __NR_getpid, i386 */
	"door_int80_insn:\n"
	"	int $0x80\n"
	"	movl %eax, door_ret\n"
	"	ret\n"
	"door_syscall_32:\n"
	"	movl $20, %eax\n"
	"	movl %esp, %ebp\n"
	"door_syscall_insn:\n"
	"	syscall\n"
	"	movl %eax, door_ret\n"
	"	ret\n"
	"door_sysenter_32:\n"
	"	movl $20, %eax\n"
	"	movl %esp, %ebp\n"
	"door_sysenter_insn:\n"
	"	sysenter\n"
	"	movl %eax, door_ret\n"
	"	ret\n"
	".code64\n"
	".popsection\n");

#define NO_RESULT 0x7fff1234

static int failures;

static void report(const char *door, int ok, const char *what)
{
	printf("%s %s: %s", ok ? "ok" : "not ok", door, what);
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

static void knock32(void (*door)(void), void *stack)
{
	fault_reset();
	door_ret = NO_RESULT;
	call32_from_64(stack, door);
}

int main(int argc, char **argv)
{
	unsigned long int80_err = 0x402;
	/* Each door is a two-byte instruction, the only ones that may fault */
	void * const insns[] = {
		door_int80_64_insn, door_int80_insn, door_syscall_insn,
		door_sysenter_insn, NULL
	};
	char *stack;
	int open;
	long ret;

	setvbuf(stdout, NULL, _IONBF, 0);

	if (argc < 2 || argc > 3 ||
	    (strcmp(argv[1], "open") && strcmp(argv[1], "shut"))) {
		fprintf(stderr, "usage: doors open|shut [INT80_ERR]\n");
		return 2;
	}
	open = !strcmp(argv[1], "open");
	if (argc == 3)
		int80_err = strtoul(argv[2], NULL, 0);

	fault_catch(SIGSEGV, NO_RESULT, insns);
	fault_catch(SIGILL, NO_RESULT, insns);

	/* Compatibility mode needs a stack below 4 GiB. */
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
	if (open)
		report("int80-64bit", !fault.signal && ret == getpid(),
		       "getpid()");
	else
		report("int80-64bit", fault_is_gp_at(door_int80_64_insn, int80_err),
		       "#GP at the INT");

	/* INT 0x80 from compatibility mode */
	knock32(door_int80_32, stack);
	if (open)
		report("int80-compat", !fault.signal && door_ret == getpid(),
		       "getpid()");
	else
		report("int80-compat", fault_is_gp_at(door_int80_insn, int80_err),
		       "#GP at the INT");

	if (!open) {
		knock32(door_syscall_32, stack);
		report("syscall-compat", !fault.signal && door_ret == -ENOSYS,
		       "-ENOSYS");

		knock32(door_sysenter_32, stack);
		report("sysenter-compat",
		       (fault.signal == SIGSEGV || fault.signal == SIGILL) &&
		       fault.pc == (unsigned long)door_sysenter_insn,
		       "fault at the SYSENTER");
	}

	return failures ? 1 : 0;
}
