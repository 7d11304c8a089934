# SPDX-License-Identifier: GPL-2.0
#
# Debian's own kernel configuration with Kconfig.fragment merged onto it
# keeps IA32_EMULATION_LOADABLE=y beside x32 and Xen PV
# (qemu/debian-config.sh): a configuration only, nothing is built.

DEBIAN_CONFIG := /usr/src/linux-config-6.12/config.amd64_none_amd64.xz

$(RES)/debian-config.tsv: $(OURS_SRC)/.applied Kconfig.fragment $(Q)/debian-config.sh \
		$(Q)/verdict.sh $(B)/.deps
	@mkdir -p $(RES)
	@$(STAGE) configure debian-config "Debian's amd64 configuration + Kconfig.fragment (olddefconfig only)" \
		$(Q)/debian-config.sh $(OURS_SRC) $(B)/debian-config $(DEBIAN_CONFIG) \
		Kconfig.fragment $@

EXTRA_CHECK_RUNS += $(RES)/debian-config.tsv
EXTRA_COMPARE += any $(RES)/none.tsv $(RES)/debian-config.tsv
