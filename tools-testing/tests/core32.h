/* SPDX-License-Identifier: GPL-2.0 */
/*
 * core32.h - what the core dump checker core32 (64-bit) and the 32-bit
 * program it makes dump core, core32_dumper, agree on: the values each
 * thread holds when the core is written, and the block in the dumper's
 * memory through which the checker learns the rest (addresses, thread
 * ids, the auxiliary vector) from the core itself.
 */
#ifndef IA32TEST_CORE32_H
#define IA32TEST_CORE32_H

#include <stdint.h>

#define CORE_THREADS	3

/* Register @r (eax, ebx, ecx, edx, esi, edi, ebp) of thread @t */
#define CORE_REG(t, r)	(0x80005a5au + ((t) << 24) + ((r) << 16))
/* esp of thread @t: nothing uses the stack once it is loaded */
#define CORE_ESP(t)	(0x40005550u + ((t) << 24))
/*
 * eflags of thread @t: IF, bit 1 and ID with different arithmetic flags
 * and DF (the core shows the bits of CORE_EFLAGS_MASK; RF may be added).
 */
#define CORE_EFLAGS(t)	(0x00200202u | (uint32_t)(0x8100c5cd5ull >> (12 * (t)) & 0xfff))
#define CORE_EFLAGS_MASK	0x00200fd7u
/* x87 control word (a rounding mode each), st(0), MXCSR, xmm0-7 */
#define CORE_FPU_CW(t)	(0x037f | (t) << 10)
#define CORE_ST0_LO(t)	(0xe5f60718u + (t))
#define CORE_ST0_MID	0xa1b2c3d4u
#define CORE_ST0_EXP(t)	(0x4005 + (t))
#define CORE_MXCSR(t)	(0x1f80 | (t) << 13)
#define CORE_XMM(t, i, w)	(0xc000003cu | (t) << 24 | (i) << 16 | (w) << 8)
/*
 * The base of the TLS entry each thread loads into fs; the limit is
 * glibc's for its own entry too.
 */
#define CORE_TLS_BASE(t)	(0x12340000u + ((t) << 12))
#define CORE_TLS_LIMIT	0xfffff

/* The main thread faults writing here: SIGSEGV, SEGV_MAPERR */
#define CORE_FAULT_ADDR	0x10
/* Page 1 of the dumper's executable, mapped here (NT_FILE) */
#define CORE_MAP_ADDR	0x30000000u
#define CORE_MAP_PGOFF	1
/* The port ioperm() opens (NT_386_IOPERM) */
#define CORE_IOPORT	0x80

#define CORE_MAGIC	"ia32 core expect"

/* In the dumper's data, found by the checker in the core (32-bit) */
struct core_expect {
	char magic[16];		/* CORE_MAGIC */
	uint32_t self;		/* this block's address */
	uint32_t tid[CORE_THREADS];
	uint32_t ip[CORE_THREADS];	/* where each thread is */
	uint32_t gs_base[CORE_THREADS];	/* glibc's thread pointer */
	uint32_t gs, tls_entry;
	uint32_t pid, ppid, pgrp, sid, uid, gid;
	uint32_t ioperm;	/* 1 if ioperm() worked */
	uint32_t vdso;		/* AT_SYSINFO_EHDR */
	uint32_t auxv_len;
	uint32_t auxv[128];	/* /proc/self/auxv */
	char exe[128];		/* /proc/self/exe */
};

#endif /* IA32TEST_CORE32_H */
