// SPDX-License-Identifier: GPL-2.0
/*
 * core32_dumper: the 32-bit program whose core dump core32 checks.
 *
 * Three threads, each with its own TLS entry in fs (the same entry number,
 * another base), x87 control word, st(0), MXCSR, xmm0-7, eflags and
 * general registers, esp included (core32.h).  The two other threads spin
 * on a jump to itself; the main thread, once they do, writes to address
 * 0x10 and dies of SIGSEGV, with a core if RLIMIT_CORE and the core
 * pattern allow.  Before that it maps page 1 of its own executable at a
 * fixed address (an NT_FILE entry), opens one I/O port with ioperm() (an
 * NT_386_IOPERM note, if it may) and leaves in its data a block (struct
 * core_expect) with what the checker cannot know beforehand.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core32.h"

#define STR(x)		#x
#define XSTR(x)		STR(x)

struct core_expect expect = { CORE_MAGIC };

/* What the asm loads, per thread */
uint32_t core_regs[CORE_THREADS][8];	/* eax ... ebp, esp */
uint32_t core_eflags[CORE_THREADS], core_mxcsr[CORE_THREADS];
uint16_t core_cw[CORE_THREADS];
uint32_t core_st0[CORE_THREADS][3];
uint32_t core_xmm[CORE_THREADS][8][4];
uint32_t core_fs;
volatile uint32_t core_ready[CORE_THREADS];

void core_spin_1(void);
void core_spin_2(void);
void core_fault(void);
extern char core_spin_ip_1[], core_spin_ip_2[], core_fault_ip[];

/*
 * core_load T: thread T's x87, SSE, fs, eflags and general registers.
 * After it, only moves and jumps: nothing changes them.
 */
asm (".pushsection .text\n"
	".macro core_load t\n"
	"	fninit\n"
	"	fldcw core_cw + 2 * \\t\n"
	"	fldt core_st0 + 12 * \\t\n"
	"	ldmxcsr core_mxcsr + 4 * \\t\n"
	"	movdqu core_xmm + 128 * \\t, %xmm0\n"
	"	movdqu core_xmm + 128 * \\t + 16, %xmm1\n"
	"	movdqu core_xmm + 128 * \\t + 32, %xmm2\n"
	"	movdqu core_xmm + 128 * \\t + 48, %xmm3\n"
	"	movdqu core_xmm + 128 * \\t + 64, %xmm4\n"
	"	movdqu core_xmm + 128 * \\t + 80, %xmm5\n"
	"	movdqu core_xmm + 128 * \\t + 96, %xmm6\n"
	"	movdqu core_xmm + 128 * \\t + 112, %xmm7\n"
	"	movl core_fs, %eax\n"
	"	movw %ax, %fs\n"
	"	pushl core_eflags + 4 * \\t\n"
	"	popfl\n"
	"	movl core_regs + 32 * \\t, %eax\n"
	"	movl core_regs + 32 * \\t + 4, %ebx\n"
	"	movl core_regs + 32 * \\t + 8, %ecx\n"
	"	movl core_regs + 32 * \\t + 12, %edx\n"
	"	movl core_regs + 32 * \\t + 16, %esi\n"
	"	movl core_regs + 32 * \\t + 20, %edi\n"
	"	movl core_regs + 32 * \\t + 24, %ebp\n"
	"	movl core_regs + 32 * \\t + 28, %esp\n"
	".endm\n"
	".globl core_spin_1, core_spin_ip_1, core_spin_2, core_spin_ip_2\n"
	".globl core_fault, core_fault_ip\n"
	"core_spin_1:\n"
	"	core_load 1\n"
	"	movl $1, core_ready + 4\n"
	"core_spin_ip_1:\n"
	"	jmp core_spin_ip_1\n"
	"core_spin_2:\n"
	"	core_load 2\n"
	"	movl $1, core_ready + 8\n"
	"core_spin_ip_2:\n"
	"	jmp core_spin_ip_2\n"
	"core_fault:\n"
	"	core_load 0\n"
	"core_fault_ip:\n"
	"	movl %eax, " XSTR(CORE_FAULT_ADDR) "\n"
	"	ud2\n"
	".popsection\n");

/*
 * set_thread_area() for thread @t: a struct user_desc as four words,
 * entry, base, limit and the flags: 32-bit, limit in pages, usable.
 */
static int set_tls(int t)
{
	uint32_t tls[4] = {
		expect.tls_entry, CORE_TLS_BASE(t), CORE_TLS_LIMIT, 0x51,
	};

	if (syscall(SYS_set_thread_area, tls))
		return -1;
	expect.tls_entry = tls[0];
	expect.tid[t] = syscall(SYS_gettid);
	asm volatile ("movl %%gs:0, %0" : "=r" (expect.gs_base[t]));
	return 0;
}

static void *thread(void *arg)
{
	int t = (long)arg;

	if (set_tls(t)) {
		perror("set_thread_area");
		return NULL;
	}
	if (t == 1)
		core_spin_1();
	else
		core_spin_2();
	return NULL;
}

static void fill_tables(void)
{
	int t, r, i, w;

	for (t = 0; t < CORE_THREADS; t++) {
		for (r = 0; r < 7; r++)
			core_regs[t][r] = CORE_REG(t, r);
		core_regs[t][7] = CORE_ESP(t);
		core_eflags[t] = CORE_EFLAGS(t);
		core_cw[t] = CORE_FPU_CW(t);
		core_st0[t][0] = CORE_ST0_LO(t);
		core_st0[t][1] = CORE_ST0_MID;
		core_st0[t][2] = CORE_ST0_EXP(t);
		core_mxcsr[t] = CORE_MXCSR(t);
		for (i = 0; i < 8; i++)
			for (w = 0; w < 4; w++)
				core_xmm[t][i][w] = CORE_XMM(t, i, w);
	}
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t th[CORE_THREADS];
	ssize_t n;
	long t;
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	expect.self = (uint32_t)&expect;
	expect.pid = getpid();
	expect.ppid = getppid();
	expect.pgrp = getpgrp();
	expect.sid = getsid(0);
	expect.uid = getuid();
	expect.gid = getgid();
	expect.vdso = getauxval(AT_SYSINFO_EHDR);
	n = readlink("/proc/self/exe", expect.exe, sizeof(expect.exe) - 1);
	fd = open("/proc/self/exe", O_RDONLY);
	if (n <= 0 || fd < 0 ||
	    mmap((void *)CORE_MAP_ADDR, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED,
		 fd, CORE_MAP_PGOFF * 4096) != (void *)CORE_MAP_ADDR) {
		perror("mapping /proc/self/exe");
		return 2;
	}
	close(fd);
	fd = open("/proc/self/auxv", O_RDONLY);
	n = fd < 0 ? -1 : read(fd, expect.auxv, sizeof(expect.auxv));
	if (n <= 0) {
		perror("/proc/self/auxv");
		return 2;
	}
	expect.auxv_len = n;
	close(fd);
	/* Root may; anyone else gets no NT_386_IOPERM note */
	expect.ioperm = !ioperm(CORE_IOPORT, 1, 1);

	expect.tls_entry = -1;
	if (set_tls(0)) {
		perror("set_thread_area");
		return 2;
	}
	core_fs = expect.tls_entry * 8 + 3;
	asm volatile ("movl %%gs, %0" : "=r" (expect.gs));
	fill_tables();
	expect.ip[0] = (uint32_t)core_fault_ip;
	expect.ip[1] = (uint32_t)core_spin_ip_1;
	expect.ip[2] = (uint32_t)core_spin_ip_2;

	/* Small stacks, a small core */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 65536);
	for (t = 1; t < CORE_THREADS; t++)
		if (pthread_create(&th[t], &attr, thread, (void *)t)) {
			perror("pthread_create");
			return 2;
		}
	for (t = 1; t < CORE_THREADS; t++)
		while (!core_ready[t])
			sched_yield();
	printf("# core32_dumper: pid %u, threads %u %u %u, ioperm %u: SIGSEGV now\n",
	       expect.pid, expect.tid[0], expect.tid[1], expect.tid[2],
	       expect.ioperm);
	core_fault();
	return 1;
}
