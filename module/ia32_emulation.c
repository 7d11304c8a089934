// SPDX-License-Identifier: GPL-2.0-only
/*
 * ia32_emulation - IA32 emulation on demand
 *
 * A kernel built with CONFIG_IA32_EMULATION_LOADABLE boots with IA32
 * emulation disabled.  This module registers the i386 ELF format, so that
 * every 32-bit address space holds a reference on it ("rmmod" is refused
 * while a 32-bit process lives), and enables IA32 emulation:
 *
 * - loaded by the kernel for an exec (request_module("binfmt-464c")): when
 *   its format has loaded an i386 program; a file that it does not take (an
 *   ELF of another architecture, an object file) leaves IA32 emulation
 *   disabled.  It disables IA32 emulation again idle_timeout seconds
 *   (30 by default) after the last 32-bit process is gone; the next i386
 *   exec enables it again.
 * - loaded by hand: at once, until it is removed (or idle_timeout seconds
 *   after the last 32-bit process, if the parameter is set).
 *
 * Parameters (/sys/module/ia32_emulation/parameters/), see
 * Documentation/ABI/testing/sysfs-module-ia32_emulation.  The state and the
 * counters are the kernel's, in /sys/kernel/ia32_emulation/.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/workqueue.h>

#include <asm/ia32.h>

/* Disable IA32 emulation this long after an auto-load when idle */
#define IA32_IDLE_TIMEOUT_AUTO	30

/* Loaded by the kernel for an exec, not by user space */
static bool autoloaded;
/* Set once the format is registered; under kernel_param_lock() */
static bool registered;

static bool i386_only;

static int i386_only_set(const char *val, const struct kernel_param *kp)
{
	int ret = param_set_bool(val, kp);

	if (!ret && registered)
		ia32_emulation_set_policy(i386_only);
	return ret;
}

static const struct kernel_param_ops i386_only_ops = {
	.set = i386_only_set,
	.get = param_get_bool,
};
module_param_cb(i386_only, &i386_only_ops, &i386_only, 0644);
MODULE_PARM_DESC(i386_only,
		 "32-bit system calls from i386 programs only (default N: from every task, as built-in IA32 emulation)");

/* -1: IA32_IDLE_TIMEOUT_AUTO after an auto-load, never after a hand load */
static int idle_timeout = -1;

static struct delayed_work idle_work;
/* Since when (jiffies) the module is seen unused, 0 while it is in use */
static unsigned long idle_since;

static int ia32_idle_timeout(void)
{
	int timeout = READ_ONCE(idle_timeout);

	if (timeout >= 0)
		return timeout;
	return autoloaded ? IA32_IDLE_TIMEOUT_AUTO : 0;
}

/* How often to look: a tenth of the timeout, from 0.1 to ten seconds */
static unsigned long ia32_idle_period(void)
{
	return clamp(ia32_idle_timeout() * HZ / 10, HZ / 10, 10 * HZ);
}

/*
 * Look at the reference count every period; once it has been 0 for the
 * timeout, ask the kernel to disable IA32 emulation, which refuses if an
 * i386 exec came meanwhile (a program shorter than the period): then
 * start counting again from now.
 */
static void ia32_idle_check(struct work_struct *work)
{
	int timeout = ia32_idle_timeout();

	if (!timeout) {
		idle_since = 0;
		return;
	}
	if (module_refcount(THIS_MODULE)) {
		idle_since = 0;
	} else if (!idle_since) {
		idle_since = jiffies ? jiffies : 1;
	} else if (time_after_eq(jiffies, idle_since + timeout * HZ)) {
		ia32_emulation_disable_idle(idle_since);
		idle_since = 0;
	}
	queue_delayed_work(system_freezable_wq, &idle_work, ia32_idle_period());
}

static int idle_timeout_set(const char *val, const struct kernel_param *kp)
{
	int timeout, ret;

	ret = kstrtoint(val, 0, &timeout);
	if (ret)
		return ret;
	if (timeout < -1 || timeout > INT_MAX / HZ)
		return -EINVAL;
	WRITE_ONCE(idle_timeout, timeout);
	if (registered)
		mod_delayed_work(system_freezable_wq, &idle_work, 0);
	return 0;
}

static const struct kernel_param_ops idle_timeout_ops = {
	.set = idle_timeout_set,
	.get = param_get_int,
};
module_param_cb(idle_timeout, &idle_timeout_ops, &idle_timeout, 0644);
MODULE_PARM_DESC(idle_timeout,
		 "Seconds without a 32-bit process before IA32 emulation is disabled; 0: never; -1 (default): "
		 __stringify(IA32_IDLE_TIMEOUT_AUTO)
		 " after an auto-load, never after a hand load");

/*
 * The kernel loads modules for an exec through a modprobe started by its
 * usermode helper, a child of a kernel thread; user space loads them from
 * processes of its own.
 */
static bool ia32_loaded_by_kernel(void)
{
	bool ret;

	rcu_read_lock();
	ret = rcu_dereference(current->real_parent)->flags & PF_KTHREAD;
	rcu_read_unlock();
	return ret;
}

static int __init ia32_emulation_init(void)
{
	int ret;

	autoloaded = ia32_loaded_by_kernel();
	INIT_DELAYED_WORK(&idle_work, ia32_idle_check);

	kernel_param_lock(THIS_MODULE);
	/* The policy first: no task gets in before it holds */
	ia32_emulation_set_policy(i386_only);
	ret = ia32_emulation_register(THIS_MODULE, !autoloaded);
	if (ret)
		ia32_emulation_set_policy(false);
	else
		registered = true;
	kernel_param_unlock(THIS_MODULE);
	if (ret)
		return ret;

	queue_delayed_work(system_freezable_wq, &idle_work, ia32_idle_period());
	pr_info("i386 programs can run%s\n",
		autoloaded ? " (loaded for an exec)" : "");
	return 0;
}

static void __exit ia32_emulation_exit(void)
{
	kernel_param_lock(THIS_MODULE);
	registered = false;
	kernel_param_unlock(THIS_MODULE);
	cancel_delayed_work_sync(&idle_work);

	ia32_emulation_unregister();
	ia32_emulation_set_policy(false);
}

module_init(ia32_emulation_init);
module_exit(ia32_emulation_exit);

MODULE_IMPORT_NS(IA32_EMULATION);
MODULE_ALIAS("binfmt-464c");
MODULE_DESCRIPTION("IA32 emulation on demand: the i386 ELF format and its 32-bit system calls");
MODULE_LICENSE("GPL");
