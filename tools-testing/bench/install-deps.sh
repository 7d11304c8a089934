#!/bin/sh
# install-deps.sh DEBDIR: what make bench needs besides make's own
# dependencies, from Debian's archive:
# - qemu-user-static, for /usr/bin/qemu-i386-static, copied into the VM;
# - python3-matplotlib, for the chart;
# - busybox-static of the i386 architecture, the real 32-bit program the
#   benchmark runs: its .deb is downloaded into DEBDIR (once) with a
#   private package list, so that the machine's apt and dpkg set-up
#   (architectures, lists) stays as it is.
set -eu
debdir=$1
# shellcheck source=tools-testing/qemu/apt.sh
. "$(dirname "$0")/../qemu/apt.sh"
export DEBIAN_FRONTEND=noninteractive
missing=$(apt_missing qemu-user-static python3-matplotlib)
if [ -n "$missing" ]; then
	apt_update
	# shellcheck disable=SC2086
	apt-get install -y --no-install-recommends $missing
fi
if ls "$debdir"/busybox-static_*_i386.deb >/dev/null 2>&1; then
	echo "have $(ls "$debdir"/busybox-static_*_i386.deb)"
	exit 0
fi
state=$debdir/apt
rm -rf "$state"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
set -- -o APT::Architecture=i386 -o APT::Architectures=i386 \
	-o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" \
	-o APT::Sandbox::User=root
apt_update "$@"
(cd "$debdir" && apt-get "$@" download busybox-static:i386)
rm -rf "$state"
ls -l "$debdir"/busybox-static_*_i386.deb
