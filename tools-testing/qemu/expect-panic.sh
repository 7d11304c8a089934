#!/bin/sh
# expect-panic.sh CONSOLE NAME OUT.tsv STATE: the verdict of a run whose
# plan ends in a kernel panic (plans/int80-ipi): pass if the plan found
# IA32 emulation in STATE ("1", "0" or "built in"), nothing went wrong
# before it sent its interrupt, and after that the first report on the
# console is the panic the kernel owes it, "Kernel panic - not syncing:
# Unexpected external interrupt 0x80", and the plan did not go on; fail
# otherwise, with what the console has instead.
console=$1 name=$2 out=$3 state=$4
want='Kernel panic - not syncing: Unexpected external interrupt 0x80'
splat='WARNING:|BUG:|Oops|KASAN|UBSAN|general protection fault|Call Trace:|kmemleak|possible .*deadlock|Kernel panic|ia32test: modprobe .* failed'
send='ia32test: sending vector 0x80 to CPU 1'
before=$(sed -n "/$send/q;p" "$console" | tr -d '\r')
after=$(sed -n "/$send/,\$p" "$console" | tr -d '\r')
seen=$(echo "$before" | sed -n 's/.*ia32test: IA32 emulation enabled: //p')
if [ "$seen" != "$state" ]; then
	detail="IA32 emulation enabled: ${seen:-not said} before the interrupt, not $state"
elif echo "$before" | grep -qE "$splat"; then
	detail="before the interrupt: $(echo "$before" | grep -m1 -E "$splat")"
elif [ -z "$after" ]; then
	detail="the plan did not send the interrupt: $(grep 'ia32test:' "$console" | tail -n 1 | tr -d '\r')"
elif echo "$after" | grep -q 'ia32test: no panic'; then
	detail="no panic"
elif echo "$after" | grep -E "$splat" | head -n 1 | grep -qF "$want"; then
	printf '%s\tpass\t%s\n' "$name" "$want" >"$out"
	exit 0
else
	detail="first report after the interrupt: $(echo "$after" | grep -m1 -E "$splat" || echo nothing)"
fi
printf '%s\tfail\t%s\n' "$name" "$detail" >"$out"
