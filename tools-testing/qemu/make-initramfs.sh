#!/bin/sh
# make-initramfs.sh OUT.cpio KERNEL_OUT BUILD [MODROOT]
# Stage busybox, the init, the plans, the selftests and our tests (and the
# installed modules) in a directory and pack it with the kernel's own
# usr/gen_initramfs.sh.
set -eu
cpio=$1 kout=$2 b=$3 modroot=${4:-}
q=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$q/../.." && pwd)
root=${cpio%.cpio}.root
rm -rf "$root"
mkdir -p "$root/bin" "$root/selftests" "$root/tests" "$root/plans" "$root/etc"
cp /bin/busybox "$root/bin/busybox"
cp "$q/init" "$root/init"
cp "$top"/tools-testing/plans/* "$root/plans/"
find "$b/selftests" -maxdepth 1 -type f \( -name '*_32' -o -name '*_64' \) \
	-exec cp {} "$root/selftests/" \;
cp "$b"/tests/* "$root/tests/"
if [ -n "$modroot" ] && [ -d "$modroot/lib" ]; then
	cp -a "$modroot/lib" "$root/"
fi
# $EXTRA_ROOTS: more directories merged into the root (tools-testing/*.mk)
for d in ${EXTRA_ROOTS:-}; do
	cp -a "$d/." "$root/"
done
if [ -d "$top/tools-testing/etc" ]; then
	cp -a "$top/tools-testing/etc/." "$root/etc/"
fi
src=$(readlink -f "$kout/source")
cd "$kout"
sh "$src/usr/gen_initramfs.sh" -o "$cpio" -u 0 -g 0 "$root"
ls -l "$cpio"
