// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loadable IA32 emulation (CONFIG_IA32_EMULATION_LOADABLE): the state
 *
 * The i386 entry code, the i386 system call table and the compat ELF loader
 * are built in, but IA32 emulation is disabled at boot: INT $0x80 raises
 * #GP, SYSENTER faults, 32-bit SYSCALL returns -ENOSYS and no format loads
 * i386 executables.  A module enables and disables it at run time.
 *
 * ia32_enabled() reads ia32_enabled_key.  The SYSCALL/SYSENTER MSRs point
 * at the compat entry code from boot, as with IA32 emulation built in, and
 * are never rewritten (KVM restores its own copy of them on every VM exit);
 * the entry code of every 32-bit system call tests the state instead: a
 * single static key, ia32_syscall_fast_key, while enabled without a policy,
 * else ia32_syscall_check().  A disabled INT $0x80 is refused by the CPU
 * itself: its IDT gate has DPL 0 while IA32 emulation is disabled.
 *
 * This file keeps the state and the hard locks (ia32_emulation=, the
 * platform), and accounts and reports what the entry code refuses, in
 * /sys/kernel/ia32_emulation/.
 */

#define pr_fmt(fmt) "ia32: " fmt

#include <linux/bitops.h>
#include <linux/container_of.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/sysfs.h>

#include <asm/ia32.h>
#include <asm/insn.h>
#include <asm/insn-eval.h>
#include <asm/irq_vectors.h>

#include "ia32_loadable.h"

DEFINE_STATIC_KEY_FALSE(ia32_enabled_key);
/* Enabled and no policy: all that the entry code of a 32-bit syscall reads */
DEFINE_STATIC_KEY_FALSE(ia32_syscall_fast_key);
/* The policy: 32-bit system calls only from i386 programs */
DEFINE_STATIC_KEY_FALSE(ia32_i386_only_key);

/* ia32_emulation= on the command line: -1 if absent, else its value */
static int ia32_cmdline __ro_after_init = -1;
/* Set by ia32_disable(): the platform wants IA32 emulation off */
bool ia32_platform_off __ro_after_init;

/* The module that registered the i386 format: none at boot */
struct module *ia32_owner;

/* What the entry code refused: INT $0x80 while disabled, and the policy */
static IA32_COUNTER(refused_int80);
static IA32_COUNTER(refused_policy_int80);
static IA32_COUNTER(refused_policy_sysenter);
static IA32_COUNTER(refused_policy_syscall);

static struct ia32_counter *const ia32_refused_policy[] = {
	[IA32_ENTRY_INT80]	= &ia32_refused_policy_int80,
	[IA32_ENTRY_SYSENTER]	= &ia32_refused_policy_sysenter,
	[IA32_ENTRY_SYSCALL]	= &ia32_refused_policy_syscall,
};

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
const char *ia32_lock_reason(void)
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

/* One rate-limited line per kind of refusal, with what to do about it. */
static void ia32_report_disabled(enum ia32_syscall_entry entry)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL,
				      DEFAULT_RATELIMIT_BURST);
	const char *reason = ia32_lock_reason();

	if (entry == IA32_ENTRY_INT80)
		ia32_count(&ia32_refused_int80);
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

	ia32_count(ia32_refused_policy[entry]);
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

/**
 * ia32_counter_show - show a count in /sys/kernel/ia32_emulation/
 * @kobj: kernel_kobj
 * @a: the attribute of a struct ia32_counter
 * @buf: where to write it
 *
 * Return: the length written.
 */
ssize_t ia32_counter_show(struct kobject *kobj, struct kobj_attribute *a,
			  char *buf)
{
	const struct ia32_counter *c = container_of(a, struct ia32_counter, attr);

	return sysfs_emit(buf, "%lu\n", atomic_long_read(&c->count));
}

static ssize_t enabled_show(struct kobject *kobj, struct kobj_attribute *a,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", ia32_enabled());
}

static struct kobj_attribute ia32_attr_enabled = __ATTR_RO(enabled);

static struct attribute *ia32_attrs[] = {
	&ia32_attr_enabled.attr,
	&ia32_refused_int80.attr.attr,
	&ia32_refused_policy_int80.attr.attr,
	&ia32_refused_policy_sysenter.attr.attr,
	&ia32_refused_policy_syscall.attr.attr,
	NULL,
};

static const struct attribute_group ia32_attr_group = {
	.name = IA32_SYSFS_GROUP,
	.attrs = ia32_attrs,
};

/* /sys/kernel/ia32_emulation/: the state and the refusals, since boot */
static int __init ia32_sysfs_init(void)
{
	int ret = sysfs_create_group(kernel_kobj, &ia32_attr_group);

	if (ret)
		pr_err("cannot create /sys/kernel/%s/: %d\n", IA32_SYSFS_GROUP, ret);
	return ret;
}
late_initcall(ia32_sysfs_init);
