#!/bin/sh
# run-vm.sh KERNEL INITRD CPU PLAN OUT [EXTRA_APPEND]
# Boot KERNEL with INITRD under QEMU TCG on the CPU model CPU (intel or
# amd), run PLAN, and leave OUT.console (serial console) and OUT.tap (the
# TAP stream of the second serial port).  PLAN "shell" is interactive.
# $VM_SMP (default 2) vCPUs, one per socket: without ACPI the kernel finds
# them in the MP table, which lists sockets; $QEMU_EXTRA: more QEMU options
# (-icount ...).
set -eu
kernel=$1 initrd=$2 cpu=$3 plan=$4 out=$5 extra=${6:-}
# SMAP off on both: QEMU 7.2 TCG mis-emulates SMAP on far transfers between
# 32- and 64-bit code.  The Intel-like model says CentaurHauls: Linux then
# patches the 32-bit vDSO to enter with SYSENTER, as on Intel, but it also
# programs MSR_CSTAR, which it skips on GenuineIntel because real Intel
# CPUs raise #UD for SYSCALL in compatibility mode.  TCG does not raise
# that #UD and jumps to the unset CSTAR: with vendor=GenuineIntel the
# reference kernel double-faults in syscall_arg_fault_32.
# See tools-testing/README.rst.
# One host thread for all vCPUs (thread=single): with a thread per vCPU
# (MTTCG) a vCPU can still run code translated before another vCPU
# patched it, and hits text_poke_bp()'s INT3 after the patching is done:
# "Oops: int3" within seconds when the module's static keys flip while
# INT 0x80 runs on the other vCPU.  The two vCPUs still interleave.
case $cpu in
intel) model=max,vendor=CentaurHauls,-smap door=sysenter ;;
amd) model=max,vendor=AuthenticAMD,-smap door=syscall ;;
*) echo "run-vm.sh: unknown CPU model $cpu" >&2; exit 2 ;;
esac
append="console=ttyS0 panic=-1 ia32test.plan=$plan ia32test.cpu=$cpu ia32test.door=$door $extra"
# shellcheck disable=SC2086
set -- qemu-system-x86_64 -accel tcg,thread=single -cpu "$model" -smp "${VM_SMP:-2},sockets=${VM_SMP:-2}" -m 1G \
	-no-reboot -kernel "$kernel" -initrd "$initrd" -append "$append" \
	${QEMU_EXTRA:-}
if [ "$plan" = shell ]; then
	exec "$@" -nographic -serial mon:stdio -serial null
fi
rm -f "$out.console" "$out.tap"
timeout --foreground "${VM_TIMEOUT:-1800}" "$@" -display none -monitor none \
	-serial "file:$out.console" -serial "file:$out.tap" </dev/null
