/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef IA32_EMULATION_MODULE_H
#define IA32_EMULATION_MODULE_H

#include <linux/init.h>

/* ia32_binfmt_elf.c: the i386 ELF loader */
void __init ia32_binfmt_register(void);
void __exit ia32_binfmt_unregister(void);
unsigned long ia32_binfmt_execs(void);

#endif /* IA32_EMULATION_MODULE_H */
