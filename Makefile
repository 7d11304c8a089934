# SPDX-License-Identifier: GPL-2.0
#
# ia32-ondemand: the front door.
#
#   make          build both kernels, the module and the tests, then boot
#                 our kernel and show the demo
#   make check    build what is missing, run every test on the reference
#                 and on our kernel, on both CPU models, and compare; check
#                 the style, the documentation and the series for upstream
#   make soak     the load/unload stress at length (SOAK_CYCLES=1000)
#   make patchset the series for upstream in build/patchset/
#
# Every stage prints one line; its full output goes to build/logs/.

SHELL := /bin/bash
TOP := $(CURDIR)
B := $(TOP)/build
LOGS := $(B)/logs
RES := $(B)/results
JOBS ?= $(shell nproc)
VM_JOBS ?= 2
Q := $(TOP)/tools-testing/qemu
STAGE := $(Q)/stage
export LOGS

TARBALL := /usr/src/linux-source-6.12.tar.xz
REF_SRC := $(B)/src/linux-ref
OURS_SRC := $(B)/src/linux-ours
REF_OUT := $(B)/kernel-ref
OURS_OUT := $(B)/kernel-ours
# Paths under the checkout are hashed relative to it, so that a fresh
# clone elsewhere hits the same ccache entries.
export CCACHE_BASEDIR := $(TOP)
KMAKE := $(MAKE) --no-print-directory CC="ccache gcc" HOSTCC="ccache gcc" -j$(JOBS)

CPUS := intel amd
SERIES := $(addprefix patches/,$(shell cat patches/series 2>/dev/null))
ENTRY_FILES := $(wildcard arch-x86-entry/*)
MODULE_FILES := $(wildcard module/* fs-binfmt/*)
HAVE_MODULE := $(wildcard module/Kbuild)

TEST_SRCS := $(wildcard tools-testing/tests/*.c)
TEST_NAMES := $(TEST_SRCS:tools-testing/tests/%.c=%)
# Tests built in one bitness only: 64-bit tasks that switch to
# compatibility mode or use INT 0x80, and 32-bit tasks that read their
# vDSO.  EXTRA_name: what a test links from the kernel's own selftests.
TESTS_64ONLY := doors int80_args ptrace_nr stress
TESTS_32ONLY := auxv sysnr sweep compat_net
EXTRA_doors := $(REF_SRC)/tools/testing/selftests/x86/thunks.S
EXTRA_auxv := $(REF_SRC)/tools/testing/selftests/vDSO/parse_vdso.c
TEST_HDRS := $(wildcard tools-testing/tests/*.h)
# The system call results sweep_32 holds our kernel to, recorded on the
# reference (make sweep-table).
SWEEP_TABLE := tools-testing/tests/sweep.table
TESTS := $(patsubst %,$(B)/tests/%_32,$(filter-out $(TESTS_64ONLY),$(TEST_NAMES))) \
	$(patsubst %,$(B)/tests/%_64,$(filter-out $(TESTS_32ONLY),$(TEST_NAMES))) \
	$(B)/tests/sweep.table
PLANS := $(wildcard tools-testing/plans/*)

# One run = one boot of one kernel on one CPU model with one plan:
# build/results/KIND-CPU.{tsv,tap}, KIND one of
#   ref      reference kernel, the suite
#   refoff   reference kernel booted with ia32_emulation=off, the suite
#   ours     our kernel: the suite without the module, the lifecycle
#            tests, the suite with the module loaded
#   hardlock our kernel booted with ia32_emulation=off
KINDS := ref ours $(if $(HAVE_MODULE),refoff hardlock)
RUNS := $(foreach k,$(KINDS),$(foreach c,$(CPUS),$(k)-$(c)))
RUN_TSV := $(RUNS:%=$(RES)/%.tsv)
KERNEL_ref := $(REF_OUT)
KERNEL_refoff := $(REF_OUT)
KERNEL_ours := $(OURS_OUT)
KERNEL_hardlock := $(OURS_OUT)
KERNEL_soak := $(OURS_OUT)
PLAN_ref := selftests
PLAN_refoff := selftests
PLAN_ours := $(if $(HAVE_MODULE),ours,selftests)
PLAN_hardlock := hardlock
PLAN_soak := soak
# Booted with ia32_emulation=off the INT 0x80 vector has no DPL 3 gate:
# the #GP is the CPU's own, with TCG's error code (tools-testing/tests/int80.c).
APPEND_refoff := ia32_emulation=off ia32test.prefix=nomod/ ia32test.int80_err=0x802
APPEND_hardlock := ia32_emulation=off
INITRD_ref := $(B)/initramfs-ref.cpio
INITRD_refoff := $(B)/initramfs-ref.cpio
INITRD_ours := $(B)/initramfs-ours.cpio
INITRD_hardlock := $(B)/initramfs-ours.cpio
INITRD_soak := $(B)/initramfs-ours.cpio
APPEND_soak := ia32test.cycles=$(SOAK_CYCLES) ia32test.timeout=600
SOAK_CYCLES ?= 1000
# The runs each model's comparison takes, reference side and ours.
REF_RUNS = $(RES)/ref-$(1).tsv$(if $(HAVE_MODULE),$(comma)$(RES)/refoff-$(1).tsv)
OURS_RUNS = $(RES)/ours-$(1).tsv$(if $(HAVE_MODULE),$(comma)$(RES)/hardlock-$(1).tsv)
comma := ,

# Parts of the harness in tools-testing/*.mk may add directories to the
# initramfs root (EXTRA_ROOTS), what they need built first
# (EXTRA_INITRAMFS_DEPS) and targets of their own.
# EXTRA_CHECK_BUILD: what make check builds before its runs,
# EXTRA_CHECK_RUNS: more runs for make check, EXTRA_COMPARE what to
# compare them with (LABEL REFERENCE-RUNS OUR-RUNS, as for results.py);
# EXTRA_SOAK_RUNS and EXTRA_SOAK_COMPARE the same for make soak.
EXTRA_ROOTS :=
EXTRA_INITRAMFS_DEPS :=
EXTRA_CHECK_BUILD :=
EXTRA_CHECK_RUNS :=
EXTRA_COMPARE :=
EXTRA_SOAK_RUNS :=
EXTRA_SOAK_COMPARE :=
.DEFAULT_GOAL := all
include $(sort $(wildcard tools-testing/*.mk))

.PHONY: all demo check deps fetch patch configure kernel module selftests \
	tests initramfs style docs patchset soak sweep-table shell clean \
	distclean FORCE
.DELETE_ON_ERROR:

all: demo

# --- dependencies and sources -------------------------------------------

deps: $(B)/.deps
$(B)/.deps: kernel-version $(Q)/install-deps.sh $(Q)/apt.sh
	@mkdir -p $(LOGS)
	@$(STAGE) deps deps "Debian packages (build-essential, gcc-multilib, qemu, busybox, linux-source-6.12)" \
		$(Q)/install-deps.sh
	@touch $@

# The source follows the package: the version asked for and the tarball,
# not the script that installs it (an edit there rebuilt every kernel).
fetch: $(REF_SRC)/.unpacked
$(REF_SRC)/.unpacked: kernel-version $(wildcard $(TARBALL)) | $(B)/.deps
	@$(STAGE) fetch fetch "unpack $(TARBALL) ($$(dpkg-query -W -f='$${Version}' linux-source-6.12)) into build/src/linux-ref" \
		sh -c 'rm -rf $(REF_SRC) && mkdir -p $(REF_SRC) && tar -xJf $(TARBALL) -C $(REF_SRC) --strip-components=1 && dpkg-query -W -f="linux-source-6.12 \$${Version}\n" linux-source-6.12 > $(B)/kernel-version.built'
	@touch $@

patch: $(OURS_SRC)/.applied
$(OURS_SRC)/.applied: $(REF_SRC)/.unpacked patches/series $(SERIES) $(ENTRY_FILES) $(Q)/apply-series.sh
	@$(STAGE) patch patch "apply patches/series ($(words $(SERIES)) patches) to build/src/linux-ours" \
		$(Q)/apply-series.sh $(REF_SRC) $(OURS_SRC) $(TOP)
	@touch $@

# --- kernels ------------------------------------------------------------

configure: $(REF_OUT)/.config $(OURS_OUT)/.config
$(REF_OUT)/.config: $(REF_SRC)/.unpacked $(Q)/base.config $(Q)/kconfig.sh
	@$(STAGE) configure configure-ref "reference kernel: tinyconfig + base.config" \
		$(Q)/kconfig.sh $(REF_SRC) $(REF_OUT) $(Q)/base.config
$(OURS_OUT)/.config: $(OURS_SRC)/.applied $(Q)/base.config Kconfig.fragment $(Q)/kconfig.sh
	@$(STAGE) configure configure-ours "our kernel: tinyconfig + base.config + Kconfig.fragment" \
		$(Q)/kconfig.sh $(OURS_SRC) $(OURS_OUT) $(Q)/base.config $(TOP)/Kconfig.fragment

kernel: $(REF_OUT)/arch/x86/boot/bzImage $(OURS_OUT)/arch/x86/boot/bzImage
$(REF_OUT)/arch/x86/boot/bzImage: $(REF_OUT)/.config FORCE
	@$(STAGE) build build-ref "reference kernel (plain IA32_EMULATION=y)" \
		$(KMAKE) -C $(REF_SRC) O=$(REF_OUT) bzImage modules headers
$(OURS_OUT)/arch/x86/boot/bzImage: $(OURS_OUT)/.config FORCE
	@$(STAGE) build build-ours "our kernel (series + Kconfig.fragment)" \
		$(KMAKE) -C $(OURS_SRC) O=$(OURS_OUT) bzImage modules

module: $(B)/modroot/.installed
$(B)/modroot/.installed: $(OURS_OUT)/arch/x86/boot/bzImage $(MODULE_FILES)
	@$(STAGE) module module "ia32_emulation.ko (W=1) and modules_install" \
		$(Q)/build-module.sh $(OURS_SRC) $(OURS_OUT) $(B)/module-src $(B)/modroot $(TOP)
	@touch $@

# --- tests and initramfs ------------------------------------------------

selftests: $(B)/selftests/.built
$(B)/selftests/.built: $(REF_SRC)/.unpacked $(REF_OUT)/arch/x86/boot/bzImage
	@mkdir -p $(B)/selftests
	@$(STAGE) selftests selftests "tools/testing/selftests/x86, static, 32- and 64-bit" \
		$(MAKE) --no-print-directory -C $(REF_SRC)/tools/testing/selftests/x86 -j$(JOBS) \
		OUTPUT=$(B)/selftests CC="gcc -static" \
		KHDR_INCLUDES="-isystem $(REF_OUT)/usr/include"
	@touch $@

# Our own test programs, static, each in both bitnesses.
tests: $(TESTS)
define test_rule
$(B)/tests/%_$(1): tools-testing/tests/%.c $$$$(EXTRA_$$$$*) $(TEST_HDRS) | $(B)/.deps
	@mkdir -p $(B)/tests $(LOGS)
	@gcc -m$(1) -static -O2 -Wall -Werror -o $$@ $$< $$(EXTRA_$$*) \
		> $(LOGS)/tests.log 2>&1 || \
		{ echo "FAILED: tests: $$<, see $(LOGS)/tests.log"; \
		  cat $(LOGS)/tests.log; exit 1; }
endef
.SECONDEXPANSION:
$(eval $(call test_rule,32))
$(eval $(call test_rule,64))
# Without a table (before make sweep-table) every number fails.
$(B)/tests/sweep.table: $(wildcard $(SWEEP_TABLE))
	@mkdir -p $(B)/tests
	@if [ -f $(SWEEP_TABLE) ]; then cp $(SWEEP_TABLE) $@; \
	 else echo "# no table: run make sweep-table" > $@; fi
# The selftest sources tests link come with the unpacked reference tree.
$(REF_SRC)/tools/testing/selftests/%: | $(REF_SRC)/.unpacked
	@test -f $@

initramfs: $(B)/initramfs-ref.cpio $(B)/initramfs-ours.cpio
INITRAMFS_DEPS := $(B)/selftests/.built $(TESTS) $(PLANS) $(Q)/init \
	$(Q)/make-initramfs.sh /bin/busybox $(EXTRA_INITRAMFS_DEPS)
$(B)/initramfs-ref.cpio: $(INITRAMFS_DEPS) $(REF_OUT)/arch/x86/boot/bzImage
	@$(STAGE) initramfs initramfs-ref "busybox, selftests, tests (reference)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(REF_OUT) $(B)
$(B)/initramfs-ours.cpio: $(INITRAMFS_DEPS) $(B)/modroot/.installed
	@$(STAGE) initramfs initramfs-ours "busybox, selftests, tests, the module (ours)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(OURS_OUT) $(B) $(B)/modroot

# --- runs ---------------------------------------------------------------

kind = $(firstword $(subst -, ,$(1)))
cpu = $(word 2,$(subst -, ,$(1)))

$(RES)/%.tsv: FORCE
	@mkdir -p $(RES)
	@$(STAGE) boot vm-$* "$*: $(PLAN_$(call kind,$*)) on the $(call cpu,$*) CPU model, QEMU TCG" \
		$(Q)/run-vm.sh $(KERNEL_$(call kind,$*))/arch/x86/boot/bzImage \
		$(INITRD_$(call kind,$*)) $(call cpu,$*) $(PLAN_$(call kind,$*)) \
		$(LOGS)/vm-$* "$(APPEND_$(call kind,$*))"
	@$(Q)/results.py parse $(LOGS)/vm-$*.console $(LOGS)/vm-$*.tap > $@
	@$(Q)/results.py tap $@ > $(RES)/$*.tap

# --- quality gates -------------------------------------------------------

# Verdicts of their own (ours/style/...), counted with the tests.
style: $(RES)/style.tsv
$(RES)/style.tsv: FORCE
	@mkdir -p $(RES)
	@$(STAGE) style style "checkpatch --strict, sparse and W=1 on what we write" \
		$(Q)/style.sh $(REF_SRC) $(REF_OUT) $(OURS_SRC) $(OURS_OUT) $(TOP) $@

# The series for upstream: build/patchset/, and in check its verdicts.
PATCHSET_TREE := $(B)/patchset-tree
patchset: $(OURS_SRC)/.applied
	@$(STAGE) patchset patchset "git format-patch series with a cover letter in build/patchset/" \
		$(Q)/patchset.sh $(OURS_SRC) $(OURS_OUT) $(TOP) $(PATCHSET_TREE) $(B)/patchset
	@ls $(B)/patchset
$(RES)/patchset.tsv: FORCE | $(OURS_SRC)/.applied $(OURS_OUT)/.config
	@mkdir -p $(RES)
	@$(STAGE) patchset patchset "the series for upstream: git am, checkpatch, build after each patch" \
		$(Q)/patchset.sh $(OURS_SRC) $(OURS_OUT) $(TOP) $(PATCHSET_TREE) $(B)/patchset $@

docs: $(RES)/docs.tsv
$(RES)/docs.tsv: FORCE | $(OURS_SRC)/.applied
	@mkdir -p $(RES)
	@$(STAGE) docs docs "reStructuredText, sysfs ABI and kernel-doc of our documentation" \
		$(Q)/docs.sh $(OURS_SRC) $(TOP) $@

build: kernel module selftests tests initramfs

# Everything is built first, the debug kernel too: make -j2 would leave
# its build for last, behind every run, and its run alone at the end.
# Then the longest first: the series check.
check: build $(EXTRA_CHECK_BUILD)
	@$(MAKE) --no-print-directory -j$(VM_JOBS) $(EXTRA_CHECK_RUNS) $(RES)/patchset.tsv \
		$(RUN_TSV) $(RES)/style.tsv $(RES)/docs.tsv
	@: > $(RES)/none.tsv
	@echo "[tests] reference against ours, test by test (build/results/summary.tsv)"
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/summary.tsv \
		$(foreach c,$(CPUS),$(c) $(call REF_RUNS,$(c)) $(call OURS_RUNS,$(c))) \
		any $(RES)/none.tsv $(RES)/style.tsv,$(RES)/docs.tsv,$(RES)/patchset.tsv \
		$(EXTRA_COMPARE)

# The long versions: make soak (not part of check).
soak: build
	@VM_TIMEOUT=7200 $(MAKE) --no-print-directory -j$(VM_JOBS) $(CPUS:%=$(RES)/soak-%.tsv) \
		$(EXTRA_SOAK_RUNS)
	@: > $(RES)/none.tsv
	@echo "[tests] soak: $(SOAK_CYCLES) load/unload cycles under fire per CPU model"
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/soak-summary.tsv \
		$(foreach c,$(CPUS),$(c) $(RES)/none.tsv $(RES)/soak-$(c).tsv) \
		$(EXTRA_SOAK_COMPARE)

# Record the table of sweep_32 on the reference kernel, intel model.
sweep-table: build
	@$(STAGE) boot sweep-table "reference kernel, intel CPU model: every i386 system call number" \
		$(Q)/run-vm.sh $(REF_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ref.cpio \
		intel sweep-record $(LOGS)/sweep-table
	@{ echo "# sweep_32 on $$(cat $(B)/kernel-version.built), plain IA32_EMULATION=y"; \
	   sed -n 's/^sweep: /sweep: /p' $(LOGS)/sweep-table.console | tr -d '\r'; } > $(SWEEP_TABLE)
	@echo "$(SWEEP_TABLE): $$(grep -c '^sweep: ' $(SWEEP_TABLE)) numbers"

demo: build
	@echo "[boot] our kernel, intel CPU model: the demo (log: build/logs/demo.console)"
	@$(Q)/run-vm.sh $(OURS_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ours.cpio \
		intel demo $(LOGS)/demo
	@sed -n '/ia32test: kernel/,/ia32test: done/p' $(LOGS)/demo.console | tr -d '\r'

shell: build
	$(Q)/run-vm.sh $(OURS_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ours.cpio \
		$(or $(CPU),intel) shell /dev/null

clean:
	rm -rf $(B)/results $(B)/logs $(B)/tests $(B)/selftests $(B)/*.cpio \
		$(B)/module-src $(B)/modroot

distclean:
	rm -rf $(B)

FORCE:
