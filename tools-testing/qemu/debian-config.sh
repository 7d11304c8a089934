#!/bin/sh
# debian-config.sh SRC OUT DEBIAN_CONFIG FRAGMENT VERDICTS
# What a distribution does with Kconfig.fragment: Debian's own amd64
# configuration (DEBIAN_CONFIG, from linux-config-6.12) with FRAGMENT
# merged onto it by merge_config.sh, then olddefconfig, in the tree SRC
# with the series applied (OUT: a configuration directory, nothing is
# built).  Each option below must come out as Debian ships it or as the
# fragment asks: IA32 emulation loadable beside the x32 ABI (disabled at
# boot, syscall.x32=y enables it) and Xen PV, which Debian builds in.
set -u
src=$1 out=$2 debconf=$3 frag=$4
VERDICTS=$5
here=$(dirname "$0")
# shellcheck source=tools-testing/qemu/verdict.sh
. "$here/verdict.sh"
mkdir -p "$out"
src=$(realpath "$src") out=$(realpath "$out") frag=$(realpath "$frag")
: >"$VERDICTS"
log=$out/log
{
	xz -dc "$debconf" >"$out/.config" &&
		"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$frag" &&
		make -C "$src" O="$out" olddefconfig
} >"$log" 2>&1
verdict ours/debian-config/olddefconfig "$log" $?
for opt in IA32_EMULATION=y IA32_EMULATION_LOADABLE=y \
	"IA32_EMULATION_DEFAULT_DISABLED is not set" X86_X32_ABI=y \
	X86_X32_DISABLED=y XEN_PV=y COMPAT_BINFMT_ELF=y MODULE_UNLOAD=y; do
	case $opt in
	*" is not set") line="# CONFIG_$opt" name=${opt%% *}=n ;;
	*) line=CONFIG_$opt name=$opt ;;
	esac
	if grep -qx "$line" "$out/.config"; then
		: >"$out/opt.log"
	else
		echo "want \"$line\", have: $(grep "CONFIG_${opt%%[= ]*}[= ]" "$out/.config" || echo nothing)" >"$out/opt.log"
	fi
	verdict "ours/debian-config/$name" "$out/opt.log"
done
exit 0
