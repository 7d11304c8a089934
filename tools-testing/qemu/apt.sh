# shellcheck shell=sh
# apt.sh: sourced by the scripts that take packages from Debian's archive
# (qemu/install-deps.sh, qemu/i386-root.sh, bench/install-deps.sh).
#
# apt_missing PACKAGE...
#   Prints those of PACKAGE... that are not installed, each after a space.
# apt_update [APT-GET-OPTION...]
#   apt-get update that goes on when it fails: one index caught in a
#   mirror sync (a suite, an architecture) fails the update as a whole,
#   although the index needed may be there.  What counts is the install
#   or download that follows, which fails if a package cannot be found.
apt_missing() {
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed' || printf ' %s' "$p"
	done
}

# shellcheck disable=SC2120 # the options are optional
apt_update() {
	apt-get "$@" update ||
		echo "warning: apt-get update reported errors; going on with the index there is" >&2
}
