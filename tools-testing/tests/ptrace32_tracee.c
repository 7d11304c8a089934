// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace32_tracee FD: the 32-bit tracee of ptrace32 (run it through
 * ptrace32; alone it dies at its INT3).
 *
 * - Makes a TLS entry with set_thread_area() and loads fs with it.
 * - Finds which doors the CPU offers (door32.h) and writes what the
 *   tracer needs to know (ptrace32.h: struct tracee_info) to FD.
 * - Stops at an INT3 with every register, eflags, st(0), the x87 control
 *   word, MXCSR and xmm0-7 holding the values of ptrace32.h; esp too: the
 *   tracer must not deliver the SIGTRAP, and then nothing uses the stack.
 * - Makes getppid() through every door it has, the six arguments
 *   SC_ARG(door, 0..5), esp SC_ESP(door) where the door leaves it alone,
 *   and checks the result and that every register but eax came back
 *   (eflags as door32.h says).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"
#include "door32.h"
#include "ptrace32.h"

#define STR(x)		#x
#define XSTR(x)		STR(x)

uint32_t stop_saved_esp, stop_fs;
uint16_t stop_fpu_cw = STOP_FPU_CW;
uint32_t stop_mxcsr = STOP_MXCSR;
uint32_t stop_st0[3] = { STOP_ST0_LO, STOP_ST0_MID, STOP_ST0_EXP };
uint32_t stop_xmm[8][4];
uint32_t stop_mxcsr_default = 0x1f80;
void stop_here(void);
extern char stop_ip[];

asm (".pushsection .text\n"
	".globl stop_here, stop_ip\n"
	".type stop_here, @function\n"
	"stop_here:\n"
	"	pushl %ebp\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl %esp, stop_saved_esp\n"
	"	fninit\n"
	"	fldcw stop_fpu_cw\n"
	"	fldt stop_st0\n"
	"	ldmxcsr stop_mxcsr\n"
	"	movdqu stop_xmm, %xmm0\n"
	"	movdqu stop_xmm+16, %xmm1\n"
	"	movdqu stop_xmm+32, %xmm2\n"
	"	movdqu stop_xmm+48, %xmm3\n"
	"	movdqu stop_xmm+64, %xmm4\n"
	"	movdqu stop_xmm+80, %xmm5\n"
	"	movdqu stop_xmm+96, %xmm6\n"
	"	movdqu stop_xmm+112, %xmm7\n"
	"	movl stop_fs, %eax\n"
	"	movw %ax, %fs\n"
	"	pushl $" XSTR(STOP_EFLAGS) "\n"
	"	popfl\n"
	"	movl $" XSTR(STOP_EAX) ", %eax\n"
	"	movl $" XSTR(STOP_EBX) ", %ebx\n"
	"	movl $" XSTR(STOP_ECX) ", %ecx\n"
	"	movl $" XSTR(STOP_EDX) ", %edx\n"
	"	movl $" XSTR(STOP_ESI) ", %esi\n"
	"	movl $" XSTR(STOP_EDI) ", %edi\n"
	"	movl $" XSTR(STOP_EBP) ", %ebp\n"
	"	movl $" XSTR(STOP_ESP) ", %esp\n"
	"	int3\n"
	"stop_ip:\n"
	"	movl stop_saved_esp, %esp\n"
	"	cld\n"
	/* Back to the state glibc expects */
	"	fninit\n"
	"	ldmxcsr stop_mxcsr_default\n"
	"	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	popl %ebp\n"
	"	ret\n"
	".size stop_here, .-stop_here\n"
	".popsection\n");

int main(int argc, char **argv)
{
	struct tracee_info info = { .magic = TRACEE_MAGIC };
	/* A struct user_desc: a new entry, base, limit, flags (TLS_FLAGS) */
	uint32_t tls[4] = { -1, TLS_BASE, TLS_LIMIT, TLS_FLAGS };
	struct door32_regs in, out;
	uint32_t *regs = &in.eax;
	int d, i, fd, w;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc != 2) {
		fprintf(stderr, "usage: ptrace32_tracee FD (run by ptrace32)\n");
		return 2;
	}
	fd = atoi(argv[1]);
	if (door32_init() || syscall(SYS_set_thread_area, tls)) {
		perror("door32_init or set_thread_area");
		return 2;
	}
	info.tls_entry = tls[0];
	stop_fs = tls[0] * 8 + 3;
	asm volatile ("movl %%gs, %0" : "=r" (info.gs));
	asm volatile ("movl %%gs:0, %0" : "=r" (info.gs_base));
	for (i = 0; i < 8; i++)
		for (w = 0; w < 4; w++)
			stop_xmm[i][w] = STOP_XMM(i, w);

	/* Which doors are there: getpid() through each */
	for (d = 0; d < DOOR32_N; d++) {
		memset(&in, 0, sizeof(in));
		in.eax = 20;
		in.esp = SC_ESP(d);
		in.eflags = 0x202;
		if (!door32_call(d, &in, &out))
			info.doors |= 1 << d;
	}
	info.stop_ip = (uint32_t)stop_ip;
	info.int80_ret = (uint32_t)door32_int80_insn + 2;
	info.saved_esp = (uint32_t)&door32_saved_esp;
	info.frame = (uint32_t)door32_frame;
	if (write(fd, &info, sizeof(info)) != sizeof(info)) {
		perror("write");
		return 2;
	}
	close(fd);

	stop_here();

	for (d = 0; d < DOOR32_N; d++) {
		if (!(info.doors & 1 << d)) {
			skip("tracee: %s: not offered by this CPU", door32_name[d]);
			continue;
		}
		in.eax = SC_NR;
		for (i = 0; i < 6; i++)
			regs[i + 1] = SC_ARG(d, i);
		in.esp = SC_ESP(d);
		in.eflags = STOP_EFLAGS;
		door32_call(d, &in, &out);
		check((int)out.eax == getppid(), "tracee: %s: getppid() traced",
		      door32_name[d]);
		check(out.ebx == in.ebx && out.ecx == in.ecx &&
		      out.edx == in.edx && out.esi == in.esi &&
		      out.edi == in.edi && out.ebp == in.ebp &&
		      out.esp == door32_esp_after(d, &in) &&
		      !((out.eflags ^ in.eflags) & door32_eflags_mask(d)),
		      "tracee: %s: registers preserved under PTRACE_SYSCALL",
		      door32_name[d]);
	}
	return check_exit();
}
