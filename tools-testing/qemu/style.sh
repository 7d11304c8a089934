#!/bin/bash
# style.sh REF_SRC REF_OUT OURS_SRC OURS_OUT TOP OUT.tsv
# The quality gates on what we write, as verdicts (NAME, pass|fail, detail)
# for the comparison:
# - checkpatch.pl --strict on every patch of the series and on our own
#   kernel files (arch-x86-entry/, module/, fs-binfmt/); on our user-space
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
. "$(dirname "$0")/verdict.sh"


cp=$ours_src/scripts/checkpatch.pl
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	(cd "$ours_src" && "$cp" --strict -q "$top/patches/$p") >"$tmp/cp" 2>&1
	verdict "ours/style/checkpatch/${p%%-*}" "$tmp/cp"
done <"$top/patches/series"
for f in "$top"/arch-x86-entry/* "$top"/module/*.[ch] "$top"/fs-binfmt/*.[ch]; do
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

# The C files the series changes, and the ones it adds.
files=$( (git -C "$ours_src" diff --name-only base HEAD -- '*.c'
	for f in "$top"/arch-x86-entry/*.c; do echo "arch/x86/entry/${f##*/}"; done) |
	sort -u)
objs=$(for f in $files; do echo "${f%.c}.o"; done)
asms=$(for f in $files; do echo "${f%.c}.s"; done)

# Warnings of one kernel, one line per warning, without line numbers.
warnings() {	# SRC OUT LOG OBJECTS ASSEMBLY
	# sparse: the objects are up to date, C=2 only runs the checker.
	# W=1: compile to assembly, which leaves the objects alone, and
	# run kernel-doc (-Wall), which W=1 runs on objects only.
	{
		make -C "$1" O="$2" CC="ccache gcc" HOSTCC="ccache gcc" C=2 -k $4 2>&1
		make -C "$1" O="$2" CC="ccache gcc" HOSTCC="ccache gcc" W=1 -k $5 2>&1
		for o in $4; do
			"$1/scripts/kernel-doc" -none -Wall "$1/${o%.o}.c" 2>&1
		done
	} >"$3.raw"
	grep -E '(warning|error):' "$3.raw" |
		sed -E 's|^.*/(arch/|fs/|mm/|kernel/|include/)|\1|; s/:[0-9]+(:[0-9]+)?:/:/' |
		sort -u >"$3"
}
warnings "$ours_src" "$ours_out" "$tmp/ours" "$objs" "$asms"
# The reference has only the files the series changes.
ref_objs='' ref_asms=''
for f in $files; do
	[ -f "$ref_src/$f" ] || continue
	ref_objs="$ref_objs ${f%.c}.o"
	ref_asms="$ref_asms ${f%.c}.s"
done
warnings "$ref_src" "$ref_out" "$tmp/ref" "$ref_objs" "$ref_asms"
echo "== warnings of the reference in these files (not ours):"
cat "$tmp/ref"
for f in $files; do
	grep -F "$f:" "$tmp/ours" | grep -vxF -f "$tmp/ref" >"$tmp/new" || true
	verdict "ours/style/sparse-w1/$f" "$tmp/new"
done
exit 0
