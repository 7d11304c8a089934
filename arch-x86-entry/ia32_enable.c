// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loadable IA32 emulation: enabling and disabling it for the module
 *
 * The ia32_emulation module registers an i386 ELF format on its own behalf,
 * so that every 32-bit address space holds a reference on it, and enables
 * IA32 emulation, either when it is loaded or when its format has loaded an
 * i386 program.  It disables IA32 emulation again when no 32-bit process is
 * left (after a grace period, or when it is removed).  Enabling or disabling
 * flips the keys that the entry code reads (ia32_loadable.c) and switches
 * the IDT between two read-only copies that differ in the DPL of the
 * INT $0x80 gate, so that a disabled INT $0x80 is refused by the CPU
 * itself, exactly as without the gate.
 */

#define pr_fmt(fmt) "ia32: " fmt

#include <linux/binfmts.h>
#include <linux/bitops.h>
#include <linux/cpu.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/jump_label.h>
#include <linux/kobject.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mmu_context.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <asm/desc.h>
#include <asm/ia32.h>
#include <asm/vdso.h>

#include "ia32_loadable.h"

/*
 * Serializes enabling, disabling, the policy and the registration of the
 * i386 format: the keys and the INT $0x80 gate change together.
 */
static DEFINE_MUTEX(ia32_mutex);

/* What the i386 format and the module did */
static IA32_COUNTER(execs);
static IA32_COUNTER(foreign_elf);
static IA32_COUNTER(auto_enabled);
static IA32_COUNTER(auto_disabled);

/*
 * ia32_syscall_fast_key follows the others.  Called with ia32_mutex and
 * the CPU hotplug lock held.
 */
static void ia32_fast_key_sync(void)
{
	if (static_key_enabled(&ia32_enabled_key) &&
	    !static_key_enabled(&ia32_i386_only_key))
		static_branch_enable_cpuslocked(&ia32_syscall_fast_key);
	else
		static_branch_disable_cpuslocked(&ia32_syscall_fast_key);
}

/*
 * Enable or disable, with ia32_mutex held.  The fast key is never on while
 * the others refuse: it is turned off first and on last.  The INT $0x80
 * gate is let open last and shut first.  Under the CPU hotplug lock, which
 * idt_set_int80_user() needs and the keys take anyway.
 */
static void ia32_set_enabled(bool enable)
{
	lockdep_assert_held(&ia32_mutex);

	if (enable == ia32_enabled())
		return;

	cpus_read_lock();
	if (enable) {
		static_branch_enable_cpuslocked(&ia32_enabled_key);
		ia32_fast_key_sync();
		idt_set_int80_user(true);
	} else {
		idt_set_int80_user(false);
		static_branch_disable_cpuslocked(&ia32_syscall_fast_key);
		static_branch_disable_cpuslocked(&ia32_enabled_key);
	}
	cpus_read_unlock();
}

/* The i386 ELF format, registered on behalf of a module */
static int ia32_load_elf_binary(struct linux_binprm *bprm);
#ifdef CONFIG_USELIB
static int ia32_load_elf_library(struct file *file);
#endif

static struct linux_binfmt ia32_elf_format = {
	.load_binary	= ia32_load_elf_binary,
#ifdef CONFIG_USELIB
	.load_shlib	= ia32_load_elf_library,
#endif
};

/*
 * When an i386 exec or ARCH_MAP_VDSO_32 last took IA32 emulation, in
 * jiffies: a process that came and went between two looks of the module
 * at its reference count still counts (ia32_emulation_disable_idle()).
 */
static unsigned long ia32_last_use = INITIAL_JIFFIES;

/*
 * An i386 exec or ARCH_MAP_VDSO_32 (@how, for the log) takes IA32
 * emulation: enable it if it is not.  Called with ia32_mutex held.
 */
static void ia32_take(const char *how)
{
	lockdep_assert_held(&ia32_mutex);

	ia32_last_use = jiffies;
	if (ia32_enabled())
		return;
	ia32_set_enabled(true);
	ia32_count(&ia32_auto_enabled);
	pr_info("IA32 emulation enabled for %s[%d]%s\n",
		current->comm, task_pid_nr(current), how);
}

static void ia32_enable_for_exec(void)
{
	mutex_lock(&ia32_mutex);
	ia32_take("");
	mutex_unlock(&ia32_mutex);
}

static void ia32_report_foreign(const struct linux_binprm *bprm,
				const struct elf32_hdr *ehdr)
{
	ia32_count(&ia32_foreign_elf);
	pr_notice_ratelimited("exec of %*pE by %s[%d]: not an i386 program (ELF class %u, type %u, machine %u): ENOEXEC; IA32 emulation left as it was\n",
			      (int)strlen(bprm->filename), bprm->filename,
			      current->comm,
			      task_pid_nr(current), ehdr->e_ident[EI_CLASS],
			      ehdr->e_type, ehdr->e_machine);
}

/*
 * Load an i386 program with the kernel's compat ELF loader.  The format
 * registered at boot (x32) does not take i386 executables: the check of
 * the loader, compat_elf_check_arch(), accepts them only while
 * TS_IA32_EXEC marks the exec as going through this format.  Once loaded,
 * the address space holds this format, so that it pins the module that
 * registered it, and IA32 emulation is enabled if it is not.
 */
static int ia32_load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf32_hdr *ehdr = (const struct elf32_hdr *)bprm->buf;
	bool elf = !memcmp(ehdr->e_ident, ELFMAG, SELFMAG);
	int ret = -ENOEXEC;

	if (elf && elf_check_arch_ia32(ehdr)) {
		current_thread_info()->status |= TS_IA32_EXEC;
		ret = compat_elf_binfmt->load_binary(bprm);
		current_thread_info()->status &= ~TS_IA32_EXEC;
	}
	if (ret) {
		if (elf && ret == -ENOEXEC)
			ia32_report_foreign(bprm, ehdr);
		return ret;
	}

	set_binfmt(&ia32_elf_format);
	ia32_enable_for_exec();
	ia32_count(&ia32_execs);
	return 0;
}

#ifdef CONFIG_USELIB
/* uselib(2) of an i386 library, as the compat format does it */
static int ia32_load_elf_library(struct file *file)
{
	int ret;

	current_thread_info()->status |= TS_IA32_EXEC;
	ret = compat_elf_binfmt->load_shlib(file);
	current_thread_info()->status &= ~TS_IA32_EXEC;
	return ret;
}
#endif

/**
 * ia32_emulation_register - register the i386 ELF format for a module
 * @owner: the module (ia32_emulation)
 * @enable: enable IA32 emulation now (else an i386 exec will)
 *
 * From here on i386 programs can be started; each 32-bit address space
 * holds a reference on @owner.
 *
 * Return: 0, -EPERM if IA32 emulation is disabled for this boot (the reason
 * is logged) or -EBUSY if a module is registered already.
 */
int ia32_emulation_register(struct module *owner, bool enable)
{
	const char *reason = ia32_lock_reason();
	int ret = 0;

	if (reason) {
		/* Each i386 exec of a locked boot asks for the module */
		pr_err_ratelimited("IA32 emulation is disabled for this boot: %s\n",
				   reason);
		return -EPERM;
	}

	mutex_lock(&ia32_mutex);
	if (ia32_owner) {
		ret = -EBUSY;
		goto out;
	}
	WRITE_ONCE(ia32_owner, owner);
	ia32_elf_format.module = owner;
#ifdef CONFIG_COREDUMP
	ia32_elf_format.core_dump = compat_elf_binfmt->core_dump;
	ia32_elf_format.min_coredump = compat_elf_binfmt->min_coredump;
#endif
	register_binfmt(&ia32_elf_format);
	if (enable)
		ia32_set_enabled(true);
out:
	mutex_unlock(&ia32_mutex);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(ia32_emulation_register, IA32_EMULATION);

/**
 * ia32_emulation_unregister - disable IA32 emulation, unregister the format
 *
 * For the exit of the module that registered the format: its reference
 * count is zero, so no 32-bit address space is left and no exec is in the
 * loader.  Only 64-bit tasks that switched to 32-bit code by themselves can
 * still make 32-bit system calls, and they are refused from here on.
 */
void ia32_emulation_unregister(void)
{
	bool was_enabled;

	mutex_lock(&ia32_mutex);
	was_enabled = ia32_enabled();
	ia32_set_enabled(false);
	unregister_binfmt(&ia32_elf_format);
	ia32_elf_format.module = NULL;
	WRITE_ONCE(ia32_owner, NULL);
	mutex_unlock(&ia32_mutex);
	if (was_enabled)
		pr_info("IA32 emulation disabled\n");
}
EXPORT_SYMBOL_NS_GPL(ia32_emulation_unregister, IA32_EMULATION);

/**
 * ia32_emulation_disable_idle - disable IA32 emulation if nothing used it
 * @since: since when (jiffies) the caller found it unused
 *
 * Unused means that the module that registered the i386 format has no
 * reference, so no 32-bit address space and no exec in the loader, and
 * that no i386 exec (nor ARCH_MAP_VDSO_32) took it since @since: the
 * caller looks at the reference count from time to time and could miss a
 * short-lived program.  An i386 exec enables it again.  The test and the
 * change are made under ia32_mutex, which that exec takes too, after its
 * loader has run.
 *
 * Return: 0 if IA32 emulation is disabled now, -EBUSY if it was used.
 */
int ia32_emulation_disable_idle(unsigned long since)
{
	int ret = 0;

	mutex_lock(&ia32_mutex);
	if ((ia32_owner && module_refcount(ia32_owner)) ||
	    time_after_eq(ia32_last_use, since)) {
		ret = -EBUSY;
	} else if (ia32_enabled()) {
		ia32_set_enabled(false);
		ia32_count(&ia32_auto_disabled);
		pr_info("no 32-bit process left: IA32 emulation disabled until the next i386 program\n");
	}
	mutex_unlock(&ia32_mutex);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(ia32_emulation_disable_idle, IA32_EMULATION);

/**
 * ia32_emulation_set_policy - restrict 32-bit system calls to i386 programs
 * @i386_only: refuse 32-bit system calls from tasks whose address space was
 *	not set up by the i386 ELF loader (false: as built-in IA32 emulation)
 */
void ia32_emulation_set_policy(bool i386_only)
{
	mutex_lock(&ia32_mutex);
	cpus_read_lock();
	if (i386_only) {
		static_branch_disable_cpuslocked(&ia32_syscall_fast_key);
		static_branch_enable_cpuslocked(&ia32_i386_only_key);
	} else {
		static_branch_disable_cpuslocked(&ia32_i386_only_key);
		ia32_fast_key_sync();
	}
	cpus_read_unlock();
	mutex_unlock(&ia32_mutex);
}
EXPORT_SYMBOL_NS_GPL(ia32_emulation_set_policy, IA32_EMULATION);

/**
 * ia32_emulation_map_vdso - ARCH_MAP_VDSO_32
 * @addr: where to map the 32-bit vDSO
 *
 * A 64-bit task that maps the 32-bit vDSO (CRIU restoring a 32-bit task)
 * holds IA32 emulation as an i386 exec does, so that it is not disabled
 * under it, and enables it as such an exec does.  Its address space holds
 * a reference on the module (MM_CONTEXT_HOLDS_IA32, taken again by fork,
 * dropped by arch_exit_mmap()) and keeps its format: it stays a 64-bit
 * process, which dumps core as one.
 *
 * Return: the size of the vDSO, -EINVAL while the ia32_emulation module is
 * not loaded (what a kernel without IA32 emulation answers), or the error
 * of the mapping.
 */
int ia32_emulation_map_vdso(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	bool hold;
	int ret;

	mutex_lock(&ia32_mutex);
	/* Not if the module is on its way out */
	if (!ia32_owner || !try_module_get(ia32_owner)) {
		ret = -EINVAL;
		goto out;
	}
	/* Under mmap_lock, which fork holds while it copies the reference */
	mmap_write_lock(mm);
	hold = !test_and_set_bit(MM_CONTEXT_HOLDS_IA32, &mm->context.flags);
	mmap_write_unlock(mm);
	if (!hold)
		module_put(ia32_owner);

	ret = map_vdso_once(&vdso_image_32, addr);
	if (ret) {
		/*
		 * A fork meanwhile took its own reference, which its copy of
		 * the address space keeps: harmless, on the safe side.
		 */
		if (hold) {
			mmap_write_lock(mm);
			ia32_mm_release(mm);
			mmap_write_unlock(mm);
		}
		goto out;
	}

	ia32_take(" (ARCH_MAP_VDSO_32)");
	ret = vdso_image_32.size;
out:
	mutex_unlock(&ia32_mutex);
	return ret;
}

/* fork of an address space that holds IA32 emulation (arch_dup_mmap()) */
void ia32_mm_hold(struct mm_struct *mm)
{
	/* The parent holds a reference: ia32_owner cannot change */
	__module_get(ia32_owner);
	set_bit(MM_CONTEXT_HOLDS_IA32, &mm->context.flags);
}

/* Its teardown (arch_exit_mmap()) */
void ia32_mm_release(struct mm_struct *mm)
{
	clear_bit(MM_CONTEXT_HOLDS_IA32, &mm->context.flags);
	module_put(ia32_owner);
}

/* The address space of @p holds IA32 emulation: its format, or the flag */
static bool ia32_holds(struct task_struct *p)
{
	struct task_struct *t;
	bool holds;

	/* As find_lock_task_mm(): the leader may have exited, not a thread */
	for_each_thread(p, t) {
		task_lock(t);
		if (t->mm) {
			holds = t->mm->binfmt == &ia32_elf_format ||
				test_bit(MM_CONTEXT_HOLDS_IA32,
					 &t->mm->context.flags);
			task_unlock(t);
			return holds;
		}
		task_unlock(t);
	}
	return false;
}

/*
 * Processes whose address space holds IA32 emulation: it holds the i386
 * format, or it mapped the 32-bit vDSO.
 */
static unsigned long ia32_live(void)
{
	struct task_struct *p;
	unsigned long n = 0;

	rcu_read_lock();
	for_each_process(p)
		n += ia32_holds(p);
	rcu_read_unlock();
	return n;
}

/* It walks every process: for root only */
static ssize_t live_show(struct kobject *kobj, struct kobj_attribute *a,
			 char *buf)
{
	return sysfs_emit(buf, "%lu\n", ia32_live());
}

static struct kobj_attribute ia32_attr_live = __ATTR_RO_MODE(live, 0400);

static struct attribute *ia32_enable_attrs[] = {
	&ia32_attr_live.attr,
	&ia32_execs.attr.attr,
	&ia32_foreign_elf.attr.attr,
	&ia32_auto_enabled.attr.attr,
	&ia32_auto_disabled.attr.attr,
	NULL,
};

static const struct attribute_group ia32_enable_attr_group = {
	.name = IA32_SYSFS_GROUP,
	.attrs = ia32_enable_attrs,
};

/*
 * Into /sys/kernel/ia32_emulation/, which ia32_loadable.c makes at
 * late_initcall, before any late_initcall_sync
 */
static int __init ia32_enable_sysfs_init(void)
{
	int ret = sysfs_merge_group(kernel_kobj, &ia32_enable_attr_group);

	if (ret)
		pr_err("cannot add to /sys/kernel/%s/: %d\n", IA32_SYSFS_GROUP, ret);
	return ret;
}
late_initcall_sync(ia32_enable_sysfs_init);
