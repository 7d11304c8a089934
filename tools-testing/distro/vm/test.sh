#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The tests of make distro-check, run by ia32-distro-test.service in the
# Debian 12 test system (tools-testing/distro/root.sh).  As the rest of
# the harness: "ia32test: BEGIN NAME" and "ia32test: END NAME OUTCOME
# rc=N" in the kernel log (/dev/kmsg, printk.devkmsg=on), so that a
# kernel report lands between the markers of the test that caused it,
# and the verdicts as TAP on the second serial port; qemu/results.py
# turns both into a run's TSV.
#
# The kernel command line says what is booted: ia32distro.kind=ours (the
# package built with the series; tests named ours/distro/... are its
# alone), ref (the reference package, plain IA32_EMULATION=y) or stock
# (Debian's own linux-image, to record the modules the system loads:
# ia32distro.mode=lsmod).  Tests named distro/... run on every kind and
# must give the same verdict.
set -u
exec 3>/dev/ttyS1
dir=/usr/local/lib/ia32-distro
kind=$(sed -n 's/.*ia32distro\.kind=\([a-z]*\).*/\1/p' /proc/cmdline)
mode=$(sed -n 's/.*ia32distro\.mode=\([a-z]*\).*/\1/p' /proc/cmdline)
sysfs=/sys/kernel/ia32_emulation
n=0

mark() {
	echo "ia32test: $*" >/dev/kmsg
}

# t NAME CMD...: CMD (a function that sets DETAIL) between the markers,
# its verdict on the TAP port.  The same words after the outcome in the
# END marker and the TAP line, as results.py checks.
t() {
	local name=$1 start outcome rc ok secs
	shift
	DETAIL=
	mark "BEGIN $name"
	start=$SECONDS
	if "$@"; then
		outcome=pass rc=0 ok=ok
	else
		outcome=fail rc=1 ok='not ok'
	fi
	secs=$((SECONDS - start))
	# One line; "=" and "#" would read as TAP directives or fields.
	DETAIL=$(printf '%s' "$DETAIL" | tr '\n\t=#' '  :.' | cut -c1-400)
	n=$((n + 1))
	echo "$ok $n $name # rc=$rc secs=$secs $DETAIL" >&3
	mark "END $name $outcome rc=$rc secs=$secs $DETAIL"
	echo "ia32-distro: $name: $outcome: $DETAIL"
}

loaded() {
	grep -q '^ia32_emulation ' /proc/modules
}

# counters NAME...: the kernel's counters in /sys/kernel/ia32_emulation,
# "NAME:VALUE " each, on one line.
counters() {
	(cd $sysfs && grep -H . "$@") | tr '\n' ' '
}

# The units that failed since the boot, on one line.
failed_units() {
	systemctl list-units --state=failed --plain --no-legend | awk '{ print $1 }' | tr '\n' ' '
}

# The kernel's module tracepoints: every request_module() (which runs
# the system's modprobe) and every module load, on after distro/kernel.
trace=/sys/kernel/tracing
trace_on() {
	[ -d $trace/events/module ] || mount -t tracefs nodev $trace
	trace_clear
	echo 1 >$trace/events/module/module_request/enable
	echo 1 >$trace/events/module/module_load/enable
}
# traced: the events of ours since the last trace_on or trace_clear,
# on one line, "EVENT: NAME " each: "module_request: binfmt-464c " (a
# request for a binary format), "module_load: ia32_emulation ".  Others
# are the system's own (udev still loads crypto modules when the boot
# has finished).
traced() {
	sed -n 's/.* \(module_request: binfmt-[^ ]*\).*/\1/p
		s/.* \(module_load: ia32_emulation\)\( .*\)\{0,1\}$/\1/p' $trace/trace |
		tr '\n' ' '
}
trace_clear() {
	echo >$trace/trace
}

# unload: remove the module if it is loaded.  A 32-bit process that has
# just exited can hold it a moment longer.
try_unload() {
	! loaded || rmmod ia32_emulation 2>/dev/null
}
unload() {
	wait_for 30 try_unload
}

# The ELF class and machine of a file: "ELF32/i386" for Debian's i386
# programs.
elf() {
	local class machine
	class=$(od -An -tu1 -j4 -N1 "$1" | tr -d ' ')
	machine=$(od -An -tu2 -j18 -N2 "$1" | tr -d ' ')
	case $class/$machine in
	1/3) echo ELF32/i386 ;;
	2/62) echo ELF64/x86-64 ;;
	1/62) echo ELF32/x86-64 ;;
	*) echo "ELF class $class machine $machine" ;;
	esac
}

# wait_for SECONDS CMD...: until CMD succeeds.  TCG is slow, and slower
# while the host builds kernels.
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.5
	done
}

# The package that has a file.  dpkg knows the paths as packaged: with
# merged /usr (Debian 12), /usr/bin/kmod is its /bin/kmod.
owner() {
	{ dpkg -S "$1" || dpkg -S "${1#/usr}"; } 2>/dev/null | head -n 1 | cut -d: -f1
}

# What bash says of an exec, and its status: for a program the kernel
# refuses with ENOEXEC, "cannot execute binary file: Exec format error"
# (strerror(ENOEXEC)) and 126.  bash does not run a binary file as a
# script when the exec fails, as sh and execvp() do.
exec_result() {
	local out rc
	out=$(bash -c 'exec "$0"' "$1" 2>&1)
	rc=$?
	echo "$rc: $out"
}

test_boot() {
	local state active failed pid1 times
	state=$(timeout 600 systemctl is-system-running --wait)
	active=$(systemctl is-active multi-user.target)
	failed=$(failed_units)
	pid1=$(readlink /proc/1/exe)
	times=$(systemd-analyze time 2>&1 | head -n 1)
	DETAIL="pid 1 $pid1, system $state, multi-user.target $active, failed units: ${failed:-none}; $(uname -r); $times"
	[ "$state" = running ] && [ "$active" = active ] && [ -z "$failed" ] &&
		[ "$pid1" = /usr/lib/systemd/systemd ]
}

# has_config LINE: the booted kernel's configuration ($cfg) has LINE.
has_config() {
	grep -qx "$1" "$cfg" || { DETAIL="$DETAIL; not in $cfg: $1"; return 1; }
}

# The kernel booted is the package installed in this system, and of the
# kind the run says: the reference (and Debian's own kernel, make
# distro-lsmod's "stock") has IA32 emulation built in and none
# of ours; ours has the option, the module and its sysfs directory.
# Both keep Debian's x32 ABI.
test_kernel() {
	local rel pkg
	rel=$(uname -r)
	cfg=/boot/config-$rel
	pkg=$(dpkg-query -W -f='${Package} ${Version} ${Status}' "linux-image-$rel" 2>&1)
	DETAIL="kernel $rel, package $pkg, /sys/kernel/ia32_emulation $([ -d $sysfs ] && echo present || echo absent)"
	case $pkg in *" install ok installed") ;; *) return 1 ;; esac
	has_config CONFIG_IA32_EMULATION=y && has_config CONFIG_X86_X32_ABI=y &&
		has_config CONFIG_COMPAT_BINFMT_ELF=y || return 1
	case $kind in
	ref | stock)
		! grep -q '^CONFIG_IA32_EMULATION_LOADABLE=' "$cfg" && [ ! -d $sysfs ] &&
			! modinfo ia32_emulation >/dev/null 2>&1
		;;
	ours)
		has_config CONFIG_IA32_EMULATION_LOADABLE=y && [ -d $sysfs ] &&
			[ "$rel" = "${rel%-ia32-ours}-ia32-ours" ]
		;;
	*) return 1 ;;
	esac
}

test_disabled_at_boot() {
	local en log
	en=$(cat $sysfs/enabled)
	log=$(journalctl -k -o cat --no-pager | grep -i 'ia32' | grep -v 'ia32test: ')
	DETAIL="enabled $en, module $(loaded && echo loaded || echo 'not loaded'), kernel log on ia32: ${log:-nothing}"
	[ "$en" = 0 ] && ! loaded
}

test_hello() {
	local out rc
	out=$(timeout 300 /usr/bin/hello 2>&1)
	rc=$?
	DETAIL="/usr/bin/hello ($(elf /usr/bin/hello), $(dpkg-query -W -f='${Package}:${Architecture} ${Version}' hello)): exit $rc, \"$out\""
	[ "$rc" = 0 ] && [ "$out" = "Hello, world!" ]
}

# The exec of hello loaded the module through the kernel's
# request_module(), that is the system's modprobe (kmod's), and the
# kernel's log in the journal says so.
journal_line() {
	line=$(journalctl -k -o cat --no-pager | grep -m 1 'ia32_emulation: ')
	[ -n "$line" ]
}

test_autoload() {
	local mp pkg c ev line=
	mp=$(cat /proc/sys/kernel/modprobe)
	pkg=$(owner "$(readlink -f "$mp")")
	c=$(counters enabled execs auto_enabled auto_disabled)
	ev=$(traced)
	wait_for 120 journal_line
	DETAIL="module $(loaded && echo loaded || echo 'not loaded'), counters: $c; modprobe $mp of package ${pkg:-none}; traced: ${ev:-nothing}; journalctl -k: ${line:-nothing from ia32_emulation}"
	# One exec, one request for its format, one load, one enabling.
	loaded && [ "$pkg" = kmod ] && [ -n "$line" ] &&
		[ "$c" = "enabled:1 execs:1 auto_enabled:1 auto_disabled:0 " ] &&
		[ "$ev" = "module_request: binfmt-464c module_load: ia32_emulation " ]
}

test_python() {
	local out rc
	out=$(timeout 600 /usr/bin/python3.11 "$dir/workout.py" 2>&1)
	rc=$?
	DETAIL="/usr/bin/python3.11 ($(elf /usr/bin/python3.11)): exit $rc: $out"
	[ "$rc" = 0 ]
}

# modinfo, systool and cat: where the package put the module, what it
# declares, its parameters and the kernel's counters.
test_params() {
	local file want pkg alias parm sys p c intree signer ok=0
	# First: the idle timeout must not have disabled IA32 emulation.
	# The runs boot with ia32_emulation.idle_timeout=600 (run.sh),
	# which kmod's modprobe applies when it loads the module: the
	# default, 30 s, could pass between two tests on a busy host.
	c=$(counters enabled live execs auto_enabled auto_disabled)
	# hello, python3.11 and the hello of its subprocess test.
	[ "$c" = "enabled:1 live:0 execs:3 auto_enabled:1 auto_disabled:0 " ] || ok=1
	file=$(modinfo -n ia32_emulation)
	want=/lib/modules/$(uname -r)/kernel/arch/x86/entry/ia32_emulation.ko
	pkg=$(owner "$file")
	alias=$(modinfo -F alias ia32_emulation)
	parm=$(modinfo -F parm ia32_emulation | cut -d: -f1 | tr '\n' ' ')
	sys=$(systool -m ia32_emulation -v | awk '/Parameters:/ { p = 1; next } /^ *$/ { p = 0 } p && /=/ { gsub(/[ "]/, ""); printf "%s ", $0 }')
	p=$(cd /sys/module/ia32_emulation/parameters && grep -H . ./* | tr '\n' ' ')
	intree=$(modinfo -F intree ia32_emulation)
	signer=$(modinfo -F signer ia32_emulation)
	DETAIL="file $file (package ${pkg:-none}), alias $alias, parm $parm, intree $intree, signer $signer; systool: $sys; parameters: $p; counters: $c"
	# Built with the kernel and signed with its build's key, as every
	# module of the package: nothing taints the kernel (distro/untainted).
	[ "$intree" = Y ] && [ "$signer" = "Build time autogenerated kernel key" ] || ok=1
	case $file in
	"$want" | "$want".*) ;;
	*) ok=1 ;;
	esac
	[ "$pkg" = "linux-image-$(uname -r)" ] || ok=1
	[ "$alias" = binfmt-464c ] || ok=1
	case $parm in *i386_only*idle_timeout* | *idle_timeout*i386_only*) ;; *) ok=1 ;; esac
	case $sys in *i386_only=N*idle_timeout=600* | *idle_timeout=600*i386_only=N*) ;; *) ok=1 ;; esac
	case $p in *./idle_timeout:600*) ;; *) ok=1 ;; esac
	return $ok
}

sleeper_live() {
	local pid
	pid=$(systemctl show -P MainPID ia32-sleeper.service)
	[ "$pid" != 0 ] && [ "$(readlink "/proc/$pid/exe")" = /usr/bin/python3.11 ] &&
		[ "$(cat $sysfs/live)" -ge 1 ]
}

# rmmod is refused while the i386 python3.11 runs as a service, and
# delete_module() itself says EWOULDBLOCK (kmod's rmmod refuses from the
# module's reference count before asking); systemctl stop, then rmmod.
test_rmmod_busy() {
	local refused errno stopped=1 gone=1
	systemctl start ia32-sleeper.service
	if ! wait_for 120 sleeper_live; then
		DETAIL="the i386 service did not start: $(systemctl is-active ia32-sleeper.service), live $(cat $sysfs/live)"
		systemctl stop ia32-sleeper.service
		return 1
	fi
	refused=$(rmmod ia32_emulation 2>&1) && refused="rmmod worked"
	# perl's syscall() wants its string arguments writable: a variable.
	errno=$(perl -e 'my $m = "ia32_emulation"; syscall(176, $m, 04000) == -1 or exit 1; print $! + 0')
	loaded && stopped=0
	systemctl stop ia32-sleeper.service
	unload && ! loaded && gone=0
	DETAIL="while the service ran: rmmod \"$refused\", delete_module errno ${errno:-none} (EWOULDBLOCK is 11), module $([ $stopped = 0 ] && echo 'still loaded'); after systemctl stop: rmmod $([ $gone = 0 ] && echo worked || echo failed), enabled $(cat $sysfs/enabled)"
	[ "$stopped" = 0 ] && [ "$errno" = 11 ] && [ "$gone" = 0 ] && [ "$(cat $sysfs/enabled)" = 0 ]
}

# The kernel's audit records of a seccomp kill of hello: SIGSYS (31),
# the i386 ABI (arch 40000003), a compat system call.
seccomp_kills() {
	journalctl -k -o cat --no-pager |
		grep -c 'audit: type=1326 .* comm="hello" exe="/usr/bin/hello" sig=31 arch=40000003 .* compat=1 '
}
one_more_kill() {
	[ "$(seccomp_kills)" = $((before + 1)) ]
}

# A unit with SystemCallArchitectures=native starts; the i386 program it
# runs is killed by its seccomp filter (SIGSYS: status 159), and the
# kernel audits the kill once.
test_native() {
	local active status out before audit=0
	before=$(seccomp_kills)
	rm -f /run/ia32-native.status /run/ia32-native.out
	timeout 300 systemctl start ia32-native.service
	active=$(systemctl is-active ia32-native.service)
	status=$(cat /run/ia32-native.status 2>/dev/null)
	out=$(cat /run/ia32-native.out 2>/dev/null)
	systemctl stop ia32-native.service
	wait_for 120 one_more_kill || audit=1
	DETAIL="unit $active, its i386 child: status ${status:-none} (159: SIGSYS), output \"$out\", seccomp audit records of hello $before -> $(seccomp_kills)"
	[ "$active" = active ] && [ "$status" = 159 ] && [ "$audit" = 0 ]
}

# On our kernel the module was not loaded when the unit started: the
# exec of its child loaded it (modprobe runs as the kernel's helper,
# outside the unit's filter).
test_native_autoload() {
	local c
	c=$(counters auto_enabled auto_disabled)
	DETAIL="module $(loaded && echo loaded || echo 'not loaded'), counters: $c"
	loaded && [ "$c" = "auto_enabled:2 auto_disabled:0 " ]
}

# At the end: no unit failed since the boot, the tests' own included.
test_units() {
	local failed
	failed=$(failed_units)
	DETAIL="failed units: ${failed:-none}"
	[ -z "$failed" ]
}

# Nothing tainted the kernel: no module from outside its build, none
# unsigned, no warning (a WARN() taints it whatever its text).
test_untainted() {
	local taint
	taint=$(cat /proc/sys/kernel/tainted)
	DETAIL="/proc/sys/kernel/tainted $taint"
	[ "$taint" = 0 ]
}

test_x32() {
	local out rc
	out=$(timeout 120 $dir/x32hello 2>&1)
	rc=$?
	DETAIL="$(elf $dir/x32hello), exit $rc: $out"
	[ "$rc" = 0 ]
}

# By hand: enabled at once (an auto-loaded module may have been disabled
# by its idle timeout, and modprobe would leave it so).
test_x32_loaded() {
	unload
	modprobe ia32_emulation
	test_x32 || return 1
	DETAIL="module loaded by hand, enabled $(cat $sysfs/enabled): $DETAIL"
	loaded && [ "$(cat $sysfs/enabled)" = 1 ]
}

test_x32_unloaded() {
	unload
	test_x32 || return 1
	DETAIL="module $(loaded && echo loaded || echo unloaded), enabled $(cat $sysfs/enabled): $DETAIL"
	! loaded && [ "$(cat $sysfs/enabled)" = 0 ]
}

# A blacklist in /etc/modprobe.d stops the auto-load (it forbids the
# module's alias, binfmt-464c): the exec gets ENOEXEC.  Without it, the
# same exec loads the module again.
test_blacklist() {
	local conf=/etc/modprobe.d/ia32-emulation-test.conf res after out
	local ev1 ev2
	unload
	echo "blacklist ia32_emulation" >$conf
	trace_clear
	res=$(exec_result /usr/bin/hello)
	after=$(loaded && echo loaded || echo 'not loaded')
	ev1=$(traced)
	rm -f $conf
	trace_clear
	out=$(timeout 300 /usr/bin/hello 2>&1)
	ev2=$(traced)
	DETAIL="blacklisted: bash: $res, module $after, traced: ${ev1:-nothing}; without the blacklist: \"$out\", module $(loaded && echo loaded || echo 'not loaded'), traced: ${ev2:-nothing}"
	case $res in
	"126: "*"cannot execute binary file: Exec format error"*) ;;
	*) return 1 ;;
	esac
	# The kernel asked for the format once each time; kmod loaded the
	# module only without the blacklist.
	[ "$after" = "not loaded" ] && [ "$out" = "Hello, world!" ] && loaded &&
		[ "$ev1" = "module_request: binfmt-464c " ] &&
		[ "$ev2" = "module_request: binfmt-464c module_load: ia32_emulation " ]
}

echo "ia32-distro: kind ${kind:-unset}, mode ${mode:-test}, kernel $(uname -r)"
# A kernel line at the level of a WARNING, which the host must find on
# the console with its time stamp (results.py: the run's "console"), as
# in qemu/init: a report printed at that level would otherwise go unseen.
echo "<4>ia32test: console canary start" >/dev/kmsg
t distro/boot test_boot
t distro/kernel test_kernel
trace_on
[ "$kind" = ours ] && t ours/distro/disabled-at-boot test_disabled_at_boot
t distro/i386-hello test_hello
[ "$kind" = ours ] && t ours/distro/autoload test_autoload
t distro/i386-python test_python
if [ "$kind" = ours ]; then
	t ours/distro/params test_params
	t ours/distro/rmmod-busy test_rmmod_busy
fi
t distro/seccomp-native test_native
if [ "$kind" = ours ]; then
	t ours/distro/seccomp-autoload test_native_autoload
	t ours/distro/x32-module-loaded test_x32_loaded
	t ours/distro/x32-module-unloaded test_x32_unloaded
fi
t distro/x32 test_x32
[ "$kind" = ours ] && t ours/distro/blacklist test_blacklist
t distro/units test_units
t distro/untainted test_untainted
if [ "$mode" = lsmod ]; then
	# The modules this system loaded, for localmodconfig (make
	# distro-lsmod).
	{
		echo "# lsmod begin"
		lsmod
		echo "# lsmod end"
	} >&3
fi
echo "# boot: $(systemd-analyze time 2>&1 | head -n 1)" >&3
echo "<4>ia32test: console canary end" >/dev/kmsg
mark "done"
systemctl poweroff --no-block
