#!/bin/sh
# build-module.sh SRC OUT MODROOT [TESTMOD...]
# Install a kernel's modules (ours: ia32_emulation.ko, built in tree from
# module/, see apply-series.sh) under MODROOT with depmod, as a
# distribution would, so that modprobe and request_module work; build each
# TESTMOD directory (a test module's sources and Kbuild) out of tree
# against the kernel and install it too (under extra/).
set -eu
src=$1 out=$2 modroot=$3
shift 3
rm -rf "$modroot"
mkdir -p "$modroot"
make -C "$src" O="$out" INSTALL_MOD_PATH="$modroot" modules_install
for dir in "$@"; do
	build=$modroot.build/${dir##*/}
	rm -rf "$build"
	mkdir -p "$build"
	cp "$dir"/* "$build"/
	make -C "$out" M="$build" CC="ccache gcc" modules
	make -C "$out" M="$build" INSTALL_MOD_PATH="$modroot" modules_install
done
release=$(cat "$out/include/config/kernel.release")
depmod -b "$modroot" "$release"
find "$modroot" -name '*.ko' | sed "s|^$modroot||"
