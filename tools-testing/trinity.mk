# SPDX-License-Identifier: GPL-2.0
#
# Fuzzing in the test VM: Debian's trinity in 32-bit mode (i386 system
# calls through INT 0x80 from its 64-bit children) while the module is
# removed and loaded again (plans/lifecycle-fuzz, test names ours/fuzz/).
# The binary comes from the Debian package with the libraries it links,
# as on the host; trinity/fuzz.sh runs it in the VM.

TRINITY_ROOT := $(B)/trinity-root
EXTRA_ROOTS += $(TRINITY_ROOT)
EXTRA_INITRAMFS_DEPS += $(B)/trinity-root.stamp

$(B)/trinity-root.stamp: tools-testing/trinity/root.sh tools-testing/trinity/fuzz.sh | $(B)/.deps
	@$(STAGE) initramfs trinity-root "Debian's trinity and its libraries for the VM" \
		tools-testing/trinity/root.sh $(TRINITY_ROOT)
	@touch $@
