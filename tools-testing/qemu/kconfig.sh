#!/bin/sh
# kconfig.sh SRC OUT FRAGMENT...
# tinyconfig, merged with the fragments, olddefconfig; then check that
# every option the fragments ask for is really set, and fail loudly when
# Kconfig dropped one (a missing dependency).
set -eu
src=$1 out=$2
shift 2
mkdir -p "$out"
make -C "$src" O="$out" tinyconfig
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$@"
make -C "$src" O="$out" olddefconfig
bad=0
n=0
for frag in "$@"; do
	n=$((n + 1))
	# The fragments merged after this one override it, as in
	# merge_config.sh.
	later='' i=0
	for f in "$@"; do
		i=$((i + 1))
		[ "$i" -gt "$n" ] && later="$later $f"
	done
	grep -E '^(CONFIG_|# CONFIG_[A-Z0-9_]+ is not set)' "$frag" | while read -r line; do
		opt=${line#'# '}
		opt=${opt%%[= ]*}
		for f in $later; do
			grep -qE "^($opt=|# $opt is not set)" "$f" && continue 2
		done
		case "$line" in
		'# CONFIG_'*)
			if grep -q "^$opt=" "$out/.config"; then
				echo "Kconfig: $opt is set but ${frag##*/} asks for it off"
				exit 1
			fi
			;;
		*)
			if ! grep -qxF "$line" "$out/.config"; then
				opt=${line%%=*}
				have=$(grep -E "^$opt=|^# $opt is not set" "$out/.config" || echo "absent")
				echo "Kconfig: ${frag##*/} asks for $line, .config has: $have"
				exit 1
			fi
			;;
		esac
	done || bad=1
done
if [ "$bad" != 0 ]; then
	echo "kconfig.sh: Kconfig dropped options asked for (see above)" >&2
	exit 1
fi
echo "all requested options are set"
