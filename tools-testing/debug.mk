# SPDX-License-Identifier: GPL-2.0
#
# The debug kernel: our kernel and module built a third time, with
# qemu/debug.config (KASAN, lockdep, DEBUG_ATOMIC_SLEEP, kmemleak), in
# build/kernel-debug.  make check (and make debug-check alone) boots it
# on the intel CPU model with plans/debug (lifecycle, a short load/unload
# stress, a kmemleak scan); make soak runs the long stress and trinity on
# it.

DEBUG_OUT := $(B)/kernel-debug
DEBUG_MODROOT := $(B)/modroot-debug
KERNEL_debug := $(DEBUG_OUT)
INITRD_debug := $(B)/initramfs-debug.cpio
PLAN_debug := debug
# no5lvl: 4-level paging.  With 5-level paging (the max CPU model has
# LA57) generic KASAN reports a wild-memory-access for an interrupt taken
# while identify_cpu() has cleared the boot CPU's feature bits: KASAN's
# shadow bounds follow X86_FEATURE_LA57 (tools-testing/README.rst).
DEBUG_APPEND := no5lvl
APPEND_debug := $(DEBUG_APPEND) ia32test.cycles=50 ia32test.timeout=300
EXTRA_CHECK_BUILD += $(INITRD_debug)
EXTRA_CHECK_RUNS += $(RES)/debug-intel.tsv
EXTRA_COMPARE += debug $(RES)/none.tsv $(RES)/debug-intel.tsv
# make soak: the long stress and trinity on it.
KERNEL_soakdebug := $(DEBUG_OUT)
INITRD_soakdebug := $(INITRD_debug)
PLAN_soakdebug := debug
APPEND_soakdebug = $(DEBUG_APPEND) ia32test.cycles=$(SOAK_CYCLES) ia32test.fuzz=600 \
	ia32test.timeout=7200
EXTRA_SOAK_RUNS += $(RES)/soakdebug-intel.tsv
EXTRA_SOAK_COMPARE += debug $(RES)/none.tsv $(RES)/soakdebug-intel.tsv

.PHONY: debug-kernel debug-check
debug-kernel: $(INITRD_debug)
debug-check: build
	@$(MAKE) --no-print-directory $(RES)/debug-intel.tsv
	@: > $(RES)/none.tsv
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/debug-summary.tsv debug $(RES)/none.tsv $(RES)/debug-intel.tsv

$(DEBUG_OUT)/.config: $(OURS_SRC)/.applied $(Q)/base.config Kconfig.fragment \
		$(Q)/debug.config $(Q)/kconfig.sh
	@$(STAGE) configure configure-debug "debug kernel: our config + KASAN, lockdep, kmemleak" \
		$(Q)/kconfig.sh $(OURS_SRC) $(DEBUG_OUT) $(Q)/base.config \
		$(TOP)/Kconfig.fragment $(Q)/debug.config
$(DEBUG_OUT)/arch/x86/boot/bzImage: $(DEBUG_OUT)/.config FORCE
	+@$(STAGE) build build-debug "debug kernel (KASAN, lockdep, DEBUG_ATOMIC_SLEEP, kmemleak)" \
		$(KMAKE) -C $(OURS_SRC) O=$(DEBUG_OUT) bzImage modules
$(DEBUG_MODROOT)/.installed: $(DEBUG_OUT)/arch/x86/boot/bzImage $(MODULE_FILES)
	+@$(STAGE) module module-debug "ia32_emulation.ko for the debug kernel" \
		$(Q)/build-module.sh $(OURS_SRC) $(DEBUG_OUT) $(B)/module-src-debug \
		$(DEBUG_MODROOT) $(TOP)
	@touch $@
# What our initramfs has, with the debug kernel's modules.
$(INITRD_debug): $(B)/initramfs-ours.cpio $(DEBUG_MODROOT)/.installed
	@$(STAGE) initramfs initramfs-debug "busybox, tests, the module (debug kernel)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(DEBUG_OUT) \
		$(B) $(DEBUG_MODROOT)
$(RES)/debug-intel.tsv $(RES)/soakdebug-intel.tsv: $(INITRD_debug)
