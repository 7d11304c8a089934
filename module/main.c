// SPDX-License-Identifier: GPL-2.0-only
/*
 * ia32_emulation - loadable IA32 emulation
 *
 * A kernel built with CONFIG_IA32_EMULATION_LOADABLE boots with every
 * 32-bit door shut.  Loading this module opens them: it opens the kernel's
 * gate (INT 0x80, SYSENTER, 32-bit SYSCALL on every CPU) and registers the
 * i386 ELF loader.  Removing it shuts them again; the kernel refuses that
 * ("in use") while a 32-bit process lives, since each 32-bit mm holds a
 * reference on the module.
 *
 * Parameters (/sys/module/ia32_emulation/parameters/):
 *   int80_64bit	Y (default): 64-bit tasks may use INT 0x80, as with
 *			built-in IA32 emulation.  N: they get SIGSEGV, as if
 *			IA32 emulation were off.  Writable at run time.
 *
 * Counters (/sys/kernel/ia32_emulation/, read-only):
 *   execs		32-bit programs started since the module was loaded
 *   live		references on the module: the mms of 32-bit processes
 *   refused_int80_shut	INT 0x80 refused because the gate was shut (since boot)
 *   refused_int80_policy INT 0x80 from 64-bit tasks refused by int80_64bit=N
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sysfs.h>

#include <asm/ia32.h>

#include "ia32_emulation.h"

#ifndef CONFIG_IA32_EMULATION_LOADABLE
#error "ia32_emulation needs a kernel built with CONFIG_IA32_EMULATION_LOADABLE=y"
#endif

/*
 * Set while the gate is open, so that int80_64bit is applied from then on;
 * under kernel_param_lock(), as writes to the parameter.
 */
static bool ia32_live;

static bool int80_64bit = true;

static int int80_64bit_set(const char *val, const struct kernel_param *kp)
{
	int ret = param_set_bool(val, kp);

	if (!ret && ia32_live)
		ia32_gate_set_int80_64bit(int80_64bit);
	return ret;
}

static const struct kernel_param_ops int80_64bit_ops = {
	.set = int80_64bit_set,
	.get = param_get_bool,
};
module_param_cb(int80_64bit, &int80_64bit_ops, &int80_64bit, 0644);
MODULE_PARM_DESC(int80_64bit,
		 "Let 64-bit tasks use INT 0x80 (default Y, as built-in IA32 emulation)");

static struct kobject *ia32_kobj;

static ssize_t execs_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%lu\n", ia32_binfmt_execs());
}

static ssize_t live_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%d\n", module_refcount(THIS_MODULE));
}

static ssize_t refused_int80_shut_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lu\n",
			  ia32_gate_refusals(IA32_REFUSED_INT80_SHUT));
}

static ssize_t refused_int80_policy_show(struct kobject *kobj,
					 struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lu\n",
			  ia32_gate_refusals(IA32_REFUSED_INT80_POLICY));
}

static struct kobj_attribute execs_attr = __ATTR_RO(execs);
static struct kobj_attribute live_attr = __ATTR_RO(live);
static struct kobj_attribute refused_int80_shut_attr =
	__ATTR_RO(refused_int80_shut);
static struct kobj_attribute refused_int80_policy_attr =
	__ATTR_RO(refused_int80_policy);

static struct attribute *ia32_attrs[] = {
	&execs_attr.attr,
	&live_attr.attr,
	&refused_int80_shut_attr.attr,
	&refused_int80_policy_attr.attr,
	NULL,
};

static const struct attribute_group ia32_attr_group = {
	.attrs = ia32_attrs,
};

static int __init ia32_emulation_init(void)
{
	const char *reason = ia32_gate_lock_reason();
	int ret;

	if (reason) {
		pr_err("32-bit emulation is locked off for this boot: %s\n",
		       reason);
		return -EPERM;
	}

	ia32_kobj = kobject_create_and_add("ia32_emulation", kernel_kobj);
	if (!ia32_kobj)
		return -ENOMEM;

	ret = sysfs_create_group(ia32_kobj, &ia32_attr_group);
	if (ret)
		goto err_kobj;

	ret = ia32_gate_open();
	if (ret) {
		pr_err("cannot open the 32-bit gate: %d\n", ret);
		goto err_kobj;
	}

	kernel_param_lock(THIS_MODULE);
	ia32_live = true;
	ia32_gate_set_int80_64bit(int80_64bit);
	kernel_param_unlock(THIS_MODULE);

	/*
	 * Last: from here on 32-bit programs can be started, and their
	 * system calls find the doors open.
	 */
	ia32_binfmt_register();
	return 0;

err_kobj:
	kobject_put(ia32_kobj);
	return ret;
}

static void __exit ia32_emulation_exit(void)
{
	/*
	 * The module is going: no 32-bit mm holds it (each would hold a
	 * reference), and no exec can take it any longer, so no exec is in
	 * the loader and none can start.  Unregister the loader first, then
	 * shut the doors: only 64-bit tasks that switched to 32-bit code by
	 * themselves can still knock, and they find them shut.
	 */
	ia32_binfmt_unregister();

	kernel_param_lock(THIS_MODULE);
	ia32_live = false;
	kernel_param_unlock(THIS_MODULE);
	ia32_gate_close();
	ia32_gate_set_int80_64bit(true);

	kobject_put(ia32_kobj);
}

module_init(ia32_emulation_init);
module_exit(ia32_emulation_exit);

MODULE_IMPORT_NS(IA32_EMULATION);
MODULE_ALIAS("binfmt-464c");
MODULE_DESCRIPTION("Loadable IA32 emulation: 32-bit entry gate and i386 ELF loader");
MODULE_LICENSE("GPL");
