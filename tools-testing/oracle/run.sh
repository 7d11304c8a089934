#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run.sh RESULTS.PY OUT.tsv
# The oracle held to cases it must judge right: each directory here but
# base/ is one case, the runs of base/ (console and TAP of ref-intel,
# refoff-intel and ours-intel, as qemu/init writes them) with the files
# the case replaces.  RESULTS.PY parses every run and compares the
# reference (ref, refoff) with ours, with known.tsv, selftests.list and
# required.txt of this directory.  The case's file "expect" says what it must give:
#   accept           no FAIL line, "0 failed", exit 0;
#   reject PREFIX    a FAIL line "FAIL: PREFIX..." (the test, the CPU
#                    model, the side and what failed), one "reject" line
#                    per verdict that must fail; any other FAIL line, or
#                    exit 0, is a mistake too.
# One verdict per case (ours/oracle/CASE) in OUT.tsv, for make check.
set -u
results=$1 VERDICTS=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$VERDICTS"
# shellcheck source=tools-testing/qemu/verdict.sh
. "$here/../qemu/verdict.sh"

for dir in "$here"/*/; do
	case=$(basename "$dir")
	[ "$case" = base ] && continue
	rm -rf "$tmp/run"
	mkdir -p "$tmp/run"
	log=$tmp/log
	: >"$log"
	for run in ref-intel refoff-intel ours-intel; do
		for ext in console tap; do
			src=$here/base/$run.$ext
			[ -f "$dir/$run.$ext" ] && src=$dir/$run.$ext
			cp "$src" "$tmp/run/$run.$ext"
		done
		"$results" parse "$tmp/run/$run.console" "$tmp/run/$run.tap" \
			>"$tmp/run/$run.tsv" 2>>"$log" ||
			echo "parse of $run failed" >>"$log"
	done
	rc=0
	"$results" compare --known "$here/known.tsv" --summary "$tmp/summary.tsv" \
		--expect "$here/selftests.list" --require "$here/required.txt" \
		--suite ref= --suite refoff=nomod/ --suite ours=,nomod/ \
		intel "$tmp/run/ref-intel.tsv,$tmp/run/refoff-intel.tsv" \
		"$tmp/run/ours-intel.tsv" >"$tmp/out" 2>&1 || rc=$?
	sed -n 's/^FAIL: //p' "$tmp/out" >"$tmp/fails"
	grep -v '^#' "$dir/expect" | grep . >"$tmp/expect"
	if grep -qx accept "$tmp/expect"; then
		[ "$rc" = 0 ] || echo "exit $rc, must be 0" >>"$log"
		tail -n 1 "$tmp/out" | grep -q ' 0 failed$' ||
			echo "not \"0 failed\"" >>"$log"
		sed 's/^/must not fail: /' "$tmp/fails" >>"$log"
	else
		[ "$rc" = 1 ] || echo "exit $rc, must be 1" >>"$log"
		sed -n 's/^reject //p' "$tmp/expect" >"$tmp/prefixes"
		while IFS= read -r p; do
			awk -v p="$p" 'index($0, p) == 1 { found = 1 } END { exit !found }' \
				"$tmp/fails" || echo "no FAIL line starts with: $p" >>"$log"
		done <"$tmp/prefixes"
		while IFS= read -r f; do
			awk -v f="$f" 'index(f, $0) == 1 { found = 1 } END { exit !found }' \
				"$tmp/prefixes" || echo "unexpected FAIL: $f" >>"$log"
		done <"$tmp/fails"
	fi
	if [ -s "$log" ]; then
		echo "== $case: compare said:"
		cat "$tmp/out"
	fi
	verdict "ours/oracle/$case" "$log"
done
exit 0
