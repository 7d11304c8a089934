# SPDX-License-Identifier: GPL-2.0
# i386-shell.sh CHECK: run by Debian's i386 bash in the test VM, with
# Debian's i386 coreutils first in PATH.  CHECK is one of
#   bash       the shell at work: loops, arithmetic, arrays, functions,
#              pipes through coreutils, command and process substitution,
#              here-documents, background jobs, traps, regular expressions
#   ls cat sort date sha256sum
#              one coreutils program each, its output checked
# Exit status 0 when every step of CHECK gives what it must.
# ls and tr a-z are what is tested here:
# shellcheck shell=bash disable=SC2012,SC2018,SC2019
set -u
set -o pipefail
export PATH=/i386/usr/bin:/i386/bin:$PATH
export LC_ALL=C
tmp=$(mktemp -d /tmp/i386-shell.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0

# expect NAME GOT WANT: one step.
expect() {
	if [[ "$2" == "$3" ]]; then
		echo "ok $1"
	else
		echo "FAIL $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}

check_bash() {
	local i sum=0 words=() out line
	# The shell itself and what it runs are the i386 ones.
	expect bash-is-i386 "$(readlink /proc/$$/exe)" /i386/bin/bash
	expect readlink-is-i386 "$(readlink /proc/self/exe)" /i386/bin/readlink
	for ((i = 1; i <= 100; i++)); do
		sum=$((sum + i * i))
	done
	expect loop-arithmetic "$sum" 338350
	for i in delta alpha charlie bravo alpha; do
		words+=("$i")
	done
	expect array "${#words[@]} ${words[3]}" "5 bravo"
	out=$(printf '%s\n' "${words[@]}" | sort -u | tr '\n' ' ')
	expect pipe-sort-uniq "$out" "alpha bravo charlie delta "
	out=$(seq 1 1000 | wc -l)
	expect pipe-seq-wc "$out" 1000
	out=$(seq 1 100000 | sha256sum | cut -d' ' -f1)
	expect pipe-seq-sha256sum "$out" "$(seq 1 100000 | /bin/busybox sha256sum | cut -d' ' -f1)"
	# shellcheck disable=SC2005,SC2116
	out=$(echo "$(echo "$(echo nested)")")
	expect nested-substitution "$out" nested
	# Named pipes rather than process substitution, which needs a
	# /dev/fd the VM does not have.
	mkfifo "$tmp/fifo1" "$tmp/fifo2"
	seq 1 3 >"$tmp/fifo1" &
	seq 4 6 >"$tmp/fifo2" &
	out=$(paste -d+ "$tmp/fifo1" "$tmp/fifo2" | tr '\n' ' ')
	wait
	expect fifo-paste "$out" "1+4 2+5 3+6 "
	out=$(tr a-z A-Z <<-EOF
		here document
		EOF
	)
	expect here-document "$out" "HERE DOCUMENT"
	sq() { local n=$1; echo $((n * n)); }
	expect function "$(sq 12)" 144
	# Background jobs, each writing a file, all waited for.
	for i in 1 2 3 4 5 6 7 8; do
		(sleep 0.1; echo "$i" >"$tmp/job.$i") &
	done
	wait
	expect background-jobs "$(cat "$tmp"/job.* | sort -n | tr -d '\n')" 12345678
	out=$(bash -c 'trap "echo trapped" USR1; kill -USR1 $$; echo after')
	expect trap-signal "${out//$'\n'/ }" "trapped after"
	out=$(bash -c 'exit 7'; echo $?)
	expect exit-status "$out" 7
	out=i386-linux-gnu
	if [[ "$out" =~ ^([a-z0-9]+)-(linux)-(gnu)$ ]]; then
		out="${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
	else
		out=nomatch
	fi
	expect regex "$out" "i386 linux"
	i=0
	while read -r line; do
		i=$((i + ${#line}))
	done <<<"$(printf 'abc\ndefgh\n')"
	expect read-loop "$i" 8
	printf -v out '%05d|%-4s|%x' 42 ab 255
	expect printf "$out" "00042|ab  |ff"
	out=${words[*]//a/A}
	expect expansion "$out" "deltA AlphA chArlie brAvo AlphA"
}

check_ls() {
	local out
	mkdir "$tmp/d" "$tmp/d/sub"
	printf 12345 >"$tmp/d/five"
	: >"$tmp/d/empty"
	ln -s five "$tmp/d/link"
	touch -h -d @1500000000 "$tmp/d/five"
	expect ls-names "$(ls "$tmp/d" | tr '\n' ' ')" "empty five link sub "
	expect ls-classify "$(ls -F "$tmp/d" | tr '\n' ' ')" "empty five link@ sub/ "
	expect ls-long "$(ls -l --time-style=+%s "$tmp/d/five" | tr -s ' ' | cut -d' ' -f1,5,6)" \
		"-rw-r--r-- 5 1500000000"
	out=$(ls -l "$tmp/d/link")
	expect ls-link "${out##* -> }" five
	expect ls-directory "$(ls -ld "$tmp/d/sub" | cut -c1)" d
	expect ls-inode "$(ls -i "$tmp/d/five" | cut -d' ' -f1)" "$(stat -c %i "$tmp/d/five")"
	expect ls-missing "$(ls "$tmp/nothing" 2>/dev/null; echo $?)" 2
}

check_cat() {
	printf 'one\ntwo\n' >"$tmp/a"
	printf 'three\n' >"$tmp/b"
	expect cat-concat "$(cat "$tmp/a" "$tmp/b" | tr '\n' ' ')" "one two three "
	expect cat-number "$(cat -n "$tmp/b" | tr -s ' \t' '  ')" " 1 three"
	head -c 300000 /dev/urandom >"$tmp/big"
	cat "$tmp/big" >"$tmp/copy"
	expect cat-binary-copy "$(sha256sum <"$tmp/copy")" "$(sha256sum <"$tmp/big")"
	expect cat-stdin "$(echo piped | cat -)" piped
}

check_sort() {
	expect sort-numeric "$(printf '10\n9\n100\n-1\n' | sort -n | tr '\n' ' ')" "-1 9 10 100 "
	expect sort-reverse "$(printf 'b\na\nc\n' | sort -r | tr '\n' ' ')" "c b a "
	expect sort-key "$(printf 'x 3\ny 1\nz 2\n' | sort -k2,2n | cut -d' ' -f1 | tr -d '\n')" yzx
	expect sort-unique "$(printf 'b\na\nb\na\n' | sort -u | tr -d '\n')" ab
	# Enough lines for sort to spill to temporary files and merge.
	seq 1 200000 | shuf >"$tmp/shuffled"
	sort -n -S 100K -T "$tmp" "$tmp/shuffled" >"$tmp/sorted"
	expect sort-large "$(sha256sum <"$tmp/sorted" | cut -d' ' -f1)" \
		"$(seq 1 200000 | sha256sum | cut -d' ' -f1)"
	sort -c -n "$tmp/sorted"
	expect sort-check $? 0
}

check_date() {
	expect date-epoch "$(date -u -d @0 +%Y-%m-%dT%H:%M:%S)" 1970-01-01T00:00:00
	expect date-billion "$(date -u -d @1000000000 '+%F %T %a')" "2001-09-09 01:46:40 Sun"
	expect date-format "$(date -u -d '2024-02-29 12:34:56' +%j:%u:%s)" 060:4:1709210096
	# The clock of the i386 date is the kernel's (through the 32-bit
	# vDSO): it agrees with the 64-bit busybox date.
	local ours theirs
	ours=$(date +%s)
	theirs=$(/bin/busybox date +%s)
	expect date-now "$(( ours - theirs <= 2 && theirs - ours <= 2 ))" 1
	touch -d @1234567890 "$tmp/f"
	expect touch-stat "$(stat -c %Y "$tmp/f")" 1234567890
	expect date-file "$(date -u -r "$tmp/f" +%F)" 2009-02-13
}

check_sha256sum() {
	expect sha256-abc "$(printf abc | sha256sum)" \
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -"
	expect sha256-mib-of-zeros "$(head -c 1048576 /dev/zero | sha256sum | cut -d' ' -f1)" \
		30e14955ebf1352266dc2ff8067e68104607e750abb9d3b36582b8af909fcb58
	printf abc >"$tmp/abc"
	echo "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  $tmp/abc" >"$tmp/sums"
	sha256sum --check --status "$tmp/sums"
	expect sha256-check-good $? 0
	printf abd >"$tmp/abc"
	sha256sum --check --status "$tmp/sums"
	expect sha256-check-bad $? 1
	expect md5-abc "$(printf abc | md5sum | cut -d' ' -f1)" 900150983cd24fb0d6963f7d28e17f72
}

case ${1:-} in
bash | ls | cat | sort | date | sha256sum) "check_$1" ;;
*)
	echo "usage: i386-shell.sh bash|ls|cat|sort|date|sha256sum" >&2
	exit 2
	;;
esac
echo "$fails failed"
[ "$fails" = 0 ]
