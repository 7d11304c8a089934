# SPDX-License-Identifier: GPL-2.0
#
# The debug kernel: our kernel and module built a third time, with
# qemu/debug.config (KASAN, lockdep, DEBUG_ATOMIC_SLEEP, kmemleak,
# DEBUG_KOBJECT_RELEASE, and IA32_EMULATION_DEFAULT_DISABLED), in
# build/kernel-debug.  make debug-check boots it on the intel CPU model
# with ia32_emulation=on and plans/debug (lifecycle, on demand, a short
# load/unload stress, the suite and our tests with the module loaded, a
# kmemleak scan), and once without it (plans/debug-locked: the module
# refuses), and compares its suite with the reference's; make soak runs
# the long stress and trinity on it.  Not part of make check: a third
# kernel build (six minutes of both cores) and its run (ten minutes
# of one) do not fit in make check's 25 minutes from nothing.

DEBUG_OUT := $(B)/kernel-debug
DEBUG_MODROOT := $(B)/modroot-debug
KERNEL_debug := $(DEBUG_OUT)
KERNEL_debuglocked := $(DEBUG_OUT)
INITRD_debug := $(B)/initramfs-debug.cpio
INITRD_debuglocked := $(INITRD_debug)
PLAN_debug := debug
PLAN_debuglocked := debug-locked
# no5lvl: 4-level paging.  With 5-level paging (the max CPU model has
# LA57) generic KASAN reports a wild-memory-access for an interrupt taken
# while identify_cpu() has cleared the boot CPU's feature bits: KASAN's
# shadow bounds follow X86_FEATURE_LA57 (tools-testing/README.rst).
DEBUG_APPEND := no5lvl
# Under KASAN the sweeps of every system call number, Debian's i386
# programs, seccomp_bpf and hibernation take minutes and run upstream
# code that the other runs hold to the reference: left out here.
APPEND_debug := $(DEBUG_APPEND) ia32_emulation=on ia32test.cycles=30 ia32test.timeout=300 \
	ia32test.skip=sweep,i386,seccomp,suspend
APPEND_debuglocked := $(DEBUG_APPEND)
DEBUG_RUNS := $(RES)/debug-intel.tsv $(RES)/debuglocked-intel.tsv
# make soak: the long stress and trinity on it.
KERNEL_soakdebug := $(DEBUG_OUT)
INITRD_soakdebug := $(INITRD_debug)
PLAN_soakdebug := debug
APPEND_soakdebug = $(DEBUG_APPEND) ia32_emulation=on ia32test.cycles=$(SOAK_CYCLES) \
	ia32test.fuzz=600 ia32test.race=300 ia32test.timeout=7200
# Its suite (debug/...) against the reference's.
EXTRA_SOAK_RUNS += $(RES)/soakdebug-intel.tsv $(RES)/ref-intel.tsv
EXTRA_SOAK_COMPARE += intel $(RES)/ref-intel.tsv $(RES)/soakdebug-intel.tsv

.PHONY: debug-kernel debug-check
debug-kernel: $(INITRD_debug)
debug-check: build $(INITRD_debug)
	@$(MAKE) --no-print-directory -j$(VM_JOBS) $(DEBUG_RUNS) $(RES)/ref-intel.tsv
	@echo "[tests] the debug kernel against the reference (build/results/debug-summary.tsv)"
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/debug-summary.tsv --expect $(SELFTESTS_LIST) \
		--suite debug=debug/ --like 'debug/(.*)=\1' --through-like --require $(REQUIRED) \
		intel $(RES)/ref-intel.tsv $(RES)/debug-intel.tsv,$(RES)/debuglocked-intel.tsv

$(DEBUG_OUT)/.config: $(OURS_SRC)/.applied $(Q)/base.config Kconfig.fragment \
		$(Q)/debug.config $(Q)/kconfig.sh
	@$(STAGE) configure configure-debug "debug kernel: our config + KASAN, lockdep, kmemleak" \
		$(Q)/kconfig.sh $(OURS_SRC) $(DEBUG_OUT) $(Q)/base.config \
		$(TOP)/Kconfig.fragment $(Q)/debug.config
$(DEBUG_OUT)/arch/x86/boot/bzImage: $(DEBUG_OUT)/.config FORCE
	@$(STAGE) build build-debug "debug kernel (KASAN, lockdep, DEBUG_ATOMIC_SLEEP, kmemleak)" \
		$(KMAKE) -C $(OURS_SRC) O=$(DEBUG_OUT) bzImage modules
$(DEBUG_MODROOT)/.installed: $(DEBUG_OUT)/arch/x86/boot/bzImage
	@$(STAGE) module module-debug "modules_install and depmod (debug kernel)" \
		$(Q)/build-module.sh $(OURS_SRC) $(DEBUG_OUT) $(DEBUG_MODROOT)
	@touch $@
# What our initramfs has, with the debug kernel's modules.
$(INITRD_debug): $(B)/initramfs-ours.cpio $(DEBUG_MODROOT)/.installed
	@$(STAGE) initramfs initramfs-debug "busybox, tests, the module (debug kernel)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(DEBUG_OUT) \
		$(B) $(DEBUG_MODROOT)
$(RES)/debug-intel.tsv $(RES)/debuglocked-intel.tsv $(RES)/soakdebug-intel.tsv: $(INITRD_debug)
