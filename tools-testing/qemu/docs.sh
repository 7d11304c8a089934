#!/bin/sh
# docs.sh SRC TOP OUT.tsv
# Our documentation checked with the kernel's own tools and Debian's
# docutils, as verdicts (ours/docs/...):
# - every reStructuredText file parses without a warning (the kernel's
#   Sphinx build rests on docutils; our files use no Sphinx extension);
# - the sysfs ABI files pass scripts/get_abi.pl validate;
# - the kernel-doc comments of our kernel files parse without a warning
#   (scripts/kernel-doc -Wall).
set -u
src=$1 top=$2 VERDICTS=$3
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
: >"$VERDICTS"
. "$(dirname "$0")/verdict.sh"


for f in $(cd "$top" && find Documentation tools-testing -name '*.rst' | sort); do
	/usr/bin/python3 - "$top/$f" >"$tmp" 2>&1 <<'PY'
import sys
import docutils.core
import docutils.utils

try:
    docutils.core.publish_file(source_path=sys.argv[1],
                               destination_path='/dev/null',
                               writer_name='html',
                               settings_overrides={'halt_level': 2,
                                                   'report_level': 2})
except docutils.utils.SystemMessage as e:
    print(e)
PY
	verdict "ours/docs/rst/$f" "$tmp"
done

perl "$src/scripts/get_abi.pl" --dir "$top/Documentation/ABI" validate >"$tmp" 2>&1
verdict "ours/docs/abi" "$tmp"

for f in "$top"/arch-x86-entry/*.[ch] "$top"/module/*.c; do
	"$src/scripts/kernel-doc" -none -Wall "$f" >"$tmp" 2>&1
	verdict "ours/docs/kernel-doc/${f#"$top"/}" "$tmp"
done
exit 0
