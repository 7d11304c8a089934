#!/bin/bash
# style.sh REF_SRC REF_OUT OURS_SRC OURS_OUT TOP OUT.tsv
# The quality gates on what we write, as verdicts (NAME, pass|fail, detail)
# for the comparison:
# - checkpatch.pl --strict on every patch of the series and on our own
#   kernel files (arch-x86-entry/, module/); on our user-space
#   tests and benchmark programs too, less the checks that do not apply
#   to user space (kernel types, externs for asm labels, volatile for
#   signal handlers);
# - sparse (C=2) and W=1 on every kernel file the series touches or adds:
#   no warning that the same file of the reference does not give too (the
#   base has a few of its own).
# The module's W=1 and sparse run is in build-module.sh.
set -u
ref_src=$1 ref_out=$2 ours_src=$3 ours_out=$4 top=$5 VERDICTS=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$VERDICTS"
# shellcheck source=tools-testing/qemu/verdict.sh
. "$(dirname "$0")/verdict.sh"


cp=$ours_src/scripts/checkpatch.pl
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	(cd "$ours_src" && "$cp" --strict -q "$top/patches/$p") >"$tmp/cp" 2>&1
	verdict "ours/style/checkpatch/${p%%-*}" "$tmp/cp"
done <"$top/patches/series"
for f in "$top"/arch-x86-entry/*.[ch] "$top"/module/*.c; do
	[ -f "$f" ] || continue
	(cd "$ours_src" && "$cp" --strict -q --no-tree -f "$f") >"$tmp/cp" 2>&1
	verdict "ours/style/checkpatch/${f#"$top"/}" "$tmp/cp"
done
for f in "$top"/tools-testing/tests/*.[ch] "$top"/tools-testing/bench/*.[ch]; do
	(cd "$ours_src" && "$cp" --strict -q --no-tree -f \
		--ignore PREFER_KERNEL_TYPES,AVOID_EXTERNS,VOLATILE,ENOSYS,CAMELCASE "$f") \
		>"$tmp/cp" 2>&1
	verdict "ours/style/checkpatch/${f#"$top"/}" "$tmp/cp"
done

# The C files the series changes, and the ones it adds (the new private
# header of arch/x86/entry too, checked in the files that include it).
files=$( (git -C "$ours_src" diff --name-only base HEAD -- '*.c'
	for f in "$top"/arch-x86-entry/*.[ch] "$top"/module/*.c; do
		[ -f "$f" ] && echo "arch/x86/entry/${f##*/}"
	done) |
	sort -u)
kmake() {	# SRC OUT MAKE-ARGS...
	src=$1 out=$2
	shift 2
	make -C "$src" O="$out" CC="ccache gcc" HOSTCC="ccache gcc" "$@"
}

# The file a build compiles FILE as: FILE itself, or, when FILE has no
# object of its own there, the file of its directory that includes it
# and has one (kernel/sched/build_policy.c includes cputime.c, which
# does not compile alone).
unit() {	# SRC OUT FILE
	if [ ! -f "$2/${3%.c}.o" ]; then
		g=$(grep -l -F "#include \"${3##*/}\"" "$1/${3%/*}"/*.c 2>/dev/null |
			while read -r g; do
				g=${g#"$1"/}
				[ -f "$2/${g%.c}.o" ] && echo "$g"
			done | head -n 1)
		if [ -n "$g" ]; then
			echo "$g"
			return
		fi
	fi
	echo "$3"
}

# warnings NAME SRC OUT FILE...: the warnings of one kernel in FILEs, one
# line per warning, without line numbers, in $tmp/NAME; each FILE that
# could not be checked (its unit does not compile, make or kernel-doc
# fails) has what went wrong in $tmp/NAME.failed/FILE.  Warnings the
# same on both sides cancel out, errors too: a file neither side can
# compile would otherwise pass with nothing checked.
warnings() {
	name=$1 src=$2 out=$3
	shift 3
	failed=$tmp/$name.failed
	mkdir -p "$failed"
	: >"$tmp/$name"
	# No file: make without a target would build the whole kernel.
	[ $# -gt 0 ] || return 0
	units=$(for f in "$@"; do unit "$src" "$out" "$f"; done | sort -u)
	objs=$(for u in $units; do echo "${u%.c}.o"; done)
	asms=$(for u in $units; do echo "${u%.c}.s"; done)
	# sparse: the objects are up to date, C=2 only runs the checker.
	# W=1: compile to assembly, which leaves the objects alone.  One
	# make for all; if it fails, one per unit, to know which failed.
	rc=0
	# shellcheck disable=SC2086 # lists of targets
	{
		kmake "$src" "$out" C=2 -k $objs || rc=1
		kmake "$src" "$out" W=1 -k $asms || rc=1
	} >"$tmp/$name.raw" 2>&1
	if [ "$rc" != 0 ]; then
		alone=0
		for u in $units; do
			if ! { kmake "$src" "$out" C=2 "${u%.c}.o" &&
			       kmake "$src" "$out" W=1 "${u%.c}.s"; } >"$tmp/one" 2>&1; then
				alone=1
				for f in "$@"; do
					[ "$(unit "$src" "$out" "$f")" = "$u" ] || continue
					mkdir -p "$failed/${f%/*}"
					{ echo "make of $u ($name) failed:"; tail -n 30 "$tmp/one"; } \
						>"$failed/$f"
				done
			fi
		done
		if [ "$alone" = 0 ]; then
			for f in "$@"; do
				mkdir -p "$failed/${f%/*}"
				{ echo "make ($name) failed, but no file alone:";
				  tail -n 30 "$tmp/$name.raw"; } >"$failed/$f"
			done
		fi
	fi
	# kernel-doc (-Wall), which W=1 runs on objects only.
	for f in "$@"; do
		"$src/scripts/kernel-doc" -none -Wall "$src/$f" >"$tmp/one" 2>&1 || {
			mkdir -p "$failed/${f%/*}"
			{ echo "kernel-doc ($name) failed:"; cat "$tmp/one"; } >>"$failed/$f"
		}
		cat "$tmp/one" >>"$tmp/$name.raw"
	done
	# The lines as the warnings of both sides can be compared: from the
	# top of the tree, no line numbers.
	grep -E '(warning|error):' "$tmp/$name.raw" >"$tmp/$name.lines"
	if ! sed -E 's#^.*/(arch/|fs/|mm/|kernel/|include/)#\1#; s/:[0-9]+(:[0-9]+)?:/:/' \
		"$tmp/$name.lines" >"$tmp/$name.unsorted"; then
		for f in "$@"; do
			mkdir -p "$failed/${f%/*}"
			echo "the warnings ($name) could not be read" >>"$failed/$f"
		done
	fi
	sort -u "$tmp/$name.unsorted" >"$tmp/$name"
}
# shellcheck disable=SC2086 # a list of files
warnings ours "$ours_src" "$ours_out" $files
# The reference has only the files the series changes.
ref_files=$(for f in $files; do [ -f "$ref_src/$f" ] && echo "$f"; done)
# shellcheck disable=SC2086
warnings ref "$ref_src" "$ref_out" $ref_files
echo "== warnings of the reference in these files (not ours):"
cat "$tmp/ref"
for f in $files; do
	{
		cat "$tmp/ours.failed/$f" "$tmp/ref.failed/$f" 2>/dev/null
		grep -F "$f:" "$tmp/ours" | grep -vxF -f "$tmp/ref"
	} >"$tmp/new"
	verdict "ours/style/sparse-w1/$f" "$tmp/new"
done
exit 0
