#!/bin/sh
# kconfig.sh SRC OUT DEBIAN_CONFIG LSMOD LOCALVERSION FRAGMENT...
# (environment: DISTRO_SIGNING_KEY, the modules' signing key)
# The configuration of a Debian-config kernel in OUT: Debian's own
# (DEBIAN_CONFIG, from the linux-config-6.12 package), the fragments
# merged onto it (distro.config, and for our kernel Kconfig.fragment),
# then trimmed by localmodconfig to the modules listed in LSMOD (lsmod
# output of the test system).  config-check.py then fails when a
# fragment's option did not stick, or when a =y of Debian's config is
# lost for any reason but a fragment's or a trimmed module it needs.
set -eu
src=$1 out=$2 debconf=$3 lsmod=$4 localversion=$5
shift 5
here=$(dirname "$0")
mkdir -p "$out"
# make -C changes directory: every path absolute.
src=$(realpath "$src") out=$(realpath "$out") lsmod=$(realpath "$lsmod")
case $debconf in
*.xz) xz -dc "$debconf" ;;
*) cat "$debconf" ;;
esac >"$out/debian.config"
cp "$out/debian.config" "$out/.config"
"$src/scripts/config" --file "$out/.config" --set-str LOCALVERSION "$localversion"
# The modules' signing key: one per machine, not one per build tree
# (signing-key.sh).
[ -z "${DISTRO_SIGNING_KEY:-}" ] ||
	"$src/scripts/config" --file "$out/.config" --set-str MODULE_SIG_KEY "$DISTRO_SIGNING_KEY"
for f in "$@"; do
	set -- "$@" "$(realpath "$f")"
	shift
done
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$@"
make -C "$src" O="$out" olddefconfig
cp "$out/.config" "$out/untrimmed.config"
# localmodconfig asks about nothing after olddefconfig; the empty
# answers are there in case a trimmed module leaves a prompt.
yes '' | make -C "$src" O="$out" LSMOD="$lsmod" localmodconfig >/dev/null
make -C "$src" O="$out" olddefconfig
python3 "$here/config-check.py" "$src" "$out" "$out/debian.config" "$lsmod" "$@"
