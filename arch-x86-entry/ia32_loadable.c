// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loadable IA32 emulation (CONFIG_IA32_EMULATION_LOADABLE)
 *
 * The i386 entry code, the i386 system call table and the compat ELF loader
 * are built in, but IA32 emulation is disabled at boot: INT $0x80 raises
 * #GP, SYSENTER faults, 32-bit SYSCALL returns -ENOSYS and no format loads
 * i386 executables.  The ia32_emulation module registers an i386 ELF format
 * on its own behalf, so that every 32-bit address space holds a reference on
 * it, and enables IA32 emulation, either when it is loaded or when its
 * format has loaded an i386 program.  It disables IA32 emulation again when
 * no 32-bit process is left (after a grace period, or when it is removed).
 *
 * ia32_enabled() reads ia32_enabled_key.  The SYSCALL/SYSENTER MSRs point
 * at the compat entry code from boot, as with IA32 emulation built in, and
 * are never rewritten (KVM restores its own copy of them on every VM exit);
 * the entry code of every 32-bit system call tests the state instead: a
 * single static key, ia32_syscall_fast_key, while enabled without a policy,
 * else ia32_syscall_check().  Enabling or disabling flips the keys and
 * switches the IDT between two read-only copies that differ in the DPL of
 * the INT $0x80 gate, so that a disabled INT $0x80 is refused by the CPU
 * itself, exactly as without the gate.
 */

#define pr_fmt(fmt) "ia32: " fmt

#include <linux/atomic.h>
#include <linux/binfmts.h>
#include <linux/bitops.h>
#include <linux/build_bug.h>
#include <linux/cpu.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/jump_label.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mmu_context.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <asm/desc.h>
#include <asm/ia32.h>
#include <asm/insn.h>
#include <asm/insn-eval.h>
#include <asm/vdso.h>

DEFINE_STATIC_KEY_FALSE(ia32_enabled_key);
/* Enabled and no policy: all that the entry code of a 32-bit syscall reads */
DEFINE_STATIC_KEY_FALSE(ia32_syscall_fast_key);
/* The policy: 32-bit system calls only from i386 programs */
DEFINE_STATIC_KEY_FALSE(ia32_i386_only_key);

/* ia32_emulation= on the command line: -1 if absent, else its value */
static int ia32_cmdline __ro_after_init = -1;
/* Set by ia32_disable(): the platform wants IA32 emulation off */
bool ia32_platform_off __ro_after_init;

/*
 * Serializes enabling, disabling, the policy and the registration of the
 * i386 format: the keys and the INT $0x80 gate change together.
 */
static DEFINE_MUTEX(ia32_mutex);

/* What /sys/kernel/ia32_emulation/ counts */
enum ia32_count {
	IA32_EXECS,
	IA32_FOREIGN_ELF,
	IA32_AUTO_ENABLED,
	IA32_AUTO_DISABLED,
	IA32_REFUSED_INT80,
	IA32_POLICY_INT80,
	IA32_POLICY_SYSENTER,
	IA32_POLICY_SYSCALL,
	IA32_NR_COUNTS,
};

static atomic_long_t ia32_counts[IA32_NR_COUNTS];

static void ia32_count(enum ia32_count what)
{
	atomic_long_inc(&ia32_counts[what]);
}

/*
 * ia32_emulation=on: the module may enable IA32 emulation.
 * ia32_emulation=off: it stays disabled for the whole boot.
 */
static int __init ia32_emulation_override_cmdline(char *arg)
{
	bool on;
	int ret;

	ret = kstrtobool(arg, &on);
	if (ret)
		return ret;

	ia32_cmdline = on;
	return 0;
}
early_param("ia32_emulation", ia32_emulation_override_cmdline);

/* NULL if IA32 emulation may be enabled in this boot, else why not. */
static const char *ia32_lock_reason(void)
{
	if (ia32_cmdline == 0)
		return "ia32_emulation=off on the kernel command line";
	if (ia32_cmdline == 1)
		return NULL;
	if (ia32_platform_off)
		return "confidential guest; ia32_emulation=on overrides it";
	if (IS_ENABLED(CONFIG_IA32_EMULATION_DEFAULT_DISABLED))
		return "CONFIG_IA32_EMULATION_DEFAULT_DISABLED; ia32_emulation=on overrides it";
	return NULL;
}

/*
 * IA32 emulation may be enabled in this boot: the entry points are set up
 * at boot (syscall_init(), idt_setup_traps()) as if it were.
 */
bool ia32_can_enable(void)
{
	return !ia32_lock_reason();
}

/* The selector error code of #GP: external event (bit 0), IDT vector (bit 1) */
#define IA32_GP_ERR_EXT		BIT(0)
#define IA32_GP_ERR_IDT		BIT(1)

static const char * const ia32_entry_name[] = {
	[IA32_ENTRY_INT80]	= "INT 0x80",
	[IA32_ENTRY_SYSENTER]	= "SYSENTER",
	[IA32_ENTRY_SYSCALL]	= "32-bit SYSCALL",
};

/* The module that registered ia32_elf_format, NULL when none did */
static struct module *ia32_owner;

/* One rate-limited line per kind of refusal, with what to do about it. */
static void ia32_report_disabled(enum ia32_syscall_entry entry)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL,
				      DEFAULT_RATELIMIT_BURST);
	const char *reason = ia32_lock_reason();

	if (entry == IA32_ENTRY_INT80)
		ia32_count(IA32_REFUSED_INT80);
	if (!__ratelimit(&rs))
		return;
	if (reason)
		pr_notice("%s from %s[%d] refused: IA32 emulation is disabled: %s\n",
			  ia32_entry_name[entry], current->comm,
			  task_pid_nr(current), reason);
	else if (READ_ONCE(ia32_owner))
		pr_notice("%s from %s[%d] refused: IA32 emulation is disabled until an i386 program starts\n",
			  ia32_entry_name[entry], current->comm,
			  task_pid_nr(current));
	else
		pr_notice("%s from %s[%d] refused: IA32 emulation is disabled; run 'modprobe ia32_emulation'\n",
			  ia32_entry_name[entry], current->comm,
			  task_pid_nr(current));
}

static void ia32_report_policy(enum ia32_syscall_entry entry)
{
	static struct ratelimit_state rs[] = {
		[0 ... ARRAY_SIZE(ia32_entry_name) - 1] =
			RATELIMIT_STATE_INIT(rs, DEFAULT_RATELIMIT_INTERVAL,
					     DEFAULT_RATELIMIT_BURST),
	};

	BUILD_BUG_ON(IA32_POLICY_SYSENTER - IA32_POLICY_INT80 != IA32_ENTRY_SYSENTER ||
		     IA32_POLICY_SYSCALL - IA32_POLICY_INT80 != IA32_ENTRY_SYSCALL);
	ia32_count(IA32_POLICY_INT80 + entry);
	if (__ratelimit(&rs[entry]))
		pr_notice("%s from %s[%d] refused: not an i386 program and ia32_emulation.i386_only is set; set it to N to allow it\n",
			  ia32_entry_name[entry], current->comm,
			  task_pid_nr(current));
}

/**
 * ia32_syscall_refused - account and report a refused 32-bit system call
 * @entry: the entry point
 *
 * Called by the entry code, with kernel context established, when
 * ia32_syscall_allowed() said no.
 */
void ia32_syscall_refused(enum ia32_syscall_entry entry)
{
	if (ia32_enabled())
		ia32_report_policy(entry);
	else
		ia32_report_disabled(entry);
}

/**
 * ia32_user_gp - account and report a #GP from INT $0x80 in user mode
 * @regs: user registers, IP on the faulting instruction
 * @error_code: the error code of the #GP
 *
 * Called by the #GP handler for every user #GP before it sends SIGSEGV.
 * Disabled, the INT $0x80 gate has DPL 0 (or is missing) and the CPU
 * raises #GP with the IDT flag in the error code, the IP on the
 * instruction; so does fred_intx() when it refuses INT $0x80.  (The
 * refusals of do_int80_emulation() are accounted there.)  The error code
 * names a vector, which some emulators scale by the size of an IDT entry:
 * look at the instruction, only on this rare path.
 */
void ia32_user_gp(struct pt_regs *regs, unsigned long error_code)
{
	unsigned char buf[MAX_INSN_SIZE];
	struct insn insn;
	int len;

	/* A gate of too low a DPL for a software interrupt: IDT, not EXT */
	if ((error_code & (IA32_GP_ERR_IDT | IA32_GP_ERR_EXT)) != IA32_GP_ERR_IDT)
		return;

	len = insn_fetch_from_user(regs, buf);
	if (len <= 0 || !insn_decode_from_regs(&insn, regs, buf, len))
		return;
	/* INT imm8: the decoder sign-extends the vector */
	if (insn.opcode.bytes[0] != 0xcd ||
	    (u8)insn.immediate.value != IA32_SYSCALL_VECTOR)
		return;

	if (ia32_enabled() && static_branch_unlikely(&ia32_i386_only_key) &&
	    !ia32_task_is_i386())
		ia32_report_policy(IA32_ENTRY_INT80);
	else
		ia32_report_disabled(IA32_ENTRY_INT80);
}

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
	ia32_count(IA32_AUTO_ENABLED);
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
	ia32_count(IA32_FOREIGN_ELF);
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
	ia32_count(IA32_EXECS);
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
		ia32_count(IA32_AUTO_DISABLED);
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

static ssize_t enabled_show(struct kobject *kobj, struct kobj_attribute *a,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", ia32_enabled());
}

/* It walks every process: for root only */
static ssize_t live_show(struct kobject *kobj, struct kobj_attribute *a,
			 char *buf)
{
	return sysfs_emit(buf, "%lu\n", ia32_live());
}

static struct kobj_attribute ia32_attr_enabled = __ATTR_RO(enabled);
static struct kobj_attribute ia32_attr_live = __ATTR_RO_MODE(live, 0400);

struct ia32_attr {
	struct kobj_attribute attr;
	enum ia32_count count;
};

static ssize_t ia32_count_show(struct kobject *kobj, struct kobj_attribute *a,
			       char *buf)
{
	const struct ia32_attr *ia = container_of(a, struct ia32_attr, attr);

	return sysfs_emit(buf, "%lu\n", atomic_long_read(&ia32_counts[ia->count]));
}

#define IA32_ATTR(_name, _count)					\
	static struct ia32_attr ia32_attr_##_name = {			\
		.attr = __ATTR(_name, 0444, ia32_count_show, NULL),	\
		.count = _count,					\
	}

IA32_ATTR(execs, IA32_EXECS);
IA32_ATTR(foreign_elf, IA32_FOREIGN_ELF);
IA32_ATTR(auto_enabled, IA32_AUTO_ENABLED);
IA32_ATTR(auto_disabled, IA32_AUTO_DISABLED);
IA32_ATTR(refused_int80, IA32_REFUSED_INT80);
IA32_ATTR(refused_policy_int80, IA32_POLICY_INT80);
IA32_ATTR(refused_policy_sysenter, IA32_POLICY_SYSENTER);
IA32_ATTR(refused_policy_syscall, IA32_POLICY_SYSCALL);

static struct attribute *ia32_attrs[] = {
	&ia32_attr_enabled.attr,
	&ia32_attr_live.attr,
	&ia32_attr_execs.attr.attr,
	&ia32_attr_foreign_elf.attr.attr,
	&ia32_attr_auto_enabled.attr.attr,
	&ia32_attr_auto_disabled.attr.attr,
	&ia32_attr_refused_int80.attr.attr,
	&ia32_attr_refused_policy_int80.attr.attr,
	&ia32_attr_refused_policy_sysenter.attr.attr,
	&ia32_attr_refused_policy_syscall.attr.attr,
	NULL,
};

static const struct attribute_group ia32_attr_group = {
	.name = "ia32_emulation",
	.attrs = ia32_attrs,
};

/* /sys/kernel/ia32_emulation/: the state and the counters, since boot */
static int __init ia32_sysfs_init(void)
{
	return sysfs_create_group(kernel_kobj, &ia32_attr_group);
}
late_initcall(ia32_sysfs_init);
