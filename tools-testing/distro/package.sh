#!/bin/bash
# package.sh SRC OUT PKGDIR KIND JOBS
# Build the kernel configured in OUT (kconfig.sh) from the tree SRC and
# package it the kernel's own way, make bindeb-pkg, and leave its
# linux-image .deb in PKGDIR (PKGDIR/debs names it).  bindeb-pkg writes
# its packages beside OUT, in build/distro/: the Debian revision says
# which kernel they are of (6.12.117-1+ours), so that the two kernels'
# linux-libc-dev and .changes do not take each other's names.  No
# linux-headers package (a build profile of the kernel's debian/control):
# nothing here builds modules out of tree, and it costs minutes.
# The compiler goes through ccache, in depend mode (no preprocessor run
# to hash a file), with the project's CCACHE_BASEDIR (the Makefile's).
set -eu
src=$1 out=$2 pkg=$3 kind=$4 jobs=$5
# make -C changes directory: every path absolute.
src=$(realpath "$src") out=$(realpath "$out") pkg=$(realpath -m "$pkg")
export CCACHE_DEPEND=1
# The modules' signing key, when it is a file of its own
# (signing-key.sh): its certificate goes into vmlinux by .incbin, which
# ccache does not see; with the key in every hash, no cached object
# can carry another key than this build's.
key=$(sed -n 's/^CONFIG_MODULE_SIG_KEY="\(\/.*\)"$/\1/p' "$out/.config")
[ -z "$key" ] || export CCACHE_EXTRAFILES="$key"
export DEB_BUILD_PROFILES=pkg.linux-upstream.nokernelheaders
# LOCALVERSION set and empty: the release is the version and the
# config's CONFIG_LOCALVERSION, with no "+" for a tree that is not at a
# tag (setlocalversion).
kmake=(make -C "$src" O="$out" LOCALVERSION= CC="ccache gcc" HOSTCC="ccache gcc")
version=$("${kmake[@]}" -s kernelversion)
debver=$version-1+$kind
rm -rf "$pkg"
mkdir -p "$pkg"
rm -f "$out"/../linux-image-*_"${debver}"_amd64.deb
"${kmake[@]}" -j"$jobs" KDEB_PKGVERSION="$debver" bindeb-pkg
deb=linux-image-$("${kmake[@]}" -s kernelrelease)_${debver}_amd64.deb
mv "$out/../$deb" "$pkg/"
echo "$pkg/$deb" >"$pkg/debs"
echo "package: $deb, $(du -k "$pkg/$deb" | cut -f1) KiB"
echo "ia32_emulation in it: $(dpkg-deb -c "$pkg/$deb" | awk '/ia32_emulation/ { print $6 }')"
# The CPU time of the build (user, system; of this shell, then of its
# children): what it would take on an idle machine.
times
