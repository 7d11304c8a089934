# SPDX-License-Identifier: GPL-2.0
#
# Debian's kmod in the test VM (qemu/kmod-root.sh): modprobe, rmmod and
# request_module() behave as on a Debian system (modprobe.d's install
# lines, which busybox's modprobe ignores, among them).

KMOD_ROOT := $(B)/kmod-root
EXTRA_ROOTS += $(KMOD_ROOT)
EXTRA_INITRAMFS_DEPS += $(B)/kmod-root.stamp

$(B)/kmod-root.stamp: $(Q)/kmod-root.sh | $(B)/.deps
	@$(STAGE) initramfs kmod-root "Debian's kmod and its libraries for the VM" \
		$(Q)/kmod-root.sh $(KMOD_ROOT)
	@touch $@
