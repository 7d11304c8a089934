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
#include <ucontext.h>
#include <unistd.h>

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

static volatile sig_atomic_t got_signal;
static siginfo_t got_si;
static unsigned long got_pc, got_err, got_trap;

static void on_fault(int sig, siginfo_t *si, void *ctx_void)
{
	ucontext_t *ctx = ctx_void;

	got_signal = sig;
	got_si = *si;
	got_pc = ctx->uc_mcontext.gregs[REG_RIP];
	got_err = ctx->uc_mcontext.gregs[REG_ERR];
	got_trap = ctx->uc_mcontext.gregs[REG_TRAPNO];
	if (got_pc != (unsigned long)door_int80_64_insn &&
	    got_pc != (unsigned long)door_int80_insn &&
	    got_pc != (unsigned long)door_syscall_insn &&
	    got_pc != (unsigned long)door_sysenter_insn) {
		static const char msg[] = "not ok: fault away from the doors\n";

		write(STDOUT_FILENO, msg, sizeof(msg) - 1);
		_exit(1);
	}
	/* Each door is a two-byte instruction: step over it. */
	ctx->uc_mcontext.gregs[REG_RIP] += 2;
	ctx->uc_mcontext.gregs[REG_RAX] = NO_RESULT;
}

static int failures;

static void report(const char *door, int ok, const char *what)
{
	printf("%s %s: %s", ok ? "ok" : "not ok", door, what);
	if (got_signal)
		printf(" (signal %d si_code %d addr %p trap %lu err %#lx pc %#lx)",
		       got_signal, got_si.si_code, got_si.si_addr, got_trap,
		       got_err, got_pc);
	else
		printf(" (returned %d)", door_ret);
	printf("\n");
	if (!ok)
		failures++;
}

static int is_gp_at(void *insn, unsigned long err)
{
	return got_signal == SIGSEGV && got_si.si_code == SI_KERNEL &&
	       !got_si.si_addr && got_trap == 13 && got_err == err &&
	       got_pc == (unsigned long)insn;
}

static void knock32(void (*door)(void), void *stack)
{
	got_signal = 0;
	door_ret = NO_RESULT;
	call32_from_64(stack, door);
}

int main(int argc, char **argv)
{
	unsigned long int80_err = 0x402;
	struct sigaction sa;
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

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);

	/* Compatibility mode needs a stack below 4 GiB. */
	stack = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (stack == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	stack += 4096 - 64;

	/* INT 0x80 from 64-bit mode */
	got_signal = 0;
	ret = 20;
	asm volatile ("door_int80_64_insn: int $0x80"
		      : "+a" (ret) : : "memory", "r8", "r9", "r10", "r11");
	door_ret = ret;
	if (open)
		report("int80-64bit", !got_signal && ret == getpid(),
		       "getpid()");
	else
		report("int80-64bit", is_gp_at(door_int80_64_insn, int80_err),
		       "#GP at the INT");

	/* INT 0x80 from compatibility mode */
	knock32(door_int80_32, stack);
	if (open)
		report("int80-compat", !got_signal && door_ret == getpid(),
		       "getpid()");
	else
		report("int80-compat", is_gp_at(door_int80_insn, int80_err),
		       "#GP at the INT");

	if (!open) {
		knock32(door_syscall_32, stack);
		report("syscall-compat", !got_signal && door_ret == -ENOSYS,
		       "-ENOSYS");

		knock32(door_sysenter_32, stack);
		report("sysenter-compat",
		       (got_signal == SIGSEGV || got_signal == SIGILL) &&
		       got_pc == (unsigned long)door_sysenter_insn,
		       "fault at the SYSENTER");
	}

	return failures ? 1 : 0;
}
