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
comma := ,
empty :=
space := $(empty) $(empty)
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
# Depend mode: no preprocessor run per miss (an empty cache costs as much
# as no ccache, instead of 40 % more); the kernel's -MMD gives the
# dependencies.
export CCACHE_DEPEND := 1
KMAKE := $(MAKE) --no-print-directory CC="ccache gcc" HOSTCC="ccache gcc" -j$(JOBS)

CPUS := intel amd
SERIES := $(addprefix patches/,$(shell cat patches/series 2>/dev/null))
# New files of the series, installed into arch/x86/entry/: the kernel's
# (arch-x86-entry/) and the module's (module/, built in tree).
ENTRY_FILES := $(wildcard arch-x86-entry/*.[ch] module/*.c)

TEST_SRCS := $(wildcard tools-testing/tests/*.c)
TEST_NAMES := $(TEST_SRCS:tools-testing/tests/%.c=%)
# Tests built in one bitness only: 64-bit tasks that switch to
# compatibility mode, use INT 0x80 or map the 32-bit vDSO, 32-bit tasks
# that read their vDSO, and x32 programs (-mx32).  EXTRA_name: what a test
# links from the kernel's own selftests.
TESTS_64ONLY := doors int80_args ptrace_nr stress vdso32map ondemand_race ptrace32 core32 \
	int80_flip
TESTS_32ONLY := auxv sysnr sweep compat_net alive door_args sweep_vdso ptrace32_tracee \
	core32_dumper uselib
TESTS_X32 := x32
EXTRA_auxv := $(REF_SRC)/tools/testing/selftests/vDSO/parse_vdso.c
TEST_HDRS := $(wildcard tools-testing/tests/*.h)
# The system call results sweep_32 holds our kernel to, recorded on the
# reference (make sweep-table).
SWEEP_TABLE := tools-testing/tests/sweep.table
# Files that no format loads, for the on-demand tests: an aarch64 ELF (a
# 64-bit one with e_machine EM_AARCH64), an i386 object file with the x
# bit, and the first 20 bytes of an i386 program (plans/ondemand).
FOREIGN := $(addprefix $(B)/tests/foreign_,aarch64 rel32 trunc32)
# The i386 library of uselib_32: ET_EXEC, one PT_LOAD, at 0x5a000000.
USELIB_LIB := $(B)/tests/uselib_lib
TESTS := $(patsubst %,$(B)/tests/%_32,$(filter-out $(TESTS_64ONLY) $(TESTS_X32),$(TEST_NAMES))) \
	$(patsubst %,$(B)/tests/%_64,$(filter-out $(TESTS_32ONLY) $(TESTS_X32),$(TEST_NAMES))) \
	$(patsubst %,$(B)/tests/%_x32,$(TESTS_X32)) \
	$(B)/tests/sweep.table $(FOREIGN) $(USELIB_LIB)
PLANS := $(wildcard tools-testing/plans/*)

# One run = one boot of one kernel on one CPU model with one plan:
# build/results/KIND-CPU.{tsv,tap}, KIND one of
#   ref      reference kernel, the suite
#   refoff   reference kernel booted with ia32_emulation=off, the suite
#   ours     our kernel: the suite without the module, the lifecycle
#            tests, the suite with the module loaded
#   hardlock our kernel booted with ia32_emulation=off
KINDS := ref ours refoff hardlock
RUNS := $(foreach k,$(KINDS),$(foreach c,$(CPUS),$(k)-$(c)))
RUN_TSV := $(RUNS:%=$(RES)/%.tsv)
# The longest of them, started first
LONG_RUNS := $(RES)/ours-intel.tsv $(RES)/ours-amd.tsv
KERNEL_ref := $(REF_OUT)
KERNEL_refoff := $(REF_OUT)
KERNEL_ours := $(OURS_OUT)
KERNEL_hardlock := $(OURS_OUT)
KERNEL_soak := $(OURS_OUT)
PLAN_ref := selftests
PLAN_refoff := selftests
PLAN_ours := ours
PLAN_hardlock := hardlock
PLAN_soak := soak
# Booted with ia32_emulation=off the INT 0x80 vector has no DPL 3 gate:
# the #GP is the CPU's own, with TCG's error code (tools-testing/tests/int80.c).
# On every kernel command line: x32 enabled (CONFIG_X86_X32_DISABLED, as
# Debian builds it), and the error code of the #GP that the CPU raises for
# INT 0x80 through a gate of DPL 0 (what a kernel with IA32 emulation
# disabled has): QEMU TCG reports 0x802, hardware 0x402 (tests/int80.c).
VM_APPEND := syscall.x32=y ia32test.int80_err=0x802
APPEND_refoff := ia32_emulation=off ia32test.prefix=nomod/
APPEND_hardlock := ia32_emulation=off
INITRD_ref := $(B)/initramfs-ref.cpio
INITRD_refoff := $(B)/initramfs-ref.cpio
INITRD_ours := $(B)/initramfs-ours.cpio
INITRD_hardlock := $(B)/initramfs-ours.cpio
INITRD_soak := $(B)/initramfs-ours.cpio
APPEND_soak := ia32test.cycles=$(SOAK_CYCLES) ia32test.race=$(SOAK_CYCLES) ia32test.timeout=2400
SOAK_CYCLES ?= 1000
# The runs that have the suite, and with which prefixes (plans/selftests,
# plans/ours): each must have every selftest of $(SELFTESTS_LIST).
# Under the i386_only policy (policy/) the 32-bit selftests must give
# what they give with IA32 emulation, the 64-bit ones what they give
# without; on the debug kernel (debug/) what the reference gives.
SUITE_ARGS = --expect $(SELFTESTS_LIST) --suite ref= --suite refoff=nomod/ \
	--suite ours=$(comma)nomod/$(comma)policy/ --suite debug=debug/ \
	--like 'policy/(.*_32)=\1' --like 'policy/(.*_64)=nomod/\1' \
	--like 'debug/(.*)=\1'
# The runs each model's comparison takes, reference side and ours.
REF_RUNS = $(RES)/ref-$(1).tsv,$(RES)/refoff-$(1).tsv
OURS_RUNS = $(RES)/ours-$(1).tsv,$(RES)/hardlock-$(1).tsv$(MORE_OURS_RUNS_$(1))

# Parts of the harness in tools-testing/*.mk may add directories to the
# initramfs root (EXTRA_ROOTS), what they need built first
# (EXTRA_INITRAMFS_DEPS) and targets of their own.
# EXTRA_CHECK_BUILD: what make check builds before its runs,
# EXTRA_CHECK_RUNS: more runs for make check, EXTRA_COMPARE what to
# compare them with (LABEL REFERENCE-RUNS OUR-RUNS, as for results.py);
# EXTRA_SOAK_RUNS and EXTRA_SOAK_COMPARE the same for make soak.
EXTRA_ROOTS :=
# Test modules (directories with sources and a Kbuild), built for each
# kernel and installed with its modules.
TEST_MODULES :=
EXTRA_INITRAMFS_DEPS :=
EXTRA_CHECK_BUILD :=
EXTRA_CHECK_RUNS :=
EXTRA_COMPARE :=
EXTRA_SOAK_RUNS :=
EXTRA_SOAK_COMPARE :=
# A run's verdicts are up to date while its kernel, initramfs (the plans
# and tests are in it), command line (the Makefiles) and harness are: a
# second make check with nothing changed only compares (make recheck runs
# everything again).
RUN_INPUTS := $(Q)/run-vm.sh $(Q)/results.py Makefile $(wildcard tools-testing/*.mk)
# Prerequisites that name a run's kernel and initramfs by its kind.
.SECONDEXPANSION:
.DEFAULT_GOAL := all
include $(sort $(wildcard tools-testing/*.mk))

.PHONY: all demo check deps fetch patch configure kernel module selftests \
	tests initramfs style docs patchset patchset-check check recheck soak sweep-table shell clean \
	required-verdicts \
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
# The modules of each kernel, installed with depmod: ours has
# ia32_emulation.ko; both have the test modules of TEST_MODULES
# (tools-testing/*.mk).
$(B)/modroot/.installed: $(OURS_OUT)/arch/x86/boot/bzImage $(TEST_MODULE_FILES)
	@$(STAGE) module module "modules_install and depmod: ia32_emulation.ko, test modules" \
		$(Q)/build-module.sh $(OURS_SRC) $(OURS_OUT) $(B)/modroot $(TEST_MODULES)
	@find $(B)/modroot -name ia32_emulation.ko | grep -q . || \
		{ echo "FAILED: module: no ia32_emulation.ko in build/modroot"; exit 1; }
	@touch $@
$(B)/modroot-ref/.installed: $(REF_OUT)/arch/x86/boot/bzImage $(TEST_MODULE_FILES)
	@$(STAGE) module module-ref "test modules for the reference kernel" \
		$(Q)/build-module.sh $(REF_SRC) $(REF_OUT) $(B)/modroot-ref $(TEST_MODULES)
	@touch $@

# --- tests and initramfs ------------------------------------------------

# SELFTESTS_LIST: every selftest the x86 Makefile of the tree names
# (TARGETS_C_*), which every suite run must have; the stage fails if one
# of them was not built.
SELFTESTS_MK := $(REF_SRC)/tools/testing/selftests/x86/Makefile
SELFTESTS_LIST := $(B)/selftests/expected.list
selftests: $(B)/selftests/.built $(SELFTESTS_LIST)
$(B)/selftests/.built: $(REF_SRC)/.unpacked $(REF_OUT)/arch/x86/boot/bzImage
	@mkdir -p $(B)/selftests
	@$(STAGE) selftests selftests "tools/testing/selftests/x86, static, 32- and 64-bit" \
		$(MAKE) --no-print-directory -C $(REF_SRC)/tools/testing/selftests/x86 -j$(JOBS) \
		OUTPUT=$(B)/selftests CC="gcc -static" \
		KHDR_INCLUDES="-isystem $(REF_OUT)/usr/include"
	@$(STAGE) selftests selftests-list "every selftest of the x86 Makefile built (build/selftests/expected.list)" \
		$(Q)/results.py manifest $(SELFTESTS_MK) $(B)/selftests $(SELFTESTS_LIST)
	@touch $@ $(SELFTESTS_LIST)
# For a build tree from before the list.
$(SELFTESTS_LIST): $(B)/selftests/.built
	@$(STAGE) selftests selftests-list "every selftest of the x86 Makefile built (build/selftests/expected.list)" \
		$(Q)/results.py manifest $(SELFTESTS_MK) $(B)/selftests $@

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
$(eval $(call test_rule,32))
$(eval $(call test_rule,64))
$(eval $(call test_rule,x32))
$(B)/tests/foreign_aarch64: $(B)/tests/hello_64
	@cp $< $@.tmp && printf '\267\000' | dd of=$@.tmp bs=1 seek=18 conv=notrunc status=none && mv $@.tmp $@
$(B)/tests/foreign_rel32: tools-testing/tests/hello.c | $(B)/.deps
	@gcc -m32 -c -o $@ $< && chmod +x $@
$(B)/tests/foreign_trunc32: $(B)/tests/hello_32
	@head -c 20 $< > $@ && chmod +x $@
$(USELIB_LIB): tools-testing/tests/uselib_lib.S | $(B)/.deps
	@gcc -m32 -nostdlib -static -Wl,-z,noseparate-code -Wl,--build-id=none \
		-Wl,-Ttext=0x5a000000 -o $@ $<
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
$(B)/initramfs-ref.cpio: $(INITRAMFS_DEPS) $(B)/modroot-ref/.installed
	@$(STAGE) initramfs initramfs-ref "busybox, selftests, tests, test modules (reference)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(REF_OUT) $(B) $(B)/modroot-ref
$(B)/initramfs-ours.cpio: $(INITRAMFS_DEPS) $(B)/modroot/.installed
	@$(STAGE) initramfs initramfs-ours "busybox, selftests, tests, the module (ours)" \
		env EXTRA_ROOTS="$(EXTRA_ROOTS)" $(Q)/make-initramfs.sh $@ $(OURS_OUT) $(B) $(B)/modroot

# --- runs ---------------------------------------------------------------

kind = $(firstword $(subst -, ,$(1)))
cpu = $(word 2,$(subst -, ,$(1)))

$(RES)/%.tsv: $$(KERNEL_$$(call kind,$$*))/arch/x86/boot/bzImage \
		$$(INITRD_$$(call kind,$$*)) $(RUN_INPUTS)
	@mkdir -p $(RES)
	@$(STAGE) boot vm-$* "$*: $(PLAN_$(call kind,$*)) on the $(call cpu,$*) CPU model, QEMU TCG" \
		$(Q)/run-vm.sh $(KERNEL_$(call kind,$*))/arch/x86/boot/bzImage \
		$(INITRD_$(call kind,$*)) $(call cpu,$*) $(PLAN_$(call kind,$*)) \
		$(LOGS)/vm-$* "$(VM_APPEND) $(APPEND_$(call kind,$*))"
	@$(Q)/results.py parse $(LOGS)/vm-$*.console $(LOGS)/vm-$*.tap > $@
	@$(Q)/results.py tap $@ > $(RES)/$*.tap

# --- quality gates -------------------------------------------------------

# Verdicts of their own (ours/style/...), counted with the tests.
style: $(RES)/style.tsv
$(RES)/style.tsv: $(REF_OUT)/arch/x86/boot/bzImage $(OURS_OUT)/arch/x86/boot/bzImage \
		$(SERIES) $(ENTRY_FILES) $(wildcard tools-testing/tests/*.[ch] tools-testing/bench/*.[ch]) \
		$(Q)/style.sh $(Q)/verdict.sh
	@mkdir -p $(RES)
	@$(STAGE) style style "checkpatch --strict, sparse and W=1 on what we write" \
		$(Q)/style.sh $(REF_SRC) $(REF_OUT) $(OURS_SRC) $(OURS_OUT) $(TOP) $@

# The series for upstream: build/patchset/, and in check its verdicts.
PATCHSET_TREE := $(B)/patchset-tree
patchset: $(OURS_SRC)/.applied
	@$(STAGE) patchset patchset "git format-patch series with a cover letter in build/patchset/" \
		$(Q)/patchset.sh $(OURS_SRC) $(OURS_OUT) $(TOP) $(PATCHSET_TREE) $(B)/patchset
	@ls $(B)/patchset
DOC_FILES := $(shell find Documentation -type f)
$(RES)/patchset.tsv: $(OURS_SRC)/.applied $(OURS_OUT)/.config $(DOC_FILES) \
		$(wildcard tools-testing/patchset/*) $(Q)/patchset.sh $(Q)/verdict.sh
	@mkdir -p $(RES)
	@$(STAGE) patchset patchset "the series for upstream: git am, checkpatch" \
		$(Q)/patchset.sh $(OURS_SRC) $(OURS_OUT) $(TOP) $(PATCHSET_TREE) $(B)/patchset $@

# Bisection: vmlinux and the modules build and link after every patch,
# with IA32_EMULATION_LOADABLE and without, and an i386 kernel, and the
# kernel of each patch before the module boots (plans/bisect, both CPU
# models); not in make check: about twenty minutes, three builds per patch.
patchset-check: $(OURS_OUT)/.config $(B)/initramfs-ours.cpio
	@mkdir -p $(RES)
	@$(STAGE) patchset patchset-check "the series for upstream: git am, checkpatch, build and link after each patch, option on and off, boot each one before the module" \
		env BISECT_INITRD=$(B)/initramfs-ours.cpio BISECT_APPEND="$(VM_APPEND)" \
		$(Q)/patchset.sh $(OURS_SRC) $(OURS_OUT) $(TOP) $(PATCHSET_TREE) $(B)/patchset \
		$(RES)/patchset-check.tsv build
	@: > $(RES)/none.tsv
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/patchset-summary.tsv any $(RES)/none.tsv $(RES)/patchset-check.tsv

# The oracle (results.py) against cases it must reject and one it must
# accept (tools-testing/oracle/): verdicts ours/oracle/...
$(RES)/oracle.tsv: $(shell find tools-testing/oracle -type f) $(Q)/results.py \
		$(Q)/verdict.sh
	@mkdir -p $(RES)
	@$(STAGE) oracle oracle "results.py against synthetic runs it must reject or accept" \
		tools-testing/oracle/run.sh $(Q)/results.py $@

docs: $(RES)/docs.tsv
$(RES)/docs.tsv: $(DOC_FILES) $(ENTRY_FILES) $(wildcard tools-testing/*.rst tools-testing/*/*.rst) \
		$(Q)/docs.sh $(Q)/verdict.sh | $(OURS_SRC)/.applied
	@mkdir -p $(RES)
	@$(STAGE) docs docs "reStructuredText, sysfs ABI and kernel-doc of our documentation" \
		$(Q)/docs.sh $(OURS_SRC) $(TOP) $@

build: kernel module selftests tests initramfs

# Everything is built first, then the runs, the longest first, two at a
# time (VM_JOBS), then the comparison.
check: build $(EXTRA_CHECK_BUILD) $(SELFTESTS_LIST)
	@$(MAKE) --no-print-directory -j$(VM_JOBS) $(LONG_RUNS) $(EXTRA_CHECK_RUNS) \
		$(RUN_TSV) $(RES)/patchset.tsv $(RES)/style.tsv $(RES)/docs.tsv $(RES)/oracle.tsv
	@: > $(RES)/none.tsv
	@echo "[tests] reference against ours, test by test (build/results/summary.tsv)"
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/summary.tsv $(SUITE_ARGS) --require $(REQUIRED) \
		$(foreach c,$(CPUS),$(c) $(call REF_RUNS,$(c)) $(call OURS_RUNS,$(c))) \
		any $(RES)/none.tsv $(RES)/style.tsv,$(RES)/docs.tsv,$(RES)/patchset.tsv,$(RES)/oracle.tsv \
		$(EXTRA_COMPARE)

# The verdicts each kind of run must give, from the runs of the last make
# check (review the diff before committing it: a line that goes away is a
# test that no longer runs).
REQUIRED := tools-testing/required-verdicts.txt
REQUIRED_RUNS = $(foreach c,$(CPUS),$(RES)/ref-$(c).tsv $(RES)/refoff-$(c).tsv \
	$(RES)/ours-$(c).tsv $(RES)/hardlock-$(c).tsv) $(EXTRA_CHECK_RUNS) \
	$(RES)/style.tsv $(RES)/docs.tsv $(RES)/patchset.tsv $(RES)/oracle.tsv \
	$(wildcard $(DEBUG_RUNS))
required-verdicts:
	$(Q)/results.py required $(REQUIRED_RUNS) > $(REQUIRED)

# make check again, every run and gate anew.
recheck:
	rm -f $(RES)/*.tsv $(RES)/*.tap
	@$(MAKE) --no-print-directory check

# The long versions: make soak (not part of check).
soak: build
	@VM_TIMEOUT=7200 $(MAKE) --no-print-directory -j$(VM_JOBS) $(CPUS:%=$(RES)/soak-%.tsv) \
		$(EXTRA_SOAK_RUNS)
	@: > $(RES)/none.tsv
	@echo "[tests] soak: $(SOAK_CYCLES) load/unload cycles under fire per CPU model"
	@$(Q)/results.py compare --known tools-testing/known-reference-failures.tsv \
		--summary $(RES)/soak-summary.tsv --like 'debug/(.*)=\1' --through-like \
		$(foreach c,$(CPUS),$(c) $(RES)/none.tsv $(RES)/soak-$(c).tsv) \
		$(EXTRA_SOAK_COMPARE)

# Record the table of sweep_32 on the reference kernel, intel model.
sweep-table: build
	@$(STAGE) boot sweep-table "reference kernel, intel CPU model: every i386 system call number" \
		$(Q)/run-vm.sh $(REF_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ref.cpio \
		intel sweep-record $(LOGS)/sweep-table "$(VM_APPEND)"
	@{ echo "# sweep_32 on $$(cat $(B)/kernel-version.built), plain IA32_EMULATION=y"; \
	   sed -n 's/^sweep: /sweep: /p' $(LOGS)/sweep-table.console | tr -d '\r'; } > $(SWEEP_TABLE)
	@echo "$(SWEEP_TABLE): $$(grep -c '^sweep: ' $(SWEEP_TABLE)) numbers"

demo: build
	@echo "[boot] our kernel, intel CPU model: the demo (log: build/logs/demo.console)"
	@$(Q)/run-vm.sh $(OURS_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ours.cpio \
		intel demo $(LOGS)/demo "$(VM_APPEND)"
	@sed -n '/ia32test: kernel/,/ia32test: done/p' $(LOGS)/demo.console | tr -d '\r'

shell: build
	$(Q)/run-vm.sh $(OURS_OUT)/arch/x86/boot/bzImage $(B)/initramfs-ours.cpio \
		$(or $(CPU),intel) shell /dev/null "$(VM_APPEND)"

clean:
	rm -rf $(B)/results $(B)/logs $(B)/tests $(B)/selftests $(B)/*.cpio \
		$(B)/modroot*

distclean:
	rm -rf $(B)

FORCE:
