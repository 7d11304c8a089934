// SPDX-License-Identifier: GPL-2.0-only
/*
 * ia32_gate.c - the run-time gate of loadable IA32 emulation
 *
 * With CONFIG_IA32_EMULATION_LOADABLE the i386 entry code and system call
 * table are built in, but every door to them is shut at boot, as with
 * ia32_emulation=off: INT 0x80 raises #GP, SYSENTER faults, 32-bit SYSCALL
 * returns -ENOSYS, and the compat ELF loader is not registered.  The
 * ia32_emulation module opens the gate when it is loaded and shuts it when
 * it is removed.
 *
 * The gate is a static key read by ia32_enabled().  Opening or shutting it
 * rewrites the SYSCALL/SYSENTER MSRs of every online CPU.  This happens
 * with the CPU hotplug lock held, so a CPU coming online later programs
 * them from the state in force in syscall_init(), as does resume.
 */

#define pr_fmt(fmt) "ia32: " fmt

#include <linux/atomic.h>
#include <linux/cpu.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

#include <asm/ia32.h>
#include <asm/proto.h>
#include <asm/ptrace.h>

DEFINE_STATIC_KEY_FALSE(ia32_gate_key);
/* The gate open and the policy off: INT 0x80 from every task. */
DEFINE_STATIC_KEY_FALSE(ia32_int80_open_key);
/* Policy: refuse INT 0x80 from 64-bit tasks while the gate is open. */
static DEFINE_STATIC_KEY_FALSE(ia32_int80_deny64_key);

/* ia32_emulation= on the command line: -1 if absent, else its value */
static int ia32_cmdline __ro_after_init = -1;
/* Set by ia32_disable(): the platform wants IA32 emulation off */
static bool ia32_platform_off __ro_after_init;

/*
 * Serializes opening and shutting, and the policy: the keys and the MSRs
 * change together.
 */
static DEFINE_MUTEX(ia32_gate_mutex);

static atomic_long_t ia32_refused[IA32_REFUSED_NR];

/*
 * ia32_emulation=on: the module may open the gate.
 * ia32_emulation=off: the gate stays shut for the whole boot.
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

/*
 * Called early at boot by platforms on which 32-bit emulation is unsafe
 * (AMD SEV guests, where the host can inject INT 0x80).  As without
 * IA32_EMULATION_LOADABLE, an explicit ia32_emulation=on overrides it.
 */
void __init ia32_disable(void)
{
	ia32_platform_off = true;
}

/**
 * ia32_gate_lock_reason - tell whether the gate is locked shut for this boot
 *
 * Return: NULL if ia32_gate_open() may open the gate, else a string that
 * says why it may not, for the administrator.
 */
const char *ia32_gate_lock_reason(void)
{
	if (ia32_cmdline == 0)
		return "ia32_emulation=off on the kernel command line";
	if (ia32_cmdline == 1)
		return NULL;
	if (ia32_platform_off)
		return "platform lock (confidential guest); ia32_emulation=on overrides it";
	if (IS_ENABLED(CONFIG_IA32_EMULATION_DEFAULT_DISABLED))
		return "CONFIG_IA32_EMULATION_DEFAULT_DISABLED; ia32_emulation=on overrides it";
	return NULL;
}
EXPORT_SYMBOL_NS_GPL(ia32_gate_lock_reason, IA32_EMULATION);

/* The policy refuses this INT 0x80: it comes from a 64-bit task. */
static __always_inline bool ia32_int80_policy_refuses(struct pt_regs *regs)
{
	return static_branch_unlikely(&ia32_int80_deny64_key) &&
	       user_64bit_mode(regs);
}

/**
 * ia32_int80_check - may this INT 0x80 go on to the system call
 * @regs: user registers of the INT 0x80
 *
 * ia32_int80_allowed() once ia32_int80_open_key is off: the gate is shut,
 * or the policy refuses INT 0x80 from 64-bit tasks.  Called from the
 * INT 0x80 entry before it establishes kernel context, hence noinstr.
 *
 * Return: true if the gate is open and the policy lets this task through.
 */
noinstr bool ia32_int80_check(struct pt_regs *regs)
{
	if (ia32_int80_policy_refuses(regs))
		return false;

	return ia32_enabled();
}

/* Reprogram this CPU's SYSCALL and SYSENTER MSRs from ia32_enabled(). */
static void ia32_gate_sync_cpu(void *unused)
{
	syscall_init();
}

/*
 * ia32_int80_open_key, the fast path of INT 0x80, is on while the gate is
 * open and the policy off.  Called with ia32_gate_mutex and the CPU
 * hotplug lock held, after the other keys changed.
 */
static void ia32_int80_open_sync(void)
{
	if (static_key_enabled(&ia32_gate_key) &&
	    !static_key_enabled(&ia32_int80_deny64_key))
		static_branch_enable_cpuslocked(&ia32_int80_open_key);
	else
		static_branch_disable_cpuslocked(&ia32_int80_open_key);
}

static void ia32_gate_set(bool open)
{
	mutex_lock(&ia32_gate_mutex);
	if (open != static_key_enabled(&ia32_gate_key)) {
		cpus_read_lock();
		if (open) {
			static_branch_enable_cpuslocked(&ia32_gate_key);
			ia32_int80_open_sync();
		} else {
			static_branch_disable_cpuslocked(&ia32_int80_open_key);
			static_branch_disable_cpuslocked(&ia32_gate_key);
		}
		on_each_cpu(ia32_gate_sync_cpu, NULL, 1);
		cpus_read_unlock();
	}
	mutex_unlock(&ia32_gate_mutex);
}

/**
 * ia32_gate_open - open the 32-bit doors on every CPU
 *
 * Return: 0 on success (also if already open), -EPERM if the gate is
 * locked shut for this boot (see ia32_gate_lock_reason()).
 */
int ia32_gate_open(void)
{
	if (ia32_gate_lock_reason())
		return -EPERM;

	ia32_gate_set(true);
	pr_info("32-bit doors open\n");
	return 0;
}
EXPORT_SYMBOL_NS_GPL(ia32_gate_open, IA32_EMULATION);

/**
 * ia32_gate_close - shut the 32-bit doors on every CPU
 *
 * The caller must make sure that no 32-bit program is left to need them.
 */
void ia32_gate_close(void)
{
	ia32_gate_set(false);
	pr_info("32-bit doors shut\n");
}
EXPORT_SYMBOL_NS_GPL(ia32_gate_close, IA32_EMULATION);

/**
 * ia32_gate_set_int80_64bit - let 64-bit tasks use INT 0x80, or not
 * @allow: true to let them (as built-in IA32 emulation does)
 */
void ia32_gate_set_int80_64bit(bool allow)
{
	mutex_lock(&ia32_gate_mutex);
	cpus_read_lock();
	if (allow) {
		static_branch_disable_cpuslocked(&ia32_int80_deny64_key);
		ia32_int80_open_sync();
	} else {
		static_branch_disable_cpuslocked(&ia32_int80_open_key);
		static_branch_enable_cpuslocked(&ia32_int80_deny64_key);
	}
	cpus_read_unlock();
	mutex_unlock(&ia32_gate_mutex);
}
EXPORT_SYMBOL_NS_GPL(ia32_gate_set_int80_64bit, IA32_EMULATION);

/**
 * ia32_gate_refusals - read a refusal counter
 * @kind: which one
 *
 * Return: how many times the door of @kind was refused since boot.
 */
unsigned long ia32_gate_refusals(enum ia32_refusal kind)
{
	if (kind >= IA32_REFUSED_NR)
		return 0;
	return atomic_long_read(&ia32_refused[kind]);
}
EXPORT_SYMBOL_NS_GPL(ia32_gate_refusals, IA32_EMULATION);

/**
 * ia32_gate_int80_refused - account and report a refused INT 0x80
 * @regs: user registers, IP pointing at the INT instruction
 *
 * Called by the #GP handler for a user #GP whose error code is the one of
 * INT 0x80 without a DPL 3 gate, just before it sends SIGSEGV.  With
 * IA32_EMULATION_LOADABLE only a refused INT 0x80 gets there: the entry
 * code turns a refused INT 0x80 into that #GP, and a boot that locked the
 * gate shut leaves the vector without a DPL 3 gate.
 */
void ia32_gate_int80_refused(struct pt_regs *regs)
{
	const char *reason;

	if (ia32_enabled() && ia32_int80_policy_refuses(regs)) {
		atomic_long_inc(&ia32_refused[IA32_REFUSED_INT80_POLICY]);
		pr_notice_ratelimited("INT 0x80 from 64-bit pid %d (%s) refused by policy: set ia32_emulation.int80_64bit=1 to allow it\n",
				      task_pid_nr(current), current->comm);
		return;
	}

	atomic_long_inc(&ia32_refused[IA32_REFUSED_INT80_SHUT]);
	reason = ia32_gate_lock_reason();
	if (reason)
		pr_notice_ratelimited("INT 0x80 from pid %d (%s) refused: 32-bit emulation is locked off: %s\n",
				      task_pid_nr(current), current->comm, reason);
	else
		pr_notice_ratelimited("INT 0x80 from pid %d (%s) refused: 32-bit emulation is not loaded; run 'modprobe ia32_emulation'\n",
				      task_pid_nr(current), current->comm);
}
