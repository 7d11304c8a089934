#!/bin/sh
# i386-root.sh OUTDIR
# Real i386 programs for the test VM, taken from Debian's archive as they
# are, never built here: bash, coreutils and python3.11 of the i386
# architecture with every shared library they need.
#
# OUTDIR becomes a tree merged into the initramfs root:
#   OUTDIR/i386/...                 the packages, unpacked with dpkg-deb -x
#   OUTDIR/lib/ld-linux.so.2        the PT_INTERP of every i386 program
#   OUTDIR/lib/i386-linux-gnu, OUTDIR/usr/lib/i386-linux-gnu
#                                   the dynamic loader's own search path
# The programs stay under /i386 so that nothing shadows the busybox applets
# the harness runs by name.  OUTDIR.versions lists Package and Version of
# every .deb; the .debs are kept in OUTDIR.debs, so that a run after the
# first downloads nothing unless the archive moved on.
set -eu
out=${1:?usage: i386-root.sh OUTDIR}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
debs=$out.debs
# What the tests run.  The shared libraries follow from their dependencies.
top="bash coreutils python3.11-minimal libpython3.11-stdlib"
export DEBIAN_FRONTEND=noninteractive
# shellcheck source=tools-testing/qemu/apt.sh
. "$(dirname "$0")/apt.sh"

# Host tools: readelf checks that the libraries are complete.
command -v readelf >/dev/null 2>&1 || apt-get install -y --no-install-recommends binutils

if ! dpkg --print-foreign-architectures | grep -qx i386; then
	dpkg --add-architecture i386
	fresh=1
else
	fresh=0
fi
# The archive's i386 index: fetched when the architecture is new or the
# index is missing; what counts is that every package below can be found.
have_index() {
	apt-cache show --no-all-versions libc6:i386 >/dev/null 2>&1
}
if [ "$fresh" = 1 ] || ! have_index; then
	apt_update
	have_index || { echo "i386-root.sh: no i386 package index" >&2; exit 1; }
fi

# Dependencies, followed from the programs to the libraries, one
# apt-cache call per level (apt here keeps no binary cache: every call
# reads the whole index).  Only "Multi-Arch: same" packages are taken:
# those are the ones that carry i386 code (the libraries); a "Multi-Arch:
# foreign" or architecture "all" dependency (base-files, tzdata,
# media-types, readline-common) is satisfied by the host's packages and
# brings no i386 code.  Of a list of alternatives the first is taken, as
# apt does; virtual packages (<name>) are left out: what provides them is
# foreign.  $out.pkgs: Package Version of each package taken.
i386() {	# PACKAGE...: the same names with :i386
	for p in "$@"; do printf '%s:i386 ' "$p"; done
}
todo=$top
: >"$out.pkgs"
while [ -n "$todo" ]; do
	# shellcheck disable=SC2046,SC2086
	take=$(apt-cache show --no-all-versions $(i386 $todo) |
		awk -v top=" $top " '
		/^Package: / { p = $2 }
		/^Version: / { v = $2 }
		/^Multi-Arch: / { ma = $2 }
		/^$/ {
			if (p != "" && (ma == "same" || index(top, " " p " ")))
				print p, v
			p = v = ma = ""
		}')
	[ -n "$take" ] || break
	echo "$take" >>"$out.pkgs"
	# shellcheck disable=SC2046
	todo=$(apt-cache depends --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances \
		$(i386 $(echo "$take" | cut -d' ' -f1)) |
		awk '
		/^ *\|?(Pre)?Depends: / {
			alt = ($1 ~ /^\|/)
			if (!skip && $2 !~ /^</) {
				sub(/:i386$/, "", $2)
				print $2
			}
			skip = alt
		}' | sort -u | while read -r p; do
			grep -q "^$p " "$out.pkgs" || echo "$p"
		done)
done
for p in $top; do
	grep -q "^$p " "$out.pkgs" || {
		echo "i386-root.sh: no i386 package $p" >&2
		exit 1
	}
done
sort -o "$out.pkgs" "$out.pkgs"
echo "i386 packages: $(cut -d' ' -f1 "$out.pkgs" | tr '\n' ' ')"

# Download what is not in the cache yet (apt-get download checks each
# .deb against the signed index).  A stale index gives a 404: refresh it
# once and try again.
mkdir -p "$debs"
# apt's download sandbox user must be able to write the directory.
chown _apt "$debs" 2>/dev/null || true
get=
files=
while read -r p v; do
	f=${p}_$(echo "$v" | sed 's/:/%3a/')_i386.deb
	files="$files $f"
	[ -s "$debs/$f" ] || get="$get $p:i386=$v"
done <"$out.pkgs"
if [ -n "$get" ]; then
	# shellcheck disable=SC2086
	(cd "$debs" && apt-get download $get) || {
		[ -z "${I386_ROOT_RETRY:-}" ] || exit 1
		apt_update
		I386_ROOT_RETRY=1 exec "$0" "$@"
	}
fi

# Unpack into a fresh tree; documentation, manual pages, translations and
# lintian overrides are no use in the VM, nor are glibc's iconv modules
# (gconv, 8 MB: only iconv_open() of a character set glibc does not
# build in loads them; Python has codecs of its own).
rm -rf "$out"
mkdir -p "$out/i386" "$out/lib" "$out/usr/lib"
: >"$out.versions.tmp"
for f in $files; do
	dpkg-deb -x "$debs/$f" "$out/i386"
	dpkg-deb -f "$debs/$f" Package Version |
		sed -n 's/^Package: //p; s/^Version: //p' | paste -sd ' ' >>"$out.versions.tmp"
done
rm -rf "$out/i386/usr/share/doc" "$out/i386/usr/share/man" \
	"$out/i386/usr/share/info" "$out/i386/usr/share/locale" \
	"$out/i386/usr/share/lintian" "$out/i386/usr/share/bug" \
	"$out/i386/usr/share/doc-base" "$out/i386/usr/lib/i386-linux-gnu/gconv"
# The paths an i386 program of Debian looks for: its interpreter and the
# loader's default library directories.
ln -s /i386/lib/i386-linux-gnu/ld-linux.so.2 "$out/lib/ld-linux.so.2"
ln -s /i386/lib/i386-linux-gnu "$out/lib/i386-linux-gnu"
ln -s /i386/usr/lib/i386-linux-gnu "$out/usr/lib/i386-linux-gnu"

# Python's pure-Python standard library (some 600 files) goes into
# lib/python311.zip, which CPython puts on sys.path by itself: the
# kernel's gen_initramfs.sh spends tens of milliseconds on every file, and
# one file keeps the initramfs quick to build.  os.py stays in place too,
# as the landmark by which python3.11 finds its prefix (/i386/usr) from
# its own path, and lib-dynload (the C extensions, which cannot be
# imported from a zip) stays a directory.  Each module is compiled, as
# py3compile would on installation, with the host's python3 when it has
# the same bytecode magic number as the i386 one; otherwise the zip holds
# the sources alone and python compiles them at each import.
py=$out/i386/usr/lib/python3.11
magic=$(sed -n 's/^MAGIC_NUMBER = (\([0-9]*\)).*/\1/p' "$py/importlib/_bootstrap_external.py")
/usr/bin/python3 - "$py" "$out/i386/usr/lib/python311.zip" "$magic" <<'EOF'
import importlib.util
import os
import py_compile
import shutil
import sys
import tempfile
import zipfile

src, dst, magic = sys.argv[1], sys.argv[2], int(sys.argv[3])
vm_dst = dst[dst.index("/i386/"):]
compile_ok = magic == int.from_bytes(importlib.util.MAGIC_NUMBER[:2], "little")
tmp = tempfile.mkdtemp()
nsrc = npyc = 0
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for dirpath, dirnames, filenames in os.walk(src):
        if dirpath == src:
            dirnames.remove("lib-dynload")
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            arc = os.path.relpath(path, src)
            # An absolute link (sitecustomize.py -> /etc/python3.11/...)
            # names a file outside the tree: it dangles in the VM anyway.
            if os.path.islink(path) and os.path.isabs(os.readlink(path)):
                continue
            z.write(path, arc)
            if not name.endswith(".py"):
                continue
            nsrc += 1
            if not compile_ok:
                continue
            # The legacy name next to the source: zipimport does not
            # look into __pycache__.  Unchecked hash: no timestamps to
            # match against the zip's.
            cfile = os.path.join(tmp, "x.pyc")
            try:
                py_compile.compile(
                    path, cfile=cfile, dfile=os.path.join(vm_dst, arc),
                    doraise=True,
                    invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            except py_compile.PyCompileError:
                # Test data that is not meant to compile.
                continue
            z.write(cfile, arc + "c")
            npyc += 1
for name in os.listdir(src):
    path = os.path.join(src, name)
    if name in ("lib-dynload", "os.py"):
        continue
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)
shutil.rmtree(tmp)
print("python311.zip: %d modules, %d compiled (bytecode magic %d, host %s)"
      % (nsrc, npyc, magic, "same" if compile_ok else "differs"))
EOF

# Every shared library an ELF file of the tree names (DT_NEEDED) must be
# in the tree, in the loader's directories or its own RUNPATH: a missing
# one means a dependency was not followed.
# One readelf for all files; it names each file when given more than one
# (hence /dev/null), and non-ELF files only make it complain on stderr.
# Lines out: FILE NEEDED [RUNPATH...].
libdirs="$out/i386/lib/i386-linux-gnu $out/i386/usr/lib/i386-linux-gnu"
missing=
needed=$(find "$out/i386" -type f \( -perm -u+x -o -name '*.so*' \) \
	-exec readelf -d /dev/null {} + 2>/dev/null |
	awk '
	function flush(i) {
		for (i = 1; i <= n; i++)
			print file, need[i], rp
		n = 0
		rp = ""
	}
	/^File: / { flush(); file = $2 }
	/\(NEEDED\)/ { need[++n] = substr($NF, 2, length($NF) - 2) }
	/\((RUNPATH|RPATH)\)/ {
		rp = substr($NF, 2, length($NF) - 2)
		d = file
		sub(/\/[^\/]*$/, "", d)
		gsub(/\$ORIGIN/, d, rp)
		gsub(/:/, " ", rp)
	}
	END { flush() }')
# shellcheck disable=SC2086
while read -r f n runpath; do
	[ -n "$f" ] || continue
	found=
	for d in $libdirs $runpath; do
		[ -e "$d/$n" ] && found=1
	done
	[ -n "$found" ] || missing="$missing ${f#"$out"/}:$n"
done <<EOF
$needed
EOF
if [ -n "$missing" ]; then
	echo "i386-root.sh: shared libraries not found:$missing" >&2
	exit 1
fi
[ -x "$out/i386/lib/i386-linux-gnu/ld-linux.so.2" ] || {
	echo "i386-root.sh: no i386 dynamic loader" >&2
	exit 1
}
mv "$out.versions.tmp" "$out.versions"
cat "$out.versions"
du -sh "$out"
