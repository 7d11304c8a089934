#!/bin/bash
# lsmod.sh ROOT_TAR X32HELLO WORKDIR LIST LOGPREFIX
# Record the modules the test system loads, for localmodconfig (make
# distro-lsmod): the system of make distro-check with Debian's own
# kernel (linux-image-<version>+deb12-amd64, the package built from the
# same source version as linux-source-6.12, with every module Debian
# builds), booted on both CPU models, running the tests of every kernel
# (the tests of our kernel alone need no module but ours).  Each boot
# prints lsmod on the TAP port at the end; LIST gets the union, in
# lsmod's format, which is what localmodconfig's LSMOD= reads.
set -eu
tar=$1 x32=$2 work=$3 list=$4 logs=$5
here=$(cd "$(dirname "$0")" && pwd)
version=$(dpkg-query -W -f='${Version}' linux-source-6.12)
release=${version%%-*}+deb12-amd64
"$here/debian-image.sh" "$work/stock"
# shellcheck disable=SC2046 # one path per line, no blanks
"$here/root.sh" "$tar" "$work/disk-stock" stock "$x32" $(cat "$work/stock/debs")
for cpu in intel amd; do
	"$here/run.sh" "$work/disk-stock" $cpu "$logs-$cpu" ia32distro.mode=lsmod &
done
wait
for cpu in intel amd; do
	tap=$logs-$cpu.tap
	if grep -q '^not ok' "$tap" || ! grep -q '^# lsmod end' "$tap"; then
		echo "lsmod.sh: the run on the $cpu model failed, see $tap" >&2
		exit 1
	fi
	echo "$cpu: $(sed -n '/^# lsmod begin/,/^# lsmod end/p' "$tap" | grep -vc '^#\|^Module ') modules"
done
{
	echo "Module                  Size  Used by"
	for cpu in intel amd; do
		sed -n '/^# lsmod begin/,/^# lsmod end/p' "$logs-$cpu.tap" |
			grep -v '^#\|^Module '
	done | sort -u -k1,1
} | tr -d '\r' >"$list"
echo "$list: $(($(wc -l <"$list") - 1)) modules, by Debian's $release"
