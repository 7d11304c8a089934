#!/bin/sh
# deps.sh
# What make distro-check needs beyond make's own dependencies
# (qemu/install-deps.sh): Debian's kernel configuration, linux-config-6.12,
# at the version of the linux-source-6.12 the kernels are built from;
# debootstrap for the test system; debhelper, which the kernel's own
# bindeb-pkg names in its Build-Depends; e2fsprogs for mkfs.ext4 -d.
set -eu
top=$(dirname "$0")/../..
# shellcheck source=tools-testing/qemu/apt.sh
. "$top/tools-testing/qemu/apt.sh"
src=$(dpkg-query -W -f='${Version}' linux-source-6.12)
pkgs="debootstrap debhelper e2fsprogs"
# shellcheck disable=SC2086
missing=$(apt_missing $pkgs)
have=$(dpkg-query -W -f='${Version}' linux-config-6.12 2>/dev/null || true)
if [ -z "$missing" ] && [ "$have" = "$src" ]; then
	echo "all distro-check dependencies present (linux-config-6.12 $have)"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt_update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing "linux-config-6.12=$src"
