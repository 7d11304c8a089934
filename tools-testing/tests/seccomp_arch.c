// SPDX-License-Identifier: GPL-2.0
/*
 * seccomp_arch: what a seccomp filter sees of an i386 system call.
 *
 * The filter, the same in both bitnesses, gives each outcome its own
 * errno, so that the errno tells which rule matched:
 *   arch AUDIT_ARCH_I386, nr 64 (getppid):
 *     first argument TRAP_MARK       SECCOMP_RET_TRAP, data 0x42
 *     the low halves of the six      ERRNO_I386_ARGS if the upper
 *     seccomp_data.args the six      halves are the ones expected,
 *     arguments passed               else ERRNO_I386_LOW
 *     other arguments                ERRNO_I386
 *   arch AUDIT_ARCH_X86_64:
 *     nr 64 (semget)                 ERRNO_X86_64_64
 *     nr 110 (getppid)               ERRNO_X86_64_110
 *     nr 110 | __X32_SYSCALL_BIT     ERRNO_X32_110
 *   anything else is allowed.
 *
 * 32-bit: getppid through every door (door32.h: INT 0x80, the vDSO,
 * SYSENTER and compat SYSCALL entered directly; a door the CPU does not
 * offer is a [SKIP]) with a pattern in every register: the I386 rule,
 * the six arguments with zero upper halves, every register but eax
 * preserved (eflags as door32.h says).  getpid is let through.  With TRAP_MARK, SIGSYS says
 * SYS_SECCOMP, data 0x42, arch I386, number 64 and the address the call
 * returns to: after the INT 0x80, or the vDSO's landing pad (right after
 * its int $0x80) for the other doors; the call, skipped, returns its
 * number (its registers rolled back).
 *
 * 64-bit: INT 0x80 makes an i386 system call whatever the task: getppid
 * through it, with garbage in the upper halves of the number and of every
 * argument register, meets the I386 rule, not an X86_64 one.  The
 * number is cut to 32 bits; the filter sees the six registers as the task
 * left them, upper halves included (syscall_get_arguments() does not cut
 * them; the i386 system call itself takes the low halves).  The native
 * getppid and semget meet the X86_64 rules, the x32 getppid its own;
 * TRAP_MARK through INT 0x80 gives a SIGSYS with arch I386.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "check.h"
#ifndef __x86_64__
#include "door32.h"
#endif

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define I386_NR_GETPID		20
#define I386_NR_GETPPID		64
#define X86_64_NR_SEMGET	64
#define X86_64_NR_GETPPID	110
#define X32_BIT			0x40000000u

#define ERRNO_I386		3001
#define ERRNO_I386_ARGS		3002
#define ERRNO_X86_64_64		3003
#define ERRNO_X86_64_110	3004
#define ERRNO_X32_110		3005
#define ERRNO_I386_LOW		3006
#define TRAP_MARK		0x7a7a0001u
#define TRAP_DATA		0x42
/* si_code of a seccomp SIGSYS: SYS_SECCOMP, which glibc does not name */
#define SI_SYS_SECCOMP		1

/* The arguments the filter wants, in ebx, ecx, edx, esi, edi, ebp */
static const uint32_t args[6] = {
	0x80000001, 0xfffff00f, 0x7fffffff, 0x00000000, 0xdeadbeef, 0x9abcdef0,
};

/*
 * The upper halves of the registers: zero in a 32-bit task, garbage that
 * the 64-bit task puts there around its INT 0x80.
 */
#ifdef __x86_64__
static const uint32_t high[6] = {
	0xbbbbbbbb, 0xcccccccc, 0xdddddddd, 0x55555555, 0xd1d1d1d1, 0xb0b0b0b0,
};
#else
static const uint32_t high[6];
#endif

/*
 * The filter, built with the jumps computed: each label is where the
 * instruction it names must land, which emit() checks.
 */
enum {
	L_TRAP = 6, L_LO = 7, L_HI = 19, L_RET_ARGS = 31, L_RET_LOW,
	L_RET_I386, L_X86_64, L_ALLOW = 42, L_END,
};

static struct sock_filter filter[L_END];
static int filter_len, filter_bad;

static void emit(int label, struct sock_filter insn)
{
	if (label >= 0 && label != filter_len)
		filter_bad = 1;
	if (filter_len < L_END)
		filter[filter_len++] = insn;
}

static struct sock_filter ld(unsigned int off)
{
	return (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, off);
}

static struct sock_filter jeq(uint32_t k, int if_true, int if_false)
{
	int pc = filter_len;

	return (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k,
					    if_true - pc - 1, if_false - pc - 1);
}

static struct sock_filter ret(uint32_t k)
{
	return (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, k);
}

#define ARG_LO(i)	(offsetof(struct seccomp_data, args) + 8 * (i))
#define ARG_HI(i)	(ARG_LO(i) + 4)

/* @hi: the upper halves the I386 rule wants in seccomp_data.args */
static int install_filter(const uint32_t *hi)
{
	struct sock_fprog prog = { .filter = filter };
	int i;

	emit(0, ld(offsetof(struct seccomp_data, arch)));
	emit(-1, jeq(AUDIT_ARCH_I386, filter_len + 1, L_X86_64));
	emit(-1, ld(offsetof(struct seccomp_data, nr)));
	emit(-1, jeq(I386_NR_GETPPID, filter_len + 1, L_ALLOW));
	emit(-1, ld(ARG_LO(0)));
	emit(-1, jeq(TRAP_MARK, L_TRAP, L_LO));
	emit(L_TRAP, ret(SECCOMP_RET_TRAP | TRAP_DATA));
	for (i = 0; i < 6; i++) {
		emit(i ? -1 : L_LO, ld(ARG_LO(i)));
		emit(-1, jeq(args[i], filter_len + 1, L_RET_I386));
	}
	for (i = 0; i < 6; i++) {
		emit(i ? -1 : L_HI, ld(ARG_HI(i)));
		emit(-1, jeq(hi[i], filter_len + 1, L_RET_LOW));
	}
	emit(L_RET_ARGS, ret(SECCOMP_RET_ERRNO | ERRNO_I386_ARGS));
	emit(L_RET_LOW, ret(SECCOMP_RET_ERRNO | ERRNO_I386_LOW));
	emit(L_RET_I386, ret(SECCOMP_RET_ERRNO | ERRNO_I386));
	emit(L_X86_64, jeq(AUDIT_ARCH_X86_64, filter_len + 1, L_ALLOW));
	emit(-1, ld(offsetof(struct seccomp_data, nr)));
	emit(-1, jeq(X86_64_NR_SEMGET, filter_len + 1, filter_len + 2));
	emit(-1, ret(SECCOMP_RET_ERRNO | ERRNO_X86_64_64));
	emit(-1, jeq(X86_64_NR_GETPPID, filter_len + 1, filter_len + 2));
	emit(-1, ret(SECCOMP_RET_ERRNO | ERRNO_X86_64_110));
	emit(-1, jeq(X86_64_NR_GETPPID | X32_BIT, filter_len + 1,
		     filter_len + 2));
	emit(-1, ret(SECCOMP_RET_ERRNO | ERRNO_X32_110));
	emit(L_ALLOW, ret(SECCOMP_RET_ALLOW));
	if (filter_bad || filter_len != L_END) {
		printf("# the filter's labels are off\n");
		return -1;
	}
	prog.len = filter_len;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* What the SIGSYS handler saw */
static struct {
	volatile sig_atomic_t hits;
	siginfo_t si;
	greg_t ax;
} trap;

static void sigsys(int sig, siginfo_t *si, void *ctx_void)
{
	ucontext_t *ctx = ctx_void;

	trap.si = *si;
#ifdef __x86_64__
	trap.ax = ctx->uc_mcontext.gregs[REG_RAX];
#else
	trap.ax = ctx->uc_mcontext.gregs[REG_EAX];
#endif
	trap.hits++;
}

static int catch_sigsys(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = sigsys;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	return sigaction(SIGSYS, &sa, NULL);
}

/*
 * The vDSO's landing pad, where the fast doors return: in [vdso], right
 * after an int $0x80.
 */
static int is_landing_pad(unsigned long addr)
{
	unsigned long start, end;
	char line[256];
	FILE *maps = fopen("/proc/self/maps", "r");
	int ok = 0;

	while (maps && fgets(line, sizeof(line), maps))
		if (strstr(line, "[vdso]") &&
		    sscanf(line, "%lx-%lx", &start, &end) == 2 &&
		    addr >= start + 2 && addr < end &&
		    !memcmp((void *)(addr - 2), "\xcd\x80", 2))
			ok = 1;
	if (maps)
		fclose(maps);
	return ok;
}

/*
 * The SIGSYS of TRAP_MARK, the call returning to @ret_addr, or to the
 * vDSO's landing pad if @ret_addr is 0.
 */
static void check_trap(const char *door, int hits, unsigned long ret_addr,
		       long ret)
{
	check(trap.hits == hits + 1, "%s: TRAP_MARK: one SIGSYS", door);
	check(trap.si.si_signo == SIGSYS && trap.si.si_code == SI_SYS_SECCOMP &&
	      trap.si.si_errno == TRAP_DATA,
	      "%s: SIGSYS with SYS_SECCOMP and data %#x (si_code %d, si_errno %d)",
	      door, TRAP_DATA, trap.si.si_code, trap.si.si_errno);
	check(trap.si.si_arch == AUDIT_ARCH_I386,
	      "%s: si_arch AUDIT_ARCH_I386 (%#x)", door, trap.si.si_arch);
	check(trap.si.si_syscall == I386_NR_GETPPID,
	      "%s: si_syscall 64 (%d)", door, trap.si.si_syscall);
	if (ret_addr)
		check((unsigned long)trap.si.si_call_addr == ret_addr,
		      "%s: si_call_addr %#lx, after the INT 0x80 (%p)", door,
		      ret_addr, trap.si.si_call_addr);
	else
		check(is_landing_pad((unsigned long)trap.si.si_call_addr),
		      "%s: si_call_addr is the vDSO's landing pad, after its int $0x80 (%p)",
		      door, trap.si.si_call_addr);
	check(trap.ax == I386_NR_GETPPID && ret == I386_NR_GETPPID,
	      "%s: skipped: eax rolled back to the number, in the handler (%ld) and after (%ld)",
	      door, (long)trap.ax, ret);
}

#ifndef __x86_64__

static int test(void)
{
	struct door32_regs in, out;
	uint32_t *regs = &in.eax;
	int d, i, sig, hits;

	if (door32_init() || catch_sigsys()) {
		printf("[FAIL] no AT_SYSINFO or no signal handler\n");
		return 1;
	}
	for (d = 0; d < DOOR32_N; d++) {
		const char *door = door32_name[d];

		/* getpid: allowed; also tells whether the door is there */
		for (i = 0; i < 8; i++)
			regs[i] = 0xa5a50000u + (d << 8) + i;
		in.eax = I386_NR_GETPID;
		in.eflags = DOOR32_EFLAGS;
		sig = door32_call(d, &in, &out);
		if (sig) {
			skip("%s: not offered by this CPU (signal %d at the instruction)",
			     door, sig);
			continue;
		}
		check((int)out.eax == getpid(), "%s: getpid allowed", door);

		memcpy(&in.ebx, args, sizeof(args));
		in.eax = I386_NR_GETPPID;
		door32_call(d, &in, &out);
		check((int)out.eax == -ERRNO_I386 ||
		      (int)out.eax == -ERRNO_I386_ARGS ||
		      (int)out.eax == -ERRNO_I386_LOW,
		      "%s: getppid filtered by the I386 rule (%d)", door,
		      (int)out.eax);
		check((int)out.eax == -ERRNO_I386_ARGS,
		      "%s: seccomp_data.args are the six arguments, zero-extended",
		      door);
		check(out.ebx == in.ebx && out.ecx == in.ecx &&
		      out.edx == in.edx && out.esi == in.esi &&
		      out.edi == in.edi && out.ebp == in.ebp &&
		      out.esp == door32_esp_after(d, &in) &&
		      !((out.eflags ^ in.eflags) & door32_eflags_mask(d)),
		      "%s: registers preserved", door);

		in.ebx = TRAP_MARK;
		hits = trap.hits;
		door32_call(d, &in, &out);
		check_trap(door, hits, d == DOOR32_INT80 ?
			   (unsigned long)door32_int80_insn + 2 : 0,
			   (int)out.eax);
	}
	return check_exit();
}

#else /* __x86_64__ */

#define HIGH(x)		((uint64_t)(x) << 32)

/*
 * int80_regs(regs): INT 0x80 with rax, rbx, rcx, rdx, rsi, rdi and rbp
 * loaded from regs[0..6], all 64 bits; returns eax.
 */
long int80_regs(const uint64_t *regs);
extern char int80_insn[];
asm (".pushsection .text\n"
	".globl int80_regs, int80_insn\n"
	"int80_regs:\n"
	"	push %rbx\n"
	"	push %rbp\n"
	"	mov 8(%rdi), %rbx\n"
	"	mov 16(%rdi), %rcx\n"
	"	mov 24(%rdi), %rdx\n"
	"	mov 32(%rdi), %rsi\n"
	"	mov 48(%rdi), %rbp\n"
	"	mov 0(%rdi), %rax\n"
	"	mov 40(%rdi), %rdi\n"
	"int80_insn:\n"
	"	int $0x80\n"
	"	movslq %eax, %rax\n"
	"	pop %rbp\n"
	"	pop %rbx\n"
	"	ret\n"
	".popsection\n");

/* INT 0x80 with garbage in the upper half of every argument register */
static long int80(uint64_t nr, uint32_t a0)
{
	uint64_t regs[7] = { nr, HIGH(high[0]) | a0 };
	int i;

	for (i = 1; i < 6; i++)
		regs[i + 1] = HIGH(high[i]) | args[i];
	return int80_regs(regs);
}

static long native(long nr)
{
	long ret = nr;

	asm volatile ("syscall" : "+a" (ret) : : "rcx", "r11", "memory");
	return ret;
}

static int test(void)
{
	long ret;
	int hits;

	if (catch_sigsys()) {
		printf("[FAIL] no signal handler\n");
		return 1;
	}
	ret = int80(I386_NR_GETPID, args[0]);
	check(ret == getpid(), "int80: getpid allowed (%ld)", ret);

	ret = int80(HIGH(0xdeadbeef) | I386_NR_GETPPID, args[0]);
	check(ret == -ERRNO_I386 || ret == -ERRNO_I386_ARGS ||
	      ret == -ERRNO_I386_LOW,
	      "int80: getppid, upper half of rax garbage: the I386 rule, not an X86_64 one (%ld)",
	      ret);
	check(ret == -ERRNO_I386_ARGS || ret == -ERRNO_I386_LOW,
	      "int80: low halves of seccomp_data.args are the six arguments");
	check(ret == -ERRNO_I386_ARGS,
	      "int80: upper halves of seccomp_data.args are the registers' (not cut)");

	ret = native(X86_64_NR_GETPPID);
	check(ret == -ERRNO_X86_64_110,
	      "syscall: getppid (110) filtered by the X86_64 rule (%ld)", ret);
	ret = native(X86_64_NR_SEMGET);
	check(ret == -ERRNO_X86_64_64,
	      "syscall: semget (64) filtered by the X86_64 rule for 64 (%ld)",
	      ret);
	ret = native(X86_64_NR_GETPPID | X32_BIT);
	check(ret == -ERRNO_X32_110,
	      "syscall: x32 getppid filtered as X86_64 with the x32 bit (%ld)",
	      ret);

	hits = trap.hits;
	ret = int80(I386_NR_GETPPID, TRAP_MARK);
	check_trap("int80", hits, (unsigned long)int80_insn + 2, ret);
	return check_exit();
}

#endif

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (install_filter(high)) {
		perror("seccomp");
		printf("[FAIL] seccomp filter not installed\n");
		return 1;
	}
	return test();
}
