/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - 32-bit code from a 64-bit task: call32() runs a function in a
 * 32-bit code segment (the kernel's __USER32_CS, or one of the task's own
 * in the LDT), and the doors knocked from there: INT 0x80, with and
 * without a prefix, 32-bit SYSCALL and SYSENTER.  Each door function loads
 * eax with the i386 number of getpid() and stores what it got in
 * door_ret.  For 64-bit programs.
 */
#ifndef IA32TEST_COMPAT_H
#define IA32TEST_COMPAT_H

#ifndef __x86_64__
#error "compat.h is for 64-bit programs"
#endif

#define USER32_CS	0x23
/* LDT entry 0, table indicator, RPL 3 */
#define LDT_CS		((0 << 3) | 4 | 3)
#define NR32_GETPID	20

/*
 * Run @function with the 32-bit code segment @cs on @stack (below 4 GiB),
 * with __USER_DS (0x2b) in DS and ES: a 64-bit task starts with none.
 */
void call32(void *stack, void (*function)(void), unsigned long cs);
asm (".pushsection .text\n"
	"call32:\n"
	"	pushq %rbx\n	pushq %rbp\n	pushq %r12\n"
	"	pushq %r13\n	pushq %r14\n	pushq %r15\n	pushfq\n"
	"	movq %rsp, (%rdi)\n"
	"	movq %rdi, %rsp\n"
	"	movl $0x2b, %eax\n"
	"	movl %eax, %ds\n"
	"	movl %eax, %es\n"
	"	pushq %rdx\n"
	"	pushq $1f\n"
	"	lretq\n"
	".code32\n"
	"1:	call *%esi\n"
	"	ljmp $0x33, $2f\n"
	".code64\n"
	"2:	movq (%rsp), %rsp\n"
	"	popfq\n	popq %r15\n	popq %r14\n	popq %r13\n"
	"	popq %r12\n	popq %rbp\n	popq %rbx\n"
	"	ret\n"
	".popsection\n");

/*
 * The doors.  SYSCALL and SYSENTER use the vDSO's convention (ebp holds
 * esp) and return, when they are let through, to the landing pad of the
 * 32-bit vDSO, which a 64-bit task does not have: see stress.c.
 */
void door_int80_32(void);
void door_int80_prefixed_32(void);
void door_syscall_32(void);
void door_sysenter_32(void);
extern char door_int80_insn[], door_int80_prefixed_insn[];
extern char door_int80_prefixed_opcode[], door_int80_prefixed_done[];
extern char door_syscall_insn[], door_sysenter_insn[], door_sysenter_done[];
int door_ret;

asm (".pushsection .text\n"
	".code32\n"
	"door_int80_32:\n"
	"	movl $20, %eax\n"
	"door_int80_insn:\n"
	"	int $0x80\n"
	"	movl %eax, door_ret\n"
	"	ret\n"
	"door_int80_prefixed_32:\n"
	"	movl $20, %eax\n"
	"door_int80_prefixed_insn:\n"
	"	.byte 0x3e\n"			/* DS prefix */
	"door_int80_prefixed_opcode:\n"
	"	int $0x80\n"
	"door_int80_prefixed_done:\n"
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
	"door_sysenter_done:\n"
	"	movl %eax, door_ret\n"
	"	ret\n"
	".code64\n"
	".popsection\n");

#endif /* IA32TEST_COMPAT_H */
