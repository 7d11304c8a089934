#!/bin/bash
# report.sh DISTRO LOGS
# What make distro-check measured, after its verdicts: each package (its
# size, the modules it holds, where ia32_emulation.ko is), each trimmed
# configuration (config-check.py's report), the systemd boot time of
# each run as systemd-analyze gave it in the VM, and the time of each
# stage of distro-check (the last time each ran, from stages.log).
set -eu
d=$1 logs=$2
for kind in ref ours; do
	deb=$(grep '/linux-image-' "$d/pkg-$kind/debs")
	mods=$(dpkg-deb -c "$deb" | grep -c '\.ko\(\.xz\)\?$')
	ia32=$(dpkg-deb -c "$deb" | awk '/ia32_emulation\.ko/ { print substr($6, 2) }')
	inst=$(dpkg-deb -f "$deb" Installed-Size)
	echo "package ($kind): ${deb##*/}: $(($(stat -c %s "$deb") / 1024)) KiB, installed $((inst / 1024)) MiB, $mods modules${ia32:+, $ia32}"
	# Debian's own package (the reference, DISTRO_REF=debian): its
	# configuration is Debian's, untrimmed.
	[ -f "$d/kernel-$kind/config-report.txt" ] || continue
	sed -n '2p;4p' "$d/kernel-$kind/config-report.txt" | sed "s/^/config ($kind): /"
done
for tap in "$logs"/distro-{ref,ours}-*.tap; do
	[ -f "$tap" ] || continue
	run=${tap##*/}
	echo "boot (${run%.tap}): $(sed -n 's/^# boot: //p' "$tap" | tr -d '\r')"
done
echo "stage times (s), the last run of each:"
awk '$2 ~ /^distro-/ { t[$2] = $5; rc[$2] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
	END { for (i = 1; i <= n; i++) printf "  %-28s %5d  exit %s\n", order[i], t[order[i]], rc[order[i]] }' "$logs/stages.log" |
	tr -d ','
