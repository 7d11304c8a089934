/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loadable IA32 emulation: what the state and the refusals (ia32_loadable.c)
 * share with the code that enables and disables it for the module.
 */
#ifndef _X86_ENTRY_IA32_LOADABLE_H
#define _X86_ENTRY_IA32_LOADABLE_H

#include <linux/atomic.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

struct module;

/* The module that registered the i386 ELF format, NULL while none has */
extern struct module *ia32_owner;

const char *ia32_lock_reason(void);

/* A count since boot, and its file in /sys/kernel/ia32_emulation/ */
struct ia32_counter {
	struct kobj_attribute attr;
	atomic_long_t count;
};

ssize_t ia32_counter_show(struct kobject *kobj, struct kobj_attribute *a,
			  char *buf);

#define IA32_COUNTER(_name)						\
	struct ia32_counter ia32_##_name = {				\
		.attr = __ATTR(_name, 0444, ia32_counter_show, NULL),	\
	}

static inline void ia32_count(struct ia32_counter *c)
{
	atomic_long_inc(&c->count);
}

/* The name of the directory of the state and the counters */
#define IA32_SYSFS_GROUP	"ia32_emulation"

#endif /* _X86_ENTRY_IA32_LOADABLE_H */
