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
export DEBIAN_FRONTEND=noninteractive
missing=
for p in qemu-user-static python3-matplotlib; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	# An index caught in a mirror sync fails the update as a whole; the
	# install below still fails if what it needs is not in the index.
	apt-get update || echo "warning: apt-get update reported errors; going on" >&2
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
# An index of a suite that is not needed here may be caught in a mirror
# sync; the download below fails if the one needed is missing.
apt-get "$@" update || echo "apt-get update: some index failed, going on"
(cd "$debdir" && apt-get "$@" download busybox-static:i386)
rm -rf "$state"
ls -l "$debdir"/busybox-static_*_i386.deb
