#!/bin/sh
# run.sh DISK_DIR CPU OUT [EXTRA_APPEND]
# Boot the test system of DISK_DIR (root.sh: disk.img, and the vmlinuz
# and initrd.img its kernel package installed) under QEMU TCG on the CPU
# model CPU, as tools-testing/qemu/run-vm.sh does for the initramfs
# runs: same models (SMAP off; CentaurHauls for the Intel-like one), one
# host thread for both vCPUs (see run-vm.sh and tools-testing/README.rst
# for why).  The disk is a copy, so that each boot starts from the
# system as installed.  OUT.console is the serial console, OUT.tap the
# TAP stream of the second serial port.  OUT "shell": the console on
# this terminal, the tests not started (OUT.img is then shell.img in
# DISK_DIR).
# -nodefaults: no VGA, network card, floppy or CD-ROM, whose drivers a
# Debian kernel would load and localmodconfig would then keep.
set -eu
dir=$1 cpu=$2 out=$3 extra=${4:-}
case $cpu in
intel) model=max,vendor=CentaurHauls,-smap ;;
amd) model=max,vendor=AuthenticAMD,-smap ;;
*) echo "run.sh: unknown CPU model $cpu" >&2; exit 2 ;;
esac
kind=$(cat "$dir/kind")
[ "$out" = shell ] && out=$dir/shell
cp --sparse=always "$dir/disk.img" "$out.img"
append="root=/dev/vda rw console=ttyS0 panic=-1 printk.devkmsg=on syscall.x32=y"
# The tests' runs: nothing but the kernel on the console, whose lines
# results.py reads; systemd's status lines and the serial getty's prompt
# could run into them (the journal has them all).  The module's idle
# timeout from the command line (modprobe reads MODULE.PARAM= there;
# test.sh checks it took): ten minutes, so that a slow TCG guest on a
# busy host does not see IA32 emulation disabled between two tests.
[ "$out" = "$dir/shell" ] ||
	append="$append ia32distro.kind=$kind systemd.show_status=false systemd.mask=serial-getty@ttyS0.service ia32_emulation.idle_timeout=600"
# shellcheck disable=SC2086
set -- qemu-system-x86_64 -nodefaults -accel tcg,thread=single -cpu "$model" \
	-smp "${VM_SMP:-2},sockets=${VM_SMP:-2}" -m 2G -no-reboot \
	-kernel "$dir/vmlinuz" -initrd "$dir/initrd.img" -append "$append $extra" \
	-drive "file=$out.img,format=raw,if=virtio" ${QEMU_EXTRA:-}
if [ "$out" = "$dir/shell" ]; then
	"$@" -nographic -serial mon:stdio || true
	rm -f "$out.img"
	exit 0
fi
rm -f "$out.console" "$out.tap"
rc=0
timeout --foreground "${VM_TIMEOUT:-1800}" "$@" -display none -monitor none \
	-serial "file:$out.console" -serial "file:$out.tap" </dev/null || rc=$?
rm -f "$out.img"
exit $rc
