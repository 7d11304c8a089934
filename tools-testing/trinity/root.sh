#!/bin/sh
# root.sh DIR: stage Debian's trinity (package trinity) in DIR for the
# test VM's initramfs: the binary, the shared libraries it links, a
# passwd with the user "nobody" its children switch to (--dropprivs), and
# tools-testing/trinity/fuzz.sh as /tests/fuzz.sh.
set -eu
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
bin=/usr/bin/trinity
rm -rf "$dir"
mkdir -p "$dir/usr/bin" "$dir/etc" "$dir/tests"
cp "$bin" "$dir/usr/bin/"
for lib in $(ldd "$bin" | sed -n 's|.* => \(/[^ ]*\) .*|\1|p; s|^[[:space:]]*\(/[^ ]*\) .*|\1|p'); do
	mkdir -p "$dir${lib%/*}"
	cp -L "$lib" "$dir$lib"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
	>"$dir/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/etc/group"
cp "$here/fuzz.sh" "$dir/tests/fuzz.sh"
dpkg-query -W -f='trinity ${Version}\n' trinity
find "$dir" -type f | sort
