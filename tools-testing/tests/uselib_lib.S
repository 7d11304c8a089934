/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The library of tests/uselib.c: an i386 ET_EXEC with one PT_LOAD, linked
 * at 0x5a000000, which starts with the marker the test looks for.
 */
	.section .text
	.globl	_start
_start:
	.ascii	"ia32-ondemand uselib\0"
	.section .note.GNU-stack,"",@progbits
