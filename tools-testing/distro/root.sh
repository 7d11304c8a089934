#!/bin/sh
# root.sh ROOT_TAR OUT KIND X32HELLO DEB...
# The disk of one kernel's test system in OUT: the cached Debian root
# (mkroot.sh) unpacked, the kernel package(s) DEB... installed in it with
# dpkg -i (whose hooks, from initramfs-tools, make the initramfs in
# /boot), the tests and their units, then written to OUT/disk.img with
# mkfs.ext4 -d: no loop device, no mount of the image.  The VM boots
# the kernel and initramfs the package installed, OUT/vmlinuz and
# OUT/initrd.img copied out of the root's /boot.
set -eu
tar=$1 out=$2 kind=$3 x32=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
root=$out/root
rm -rf "$out"
mkdir -p "$root"
tar -C "$root" -xf "$tar"

mkdir -p "$root/var/tmp/debs"
cp "$@" "$root/var/tmp/debs/"
# In a mount namespace of its own: /proc for dpkg and the hooks, gone
# with the namespace whatever happens.
# shellcheck disable=SC2016 # expanded by the inner shell
unshare -m --propagation private sh -eu -c '
	mount -t proc proc "$1/proc"
	chroot "$1" sh -c "dpkg -i /var/tmp/debs/*.deb"
	umount "$1/proc"
' root.sh "$root"
rm -rf "$root/var/tmp/debs"

lib=$root/usr/local/lib/ia32-distro
mkdir -p "$lib"
install -m 755 "$here/vm/test.sh" "$here/vm/native-child.sh" "$x32" "$lib/"
install -m 644 "$here/vm/workout.py" "$lib/"
install -m 644 "$here/vm/ia32-distro-test.service" "$here/vm/ia32-sleeper.service" \
	"$here/vm/ia32-native.service" "$root/etc/systemd/system/"
chroot "$root" systemctl enable ia32-distro-test.service
# A machine id of its own, so that the boot is not systemd's first boot.
chroot "$root" systemd-machine-id-setup

release=$(cd "$root/lib/modules" && ls)
[ "$(echo "$release" | wc -w)" = 1 ] || { echo "root.sh: want one kernel, have: $release" >&2; exit 1; }
cp "$root/boot/vmlinuz-$release" "$out/vmlinuz"
cp "$root/boot/initrd.img-$release" "$out/initrd.img"
echo "$release" >"$out/release"
dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Package} ${Version} ${Installed-Size}\n' \
	"linux-image-$release" >"$out/package"
echo "$kind" >"$out/kind"

# The image: what the root holds and room to spare (the journal, the
# tests' files).
size=$(($(du -sm "$root" | cut -f1) + 512))
mkfs.ext4 -q -F -L debian -d "$root" "$out/disk.img" "${size}M"
rm -rf "$root"
echo "$out/disk.img: ${size} MiB, kernel $release ($(cat "$out/package")), initramfs $(du -h "$out/initrd.img" | cut -f1)"
