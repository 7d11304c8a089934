#!/bin/sh
# debian-image.sh PKGDIR
# Debian's own kernel package of the version of linux-source-6.12, the
# package built by Debian from the same source and configuration
# (linux-image-<version>+deb12-amd64, with every module Debian builds),
# and linux-base, which it depends on, downloaded from the archive apt is
# configured with into PKGDIR; PKGDIR/debs names them.  The reference of
# make distro-check and the kernel of make distro-lsmod.
set -eu
pkg=$1
version=$(dpkg-query -W -f='${Version}' linux-source-6.12)
release=${version%%-*}+deb12-amd64
rm -rf "$pkg"
mkdir -p "$pkg"
pkg=$(realpath "$pkg")
(cd "$pkg" && apt-get download "linux-image-$release=$version" linux-base)
ls "$pkg"/*.deb >"$pkg/debs"
echo "package: $(cd "$pkg" && ls linux-image-*.deb), $(du -k "$pkg"/linux-image-*.deb | cut -f1) KiB"
