/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ptrace32.h - what the 64-bit tracer ptrace32 and its 32-bit tracee
 * ptrace32_tracee agree on: the values the tracee puts in its registers,
 * and the addresses it tells the tracer through a pipe.
 *
 * The constants are plain hexadecimal so that the tracee's asm can use
 * them too.
 */
#ifndef IA32TEST_PTRACE32_H
#define IA32TEST_PTRACE32_H

#include <stdint.h>

/* The registers at the tracee's INT3 stop */
#define STOP_EAX	0x8badf00d
#define STOP_EBX	0xb0b0b0b1
#define STOP_ECX	0xc0c0c0c2
#define STOP_EDX	0xd0d0d0d3
#define STOP_ESI	0x51515154
#define STOP_EDI	0xd1d1d1d5
#define STOP_EBP	0xb9b9b9b6
#define STOP_ESP	0x5b5b5b50
/*
 * CF, PF, AF, ZF, SF, DF, OF and ID, with IF and the reserved bit 1; the
 * CPU and the kernel may add RF, so the tracer looks at these bits only.
 */
#define STOP_EFLAGS	0x00200ed7
#define EFLAGS_MASK	0x00200fd7

/* The x87 and SSE state at the stop */
#define STOP_FPU_CW	0x0b7f	/* round up, 64-bit precision, all masked */
#define STOP_MXCSR	0xff80	/* flush to zero, round to zero, all masked */
/* st(0): a positive normal number, its ten bytes little-endian */
#define STOP_ST0_LO	0xe5f60718
#define STOP_ST0_MID	0xa1b2c3d4
#define STOP_ST0_EXP	0x4005
/* Word @w of xmm@i */
#define STOP_XMM(i, w)	(0xa0003c3cu | (i) << 20 | (w) << 16)

/* The TLS entry the tracee makes with set_thread_area() */
#define TLS_BASE	0x12345000
#define TLS_LIMIT	0xabcde
/*
 * The flags word of its struct user_desc: 32-bit, limit in pages, usable
 * (glibc's entry has the same); an empty entry reads back as read-only
 * and not present.
 */
#define TLS_FLAGS	0x51
#define TLS_FLAGS_EMPTY	0x28

/* The six arguments of the getppid() the tracee makes through door @d */
#define SC_NR		64	/* i386 getppid */
#define SC_ARG(d, i)	(0xa0010000u + ((d) << 24) + ((i) << 20) + 0x5a5a)
#define SC_IS_MARKED(ebx)	(((ebx) & 0xf0ff0000u) == 0xa0010000u)
#define SC_DOOR(ebx)	(((ebx) >> 24) & 0xf)
/* esp through the INT 0x80 and SYSENTER doors, which do not use it */
#define SC_ESP(d)	(0x5c5c0000u + ((d) << 8))

#define TRACEE_MAGIC	0x33326274	/* "tb23" */

/* What the tracee tells the tracer before the stop, all 32-bit */
struct tracee_info {
	uint32_t magic;
	uint32_t stop_ip;	/* where eip is at the INT3 stop */
	uint32_t tls_entry;	/* the entry set_thread_area() gave */
	uint32_t gs;		/* glibc's TLS selector... */
	uint32_t gs_base;	/* ...and the base of its segment */
	uint32_t doors;		/* bit d: door d (door32.h) is there */
	uint32_t int80_ret;	/* where the INT 0x80 door returns */
	uint32_t saved_esp;	/* &door32_saved_esp */
	uint32_t frame;		/* &door32_frame */
};

#endif /* IA32TEST_PTRACE32_H */
