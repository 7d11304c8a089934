#!/bin/sh
# mkroot.sh TARBALL
# A Debian 12 amd64 root as an administrator would have it, in TARBALL
# (a tar of the whole tree): debootstrap from the mirror apt uses, with
# systemd as init, udev, kmod, initramfs-tools and the tools the tests
# read the module with (modinfo, systool), the i386 architecture added
# to dpkg and a few i386 packages from the archive.  No kernel: each run
# installs its own package into a copy (root.sh).
# The tarball is kept outside build/ (see distro.mk) so that make clean
# and make distclean do not cost a second debootstrap.
set -eu
out=$1
suite=bookworm
# Minbase plus what a bootable systemd system needs (dbus for logind,
# e2fsprogs for the root's fsck, zstd for initramfs-tools' default
# compression), and the tools of the tests.
include=systemd-sysv,udev,kmod,dbus,e2fsprogs,initramfs-tools,zstd,procps,sysfsutils,perl-base
# The i386 programs: hello, and python3.11 (not installed for amd64, so
# the i386 one is the system's python3.11).  libc6:i386 comes with them,
# at the version of the amd64 libc6 (Multi-Arch: same).
i386="libc6:i386 hello:i386 python3.11:i386"

# The mirror apt is configured with (deb822 sources first, then the
# one-line format), unless DISTRO_MIRROR says otherwise: the machine
# reaches no other.
mirror=${DISTRO_MIRROR:-}
if [ -z "$mirror" ]; then
	mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }')
fi
if [ -z "$mirror" ]; then
	mirror=$(awk '$1 == "deb" && $3 == "'$suite'" { print $2; exit }' \
		/etc/apt/sources.list 2>/dev/null || true)
fi
[ -n "$mirror" ] || { echo "mkroot.sh: no Debian mirror in apt's sources" >&2; exit 1; }
echo "mirror: $mirror"

tmp=$out.tmp.d
rm -rf "$tmp"
mkdir -p "$tmp"
debootstrap --variant=minbase --include="$include" "$suite" "$tmp" "$mirror"

# shellcheck disable=SC2016 # expanded by the inner shell
# Inside the root, in a mount namespace of its own: /proc for apt and
# the maintainer scripts, gone with the namespace whatever happens.
unshare -m --propagation private sh -eu -c '
	root=$1 pkgs=$2
	mount -t proc proc "$root/proc"
	chroot "$root" dpkg --add-architecture i386
	chroot "$root" apt-get -q update
	# shellcheck disable=SC2086 # a list of packages
	DEBIAN_FRONTEND=noninteractive chroot "$root" \
		apt-get -q install -y --no-install-recommends $pkgs
	chroot "$root" apt-get clean
	umount "$root/proc"
' mkroot "$tmp" "$i386"

# A system of its own: root on the virtio disk, no password on the
# serial console (make distro-shell), a name, the machine id made on
# first boot.
echo "/dev/vda / ext4 rw,errors=remount-ro 0 1" >"$tmp/etc/fstab"
echo ia32-distro >"$tmp/etc/hostname"
chroot "$tmp" passwd -qd root
: >"$tmp/etc/machine-id"
rm -f "$tmp/var/lib/dbus/machine-id"
# shellcheck disable=SC2016 # dpkg-query's format
chroot "$tmp" dpkg-query -W -f='${Package}:${Architecture} ${Version}\n' >"$out.versions"
tar -C "$tmp" --numeric-owner -cf "$out.tmp" .
mv "$out.tmp" "$out"
rm -rf "$tmp"
echo "root: $(du -sh "$out" | cut -f1), $(wc -l <"$out.versions") packages"
