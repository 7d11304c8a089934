/* SPDX-License-Identifier: GPL-2.0 */
/*
 * door32.h - an i386 system call through a chosen door, with every
 * register a 32-bit task can set loaded from a pattern beforehand and
 * recorded afterwards.  For 32-bit programs.
 *
 * The doors:
 *   int80     INT 0x80.  It does not use the user stack, so esp is
 *             loaded from the pattern too.
 *   vdso      a call to __kernel_vsyscall (AT_SYSINFO), whichever door
 *             the kernel patched into it.
 *   sysenter  SYSENTER from our own code, with the convention of the
 *             vDSO (arch/x86/entry/vdso/vdso32/system_call.S): SYSENTER
 *             loses esp and eip, so ebp points to the user stack, where
 *             the vDSO would have pushed ecx, edx and ebp.  The kernel
 *             reads the sixth argument from (ebp) and returns to the
 *             vDSO's landing pad with esp = ebp; the landing pad pops ebp,
 *             edx and ecx and returns.  We point ebp at door32_frame,
 *             { sixth argument, edx, ecx, return address }, and esp, which
 *             the kernel never sees, holds a pattern.
 *   syscall   compat SYSCALL from our own code: SYSCALL overwrites ecx
 *             with the return address, so the second argument travels in
 *             ebp and the sixth on the stack; esp points to door32_frame
 *             and the kernel returns to the landing pad as for SYSENTER.
 *
 * A door the CPU does not offer (SYSENTER in compatibility mode on AMD,
 * compat SYSCALL on Intel) faults at its instruction, #UD (SIGILL) or
 * #GP (SIGSEGV): door32_call() then returns the signal.  The handler runs
 * on an alternate stack, since esp holds a pattern.
 */
#ifndef IA32TEST_DOOR32_H
#define IA32TEST_DOOR32_H

#ifdef __x86_64__
#error "door32.h is for 32-bit programs"
#endif
#ifndef _GNU_SOURCE
#error "define _GNU_SOURCE before any include: the handler reads REG_EIP"
#endif

#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <ucontext.h>
#include <unistd.h>

enum door32 { DOOR32_INT80, DOOR32_VDSO, DOOR32_SYSENTER, DOOR32_SYSCALL,
	      DOOR32_N };

static const char * const door32_name[DOOR32_N] = {
	"int80", "vdso", "sysenter", "syscall",
};

/* The asm below knows these offsets. */
struct door32_regs {
	uint32_t eax, ebx, ecx, edx, esi, edi, ebp, esp, eflags;
};

/*
 * The flags a 32-bit task can set and keep: CF, PF, AF, ZF, SF, DF, OF
 * and ID, with IF and the reserved bit 1 that are always set.  Not TF
 * (a trap after each instruction), not AC (alignment checks), not NT.
 */
#define DOOR32_EFLAGS	0x00200ed7u
#define DOOR32_EFLAGS_MASK	0x00200fd7u

struct door32_regs door32_in, door32_out;
uint32_t door32_frame[4];
uint32_t door32_saved_esp, door32_vsyscall, door32_target;
void door32_enter(void);
extern char door32_do_int80[], door32_do_vdso[], door32_do_sysenter[];
extern char door32_do_syscall[], door32_back[];
extern char door32_int80_insn[], door32_sysenter_insn[], door32_syscall_insn[];

asm (".pushsection .text\n"
	".globl door32_enter\n"
	".type door32_enter, @function\n"
	"door32_enter:\n"
	"	pushl %ebp\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl %esp, door32_saved_esp\n"
	/* The frame the fast doors return through */
	"	movl door32_in+24, %eax\n"
	"	movl %eax, door32_frame\n"
	"	movl door32_in+12, %eax\n"
	"	movl %eax, door32_frame+4\n"
	"	movl door32_in+8, %eax\n"
	"	movl %eax, door32_frame+8\n"
	"	movl $door32_back, door32_frame+12\n"
	/* From here on only moves and jumps: the flags stay as loaded */
	"	pushl door32_in+32\n"
	"	popfl\n"
	"	movl door32_in+4, %ebx\n"
	"	movl door32_in+8, %ecx\n"
	"	movl door32_in+12, %edx\n"
	"	movl door32_in+16, %esi\n"
	"	movl door32_in+20, %edi\n"
	"	movl door32_in+0, %eax\n"
	"	jmp *door32_target\n"
	".globl door32_do_int80, door32_int80_insn\n"
	"door32_do_int80:\n"
	"	movl door32_in+24, %ebp\n"
	"	movl door32_in+28, %esp\n"
	"door32_int80_insn:\n"
	"	int $0x80\n"
	"	jmp door32_back\n"
	".globl door32_do_vdso\n"
	"door32_do_vdso:\n"
	"	movl door32_in+24, %ebp\n"
	"	call *door32_vsyscall\n"
	"	jmp door32_back\n"
	".globl door32_do_sysenter, door32_sysenter_insn\n"
	"door32_do_sysenter:\n"
	"	movl door32_in+28, %esp\n"
	"	movl $door32_frame, %ebp\n"
	"door32_sysenter_insn:\n"
	"	sysenter\n"
	"	ud2\n"
	".globl door32_do_syscall, door32_syscall_insn\n"
	"door32_do_syscall:\n"
	"	movl door32_in+8, %ebp\n"
	"	movl $door32_frame, %esp\n"
	"door32_syscall_insn:\n"
	"	syscall\n"
	"	ud2\n"
	".globl door32_back\n"
	"door32_back:\n"
	"	movl %eax, door32_out\n"
	"	movl %ebx, door32_out+4\n"
	"	movl %ecx, door32_out+8\n"
	"	movl %edx, door32_out+12\n"
	"	movl %esi, door32_out+16\n"
	"	movl %edi, door32_out+20\n"
	"	movl %ebp, door32_out+24\n"
	"	movl %esp, door32_out+28\n"
	"	movl door32_saved_esp, %esp\n"
	"	pushfl\n"
	"	popl door32_out+32\n"
	"	cld\n"
	"	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	popl %ebp\n"
	"	ret\n"
	".size door32_enter, .-door32_enter\n"
	".popsection\n");

static char * const door32_entry[DOOR32_N] = {
	door32_do_int80, door32_do_vdso, door32_do_sysenter, door32_do_syscall,
};

/* The signal a door's instruction raised in the last door32_call() */
static volatile sig_atomic_t door32_fault;

static void door32_handler(int sig, siginfo_t *si, void *ctx_void)
{
	ucontext_t *ctx = ctx_void;
	greg_t *gregs = ctx->uc_mcontext.gregs;
	unsigned long ip = gregs[REG_EIP];

	if (ip != (unsigned long)door32_sysenter_insn &&
	    ip != (unsigned long)door32_syscall_insn &&
	    ip != (unsigned long)door32_int80_insn) {
		static const char msg[] = "[FAIL] fault away from a door\n";

		write(STDOUT_FILENO, msg, sizeof(msg) - 1);
		_exit(1);
	}
	door32_fault = sig;
	/* door32_back stores the registers, then takes its own stack back */
	gregs[REG_EIP] = (unsigned long)door32_back;
}

/*
 * Find AT_SYSINFO and catch the faults of a door the CPU lacks, on an
 * alternate stack (esp may hold a pattern).  Returns 0, or -1 if there
 * is no AT_SYSINFO or no handler.
 */
static inline int door32_init(void)
{
	static char altstack[65536];
	struct sigaction sa;
	stack_t ss;

	door32_vsyscall = getauxval(AT_SYSINFO);
	ss.ss_sp = altstack;
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL))
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = door32_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	if (sigaction(SIGILL, &sa, NULL) || sigaction(SIGSEGV, &sa, NULL))
		return -1;
	return door32_vsyscall ? 0 : -1;
}

/*
 * Enter the kernel through @door with the registers of @in, and leave in
 * @out those it came back with.  Returns 0, or the signal the door's
 * instruction raised (the door is not there).
 */
static inline int door32_call(enum door32 door, const struct door32_regs *in,
			      struct door32_regs *out)
{
	door32_in = *in;
	door32_target = (uint32_t)door32_entry[door];
	door32_fault = 0;
	door32_enter();
	*out = door32_out;
	return door32_fault;
}

/*
 * The eflags bits a door gives back.  SYSENTER keeps them all, but
 * entry_SYSENTER_compat saves them only after SWITCH_TO_KERNEL_CR3: with
 * page table isolation on, its AND on the CR3 value sets CF, PF, AF, ZF,
 * SF and OF, and these are what the task gets back (the reference kernel
 * does so on the intel model, which has PTI; the amd model has none).
 * Through SYSENTER, and through a vDSO that uses it, only DF, ID and IF
 * are held to.
 */
#define DOOR32_EFLAGS_SYSENTER_MASK	0x00200602u

static inline int door32_uses_sysenter(enum door32 door)
{
	const unsigned char *p = (const unsigned char *)door32_vsyscall;
	int i;

	if (door == DOOR32_SYSENTER)
		return 1;
	if (door != DOOR32_VDSO)
		return 0;
	for (i = 0; i < 32; i++)
		if (p[i] == 0x0f && p[i + 1] == 0x34)
			return 1;
	return 0;
}

static inline uint32_t door32_eflags_mask(enum door32 door)
{
	return door32_uses_sysenter(door) ? DOOR32_EFLAGS_SYSENTER_MASK :
					    DOOR32_EFLAGS_MASK;
}

/* Where esp is after the call, when the door left it alone. */
static inline uint32_t door32_esp_after(enum door32 door,
					const struct door32_regs *in)
{
	switch (door) {
	case DOOR32_INT80:
		return in->esp;
	case DOOR32_VDSO:
		return door32_saved_esp;
	default:
		/* Past the frame, after the landing pad's ret */
		return (uint32_t)&door32_frame[4];
	}
}

#endif /* IA32TEST_DOOR32_H */
