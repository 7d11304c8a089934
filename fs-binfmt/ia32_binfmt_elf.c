// SPDX-License-Identifier: GPL-2.0-only
/*
 * ia32_binfmt_elf.c - the i386 ELF loader of the ia32_emulation module
 *
 * This is the kernel's own compat ELF loader, fs/compat_binfmt_elf.c (which
 * is fs/binfmt_elf.c built with the 32-bit ELF types, the i386 auxiliary
 * vector, the 32-bit vDSO and compat core dumps), built into the module
 * instead of the kernel.  Nothing of the loader is rewritten here: this
 * file only narrows the architecture check, hands registration to the
 * module and counts the 32-bit programs it started.
 *
 * The format's .module is THIS_MODULE, so set_binfmt() makes every mm of a
 * 32-bit program hold a reference on the module: it cannot be removed while
 * a 32-bit process lives.
 */

#include <linux/atomic.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/module.h>

#include "ia32_emulation.h"

/*
 * Only i386 executables: IA32_EMULATION_LOADABLE excludes the x32 ABI.
 * Unlike the built-in loader, this does not read the gate: the module
 * registers the format only while the gate is open (see main.c).
 */
#undef compat_elf_check_arch
#define compat_elf_check_arch(x)	elf_check_arch_ia32(x)

/* For the same reason, the i386 auxiliary vector only, no x32 branch. */
#undef COMPAT_ARCH_DLINFO
#define COMPAT_ARCH_DLINFO		ARCH_DLINFO_IA32

/*
 * main.c registers and unregisters the format, in its own order, through
 * ia32_binfmt_register() and ia32_binfmt_unregister() below.
 */
#undef core_initcall
#define core_initcall(fn)	static_assert(__same_type(fn, int (void)))
#undef module_exit
#define module_exit(fn)		static_assert(__same_type(fn, void (void)))

#include "compat_binfmt_elf.c"

static atomic_long_t ia32_execs = ATOMIC_LONG_INIT(0);

static int ia32_load_elf_binary(struct linux_binprm *bprm)
{
	int ret = load_elf_binary(bprm);

	if (!ret)
		atomic_long_inc(&ia32_execs);
	return ret;
}

unsigned long ia32_binfmt_execs(void)
{
	return atomic_long_read(&ia32_execs);
}

void __init ia32_binfmt_register(void)
{
	elf_format.load_binary = ia32_load_elf_binary;
	init_elf_binfmt();
}

void __exit ia32_binfmt_unregister(void)
{
	exit_elf_binfmt();
}
