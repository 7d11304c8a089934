#!/bin/sh
# Install, from Debian's archive, what building and testing needs.
# Only packages that are missing are installed; the kernel source is the
# version recorded in kernel-version when the archive still has it, and
# Debian's own kernel configurations (linux-config-6.12) of the same
# version.
set -eu
top=$(dirname "$0")/../..
# shellcheck source=tools-testing/qemu/apt.sh
. "$top/tools-testing/qemu/apt.sh"
want=$(cat "$top/kernel-version")
pkgs="build-essential gcc-multilib libc6-dev-x32 flex bison bc cpio kmod libelf-dev libssl-dev
xz-utils rsync ccache sparse git python3 python3-docutils python3-ply python3-git
qemu-system-x86
busybox-static trinity
linux-source-6.12 linux-config-6.12"
# shellcheck disable=SC2086
missing=$(apt_missing $pkgs)
have=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || true)
cfg=$(dpkg-query -W -f='${Version}' linux-config-6.12 2>/dev/null || true)
if [ -z "$missing" ] && [ "$have" = "$want" ] && [ "$cfg" = "$want" ]; then
	echo "all build dependencies present"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt_update
src="linux-source-6.12 linux-config-6.12"
if apt-cache madison linux-source-6.12 | grep -q " $want "; then
	src="linux-source-6.12=$want linux-config-6.12=$want"
else
	echo "warning: linux-source-6.12 $want is no longer in the archive; using the newest" >&2
fi
missing=$(echo "$missing" | sed 's/ linux-source-6.12//; s/ linux-config-6.12//')
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing $src
