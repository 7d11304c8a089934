#!/bin/sh
# build.sh ROOT DEBDIR: stage in ROOT/bench/ what the benchmark VMs run,
# for make-initramfs.sh to merge into their root (EXTRA_ROOTS): our
# programs, static, in the bitnesses the plans use; qemu-i386; Debian's
# static i386 busybox; the plans' shell functions.
set -eu
root=$1 debdir=$2
dir=$(cd "$(dirname "$0")" && pwd)
rm -rf "$root"
mkdir -p "$root/bench"
for p in door_32 door_64 run_64 true_32 true_64 kmod_64 work_32; do
	src=$dir/${p%_*}.c
	echo "gcc -m${p##*_} -static -O2 $src -o $p"
	gcc -m"${p##*_}" -static -O2 -Wall -Werror -o "$root/bench/$p" "$src"
done
cp /usr/bin/qemu-i386-static "$root/bench/qemu-i386"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for deb in "$debdir"/busybox-static_*_i386.deb; do
	dpkg-deb -x "$deb" "$tmp"
done
cp "$tmp/bin/busybox" "$root/bench/busybox-i386"
cp "$dir/lib.sh" "$root/bench/lib.sh"
ls -l "$root/bench"
