# SPDX-License-Identifier: GPL-2.0
#
# make bench: what IA32 emulation as a module costs, counted in guest
# instructions under QEMU's -icount, and how native 32-bit programs
# compare with the user-mode emulator qemu-i386.  Not part of make check.
#
#   doors, exec   the reference and our kernel with the module loaded,
#                 on both CPU models (plans/bench-doors); ours booted a
#                 second time, to show that the counts repeat exactly
#   policy        on our kernel, in the same boots: the 32-bit doors and
#                 exec of an i386 program with the module's i386_only
#                 policy on (plans/bench-doors)
#   module        load, unload, the auto-loading exec (plans/bench-module)
#   qemu          native against qemu-i386 (plans/bench-qemu)
#
# Results: build/bench/results.tsv; the table and the chart of
# Documentation/admin-guide/ia32-emulation-bench.rst are written anew.

BENCH := $(B)/bench
BENCH_DIR := $(TOP)/tools-testing/bench
BENCH_DOC := $(TOP)/Documentation/admin-guide/ia32-emulation-bench.rst
BENCH_PNG := $(TOP)/Documentation/images/ia32-emulation-bench.png
# The benchmark and Debian's kmod (kmod.mk): /sbin/modprobe, which the
# kernel runs to auto-load the module, and /sbin/rmmod are kmod's, as on
# the test VMs; none of the test suite's other roots.
BENCH_ROOTS = $(KMOD_ROOT) $(BENCH)/root
# One vCPU (icount runs one vCPU at a time anyway, and a second one's idle
# ticks would count too); one instruction per nanosecond of guest time;
# an idle guest's clock jumps to its next timer rather than following the
# host's; a fixed seed for the guest's random numbers (RDRAND) and a
# fixed date, so that two boots execute exactly the same instructions.
BENCH_QEMU := -icount shift=0,sleep=off -seed 1 -rtc base=2024-01-01T00:00:00,clock=vm
# Runs KIND-CPU, the longest first: two boots at a time (VM_JOBS).
BENCH_RUNS := ref-intel ours-intel ref-amd ours-amd again-intel qemu-intel module-intel
BENCH_KERNEL_ref := $(REF_OUT)
BENCH_KERNEL_ours := $(OURS_OUT)
BENCH_KERNEL_again := $(OURS_OUT)
BENCH_KERNEL_module := $(OURS_OUT)
BENCH_KERNEL_qemu := $(OURS_OUT)
BENCH_SIDE_ref := ref
BENCH_SIDE_ours := ours
BENCH_SIDE_again := ours
BENCH_SIDE_module := ours
BENCH_SIDE_qemu := ours
BENCH_PLAN_ref := bench-doors
BENCH_PLAN_ours := bench-doors
BENCH_PLAN_again := bench-doors
BENCH_PLAN_module := bench-module
BENCH_PLAN_qemu := bench-qemu

.PHONY: bench bench-runs

bench: build
	@mkdir -p $(BENCH)/deb
	@$(STAGE) bench bench-deps "qemu-user-static, python3-matplotlib, Debian's i386 busybox-static" \
		$(BENCH_DIR)/install-deps.sh $(BENCH)/deb
	@$(STAGE) bench bench-build "benchmark programs, qemu-i386 and i386 busybox for the VMs" \
		$(BENCH_DIR)/build.sh $(BENCH)/root $(BENCH)/deb
	@$(STAGE) bench bench-initramfs-ref "initramfs of the reference, with the benchmark" \
		env EXTRA_ROOTS="$(BENCH_ROOTS)" $(Q)/make-initramfs.sh \
		$(BENCH)/initramfs-ref.cpio $(REF_OUT) $(B)
	@$(STAGE) bench bench-initramfs-ours "initramfs of our kernel and module, with the benchmark" \
		env EXTRA_ROOTS="$(BENCH_ROOTS)" $(Q)/make-initramfs.sh \
		$(BENCH)/initramfs-ours.cpio $(OURS_OUT) $(B) $(B)/modroot
	@$(MAKE) --no-print-directory -j$(VM_JOBS) bench-runs
	@$(STAGE) bench bench-report "build/bench/results.tsv, the table and the chart" \
		/usr/bin/python3 $(BENCH_DIR)/report.py --results $(BENCH)/results.tsv \
		--rst $(BENCH_DOC) --png $(BENCH_PNG) --summary $(BENCH)/summary.txt \
		--kconfig $(OURS_OUT)/.config \
		$(foreach r,$(BENCH_RUNS),$(r)=$(LOGS)/bench-$(r).tap)
	@cat $(BENCH)/summary.txt

bench-runs: $(BENCH_RUNS:%=$(BENCH)/run-%)

bkind = $(firstword $(subst -, ,$(1)))
bcpu = $(word 2,$(subst -, ,$(1)))

$(BENCH)/run-%: FORCE
	@$(STAGE) bench bench-$* "$*: $(BENCH_PLAN_$(call bkind,$*)) on the $(call bcpu,$*) CPU model, QEMU TCG -icount" \
		env VM_SMP=1 VM_TIMEOUT=1200 QEMU_EXTRA="$(BENCH_QEMU)" $(Q)/run-vm.sh \
		$(BENCH_KERNEL_$(call bkind,$*))/arch/x86/boot/bzImage \
		$(BENCH)/initramfs-$(BENCH_SIDE_$(call bkind,$*)).cpio $(call bcpu,$*) \
		$(BENCH_PLAN_$(call bkind,$*)) $(LOGS)/bench-$*
