// SPDX-License-Identifier: GPL-2.0
/*
 * int80_ipi - a test module that sends vector 0x80 to a CPU as an
 * interrupt (CVE-2024-25744, "Heckler": a VMM injects INT 0x80 into a
 * confidential guest).  Writing a CPU number to
 * /sys/module/int80_ipi/parameters/fire sends the IPI; the kernel must
 * panic with "Unexpected external interrupt 0x80", from
 * do_int80_emulation(): int80_is_external() when the CPU was in user mode,
 * the user_mode() test when it was in the kernel.  Only for test VMs.
 */

#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include <asm/apic.h>
#include <asm/irq_vectors.h>

static int fire_set(const char *val, const struct kernel_param *kp)
{
	unsigned int cpu;
	int ret;

	ret = kstrtouint(val, 0, &cpu);
	if (ret)
		return ret;
	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -EINVAL;

	pr_info("sending vector %#x to CPU %u as an interrupt\n",
		IA32_SYSCALL_VECTOR, cpu);
	__apic_send_IPI_mask(cpumask_of(cpu), IA32_SYSCALL_VECTOR);
	return 0;
}

static const struct kernel_param_ops fire_ops = {
	.set = fire_set,
};
module_param_cb(fire, &fire_ops, NULL, 0200);
MODULE_PARM_DESC(fire, "CPU to send vector 0x80 to");

MODULE_DESCRIPTION("Test: vector 0x80 as an external interrupt (CVE-2024-25744)");
MODULE_LICENSE("GPL");
