#!/bin/sh
# kmod-root.sh DIR: stage Debian's kmod (modprobe, rmmod, insmod, lsmod,
# modinfo) in DIR for the test VM's initramfs, with the shared libraries
# it links, so that the VM loads modules as a Debian system does:
# modprobe.d's blacklist, options and install, and request_module().
# busybox --install leaves these links alone.
set -eu
dir=$1
bin=/bin/kmod
rm -rf "$dir"
mkdir -p "$dir/bin" "$dir/sbin"
cp "$bin" "$dir/bin/kmod"
for lib in $(ldd "$bin" | sed -n 's|.* => \(/[^ ]*\) .*|\1|p; s|^[[:space:]]*\(/[^ ]*\) .*|\1|p'); do
	mkdir -p "$dir${lib%/*}"
	cp -L "$lib" "$dir$lib"
done
for tool in modprobe rmmod insmod lsmod modinfo; do
	ln -s /bin/kmod "$dir/sbin/$tool"
done
dpkg-query -W -f='kmod ${Version}\n' kmod
find "$dir" | sort
