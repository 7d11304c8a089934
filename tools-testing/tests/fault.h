/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault.h - catch the fault of a system call instruction under test
 *
 * The doors to 32-bit system calls (INT 0x80, SYSCALL, SYSENTER) are all
 * two-byte instructions.  When one faults, the handler records what the
 * task was given (signal, siginfo, trap number, error code, faulting IP),
 * steps over the instruction and makes it "return" a chosen value, so the
 * test goes on and checks the record.
 */
#ifndef IA32TEST_FAULT_H
#define IA32TEST_FAULT_H

#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#ifdef __x86_64__
#define FAULT_REG_PC	REG_RIP
#define FAULT_REG_AX	REG_RAX
#else
#define FAULT_REG_PC	REG_EIP
#define FAULT_REG_AX	REG_EAX
#endif

/* The last fault; signal is 0 if there was none since fault_reset(). */
static struct {
	volatile sig_atomic_t signal;
	siginfo_t si;
	unsigned long pc, err, trap;
} fault;

/* The instructions a fault may hit, NULL-terminated; NULL: any. */
static void * const *fault_insns;
static long fault_ax;
/*
 * Where to resume after a fault, NULL: after the two-byte instruction
 * that faulted, which must be one of fault_insns.  For the doors that are
 * longer (a prefixed INT 0x80) or lose the IP (SYSENTER): the test checks
 * the recorded IP itself.
 */
static void *fault_resume;

static void fault_handler(int sig, siginfo_t *si, void *ctx_void)
{
	ucontext_t *ctx = ctx_void;
	greg_t *gregs = ctx->uc_mcontext.gregs;
	void * const *insn;

	fault.si = *si;
	fault.pc = gregs[FAULT_REG_PC];
	fault.err = gregs[REG_ERR];
	fault.trap = gregs[REG_TRAPNO];
	fault.signal = sig;
	for (insn = fault_insns; insn && *insn; insn++)
		if ((unsigned long)*insn == fault.pc)
			break;
	gregs[FAULT_REG_AX] = fault_ax;
	if (fault_resume) {
		gregs[FAULT_REG_PC] = (unsigned long)fault_resume;
		return;
	}
	if (insn && !*insn) {
		static const char msg[] = "not ok: fault away from the instructions under test\n";

		write(STDOUT_FILENO, msg, sizeof(msg) - 1);
		_exit(1);
	}
	gregs[FAULT_REG_PC] += 2;
}

/*
 * Catch @sig: a faulting instruction returns @ax.  @insns: the only
 * instructions allowed to fault (NULL-terminated), or NULL for any.
 */
static inline void fault_catch(int sig, long ax, void * const *insns)
{
	struct sigaction sa;

	fault_ax = ax;
	fault_insns = insns;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(sig, &sa, NULL);
}

static inline void fault_reset(void)
{
	fault.signal = 0;
}

/*
 * The #GP of an INT through an IDT gate the task may not use: SIGSEGV,
 * SI_KERNEL, no address, trap 13, error code @err, IP at @insn.
 */
static inline int fault_is_gp_at(const void *insn, unsigned long err)
{
	return fault.signal == SIGSEGV && fault.si.si_code == SI_KERNEL &&
	       !fault.si.si_addr && fault.trap == 13 && fault.err == err &&
	       fault.pc == (unsigned long)insn;
}

#endif /* IA32TEST_FAULT_H */
