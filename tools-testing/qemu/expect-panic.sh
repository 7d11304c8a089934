#!/bin/sh
# expect-panic.sh CONSOLE NAME OUT.tsv: the verdict of a run whose plan
# ends in a kernel panic (plans/int80-ipi): pass if, after the plan sent
# its interrupt, the console has the panic the kernel owes it, "Kernel
# panic - not syncing: Unexpected external interrupt 0x80", and the plan
# did not go on; fail otherwise, with what the console has instead.
console=$1 name=$2 out=$3
want='Kernel panic - not syncing: Unexpected external interrupt 0x80'
after=$(sed -n '/ia32test: sending vector 0x80 to CPU 1/,$p' "$console" | tr -d '\r')
if [ -z "$after" ]; then
	detail="the plan did not send the interrupt: $(grep 'ia32test:' "$console" | tail -n 1 | tr -d '\r')"
elif echo "$after" | grep -q 'ia32test: no panic'; then
	detail="no panic"
elif echo "$after" | grep -qF "$want"; then
	printf '%s\tpass\t%s\n' "$name" "$want" >"$out"
	exit 0
else
	detail="no such panic: $(echo "$after" | grep -m1 -E 'panic|Oops|BUG' || echo nothing)"
fi
printf '%s\tfail\t%s\n' "$name" "$detail" >"$out"
