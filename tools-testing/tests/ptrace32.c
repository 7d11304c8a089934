// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace32 TRACEE: a 64-bit tracer of the 32-bit program ptrace32_tracee
 * (ptrace32.h has the values the tracee sets).
 *
 * At the tracee's INT3 stop:
 * - PTRACE_GETREGSET NT_PRSTATUS: the 32-bit user_regs_struct (17
 *   registers, 68 bytes), each register the value the tracee put there;
 *   PTRACE_GETREGS: the 64-bit layout of the tracer, each value
 *   zero-extended;
 * - PTRACE_PEEKUSER of rbx, rip, orig_rax, eflags, rsp, cs, ss, fs, gs,
 *   fs_base (the base of the TLS entry in fs), gs_base (glibc's thread
 *   pointer) and u_debugreg[7]; -EIO for an unaligned offset and one past
 *   struct user; ebx written through NT_PRSTATUS reads back as rbx, rbx
 *   written with PTRACE_POKEUSER as ebx;
 * - NT_PRFPREG: the i387 FSAVE layout (108 bytes) with the control,
 *   status and tag words and st(0) the tracee set; NT_PRXFPREG: the
 *   FXSAVE layout (512 bytes) with those, MXCSR and xmm0-7;
 *   NT_X86_XSTATE: the size the CPU gives for XCR0 (CPUID 0xd), the
 *   same legacy area, the software-reserved bytes (magic, XCR0, size),
 *   XSTATE_BV with x87 and SSE;
 * - PTRACE_GET_THREAD_AREA: the tracee's TLS entry, glibc's, an empty
 *   one, -EINVAL outside the TLS entries; NT_386_TLS: the three entries.
 * Then PTRACE_SYSCALL: for the getppid() the tracee makes through each
 * door it has (INT 0x80, the vDSO, SYSENTER, compat SYSCALL), at entry
 * PTRACE_GET_SYSCALL_INFO gives arch I386, number 64, the six arguments
 * (the sixth, which the fast doors take from the stack, included), the
 * instruction pointer (after the INT 0x80, else the vDSO's landing pad)
 * and the stack pointer; NT_PRSTATUS gives orig_eax 64, eax -ENOSYS, the
 * six arguments in ebx..ebp, the same eip and esp; at exit the result is
 * the tracer's pid, and ebx..ebp are unchanged.  The tracee checks its
 * registers came back and exits 0.
 */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <cpuid.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "ptrace32.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define USER32_CS	0x23
#define USER_DS		0x2b
#define GDT_TLS_MIN	12
#define GDT_TLS_MAX	14

static const char * const door_name[] = {
	"int80", "vdso", "sysenter", "syscall",
};

/* The i386 user_regs_struct, as NT_PRSTATUS gives it */
struct regs32 {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
	uint32_t ds, es, fs, gs, orig_eax, eip, cs, eflags, esp, ss;
};

static const char * const regs32_name[] = {
	"ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "ds", "es", "fs",
	"gs", "orig_eax", "eip", "cs", "eflags", "esp", "ss",
};

static pid_t pid;
static struct tracee_info info;

static long getregset(int type, void *buf, size_t size)
{
	struct iovec iov = { .iov_base = buf, .iov_len = size };

	memset(buf, 0, size);
	if (ptrace(PTRACE_GETREGSET, pid, (void *)(long)type, &iov))
		return -errno;
	return iov.iov_len;
}

static int getregs32(struct regs32 *r)
{
	char buf[256];

	if (getregset(NT_PRSTATUS, buf, sizeof(buf)) != sizeof(*r))
		return -1;
	memcpy(r, buf, sizeof(*r));
	return 0;
}

static uint32_t peek32(uint32_t addr)
{
	errno = 0;
	return ptrace(PTRACE_PEEKDATA, pid, (void *)(unsigned long)addr, NULL);
}

static void check_stop_prstatus(void)
{
	struct regs32 want = {
		STOP_EBX, STOP_ECX, STOP_EDX, STOP_ESI, STOP_EDI, STOP_EBP,
		STOP_EAX, USER_DS, USER_DS, info.tls_entry * 8 + 3, info.gs,
		0xffffffff, info.stop_ip, USER32_CS, STOP_EFLAGS, STOP_ESP,
		USER_DS,
	};
	char buf[256];
	uint32_t *got = (uint32_t *)buf, *exp = (uint32_t *)&want;
	unsigned int i;
	long len;

	len = getregset(NT_PRSTATUS, buf, sizeof(buf));
	check(len == 68, "NT_PRSTATUS: 68 bytes, 17 registers (%ld)", len);
	for (i = 0; i < 17; i++) {
		uint32_t v = got[i];

		if (i == offsetof(struct regs32, eflags) / 4)
			v &= EFLAGS_MASK;
		check(v == exp[i], "NT_PRSTATUS: %s %#x (%#x)", regs32_name[i],
		      exp[i], got[i]);
	}
}

/*
 * Writing: NT_PRSTATUS sets ebx, which the 64-bit view shows as rbx;
 * PTRACE_POKEUSER sets rbx back, which NT_PRSTATUS shows as ebx.
 */
static void check_stop_setregs(void)
{
	struct iovec iov;
	struct regs32 r;
	long rbx;
	int err;

	if (getregs32(&r)) {
		check(0, "NT_PRSTATUS before PTRACE_SETREGSET");
		return;
	}
	r.ebx = 0x5e75e7b0;
	iov.iov_base = &r;
	iov.iov_len = sizeof(r);
	err = ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) ? errno : 0;
	errno = 0;
	rbx = ptrace(PTRACE_PEEKUSER, pid, (void *)offsetof(struct user, regs.rbx), NULL);
	check(!err && !errno && rbx == 0x5e75e7b0,
	      "PTRACE_SETREGSET NT_PRSTATUS: ebx written, rbx reads it (%d %#lx)",
	      err, rbx);
	err = ptrace(PTRACE_POKEUSER, pid, (void *)offsetof(struct user, regs.rbx),
		     (void *)(unsigned long)STOP_EBX) ? errno : 0;
	if (getregs32(&r))
		r.ebx = 0;
	check(!err && r.ebx == STOP_EBX,
	      "PTRACE_POKEUSER rbx: NT_PRSTATUS reads it as ebx (%d %#x)", err,
	      r.ebx);
}

static void check_stop_getregs(void)
{
	struct user_regs_struct r;

	if (ptrace(PTRACE_GETREGS, pid, NULL, &r)) {
		check(0, "PTRACE_GETREGS: %s", strerror(errno));
		return;
	}
	check(r.rax == STOP_EAX && r.rbx == STOP_EBX && r.rcx == STOP_ECX &&
	      r.rdx == STOP_EDX && r.rsi == STOP_ESI && r.rdi == STOP_EDI &&
	      r.rbp == STOP_EBP && r.rsp == STOP_ESP,
	      "PTRACE_GETREGS: the general registers, zero-extended");
	/*
	 * A 32-bit task cannot see r8-r15; the kernel clears them on the
	 * way out, but for r11, which SYSRETL loads with the flags.
	 */
	printf("# r8-r15 %#llx %#llx %#llx %#llx %#llx %#llx %#llx %#llx\n",
	       r.r8, r.r9, r.r10, r.r11, r.r12, r.r13, r.r14, r.r15);
	check(!r.r8 && !r.r9 && !r.r10 && !r.r12 && !r.r13 && !r.r14 &&
	      !r.r15, "PTRACE_GETREGS: r8-r10 and r12-r15 zero, no kernel value left");
	check(r.rip == info.stop_ip && r.cs == USER32_CS && r.ss == USER_DS,
	      "PTRACE_GETREGS: rip, cs, ss");
	check(r.orig_rax == (unsigned long long)-1,
	      "PTRACE_GETREGS: orig_rax -1 (%#llx)", r.orig_rax);
	check(r.fs_base == TLS_BASE && r.gs_base == info.gs_base,
	      "PTRACE_GETREGS: fs_base and gs_base, the bases of the TLS entries (%#llx %#llx)",
	      r.fs_base, r.gs_base);
}

static void check_stop_peekuser(void)
{
	static const struct {
		const char *name;
		size_t off;
		unsigned long long want;
	} peeks[] = {
		{ "rbx", offsetof(struct user, regs.rbx), STOP_EBX },
		{ "rip", offsetof(struct user, regs.rip), 0 },
		{ "orig_rax", offsetof(struct user, regs.orig_rax), -1ULL },
		{ "eflags", offsetof(struct user, regs.eflags), STOP_EFLAGS },
		{ "rsp", offsetof(struct user, regs.rsp), STOP_ESP },
		{ "cs", offsetof(struct user, regs.cs), USER32_CS },
		{ "ss", offsetof(struct user, regs.ss), USER_DS },
		{ "fs", offsetof(struct user, regs.fs), 0 },
		{ "gs", offsetof(struct user, regs.gs), 0 },
		{ "fs_base", offsetof(struct user, regs.fs_base), TLS_BASE },
		{ "gs_base", offsetof(struct user, regs.gs_base), 0 },
		{ "u_debugreg[7]", offsetof(struct user, u_debugreg[7]), 0 },
	};
	unsigned int i;
	long v;

	for (i = 0; i < ARRAY_SIZE(peeks); i++) {
		unsigned long long want = peeks[i].want;

		if (!strcmp(peeks[i].name, "rip"))
			want = info.stop_ip;
		else if (!strcmp(peeks[i].name, "fs"))
			want = info.tls_entry * 8 + 3;
		else if (!strcmp(peeks[i].name, "gs"))
			want = info.gs;
		else if (!strcmp(peeks[i].name, "gs_base"))
			want = info.gs_base;
		errno = 0;
		v = ptrace(PTRACE_PEEKUSER, pid, (void *)peeks[i].off, NULL);
		if (!strcmp(peeks[i].name, "eflags"))
			v &= EFLAGS_MASK;
		check(!errno && (unsigned long long)v == want,
		      "PTRACE_PEEKUSER %s (offset %zu): %#llx (%#lx)",
		      peeks[i].name, peeks[i].off, want, v);
	}
	errno = 0;
	ptrace(PTRACE_PEEKUSER, pid, (void *)(offsetof(struct user, regs.rbx) + 1),
	       NULL);
	check(errno == EIO, "PTRACE_PEEKUSER unaligned: EIO (%d)", errno);
	/* The kernel's struct user ends at 928 bytes */
	errno = 0;
	ptrace(PTRACE_PEEKUSER, pid, (void *)4096, NULL);
	check(errno == EIO, "PTRACE_PEEKUSER past struct user: EIO (%d)", errno);
}

/* st(0) in ten bytes */
static int is_st0(const unsigned char *p)
{
	const uint32_t st0[3] = { STOP_ST0_LO, STOP_ST0_MID, STOP_ST0_EXP };

	return !memcmp(p, st0, 10);
}

/* The FXSAVE area the tracee set, at @fx (NT_PRXFPREG, NT_X86_XSTATE) */
static void check_fxsave(const char *note, const unsigned char *fx)
{
	uint16_t cwd, swd;
	uint32_t mxcsr;
	int i, w, ok = 1;

	memcpy(&cwd, fx, 2);
	memcpy(&swd, fx + 2, 2);
	memcpy(&mxcsr, fx + 24, 4);
	check(cwd == STOP_FPU_CW && swd == 0x3800 && fx[4] == 0x80,
	      "%s: control word %#x, status word 0x3800 (TOP 7), tag byte 0x80 (%#x %#x %#x)",
	      note, STOP_FPU_CW, cwd, swd, fx[4]);
	check(mxcsr == STOP_MXCSR, "%s: MXCSR %#x (%#x)", note, STOP_MXCSR,
	      mxcsr);
	check(is_st0(fx + 32), "%s: st(0)", note);
	for (i = 0; i < 8; i++)
		for (w = 0; w < 4; w++) {
			uint32_t v;

			memcpy(&v, fx + 160 + 16 * i + 4 * w, 4);
			if (v != STOP_XMM(i, w))
				ok = 0;
		}
	check(ok, "%s: xmm0-7", note);
}

static void check_stop_fp(void)
{
	unsigned char buf[16384];
	unsigned char fx[512];
	unsigned int eax, ebx, ecx, edx, lo, hi;
	uint32_t *env = (uint32_t *)buf;
	uint64_t xcr0, sw_xcr0, xstate_bv;
	long len;

	len = getregset(NT_PRFPREG, buf, sizeof(buf));
	check(len == 108, "NT_PRFPREG: 108 bytes, the i387 layout (%ld)", len);
	check(env[0] == (0xffff0000 | STOP_FPU_CW) && env[1] == 0xffff3800 &&
	      env[2] == 0xffff3fff,
	      "NT_PRFPREG: control, status and tag words (%#x %#x %#x)",
	      env[0], env[1], env[2]);
	check(env[4] == USER32_CS, "NT_PRFPREG: fcs is the 32-bit cs (%#x)",
	      env[4]);
	check(is_st0(buf + 28), "NT_PRFPREG: st(0)");

	len = getregset(NT_PRXFPREG, fx, sizeof(fx));
	check(len == 512, "NT_PRXFPREG: 512 bytes, the FXSAVE layout (%ld)",
	      len);
	check_fxsave("NT_PRXFPREG", fx);

	__cpuid_count(0xd, 0, eax, ebx, ecx, edx);
	asm volatile ("xgetbv" : "=a" (lo), "=d" (hi) : "c" (0));
	xcr0 = lo | (uint64_t)hi << 32;
	len = getregset(NT_X86_XSTATE, buf, sizeof(buf));
	check(len == ebx, "NT_X86_XSTATE: %u bytes, the XSAVE size of XCR0 %#llx (%ld)",
	      ebx, (unsigned long long)xcr0, len);
	check_fxsave("NT_X86_XSTATE", buf);
	/* What gdb reads XCR0 from (USER_XSTATE_XCR0_WORD) */
	memcpy(&sw_xcr0, buf + 464, 8);
	check(sw_xcr0 == xcr0,
	      "NT_X86_XSTATE: XCR0 in the software-reserved bytes (%#llx)",
	      (unsigned long long)sw_xcr0);
	memcpy(&xstate_bv, buf + 512, 8);
	check((xstate_bv & 3) == 3 && !(xstate_bv & ~xcr0),
	      "NT_X86_XSTATE: XSTATE_BV has x87 and SSE, nothing beyond XCR0 (%#llx)",
	      (unsigned long long)xstate_bv);
}

/* A struct user_desc, its flags as the word they are (TLS_FLAGS) */
static int desc_is(const struct user_desc *d, unsigned int entry,
		   unsigned int base, unsigned int limit, int empty)
{
	uint32_t flags;

	memcpy(&flags, (const char *)d + 12, 4);
	if (empty)
		return d->entry_number == entry && !d->base_addr && !d->limit &&
		       flags == TLS_FLAGS_EMPTY;
	return d->entry_number == entry && d->base_addr == base &&
	       d->limit == limit && flags == TLS_FLAGS;
}

static int get_thread_area(unsigned int entry, struct user_desc *d)
{
	memset(d, 0x55, sizeof(*d));
	if (ptrace(PTRACE_GET_THREAD_AREA, pid, (void *)(long)entry, d))
		return -errno;
	return 0;
}

static void check_stop_tls(void)
{
	struct user_desc d, tls[3];
	unsigned int glibc = info.gs >> 3, free_entry;
	long len;
	int err;

	for (free_entry = GDT_TLS_MIN; free_entry <= GDT_TLS_MAX; free_entry++)
		if (free_entry != glibc && free_entry != info.tls_entry)
			break;
	err = get_thread_area(info.tls_entry, &d);
	check(!err && desc_is(&d, info.tls_entry, TLS_BASE, TLS_LIMIT, 0),
	      "PTRACE_GET_THREAD_AREA %u: the tracee's entry, base %#x limit %#x (base %#x limit %#x)",
	      info.tls_entry, TLS_BASE, TLS_LIMIT, d.base_addr, d.limit);
	err = get_thread_area(glibc, &d);
	check(!err && desc_is(&d, glibc, info.gs_base, 0xfffff, 0),
	      "PTRACE_GET_THREAD_AREA %u: glibc's, base %#x (base %#x limit %#x)",
	      glibc, info.gs_base, d.base_addr, d.limit);
	err = get_thread_area(free_entry, &d);
	check(!err && desc_is(&d, free_entry, 0, 0, 1),
	      "PTRACE_GET_THREAD_AREA %u: empty", free_entry);
	err = get_thread_area(GDT_TLS_MIN - 1, &d);
	check(err == -EINVAL, "PTRACE_GET_THREAD_AREA %d: EINVAL (%d)",
	      GDT_TLS_MIN - 1, err);

	len = getregset(NT_386_TLS, tls, sizeof(tls));
	check(len == sizeof(tls), "NT_386_TLS: three entries, %zu bytes (%ld)",
	      sizeof(tls), len);
	check(desc_is(&tls[info.tls_entry - GDT_TLS_MIN], info.tls_entry,
		      TLS_BASE, TLS_LIMIT, 0) &&
	      desc_is(&tls[glibc - GDT_TLS_MIN], glibc, info.gs_base, 0xfffff, 0) &&
	      desc_is(&tls[free_entry - GDT_TLS_MIN], free_entry, 0, 0, 1),
	      "NT_386_TLS: the entries as PTRACE_GET_THREAD_AREA gives them");
}

/* The vDSO's landing pad: in [vdso], right after an int $0x80 */
static int is_landing_pad(uint32_t ip)
{
	unsigned long start, end;
	char path[64], line[256];
	FILE *maps;
	int ok = 0;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	maps = fopen(path, "r");
	while (maps && fgets(line, sizeof(line), maps))
		if (strstr(line, "[vdso]") &&
		    sscanf(line, "%lx-%lx", &start, &end) == 2 &&
		    ip >= start + 2 && ip < end)
			ok = 1;
	if (maps)
		fclose(maps);
	/* Read the four bytes ending at ip; the last two are cd 80 */
	return ok && (peek32(ip - 4) >> 16) == 0x80cd && !errno;
}

struct entry {
	int seen;
	uint32_t ip, sp;
};

static void check_sc_entry(int d, struct entry *e)
{
	struct __ptrace_syscall_info si;
	const char *door = door_name[d];
	struct regs32 r;
	uint32_t want_sp;
	int i, ok;

	memset(&si, 0, sizeof(si));
	ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(si), &si);
	e->seen++;
	e->ip = si.instruction_pointer;
	e->sp = si.stack_pointer;
	check(si.op == PTRACE_SYSCALL_INFO_ENTRY && si.arch == AUDIT_ARCH_I386 &&
	      si.entry.nr == SC_NR,
	      "%s: PTRACE_GET_SYSCALL_INFO at entry: arch I386, number 64 (op %d arch %#x nr %llu)",
	      door, si.op, si.arch, (unsigned long long)si.entry.nr);
	ok = 1;
	for (i = 0; i < 6; i++)
		if (si.entry.args[i] != SC_ARG(d, i))
			ok = 0;
	check(ok, "%s: PTRACE_GET_SYSCALL_INFO: the six arguments, zero-extended (%#llx ... %#llx)",
	      door, (unsigned long long)si.entry.args[0],
	      (unsigned long long)si.entry.args[5]);
	if (d == 0) {
		check(si.instruction_pointer == info.int80_ret,
		      "%s: instruction pointer after the INT 0x80 (%#llx)", door,
		      (unsigned long long)si.instruction_pointer);
		want_sp = SC_ESP(d);
	} else {
		check(is_landing_pad(si.instruction_pointer),
		      "%s: instruction pointer at the vDSO's landing pad (%#llx)",
		      door, (unsigned long long)si.instruction_pointer);
		/* The vDSO pushed the return address, ecx, edx and ebp */
		want_sp = d == 1 ? peek32(info.saved_esp) - 16 : info.frame;
	}
	check(si.stack_pointer == want_sp,
	      "%s: stack pointer %#x (%#llx)", door, want_sp,
	      (unsigned long long)si.stack_pointer);

	if (getregs32(&r)) {
		check(0, "%s: NT_PRSTATUS at entry", door);
		return;
	}
	check(r.orig_eax == SC_NR && (int32_t)r.eax == -ENOSYS,
	      "%s: NT_PRSTATUS at entry: orig_eax 64, eax -ENOSYS (%#x %d)",
	      door, r.orig_eax, (int32_t)r.eax);
	check(r.ebx == SC_ARG(d, 0) && r.ecx == SC_ARG(d, 1) &&
	      r.edx == SC_ARG(d, 2) && r.esi == SC_ARG(d, 3) &&
	      r.edi == SC_ARG(d, 4),
	      "%s: NT_PRSTATUS: ebx, ecx, edx, esi, edi the first five arguments",
	      door);
	check(r.ebp == SC_ARG(d, 5), "%s: NT_PRSTATUS: ebp the sixth (%#x)",
	      door, r.ebp);
	check(r.eip == si.instruction_pointer && r.esp == si.stack_pointer,
	      "%s: NT_PRSTATUS: eip and esp as PTRACE_GET_SYSCALL_INFO (%#x %#x)",
	      door, r.eip, r.esp);
}

static void check_sc_exit(int d, struct entry *e)
{
	struct __ptrace_syscall_info si;
	const char *door = door_name[d];
	struct regs32 r;

	memset(&si, 0, sizeof(si));
	ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(si), &si);
	check(si.op == PTRACE_SYSCALL_INFO_EXIT && !si.exit.is_error &&
	      si.exit.rval == getpid(),
	      "%s: PTRACE_GET_SYSCALL_INFO at exit: getppid() is the tracer's pid (op %d rval %lld)",
	      door, si.op, (long long)si.exit.rval);
	if (getregs32(&r)) {
		check(0, "%s: NT_PRSTATUS at exit", door);
		return;
	}
	check(r.orig_eax == SC_NR && r.eax == (uint32_t)getpid() &&
	      r.ebx == SC_ARG(d, 0) && r.ecx == SC_ARG(d, 1) &&
	      r.edx == SC_ARG(d, 2) && r.esi == SC_ARG(d, 3) &&
	      r.edi == SC_ARG(d, 4) && r.ebp == SC_ARG(d, 5) &&
	      r.eip == e->ip && r.esp == e->sp,
	      "%s: NT_PRSTATUS at exit: eax the result, the rest unchanged",
	      door);
}

int main(int argc, char **argv)
{
	struct entry entries[4] = { };
	int pipefd[2], status, d, in_call = -1, stopped = 0;
	char fd[16];
	long n;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc != 2) {
		fprintf(stderr, "usage: ptrace32 TRACEE_32\n");
		return 2;
	}
	if (pipe(pipefd)) {
		perror("pipe");
		return 2;
	}
	pid = fork();
	if (!pid) {
		close(pipefd[0]);
		snprintf(fd, sizeof(fd), "%d", pipefd[1]);
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execl(argv[1], argv[1], fd, (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	/* The SIGTRAP of the exec */
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
		check(0, "tracee stopped after its exec (status %#x)", status);
		return 1;
	}
	ptrace(PTRACE_SETOPTIONS, pid, NULL,
	       (void *)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));

	/* To the INT3; signals from probing the doors go on to the tracee */
	for (;;) {
		int sig = 0;

		if (ptrace(PTRACE_CONT, pid, NULL, (void *)(long)stopped) ||
		    waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status)) {
			check(0, "tracee reached its INT3 (status %#x)", status);
			return 1;
		}
		sig = WSTOPSIG(status);
		if (sig == SIGTRAP)
			break;
		stopped = sig;
	}
	n = read(pipefd[0], &info, sizeof(info));
	close(pipefd[0]);
	if (n != sizeof(info) || info.magic != TRACEE_MAGIC) {
		check(0, "the tracee's information (%ld bytes)", n);
		return 1;
	}
	printf("# tracee: TLS entry %u, gs %#x base %#x, doors %#x, INT3 at %#x\n",
	       info.tls_entry, info.gs, info.gs_base, info.doors, info.stop_ip);
	check_stop_prstatus();
	check_stop_getregs();
	check_stop_peekuser();
	check_stop_setregs();
	check_stop_fp();
	check_stop_tls();

	/* The SIGTRAP is not delivered: its esp holds a pattern */
	stopped = 0;
	for (;;) {
		struct regs32 r;

		if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)stopped) ||
		    waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
			break;
		stopped = 0;
		if (WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			stopped = WSTOPSIG(status);
			continue;
		}
		if (in_call != -1) {
			if (in_call >= 0)
				check_sc_exit(in_call, &entries[in_call]);
			in_call = -1;
			continue;
		}
		/* An entry: ours if ebx is marked; its exit is the next stop */
		if (getregs32(&r) || r.orig_eax != SC_NR ||
		    !SC_IS_MARKED(r.ebx) || SC_DOOR(r.ebx) > 3) {
			in_call = -2;
			continue;
		}
		d = SC_DOOR(r.ebx);
		check_sc_entry(d, &entries[d]);
		in_call = d;
	}
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "tracee exited 0, its own checks passed (status %#x)", status);
	for (d = 0; d < 4; d++) {
		if (info.doors & 1 << d)
			check(entries[d].seen == 1, "%s: one traced getppid() (%d)",
			      door_name[d], entries[d].seen);
		else
			skip("%s: not offered by this CPU", door_name[d]);
	}
	return check_exit();
}
