// SPDX-License-Identifier: GPL-2.0
/*
 * core32 DUMPER_32 COREDIR: run the 32-bit DUMPER_32 (core32_dumper),
 * which dies of SIGSEGV with three threads in known states (core32.h),
 * and check the ELF32 core it leaves in COREDIR/core.PID: the core
 * pattern must be COREDIR/core.%p (the plan sets it).  RLIMIT_CORE is
 * raised here for the dumper.  The parser is our own.
 *
 * Checks:
 * - the dumper died of SIGSEGV with a core;
 * - the ELF header (ELFCLASS32, EM_386, ET_CORE, sizes of the i386 ELF
 *   structures) and the program headers (one PT_NOTE, then PT_LOADs, all
 *   within the file);
 * - the notes, in the kernel's order: per thread NT_PRSTATUS, then for
 *   the first thread NT_PRPSINFO, NT_SIGINFO, NT_AUXV and NT_FILE, then
 *   NT_PRFPREG, NT_PRXFPREG, NT_X86_XSTATE, NT_386_TLS and, if the
 *   dumper could use ioperm(), NT_386_IOPERM; at the end one
 *   NT_X86_XSAVE_LAYOUT.  Each with its owner name ("CORE" or "LINUX")
 *   and the size of its i386 structure;
 * - NT_PRSTATUS of each thread: signal, pid, parent, group, session, the
 *   17 registers the thread held (its TLS selector in fs, orig_eax -1,
 *   eip at the faulting write or the spin loop), pr_fpvalid; the thread
 *   that faulted first;
 * - NT_PRPSINFO: state, ids, the command name and the arguments;
 *   NT_SIGINFO: SIGSEGV, SEGV_MAPERR at 0x10; NT_AUXV: what the dumper
 *   read from /proc/self/auxv; NT_FILE: well formed, with the page of the
 *   executable the dumper mapped;
 * - per thread: the i387 state (control word, status, tags, st(0)), the
 *   FXSAVE state (MXCSR, xmm0-7), the XSAVE state (its size and XCR0 from
 *   the CPU, XSTATE_BV), the three TLS entries (the thread's own base in
 *   its entry, glibc's thread pointer, an empty one), the I/O bitmap
 *   (only port 0x80 open); the XSAVE layout matches CPUID leaf 0xd;
 * - memory: the dumper's data at its address, the vDSO as an ELF32 image.
 * A line "core32 digest: ..." sums up what both kernels must share.
 */
#define _GNU_SOURCE
#include <cpuid.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "core32.h"

#define USER32_CS	0x23
#define USER_DS		0x2b
#define GDT_TLS_MIN	12
#define MAX_NOTES	64
#define DIGEST_LEN	1024
#ifndef NT_X86_XSAVE_LAYOUT
#define NT_X86_XSAVE_LAYOUT	0x205
#endif
#define IO_BITMAP_BYTES	8192

/* The i386 (compat) structures of the notes */
#define PRSTATUS_SIZE	144
#define PRPSINFO_SIZE	124
#define SIGINFO_SIZE	128
#define PR_REG_OFF	72
#define PR_FPVALID_OFF	140

struct note {
	const char *name;
	uint32_t type, size;
	const unsigned char *desc;
};

static const unsigned char *core;
static size_t core_size;
static const Elf32_Ehdr *eh;
static const Elf32_Phdr *ph;
static struct note notes[MAX_NOTES];
static int nnotes;
static const struct core_expect *expect;
static char digest[DIGEST_LEN];

static __printf(1, 2) void digest_add(const char *fmt, ...)
{
	size_t n = strlen(digest);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(digest + n, sizeof(digest) - n, fmt, ap);
	va_end(ap);
}

static uint32_t u32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static const char *note_type_name(uint32_t type)
{
	switch (type) {
	case NT_PRSTATUS: return "PRSTATUS";
	case NT_PRFPREG: return "PRFPREG";
	case NT_PRPSINFO: return "PRPSINFO";
	case NT_AUXV: return "AUXV";
	case NT_SIGINFO: return "SIGINFO";
	case NT_FILE: return "FILE";
	case NT_PRXFPREG: return "PRXFPREG";
	case NT_386_TLS: return "386_TLS";
	case NT_386_IOPERM: return "386_IOPERM";
	case NT_X86_XSTATE: return "X86_XSTATE";
	case NT_X86_XSAVE_LAYOUT: return "X86_XSAVE_LAYOUT";
	default: return "?";
	}
}

/* The ELF header and the program headers; the notes of the PT_NOTE. */
static int parse(void)
{
	const Elf32_Phdr *note = NULL;
	size_t off, end;
	int i, ok = 1;

	eh = (const Elf32_Ehdr *)core;
	check(core_size >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	      eh->e_ident[EI_CLASS] == ELFCLASS32 &&
	      eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	      eh->e_ident[EI_VERSION] == EV_CURRENT &&
	      eh->e_type == ET_CORE && eh->e_machine == EM_386 &&
	      eh->e_version == EV_CURRENT,
	      "ELF header: ELFCLASS32, little-endian, ET_CORE, EM_386");
	if (check_failed)
		return -1;
	check(eh->e_ehsize == sizeof(Elf32_Ehdr) &&
	      eh->e_phentsize == sizeof(Elf32_Phdr) &&
	      eh->e_phoff == sizeof(Elf32_Ehdr) && eh->e_phnum >= 2 &&
	      !eh->e_shnum && eh->e_phoff + eh->e_phnum * sizeof(Elf32_Phdr) <= core_size,
	      "ELF header: i386 header sizes, %u program headers right after it",
	      eh->e_phnum);
	if (check_failed)
		return -1;
	ph = (const Elf32_Phdr *)(core + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_offset + (size_t)ph[i].p_filesz > core_size)
			ok = 0;
		if (!i && ph[i].p_type == PT_NOTE)
			note = &ph[i];
		else if (ph[i].p_type != PT_LOAD ||
			 ph[i].p_filesz > ph[i].p_memsz ||
			 ph[i].p_align != 4096 || ph[i].p_vaddr % 4096)
			ok = 0;
	}
	check(note && ok,
	      "program headers: a PT_NOTE, then page-aligned PT_LOADs, all within the file");
	if (!note || !ok)
		return -1;

	off = note->p_offset;
	end = off + note->p_filesz;
	while (off + 12 <= end && nnotes < MAX_NOTES) {
		uint32_t namesz = u32(core + off), descsz = u32(core + off + 4);
		struct note *n = &notes[nnotes++];

		n->type = u32(core + off + 8);
		n->name = (const char *)core + off + 12;
		off += 12 + ((namesz + 3) & ~3u);
		n->desc = core + off;
		n->size = descsz;
		off += (descsz + 3) & ~3u;
		if (off > end || !namesz || n->name[namesz - 1]) {
			check(0, "notes: note %d runs past the PT_NOTE or has no name",
			      nnotes);
			return -1;
		}
	}
	check(off == end, "notes: %d notes fill the PT_NOTE exactly", nnotes);
	return off == end ? 0 : -1;
}

/* The notes of a thread: from its NT_PRSTATUS to the next one. */
static int thread_notes(int t, struct note **first)
{
	int i, k = -1;

	for (i = 0; i < nnotes; i++) {
		if (notes[i].type == NT_PRSTATUS && ++k == t)
			break;
	}
	if (i == nnotes)
		return 0;
	*first = &notes[i];
	for (k = i + 1; k < nnotes && notes[k].type != NT_PRSTATUS &&
	     notes[k].type != NT_X86_XSAVE_LAYOUT; k++)
		;
	return k - i;
}

static const struct note *find(struct note *from, int n, uint32_t type)
{
	int i;

	for (i = 0; i < n; i++)
		if (from[i].type == type)
			return &from[i];
	return NULL;
}

/* The note order the kernel writes */
static void check_order(void)
{
	static const uint32_t first[] = {
		NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV, NT_FILE,
		NT_PRFPREG, NT_PRXFPREG, NT_X86_XSTATE, NT_386_TLS,
		NT_386_IOPERM,
	};
	static const uint32_t others[] = {
		NT_PRSTATUS, NT_PRFPREG, NT_PRXFPREG, NT_X86_XSTATE, NT_386_TLS,
		NT_386_IOPERM,
	};
	uint32_t want[MAX_NOTES];
	int n = 0, t, i, ok;

	for (t = 0; t < CORE_THREADS; t++) {
		const uint32_t *list = t ? others : first;
		int len = t ? sizeof(others) / 4 : sizeof(first) / 4;

		for (i = 0; i < len; i++)
			if (list[i] != NT_386_IOPERM || expect->ioperm)
				want[n++] = list[i];
	}
	want[n++] = NT_X86_XSAVE_LAYOUT;
	ok = n == nnotes;
	for (i = 0; i < n && i < nnotes; i++)
		if (notes[i].type != want[i])
			ok = 0;
	for (i = 0; i < nnotes; i++)
		digest_add("%s%s/%s:%u", i ? " " : "", note_type_name(notes[i].type),
			   notes[i].name, notes[i].size);
	check(ok, "notes: the kernel's order, %d notes for %d threads%s", n,
	      CORE_THREADS, expect->ioperm ? " with ioperm" : "");
}

static void check_name_size(int t, const struct note *n, uint32_t type,
			    const char *name, uint32_t size)
{
	check(n && !strcmp(n->name, name) && n->size == size,
	      "thread %d: NT_%s named %s, %u bytes (%s, %u)", t,
	      note_type_name(type), name, size, n ? n->name : "none",
	      n ? n->size : 0);
}

static const char * const regs32_name[] = {
	"ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "ds", "es", "fs",
	"gs", "orig_eax", "eip", "cs", "eflags", "esp", "ss",
};

static void check_prstatus(int t, const struct note *n, pid_t me)
{
	const unsigned char *d = n->desc;
	uint32_t want[17] = {
		CORE_REG(t, 1), CORE_REG(t, 2), CORE_REG(t, 3), CORE_REG(t, 4),
		CORE_REG(t, 5), CORE_REG(t, 6), CORE_REG(t, 0), USER_DS,
		USER_DS, expect->tls_entry * 8 + 3, expect->gs, 0xffffffff,
		expect->ip[t], USER32_CS, CORE_EFLAGS(t), CORE_ESP(t), USER_DS,
	};
	int16_t cursig;
	int i;

	memcpy(&cursig, d + 12, 2);
	check(u32(d) == SIGSEGV && cursig == SIGSEGV,
	      "thread %d: NT_PRSTATUS si_signo and pr_cursig SIGSEGV (%u %d)", t,
	      u32(d), cursig);
	check(u32(d + 24) == expect->tid[t] && u32(d + 28) == (uint32_t)me &&
	      u32(d + 32) == expect->pgrp && u32(d + 36) == expect->sid,
	      "thread %d: pr_pid %u, pr_ppid, pr_pgrp, pr_sid (%u %u %u %u)", t,
	      expect->tid[t], u32(d + 24), u32(d + 28), u32(d + 32),
	      u32(d + 36));
	for (i = 0; i < 17; i++) {
		uint32_t v = u32(d + PR_REG_OFF + 4 * i);

		if (i == 14)
			v &= CORE_EFLAGS_MASK;
		check(v == want[i], "thread %d: pr_reg %s %#x (%#x)", t,
		      regs32_name[i], want[i], u32(d + PR_REG_OFF + 4 * i));
	}
	check(u32(d + PR_FPVALID_OFF) == 1, "thread %d: pr_fpvalid 1", t);
}

static int is_st0(int t, const unsigned char *p)
{
	const uint32_t st0[3] = { CORE_ST0_LO(t), CORE_ST0_MID, CORE_ST0_EXP(t) };

	return !memcmp(p, st0, 10);
}

static int is_xmm(int t, const unsigned char *fx)
{
	int i, w;

	for (i = 0; i < 8; i++)
		for (w = 0; w < 4; w++)
			if (u32(fx + 160 + 16 * i + 4 * w) != CORE_XMM(t, i, w))
				return 0;
	return 1;
}

static void check_fp(int t, struct note *tn, int nn, uint64_t xcr0,
		     uint32_t xsize)
{
	const struct note *n;
	uint64_t sw_xcr0, bv;

	n = find(tn, nn, NT_PRFPREG);
	check_name_size(t, n, NT_PRFPREG, "CORE", 108);
	if (n && n->size == 108)
		check(u32(n->desc) == (0xffff0000 | CORE_FPU_CW(t)) &&
		      u32(n->desc + 4) == 0xffff3800 &&
		      u32(n->desc + 8) == 0xffff3fff && is_st0(t, n->desc + 28),
		      "thread %d: NT_PRFPREG: control word %#x, status, tags, st(0)",
		      t, CORE_FPU_CW(t));

	n = find(tn, nn, NT_PRXFPREG);
	check_name_size(t, n, NT_PRXFPREG, "LINUX", 512);
	if (n && n->size == 512)
		check((u32(n->desc) & 0xffff) == CORE_FPU_CW(t) &&
		      u32(n->desc + 24) == CORE_MXCSR(t) &&
		      is_st0(t, n->desc + 32) && is_xmm(t, n->desc),
		      "thread %d: NT_PRXFPREG: control word, MXCSR %#x, st(0), xmm0-7",
		      t, CORE_MXCSR(t));

	n = find(tn, nn, NT_X86_XSTATE);
	check_name_size(t, n, NT_X86_XSTATE, "LINUX", xsize);
	if (n && n->size == xsize) {
		memcpy(&sw_xcr0, n->desc + 464, 8);
		memcpy(&bv, n->desc + 512, 8);
		check(u32(n->desc + 24) == CORE_MXCSR(t) &&
		      is_st0(t, n->desc + 32) && is_xmm(t, n->desc),
		      "thread %d: NT_X86_XSTATE: MXCSR, st(0), xmm0-7", t);
		check(sw_xcr0 == xcr0 && (bv & 3) == 3 && !(bv & ~xcr0),
		      "thread %d: NT_X86_XSTATE: XCR0 %#llx in the software bytes, XSTATE_BV with x87 and SSE (%#llx)",
		      t, (unsigned long long)xcr0, (unsigned long long)bv);
	}
}

/* user_desc: entry, base, limit, then the flags word */
static int is_desc(const unsigned char *d, uint32_t entry, uint32_t base,
		   int empty)
{
	/* 32-bit, limit in pages, usable; or read-only and not present */
	uint32_t flags = empty ? 0x28 : 0x51;

	return u32(d) == entry && u32(d + 4) == (empty ? 0 : base) &&
	       u32(d + 8) == (empty ? 0 : CORE_TLS_LIMIT) && u32(d + 12) == flags;
}

static void check_tls(int t, struct note *tn, int nn)
{
	const struct note *n = find(tn, nn, NT_386_TLS);
	uint32_t glibc = expect->gs >> 3, e;
	int ok = 1;

	check_name_size(t, n, NT_386_TLS, "LINUX", 48);
	if (!n || n->size != 48)
		return;
	for (e = GDT_TLS_MIN; e < GDT_TLS_MIN + 3; e++) {
		const unsigned char *d = n->desc + 16 * (e - GDT_TLS_MIN);

		if (e == expect->tls_entry)
			ok &= is_desc(d, e, CORE_TLS_BASE(t), 0);
		else if (e == glibc)
			ok &= is_desc(d, e, expect->gs_base[t], 0);
		else
			ok &= is_desc(d, e, 0, 1);
	}
	check(ok, "thread %d: NT_386_TLS: base %#x in %u, glibc's %#x in %u, one empty",
	      t, CORE_TLS_BASE(t), expect->tls_entry, expect->gs_base[t], glibc);
}

static void check_ioperm(int t, struct note *tn, int nn)
{
	const struct note *n = find(tn, nn, NT_386_IOPERM);
	int port, ok = 1;

	if (!expect->ioperm) {
		check(!n, "thread %d: no NT_386_IOPERM without ioperm()", t);
		return;
	}
	check_name_size(t, n, NT_386_IOPERM, "LINUX", IO_BITMAP_BYTES);
	if (!n || n->size != IO_BITMAP_BYTES)
		return;
	for (port = 0; port < IO_BITMAP_BYTES * 8; port++)
		if (!(n->desc[port / 8] & 1 << (port % 8)) == !(port == CORE_IOPORT))
			ok = 0;
	check(ok, "thread %d: NT_386_IOPERM: only port %#x open", t, CORE_IOPORT);
}

static void check_process(struct note *tn, int nn, pid_t me,
			  const char *psargs)
{
	const struct note *n;
	const unsigned char *d;
	uint32_t count, i, *files;
	const char *name, *end;
	int found = 0, ok;
	uint16_t uid, gid;

	n = find(tn, nn, NT_PRPSINFO);
	check_name_size(0, n, NT_PRPSINFO, "CORE", PRPSINFO_SIZE);
	if (n && n->size == PRPSINFO_SIZE) {
		d = n->desc;
		memcpy(&uid, d + 8, 2);
		memcpy(&gid, d + 10, 2);
		check(d[0] == 0 && d[1] == 'R' && !d[2] && !d[3],
		      "NT_PRPSINFO: state 0 'R', not a zombie, nice 0 (%u '%c' %u %d)",
		      d[0], d[1], d[2], (signed char)d[3]);
		check(uid == expect->uid && gid == expect->gid &&
		      u32(d + 12) == expect->pid && u32(d + 16) == (uint32_t)me &&
		      u32(d + 20) == expect->pgrp && u32(d + 24) == expect->sid,
		      "NT_PRPSINFO: 16-bit uid and gid, pid, ppid, pgrp, sid");
		check(!strncmp((const char *)d + 28, "core32_dumper_3", 16),
		      "NT_PRPSINFO: pr_fname \"core32_dumper_3\" (\"%.16s\")",
		      (const char *)d + 28);
		check(!strncmp((const char *)d + 44, psargs, 80),
		      "NT_PRPSINFO: pr_psargs \"%s\" (\"%.80s\")", psargs,
		      (const char *)d + 44);
	}

	n = find(tn, nn, NT_SIGINFO);
	check_name_size(0, n, NT_SIGINFO, "CORE", SIGINFO_SIZE);
	if (n && n->size == SIGINFO_SIZE)
		check(u32(n->desc) == SIGSEGV && !u32(n->desc + 4) &&
		      u32(n->desc + 8) == SEGV_MAPERR &&
		      u32(n->desc + 12) == CORE_FAULT_ADDR,
		      "NT_SIGINFO: SIGSEGV, SEGV_MAPERR at %#x (%u %u %u %#x)",
		      CORE_FAULT_ADDR, u32(n->desc), u32(n->desc + 4),
		      u32(n->desc + 8), u32(n->desc + 12));

	n = find(tn, nn, NT_AUXV);
	check(n && !strcmp(n->name, "CORE") && n->size % 8 == 0 &&
	      n->size >= 8 && !u32(n->desc + n->size - 8),
	      "NT_AUXV: named CORE, 32-bit pairs ending with AT_NULL (%u bytes)",
	      n ? n->size : 0);
	if (n) {
		/*
		 * /proc/PID/auxv looks for AT_NULL in 64-bit words: for a
		 * 32-bit task it may give a few zero bytes more.
		 */
		for (i = n->size; i < expect->auxv_len; i++)
			if (((const unsigned char *)expect->auxv)[i])
				break;
		check(n->size <= expect->auxv_len && i == expect->auxv_len &&
		      !memcmp(n->desc, expect->auxv, n->size),
		      "NT_AUXV: what /proc/self/auxv gave the dumper, to its AT_NULL (%u of %u bytes)",
		      n->size, expect->auxv_len);
		digest_add(" auxv-types");
		for (i = 0; i < n->size / 8; i++)
			digest_add(",%u", u32(n->desc + 8 * i));
	}

	n = find(tn, nn, NT_FILE);
	ok = n && !strcmp(n->name, "CORE") && n->size >= 8;
	count = ok ? u32(n->desc) : 0;
	ok = ok && u32(n->desc + 4) == 4096 && 8 + 12 * count <= n->size;
	if (ok) {
		files = (uint32_t *)(n->desc + 8);
		name = (const char *)n->desc + 8 + 12 * count;
		end = (const char *)n->desc + n->size;
		for (i = 0; i < count && ok; i++) {
			const char *nul = memchr(name, 0, end - name);

			if (!nul || files[3 * i] >= files[3 * i + 1]) {
				ok = 0;
				break;
			}
			if (files[3 * i] == CORE_MAP_ADDR &&
			    files[3 * i + 1] == CORE_MAP_ADDR + 4096 &&
			    files[3 * i + 2] == CORE_MAP_PGOFF &&
			    !strcmp(name, expect->exe))
				found = 1;
			name = nul + 1;
		}
	}
	check(ok, "NT_FILE: named CORE, page size 4096, %u ranges and names", count);
	check(found, "NT_FILE: page %d of %s at %#x", CORE_MAP_PGOFF, expect->exe,
	      CORE_MAP_ADDR);
	digest_add(" files %u", count);
}

static void check_layout(uint64_t xcr0)
{
	const struct note *n = nnotes ? &notes[nnotes - 1] : NULL;
	unsigned int eax, ebx, ecx, edx, i, k = 0;
	int ok;

	ok = n && n->type == NT_X86_XSAVE_LAYOUT && !strcmp(n->name, "LINUX");
	for (i = 2; ok && i < 64; i++) {
		if (!(xcr0 & 1ULL << i))
			continue;
		__cpuid_count(0xd, i, eax, ebx, ecx, edx);
		if ((k + 1) * 16 > n->size || u32(n->desc + 16 * k) != i ||
		    u32(n->desc + 16 * k + 4) != eax ||
		    u32(n->desc + 16 * k + 8) != ebx || u32(n->desc + 16 * k + 12))
			ok = 0;
		k++;
	}
	check(ok && n->size == 16 * k,
	      "NT_X86_XSAVE_LAYOUT: last, named LINUX, each XCR0 feature from 2 up with its CPUID size and offset (%u)",
	      k);
}

/* Where the dumper's memory at @vaddr is in the core, or NULL */
static const unsigned char *memory(uint32_t vaddr, uint32_t len)
{
	int i;

	for (i = 1; i < eh->e_phnum; i++)
		if (vaddr >= ph[i].p_vaddr &&
		    vaddr - ph[i].p_vaddr + (size_t)len <= ph[i].p_filesz)
			return core + ph[i].p_offset + (vaddr - ph[i].p_vaddr);
	return NULL;
}

static const struct core_expect *find_expect(void)
{
	int i;

	for (i = 1; i < eh->e_phnum; i++) {
		const unsigned char *p = core + ph[i].p_offset;
		const unsigned char *end = p + ph[i].p_filesz;

		while ((p = memmem(p, end - p, CORE_MAGIC, 16))) {
			const struct core_expect *e = (const void *)p;

			if (end - p >= (long)sizeof(*e) &&
			    e->self == ph[i].p_vaddr + (p - core - ph[i].p_offset))
				return e;
			p++;
		}
	}
	return NULL;
}

static void check_core(pid_t me, const char *psargs)
{
	unsigned int eax, ebx, ecx, edx, lo, hi;
	const unsigned char *vdso;
	struct note *tn;
	uint64_t xcr0;
	int t, nn;

	if (parse())
		return;
	expect = find_expect();
	check(!!expect,
	      "memory: the dumper's data block in a PT_LOAD, at its own address");
	if (!expect)
		return;
	vdso = memory(expect->vdso, 4096);
	check(vdso && !memcmp(vdso, ELFMAG, SELFMAG) && vdso[EI_CLASS] == ELFCLASS32,
	      "memory: the vDSO at %#x, an ELF32 image", expect->vdso);

	check_order();
	nn = thread_notes(0, &tn);
	check(nn && u32(tn->desc + 24) == expect->pid,
	      "the first NT_PRSTATUS is the thread that faulted");
	if (nn)
		check_process(tn, nn, me, psargs);

	__cpuid_count(0xd, 0, eax, ebx, ecx, edx);
	asm volatile ("xgetbv" : "=a" (lo), "=d" (hi) : "c" (0));
	xcr0 = lo | (uint64_t)hi << 32;
	for (t = 0; t < CORE_THREADS; t++) {
		int i, k = -1;

		/* The notes of the thread with this tid */
		for (i = 0; i < CORE_THREADS; i++) {
			nn = thread_notes(i, &tn);
			if (nn && tn->size == PRSTATUS_SIZE &&
			    u32(tn->desc + 24) == expect->tid[t])
				k = i;
		}
		nn = k >= 0 ? thread_notes(k, &tn) : 0;
		check(nn && !strcmp(tn->name, "CORE") && tn->size == PRSTATUS_SIZE,
		      "thread %d: NT_PRSTATUS named CORE, %d bytes", t,
		      PRSTATUS_SIZE);
		if (!nn)
			continue;
		check_prstatus(t, tn, me);
		check_fp(t, tn, nn, xcr0, ebx);
		check_tls(t, tn, nn);
		check_ioperm(t, tn, nn);
	}
	check_layout(xcr0);
}

int main(int argc, char **argv)
{
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	char path[4096], psargs[256];
	struct stat st;
	int status, fd;
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc != 3) {
		fprintf(stderr, "usage: core32 DUMPER_32 COREDIR (pattern COREDIR/core.%%p)\n");
		return 2;
	}
	/* The arguments, each NUL made a space, the last one too */
	snprintf(psargs, sizeof(psargs), "%s core dump ", argv[1]);
	pid = fork();
	if (!pid) {
		if (setrlimit(RLIMIT_CORE, &rl))
			perror("RLIMIT_CORE");
		execl(argv[1], argv[1], "core", "dump", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV &&
	      WCOREDUMP(status),
	      "the dumper died of SIGSEGV with a core (status %#x)", status);
	snprintf(path, sizeof(path), "%s/core.%d", argv[2], pid);
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st)) {
		check(0, "%s: %s", path, strerror(errno));
		return 1;
	}
	core_size = st.st_size;
	core = mmap(NULL, core_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (core == MAP_FAILED) {
		check(0, "mapping %s: %s", path, strerror(errno));
		return 1;
	}
	check_core(getpid(), psargs);
	printf("core32 digest: %s\n", digest);
	munmap((void *)core, core_size);
	unlink(path);
	return check_exit();
}
