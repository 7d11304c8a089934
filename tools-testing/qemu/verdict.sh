# shellcheck shell=sh
# verdict.sh: sourced by the quality gates (style.sh, docs.sh,
# patchset.sh).  Each writes its verdicts to the file $VERDICTS, one line
# per check: NAME <tab> pass|fail <tab> detail, as results.py reads them.
#
# verdict NAME LOG [RC]
#   Without RC: pass if LOG is empty; its content is what failed.
#   With RC: pass if RC is 0; LOG says what happened.
# A failed check prints LOG in full and puts its start in the detail.
verdict() {
	if [ $# -ge 3 ] && [ "$3" = 0 ] || { [ $# -lt 3 ] && [ ! -s "$2" ]; }; then
		printf '%s\tpass\t\n' "$1" >>"$VERDICTS"
		echo "== $1: pass"
	else
		printf '%s\tfail\t%s\n' "$1" "$(head -c 300 "$2" | tr '\t\n' '  ')" >>"$VERDICTS"
		echo "== $1: fail"
		cat "$2"
	fi
}
