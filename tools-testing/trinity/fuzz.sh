#!/bin/sh
# fuzz.sh SECONDS: Debian's trinity in 32-bit mode for SECONDS (-a32:
# only i386 system calls, made with INT 0x80 from trinity's 64-bit
# children), as user nobody, while the ia32_emulation module is removed
# and loaded again every three seconds.  While it is out, each INT 0x80
# gets the #GP of a shut door and trinity replaces the child it killed.
#
# Passes when trinity ran until it was stopped and made enough system
# calls (the floor below), some of them successful, the module went out
# and back in at least once, and it is loaded at the end.  Kernel oopses,
# warnings and lockdep reports fail the test on the host, which reads the
# console.
secs=${1:-60}
# The floor: two system calls a second of fuzzing.  trinity counts a call
# when it returns ("Ran N syscalls. Successes: S" at the end); a call
# that hits a shut door kills the child before it returns and is not
# counted.  A broken run counts next to nothing: with the doors shut from
# the start (the reference booted with ia32_emulation=off) trinity made 6
# calls, none successful, gave the 32-bit calls up ("Tried 4 32-bit
# syscalls unsuccessfully") and stopped.  Healthy 60-second runs counted
# from 824 (the reference, doors open, both children blocked in system
# calls for half a minute; trinity also waits 10 s before it starts) to
# 34282 (ours, in make check): 120, the floor for 60 s, leaves those a
# margin of seven and more.
floor=$((secs * 2))
modprobe ia32_emulation || exit 1
rm -f /tmp/fuzz.stop /tmp/fuzz.cycles
(
	# Trinity gives up 32-bit system calls if its first few all fail:
	# let its children start with the module in.
	until pidof trinity-c0 >/dev/null || [ -e /tmp/fuzz.stop ]; do
		sleep 1
	done
	sleep 5
	n=0
	while [ ! -e /tmp/fuzz.stop ]; do
		sleep 2
		rmmod ia32_emulation 2>/dev/null && n=$((n + 1))
		sleep 1
		modprobe ia32_emulation
	done
	echo "$n" >/tmp/fuzz.cycles
) &
toggler=$!
# Its files on a small tmpfs of their own, and no memfd file descriptors
# (shmem with no size limit): trinity's fallocate() calls would otherwise
# fill the VM's memory and wake the OOM killer.
mkdir -p /tmp/trinity
mount -t tmpfs -o size=64m,mode=777 tmpfs /tmp/trinity || exit 1
cd /tmp/trinity || exit 1
# No socket file descriptors: trinity's own set-up of one socket of every
# family and protocol crashes trinity (a NULL dereference in trinity-main)
# on this configuration; the compat socket paths are compat_net_32's.
# No prlimit64() or setrlimit(): once a run left the plan's shell (root)
# with a file size limit, and every later test died of SIGXFSZ.
timeout -k 30 -s INT "$secs" trinity -a32 --dropprivs -q -l off -C 2 -s 1 \
	--disable-fds=sockets,memfd -x prlimit64 -x setrlimit \
	>/tmp/trinity.out 2>&1
rc=$?
touch /tmp/fuzz.stop
wait "$toggler"
cd / && umount /tmp/trinity
tail -n 20 /tmp/trinity.out
ran=$(sed -n 's/.*Ran \([0-9]*\) syscalls.*/\1/p' /tmp/trinity.out | tail -n 1)
ok=$(sed -n 's/.*Ran [0-9]* syscalls\. Successes: \([0-9]*\).*/\1/p' /tmp/trinity.out | tail -n 1)
cycles=$(cat /tmp/fuzz.cycles)
echo "fuzz: trinity exit $rc, ${ran:-no} syscalls (at least $floor)," \
	"${ok:-no} successes, $cycles unload/load cycles"
[ "${ran:-0}" -ge "$floor" ] || exit 1
[ "${ok:-0}" -gt 0 ] || exit 1
grep -q 'Bailing main loop because ctrl-c' /tmp/trinity.out || exit 1
[ "$cycles" -gt 0 ] || exit 1
grep -q '^ia32_emulation ' /proc/modules
