# SPDX-License-Identifier: GPL-2.0
#
# CVE-2024-25744: vector 0x80 sent as an interrupt (int80-ipi/, a test
# module built for both kernels) must panic the kernel with upstream's
# message, on the reference and on ours with IA32 emulation disabled and
# enabled (plans/int80-ipi).  Three short boots, intel CPU model; the
# verdicts come from qemu/expect-panic.sh, not from the plan's TAP.

TEST_MODULES += $(TOP)/tools-testing/int80-ipi
TEST_MODULE_FILES += $(wildcard tools-testing/int80-ipi/*)

IPI_RUNS := $(addprefix $(RES)/,ipiref-intel.tsv ipioff-intel.tsv ipion-intel.tsv)
KERNEL_ipiref := $(REF_OUT)
KERNEL_ipioff := $(OURS_OUT)
KERNEL_ipion := $(OURS_OUT)
INITRD_ipiref := $(B)/initramfs-ref.cpio
INITRD_ipioff := $(B)/initramfs-ours.cpio
INITRD_ipion := $(B)/initramfs-ours.cpio
APPEND_ipion := ia32test.ipi=open
# The reference, IA32 emulation built in, against ours enabled; ours
# disabled has no counterpart.
IPI_NAME_ipiref := int80-ipi/enabled-panics
IPI_NAME_ipioff := ours/int80-ipi/disabled-panics
IPI_NAME_ipion := int80-ipi/enabled-panics
# What the plan must find before it sends the interrupt.
IPI_STATE_ipiref := built in
IPI_STATE_ipioff := 0
IPI_STATE_ipion := 1

$(RES)/ipi%-intel.tsv: $$(KERNEL_ipi$$*)/arch/x86/boot/bzImage $$(INITRD_ipi$$*) \
		$(Q)/expect-panic.sh $(RUN_INPUTS)
	@mkdir -p $(RES)
	@$(STAGE) boot vm-ipi$*-intel "ipi$*: vector 0x80 as an interrupt, intel CPU model, QEMU TCG" \
		$(Q)/run-vm.sh $(KERNEL_ipi$*)/arch/x86/boot/bzImage $(INITRD_ipi$*) \
		intel int80-ipi $(LOGS)/vm-ipi$*-intel "$(VM_APPEND) $(APPEND_ipi$*)"
	@$(Q)/expect-panic.sh $(LOGS)/vm-ipi$*-intel.console $(IPI_NAME_ipi$*) $@ \
		"$(IPI_STATE_ipi$*)"

EXTRA_CHECK_RUNS += $(IPI_RUNS)
EXTRA_COMPARE += intel $(RES)/ipiref-intel.tsv $(RES)/ipioff-intel.tsv,$(RES)/ipion-intel.tsv
