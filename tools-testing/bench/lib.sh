# shellcheck shell=sh
# Shell functions of the benchmark plans (tools-testing/plans/bench-*),
# installed as /bench/lib.sh in the benchmark's initramfs.

# m NAME CMD...: run one measurement.  Its output, key=value pairs, goes
# on one line after NAME and the exit status to the results port (ttyS1,
# the host's .tap file, which no kernel message can interleave with) and
# to the console, for the log.
m() {
	name=$1
	shift
	out=$("$@" 2>&1 </dev/null 3>&-)
	rc=$?
	# Unquoted on purpose: a multi-line output becomes one line
	# shellcheck disable=SC2086
	echo "bench: $name rc=$rc" $out
	# shellcheck disable=SC2086
	echo "$name rc=$rc" $out >&3
}

# Let the work the kernel defers after boot (the TSC's refined
# calibration, one second in) happen before anything is measured.  With
# -icount sleep=off the clock of an idle guest jumps to the next timer, so
# the wait costs no real time.
settle() {
	sleep 2
}

# The ia32_emulation module, when the kernel has it: the reference has
# IA32 emulation built in.  /sbin/modinfo is Debian's kmod (a bare
# modinfo would be busybox's applet).
have_module() {
	/sbin/modinfo ia32_emulation >/dev/null 2>&1
}

# The module's policy: Y, 32-bit system calls from i386 programs only.
# shellcheck disable=SC2034 # for the plans
I386_ONLY=/sys/module/ia32_emulation/parameters/i386_only

# killed CMD...: succeed, printing signal=N, if CMD is killed by a
# signal; fail, printing exit=N, if it exits.
killed() {
	"$@" >/dev/null 2>&1
	rc=$?
	if [ "$rc" -gt 128 ]; then
		echo "signal=$((rc - 128))"
		return 0
	fi
	echo "exit=$rc"
	return 1
}
