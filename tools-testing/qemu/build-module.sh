#!/bin/sh
# build-module.sh OURS_SRC OURS_OUT STAGING MODROOT TOP
# Install our kernel's modules and the out-of-tree ia32_emulation module
# (module/ and fs-binfmt/ gathered in STAGING) under MODROOT, with depmod,
# as a distribution would, so that modprobe and request_module work.
set -eu
src=$1 out=$2 staging=$3 modroot=$4 top=$5
rm -rf "$modroot"
mkdir -p "$modroot"
make -C "$src" O="$out" INSTALL_MOD_PATH="$modroot" modules_install
if [ ! -f "$top/module/Kbuild" ]; then
	echo "no module/Kbuild: nothing more to build"
	exit 0
fi
rm -rf "$staging"
mkdir -p "$staging"
cp "$top"/module/* "$staging"/
cp "$top"/fs-binfmt/* "$staging"/ 2>/dev/null || true
# W=1 and sparse (C=1): any warning fails the build.
log=$staging/build.log
make -C "$out" M="$staging" W=1 C=1 CC="ccache gcc" modules > "$log" 2>&1 ||
	{ cat "$log"; exit 1; }
cat "$log"
# (make's own "jobserver unavailable" notice is not a compiler warning)
if grep -E 'warning:|error:' "$log" | grep -v 'jobserver unavailable'; then
	echo "FAILED: W=1 or sparse warnings in the module (above)"
	exit 1
fi
make -C "$out" M="$staging" INSTALL_MOD_PATH="$modroot" modules_install
release=$(cat "$out/include/config/kernel.release")
depmod -b "$modroot" "$release"
find "$modroot" -name '*.ko' | sed "s|^$modroot||"
