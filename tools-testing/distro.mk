# SPDX-License-Identifier: GPL-2.0
#
# make distro-check: the feature on a real Debian 12 system (not part of
# make check; tools-testing/distro/README.rst).  Our kernel built from
# Debian's own configuration (linux-config-6.12, config.amd64_none_amd64)
# out of the source tree of make, with Kconfig.fragment (the module =m in
# tree), trimmed with localmodconfig to the modules the test system loads
# (distro/lsmod.txt), and packaged with the kernel's make bindeb-pkg.
# The reference is Debian's own linux-image of the same version (plain
# IA32_EMULATION=y), which Debian built from the same source and
# configuration, downloaded from the archive; DISTRO_REF=build builds it
# instead from that configuration trimmed the same way (half an hour
# more on two cores).  Each package is installed with dpkg -i into a
# copy of a debootstrapped Debian 12 root (systemd, kmod, i386 hello and
# python3.11), written to a disk image with mkfs.ext4 -d, and booted
# under QEMU TCG on both CPU models; the tests run as a systemd service
# and report TAP on the second serial port.
#
#   make distro-check   build, boot, compare (build/distro/results/)
#   make distro-lsmod   record distro/lsmod.txt anew (Debian's own kernel)
#   make distro-required  record distro/required.txt anew (the last runs)
#   make distro-shell   our kernel's test system on this terminal
#                       (CPU=amd for the AMD-like model; root, no password)
#
# The debootstrapped root is cached in DISTRO_CACHE, outside build/, so
# that neither make clean nor make distclean costs a second debootstrap;
# its name carries a hash of mkroot.sh, which says what is in it.

DISTRO := $(B)/distro
DT := tools-testing/distro
DISTRO_CACHE ?= /var/cache/ia32-ondemand
DISTRO_ROOT := $(DISTRO_CACHE)/root-$(shell sha256sum $(DT)/mkroot.sh | cut -c1-12).tar
DEBIAN_CONFIG := /usr/src/linux-config-6.12/config.amd64_none_amd64.xz
DISTRO_LSMOD := $(DT)/lsmod.txt
DISTRO_RES := $(DISTRO)/results
DISTRO_REQUIRED := $(DT)/required.txt
DISTRO_KEY := $(DISTRO_CACHE)/module-signing-key.pem
# The machine is shared with other builds: ours give way.
DISTRO_NICE ?= nice -n 10
DISTRO_KINDS := ref ours
DISTRO_REF ?= debian
DISTRO_BUILT := $(if $(filter build,$(DISTRO_REF)),ref ours,ours)
DISTRO_RUNS := $(foreach k,$(DISTRO_KINDS),$(foreach c,$(CPUS),distro-$(k)-$(c)))
DISTRO_VM_FILES := $(wildcard $(DT)/vm/*) $(DT)/root.sh
DSRC_ref := $(REF_SRC)
DSRC_ours := $(OURS_SRC)
DTREE_ref := $(REF_SRC)/.unpacked
DTREE_ours := $(OURS_SRC)/.applied
DFRAG_ref := $(DT)/distro.config
DFRAG_ours := $(DT)/distro.config Kconfig.fragment
DNAME_ref := reference (plain IA32_EMULATION=y$(if $(filter debian,$(DISTRO_REF)),$(comma) Debian's own linux-image))
DNAME_ours := ours (series + Kconfig.fragment, ia32_emulation =m)

.PHONY: distro-check distro-deps distro-inputs distro-packages distro-lsmod distro-required \
	distro-shell distro-clean

$(DISTRO)/.deps: $(DT)/deps.sh $(Q)/apt.sh $(REF_SRC)/.unpacked | $(B)/.deps
	@mkdir -p $(DISTRO)
	@$(STAGE) deps distro-deps "linux-config-6.12 (Debian's kernel configuration), debootstrap, debhelper" \
		$(DT)/deps.sh
	@touch $@

# Order-only: the name carries mkroot.sh's hash, and a fresh clone's
# mkroot.sh, newer than the cached root, must not make it again.
$(DISTRO_ROOT): | $(DT)/mkroot.sh $(DISTRO)/.deps
	@mkdir -p $(DISTRO_CACHE)
	@$(STAGE) distro distro-root "debootstrap Debian 12 (systemd, kmod, i386 hello and python3.11) into $(DISTRO_ROOT)" \
		$(DT)/mkroot.sh $@

# The modules' signing key, once per machine (signing-key.sh says why).
$(DISTRO_KEY): | $(DT)/signing-key.sh $(REF_SRC)/.unpacked $(DISTRO)/.deps
	@mkdir -p $(DISTRO_CACHE)
	@$(STAGE) distro distro-key "the module signing key of the test packages, once, in $(DISTRO_KEY)" \
		$(DT)/signing-key.sh $(REF_SRC)/certs/default_x509.genkey $@

$(DISTRO)/x32hello: $(DT)/x32hello.c | $(B)/.deps
	@mkdir -p $(DISTRO)
	@gcc -mx32 -static -O2 -Wall -Werror -o $@ $<

# Configure, build and package one kernel.
define distro_kernel
$(DISTRO)/kernel-$(1)/.config: $(DTREE_$(1)) $(DFRAG_$(1)) $(DISTRO_LSMOD) \
		$(DT)/kconfig.sh $(DT)/config-check.py | $(DISTRO)/.deps $(DISTRO_KEY)
	@$(STAGE) configure distro-configure-$(1) "$(DNAME_$(1)): Debian's config, localmodconfig to $(DISTRO_LSMOD)" \
		env DISTRO_SIGNING_KEY=$(DISTRO_KEY) $(DISTRO_NICE) $(DT)/kconfig.sh $(DSRC_$(1)) $(DISTRO)/kernel-$(1) $(DEBIAN_CONFIG) \
		$(DISTRO_LSMOD) -ia32-$(1) $(DFRAG_$(1))
	@sed -n 2p $(DISTRO)/kernel-$(1)/config-report.txt
$(DISTRO)/pkg-$(1)/debs: $(DISTRO)/kernel-$(1)/.config $(DT)/package.sh
	@$(STAGE) build distro-build-$(1) "$(DNAME_$(1)): make bindeb-pkg in build/distro/kernel-$(1)" \
		$(DISTRO_NICE) $(DT)/package.sh $(DSRC_$(1)) $(DISTRO)/kernel-$(1) $(DISTRO)/pkg-$(1) $(1) $(JOBS)
	@sed -n 's/^package: /  /p' $(LOGS)/distro-build-$(1).log
endef
$(foreach k,$(DISTRO_BUILT),$(eval $(call distro_kernel,$(k))))
ifeq ($(DISTRO_REF),debian)
$(DISTRO)/pkg-ref/debs: $(DT)/debian-image.sh | $(DISTRO)/.deps
	@$(STAGE) fetch distro-fetch-ref "reference: Debian's own linux-image of the source's version" \
		$(DT)/debian-image.sh $(DISTRO)/pkg-ref
	@sed -n 's/^package: /  /p' $(LOGS)/distro-fetch-ref.log
endif

# The test system's disk of one kernel.
define distro_disk
$(DISTRO)/disk-$(1)/.built: $(DISTRO)/pkg-$(1)/debs $(DISTRO_ROOT) $(DISTRO)/x32hello $(DISTRO_VM_FILES)
	@$(STAGE) distro distro-disk-$(1) "$(DNAME_$(1)): dpkg -i into the Debian root, mkfs.ext4 -d" \
		$(DISTRO_NICE) $(DT)/root.sh $(DISTRO_ROOT) $(DISTRO)/disk-$(1) $(1) $(DISTRO)/x32hello \
		$$$$(cat $(DISTRO)/pkg-$(1)/debs)
	@touch $$@
endef
$(foreach k,$(DISTRO_KINDS),$(eval $(call distro_disk,$(k))))

# One boot: build/distro/results/distro-KIND-CPU.tsv, as the runs of
# make check (results.py parse of the console and the TAP stream).
define distro_run
$(DISTRO_RES)/distro-$(1)-$(2).tsv: $(DISTRO)/disk-$(1)/.built FORCE
	@mkdir -p $(DISTRO_RES)
	@$(STAGE) boot distro-vm-$(1)-$(2) "$(1) on the $(2) CPU model: Debian 12 with systemd, QEMU TCG" \
		$(DISTRO_NICE) $(DT)/run.sh $(DISTRO)/disk-$(1) $(2) $(LOGS)/distro-$(1)-$(2) || \
		echo "  the VM failed: its verdicts say where"
	@$(Q)/results.py parse $(LOGS)/distro-$(1)-$(2).console $(LOGS)/distro-$(1)-$(2).tap > $$@
endef
$(foreach k,$(DISTRO_KINDS),$(foreach c,$(CPUS),$(eval $(call distro_run,$(k),$(c)))))

# The packages, while debootstrap, which waits mostly for the mirror,
# makes the root; then the disks and the boots, two at a time.  Two
# builds (DISTRO_REF=build) one after the other, each with every core:
# make -j2 would run both at once, each with JOBS jobs.  The apt-get
# steps first, on their own: two at once would fight for dpkg's lock.
ifeq ($(DISTRO_REF),build)
$(DISTRO)/pkg-ours/debs: | $(DISTRO)/pkg-ref/debs
endif
distro-packages: $(DISTRO_KINDS:%=$(DISTRO)/pkg-%/debs)
# Phony goals with a recipe, so that make says nothing of those already
# up to date.
distro-deps: $(DISTRO)/.deps
	@:
distro-inputs: $(DISTRO_ROOT) $(DISTRO)/x32hello distro-packages
	@:
distro-check:
	@mkdir -p $(LOGS)
	@$(MAKE) --no-print-directory distro-deps
	@$(MAKE) --no-print-directory -j2 distro-inputs
	@$(MAKE) --no-print-directory -j$(VM_JOBS) $(DISTRO_RUNS:%=$(DISTRO_RES)/%.tsv)
	@echo "[tests] Debian 12 system: the reference against ours, test by test (build/distro/results/summary.tsv)"
	@set -o pipefail; $(Q)/results.py compare --known $(DT)/known.tsv --summary $(DISTRO_RES)/summary.tsv \
		--require $(DISTRO_REQUIRED) \
		$(foreach c,$(CPUS),$(c) $(DISTRO_RES)/distro-ref-$(c).tsv $(DISTRO_RES)/distro-ours-$(c).tsv) \
		| tee $(DISTRO_RES)/table.txt; rc=$$?; \
	$(DT)/report.sh $(DISTRO) $(LOGS) | tee $(DISTRO_RES)/report.txt; exit $$rc

# Record the modules the test system loads with Debian's own kernel, on
# both CPU models, into distro/lsmod.txt (localmodconfig's LSMOD=).
distro-lsmod: $(DISTRO_ROOT) $(DISTRO)/x32hello
	@$(STAGE) distro distro-lsmod "Debian's own kernel in the test system, both CPU models: lsmod into $(DISTRO_LSMOD)" \
		$(DISTRO_NICE) $(DT)/lsmod.sh $(DISTRO_ROOT) $(DISTRO)/x32hello $(DISTRO) \
		$(DISTRO_LSMOD) $(LOGS)/distro-stock
	@tail -n 3 $(LOGS)/distro-lsmod.log

# Record the verdicts each kind of run gives (distro-ref, distro-ours)
# anew from the runs of the last make distro-check.
distro-required:
	$(Q)/results.py required $(DISTRO_RUNS:%=$(DISTRO_RES)/%.tsv) > $(DISTRO_REQUIRED)

distro-shell: $(DISTRO)/disk-ours/.built
	$(DT)/run.sh $(DISTRO)/disk-ours $(or $(CPU),intel) shell

distro-clean:
	rm -rf $(DISTRO)
