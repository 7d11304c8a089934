# SPDX-License-Identifier: GPL-2.0
#
# The i386 ABI beyond the doors: our tests of ptrace, core dumps, seccomp,
# the arguments through every door and the system call sweep through the
# vDSO (tests/ptrace32*.c, core32*.c, seccomp_arch.c, door_args.c,
# sweep_vdso.c; plans/owntests-ia32abi), and the kernel's own seccomp
# selftest (plans/owntests-seccomp).

# tools/testing/selftests/seccomp/seccomp_bpf of the reference tree,
# static, 32- and 64-bit, in /seccomp of the initramfs.  It links libcap:
# Debian's libcap-dev of both architectures is downloaded with apt-get
# download (checked against the signed index) and unpacked under
# build/seccomp-libcap, nothing installed.  seccomp_benchmark is left
# out: about 100 s on a fast host, far longer under TCG, and its verdict
# compares timings.
SECCOMP_SRC := $(REF_SRC)/tools/testing/selftests/seccomp
SECCOMP_CAP := $(B)/seccomp-libcap
SECCOMP_OBJ := $(B)/seccomp-obj
SECCOMP_ROOT := $(B)/seccomp-root
EXTRA_ROOTS += $(SECCOMP_ROOT)
EXTRA_INITRAMFS_DEPS += $(B)/seccomp-root.stamp

# The i386 part of the index may be missing: add the architecture and
# update, as qemu/i386-root.sh does; a stale index gives a 404, so
# update once and try again.
$(SECCOMP_CAP)/.unpacked: | $(B)/.deps
	@$(STAGE) selftests seccomp-libcap "Debian's libcap-dev, amd64 and i386, for static linking" \
		sh -c 'set -e; rm -rf $(SECCOMP_CAP); mkdir -p $(SECCOMP_CAP)/debs; \
		if ! dpkg --print-foreign-architectures | grep -qx i386; then \
			dpkg --add-architecture i386; apt-get update || true; fi; \
		chown _apt $(SECCOMP_CAP)/debs 2>/dev/null || true; \
		cd $(SECCOMP_CAP)/debs; \
		apt-get download libcap-dev:amd64 libcap-dev:i386 || \
			{ apt-get update || true; apt-get download libcap-dev:amd64 libcap-dev:i386; }; \
		for f in *.deb; do \
			dpkg-deb -x "$$f" "../$$(dpkg-deb -f "$$f" Architecture)"; \
			dpkg-deb -f "$$f" Package Version Architecture | \
				sed "s/^[^:]*: //" | paste -sd " "; \
		done > ../versions'
	@touch $@

# seccomp_bpf_BITS: lib.mk's rule, with the reference's headers and the
# libcap of the bitness.
seccomp_arch_32 := i386
seccomp_arch_64 := amd64
seccomp_lib_32 := i386-linux-gnu
seccomp_lib_64 := x86_64-linux-gnu
define seccomp_rule
$(SECCOMP_OBJ)/$(1)/seccomp_bpf: $(B)/selftests/.built $(SECCOMP_CAP)/.unpacked \
		$(SECCOMP_SRC)/seccomp_bpf.c
	@mkdir -p $(SECCOMP_OBJ)/$(1)
	@$(STAGE) selftests seccomp-$(1) "tools/testing/selftests/seccomp: seccomp_bpf, static, $(1)-bit" \
		$(MAKE) --no-print-directory -C $(SECCOMP_SRC) OUTPUT=$(SECCOMP_OBJ)/$(1) \
		CC="gcc -m$(1) -static" \
		KHDR_INCLUDES="-isystem $(REF_OUT)/usr/include -isystem $(SECCOMP_CAP)/$(seccomp_arch_$(1))/usr/include" \
		LDLIBS="-L$(SECCOMP_CAP)/$(seccomp_arch_$(1))/usr/lib/$(seccomp_lib_$(1)) -lcap" \
		$(SECCOMP_OBJ)/$(1)/seccomp_bpf
endef
$(eval $(call seccomp_rule,32))
$(eval $(call seccomp_rule,64))

$(B)/seccomp-root.stamp: $(SECCOMP_OBJ)/32/seccomp_bpf $(SECCOMP_OBJ)/64/seccomp_bpf
	@rm -rf $(SECCOMP_ROOT)
	@mkdir -p $(SECCOMP_ROOT)/seccomp
	@cp $(SECCOMP_OBJ)/32/seccomp_bpf $(SECCOMP_ROOT)/seccomp/seccomp_bpf_32
	@cp $(SECCOMP_OBJ)/64/seccomp_bpf $(SECCOMP_ROOT)/seccomp/seccomp_bpf_64
	@touch $@
