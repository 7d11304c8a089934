#!/bin/sh
# Install, from Debian's archive, what building and testing needs.
# Only packages that are missing are installed; the kernel source is the
# version recorded in kernel-version when the archive still has it.
set -eu
top=$(dirname "$0")/../..
want=$(cat "$top/kernel-version")
pkgs="build-essential gcc-multilib flex bison bc cpio kmod libelf-dev libssl-dev
xz-utils rsync ccache sparse git python3 python3-docutils python3-ply python3-git
qemu-system-x86
busybox-static trinity
linux-source-6.12"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing="$missing $p"
done
have=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || true)
if [ -z "$missing" ] && [ "$have" = "$want" ]; then
	echo "all build dependencies present"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# An index caught in a mirror sync fails the update as a whole; the
# install below still fails if what it needs is not in the index.
apt-get update || echo "warning: apt-get update reported errors; going on" >&2
src=linux-source-6.12
if apt-cache madison linux-source-6.12 | grep -q " $want "; then
	src="linux-source-6.12=$want"
else
	echo "warning: linux-source-6.12 $want is no longer in the archive; using the newest" >&2
fi
missing=$(echo "$missing" | sed 's/ linux-source-6.12//')
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $missing "$src"
