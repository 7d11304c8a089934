# SPDX-License-Identifier: GPL-2.0
#
# Real i386 programs in the test VM: Debian's own bash, coreutils and
# python3.11 of the i386 architecture with their shared libraries, from the
# archive (qemu/i386-root.sh), and the scripts they run.  The tests are in
# plans/owntests-i386 (with the suite) and plans/lifecycle-i386 (ours/).

I386_ROOT := $(B)/i386-root
I386_TESTS := $(B)/i386-tests
I386_SCRIPTS := tools-testing/tests/i386-shell.sh tools-testing/tests/i386-workout.py
EXTRA_ROOTS += $(I386_ROOT) $(I386_TESTS)
EXTRA_INITRAMFS_DEPS += $(B)/i386-root.stamp $(B)/i386-tests.stamp

.PHONY: i386-root
i386-root: $(B)/i386-root.stamp
$(B)/i386-root.stamp: $(Q)/i386-root.sh $(Q)/apt.sh | $(B)/.deps
	@$(STAGE) i386-root i386-root "Debian's i386 bash, coreutils, python3.11 and their libraries (build/i386-root.versions)" \
		$(Q)/i386-root.sh $(I386_ROOT)
	@touch $@

# The scripts, and their checksums as the host computes them (for the
# i386 sha256sum to check).
$(B)/i386-tests.stamp: $(I386_SCRIPTS)
	@rm -rf $(I386_TESTS)
	@mkdir -p $(I386_TESTS)/tests
	@cp $(I386_SCRIPTS) $(I386_TESTS)/tests/
	@cd $(I386_TESTS) && sha256sum $(addprefix tests/,$(notdir $(I386_SCRIPTS))) | \
		sed 's|  tests/|  /tests/|' > tests/i386-tests.sha256
	@touch $@
