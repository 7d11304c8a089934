#!/bin/bash
# patchset.sh OURS_SRC OURS_OUT TOP TREE OUTDIR [VERDICTS.tsv [build]]
# Write the whole work as one `git format-patch` series with a cover letter
# into OUTDIR, for `git am` on a plain tree of the base:
#   the patches of patches/series; each new file of arch-x86-entry/ and
#   module/ (both go to arch/x86/entry/) arrives with the first patch whose
#   arch/x86/entry/Makefile builds it, a header of arch-x86-entry/ with
#   the first new file that includes it;
#   Documentation/ (admin guide, x86 design, sysfs ABI) with index entries;
#   a MAINTAINERS entry, added with the first new file and extended by each
#   patch that adds more.
# TREE is a git worktree of OURS_SRC's repository (tag "base": the
# pristine tree) where the series is assembled.
#
# With VERDICTS.tsv, also check the result, as verdicts (ours/patchset/...):
# it applies with git am to a clean tree of the base and checkpatch.pl
# --strict is clean on every patch.  With "build" (make patchset-check),
# also build and link vmlinux and the modules after every patch, with
# IA32_EMULATION_LOADABLE=y and with it off (in TREE/out-on, TREE/out-off,
# configured as our kernel): a bisection lands on a kernel that builds.
# And with $BISECT_INITRD (our kernel's initramfs) the kernel of each
# patch that comes before the module, built with the option, boots on
# both CPU models and runs plans/bisect: IA32 emulation disabled for the
# whole boot, every entry point shut ($BISECT_APPEND: the harness's
# command line).
set -eu
ours_src=$1 ours_out=$2 top=$3 tree=$4 outdir=$5 verdicts=${6:-} build=${7:-}
msgs=$top/tools-testing/patchset
export GIT_AUTHOR_NAME=ia32-ondemand GIT_AUTHOR_EMAIL=ia32-ondemand@localhost
export GIT_COMMITTER_NAME=ia32-ondemand GIT_COMMITTER_EMAIL=ia32-ondemand@localhost
GIT_AUTHOR_DATE=$(git -C "$top" log -1 --format=%aD)
export GIT_AUTHOR_DATE
export GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE

# A clean worktree at the base.
if ! git -C "$tree" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	rm -rf "$tree"
	git -C "$ours_src" worktree prune
	git -C "$ours_src" worktree add -q -f --detach "$tree" base
fi
cd "$tree"
for d in /out-on/ /out-off/ /out-i386/; do
	grep -qx "$d" "$(git rev-parse --git-common-dir)/info/exclude" 2>/dev/null ||
		echo "$d" >>"$(git rev-parse --git-common-dir)/info/exclude"
done
git am --abort >/dev/null 2>&1 || true
git checkout -q -f -B upstream base
git clean -fdqx -e /out-on -e /out-off -e /out-i386

# MAINTAINERS: the entry, in order before X86 MCE INFRASTRUCTURE, or one
# more F: line in it (kept sorted).
maintain() {	# PATTERN
	/usr/bin/python3 - "$1" <<'PY'
import sys

title = 'X86 LOADABLE IA32 EMULATION'
lines = open('MAINTAINERS').read().split('\n')
if title not in lines:
    at = lines.index('X86 MCE INFRASTRUCTURE')
    lines[at:at] = [title,
                    'M:\tia32-ondemand <ia32-ondemand@localhost>',
                    'L:\tx86@kernel.org',
                    'L:\tlinux-kernel@vger.kernel.org',
                    'S:\tMaintained', '']
start = lines.index(title)
end = lines.index('', start)
files = [l for l in lines[start:end] if l.startswith('F:\t')]
head = [l for l in lines[start:end] if not l.startswith('F:\t')]
files = sorted(set(files + ['F:\t' + sys.argv[1]]))
lines[start:end] = head + files
open('MAINTAINERS', 'w').write('\n'.join(lines))
PY
}

# Debian's top-level .gitignore ignores everything: add paths by force.
commit_paths() {	# MESSAGE-FILE PATH...
	msg=$1
	shift
	git add -A -f -- "$@"
	git commit -q -s -F "$msg"
}

# arch/x86/entry/NAME is in the tree at HEAD
tracked() {	# NAME
	git ls-files --error-unmatch "arch/x86/entry/$1" >/dev/null 2>&1
}

# The new file SRC into arch/x86/entry/, with its MAINTAINERS line
add_new() {	# SRC
	cp "$1" "arch/x86/entry/${1##*/}"
	maintain "arch/x86/entry/${1##*/}"
	git add -f "arch/x86/entry/${1##*/}" MAINTAINERS
}

# The headers that the C source on stdin includes with quotes, one a line
quoted_includes() {
	sed -nE 's/^#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/p'
}

# The number of commit C in the series, two digits
patch_number() {	# C
	printf %02d "$(git rev-list --count base.."$1")"
}

while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	git am -q --keep-cr "$top/patches/$p"
	# The patch whose Makefile first builds a new file adds it, with the
	# headers of arch-x86-entry/ that it includes.
	for f in "$top"/arch-x86-entry/*.c "$top"/module/*.c; do
		name=${f##*/}
		if ! tracked "$name" && grep -q "${name%.c}\.o" arch/x86/entry/Makefile; then
			add_new "$f"
			for h in $(quoted_includes <"$f"); do
				if [ -f "$top/arch-x86-entry/$h" ] && ! tracked "$h"; then
					add_new "$top/arch-x86-entry/$h"
				fi
			done
			git commit -q --amend --no-edit
		fi
	done
done <"$top/patches/series"
for f in "$top"/arch-x86-entry/*.[ch] "$top"/module/*.c; do
	tracked "${f##*/}" || { echo "patchset.sh: no patch builds ${f##*/}" >&2; exit 1; }
done

# The documentation.
cp "$top/Documentation/admin-guide/ia32-emulation-loadable.rst" Documentation/admin-guide/
cp "$top/Documentation/arch/x86/ia32-emulation-loadable.rst" Documentation/arch/x86/
cp "$top"/Documentation/ABI/testing/* Documentation/ABI/testing/
# What only the ia32-ondemand tree has (its make targets, its files) is
# marked in its documentation; the kernel's copy goes without it.
for f in Documentation/admin-guide/ia32-emulation-loadable.rst \
	 Documentation/arch/x86/ia32-emulation-loadable.rst; do
	/usr/bin/python3 - "$f" <<'PY'
import re
import sys

text = open(sys.argv[1]).read()
text = re.sub(r'^\.\. ia32-ondemand-tree:begin\n.*?^\.\. ia32-ondemand-tree:end\n',
              '', text, flags=re.M | re.S)
text = re.sub(r'\n{4,}', '\n\n\n', text).rstrip('\n') + '\n'
open(sys.argv[1], 'w').write(text)
PY
	if grep -n 'ia32-ondemand\|tools-testing\|Kconfig\.fragment\|make bench' "$f"; then
		echo "patchset.sh: $f names the ia32-ondemand tree outside its markers" >&2
		exit 1
	fi
done
sed -i 's/^   hw_random$/&\n   ia32-emulation-loadable/' Documentation/admin-guide/index.rst
sed -i 's/^   elf_auxvec$/&\n   ia32-emulation-loadable/' Documentation/arch/x86/index.rst
grep -q ia32-emulation-loadable Documentation/admin-guide/index.rst
grep -q ia32-emulation-loadable Documentation/arch/x86/index.rst
for f in "$top"/Documentation/ABI/testing/* \
	 Documentation/admin-guide/ia32-emulation-loadable.rst \
	 Documentation/arch/x86/ia32-emulation-loadable.rst; do
	maintain "Documentation/${f#*Documentation/}"
done
commit_paths "$msgs/docs.msg" Documentation MAINTAINERS

rm -rf "$outdir"
git format-patch -q --cover-letter --base=base -o "$outdir" base..upstream
cover=$(ls "$outdir"/0000-*)
subject=$(head -n 1 "$msgs/cover.txt")
/usr/bin/python3 - "$cover" "$msgs/cover.txt" "$subject" <<'PY'
import sys
path, blurb_path, subject = sys.argv[1:]
text = open(path).read()
blurb = open(blurb_path).read().split('\n', 1)[1].strip('\n')
text = text.replace('*** SUBJECT HERE ***', subject)
text = text.replace('*** BLURB HERE ***', blurb)
open(path, 'w').write(text)
PY
echo "patchset: $(ls "$outdir" | wc -l) files in $outdir"
ls "$outdir"
[ -n "$verdicts" ] || exit 0

# --- the checks ---------------------------------------------------------
VERDICTS=$verdicts
: >"$VERDICTS"
. "$top/tools-testing/qemu/verdict.sh"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Applies to a clean base.
git checkout -q -f -B applied base
git clean -fdqx -e /out-on -e /out-off -e /out-i386
rc=0
set --
for p in "$outdir"/*.patch; do
	case "$p" in */0000-*) ;; *) set -- "$@" "$p" ;; esac
done
git am -q "$@" >"$log" 2>&1 || rc=$?
[ "$rc" = 0 ] && ! git diff --quiet upstream HEAD && { echo "tree differs" >"$log"; rc=1; }
verdict ours/patchset/applies "$log" "$rc"

for p in "$outdir"/0*.patch; do
	case "$p" in */0000-*) continue ;; esac
	rc=0
	# checkpatch runs scripts/spdxcheck.py with the python3 of PATH; it
	# needs Debian's (python3-ply, python3-git).
	PATH=/usr/bin:/bin:$PATH ./scripts/checkpatch.pl --strict -q "$p" \
		>"$log" 2>&1 || rc=$?
	n=${p##*/}
	verdict "ours/patchset/checkpatch/${n%%-*}" "$log" "$rc"
done
# Each patch has the headers that its new files of arch/x86/entry
# include ("..."), so that it builds alone (make patchset-check builds it).
for c in $(git rev-list --reverse base..upstream); do
	n=$(patch_number "$c")
	: >"$log"
	for f in $(git ls-tree --name-only "$c" arch/x86/entry/); do
		case "$f" in *.c) ;; *) continue ;; esac
		git cat-file -e "base:$f" 2>/dev/null && continue
		for h in $(git show "$c:$f" | quoted_includes); do
			git cat-file -e "$c:arch/x86/entry/$h" 2>/dev/null ||
				echo "$f includes $h, which this patch does not have" >>"$log"
		done
	done
	rc=0
	[ -s "$log" ] && rc=1
	verdict "ours/patchset/includes/$n" "$log" "$rc"
done
[ "$build" = build ] || exit 0

# Builds and links after each patch, with the option and without: our
# kernel's configuration, and the same with IA32_EMULATION_LOADABLE off.
# Before the patch that adds the option to Kconfig there is only the
# build without it.  And a 32-bit kernel (i386 tinyconfig): the series
# touches headers that X86_32 builds too (asm/mmu_context.h, asm/ia32.h,
# entry/common.c).
kmake() {	# OUT TARGET...
	o=$1
	shift
	make -s -C "$tree" O="$tree/$o" CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$(nproc)" "$@"
}
# The kernel of patch NN without the module: plans/bisect on both CPU
# models, its verdicts (the harness's own included) under
# ours/bisect/NN/.
boot_bisect() {	# NN
	for cpu in intel amd; do
		o=$tree/out-on/bisect-$cpu
		rc=0
		"$top/tools-testing/qemu/run-vm.sh" out-on/arch/x86/boot/bzImage \
			"$BISECT_INITRD" "$cpu" bisect "$o" \
			"${BISECT_APPEND:-} ia32test.patch=$1" >"$log" 2>&1 || rc=$?
		verdict "ours/bisect/$1/$cpu/boots" "$log" "$rc"
		"$top/tools-testing/qemu/results.py" parse "$o.console" "$o.tap" |
			grep -v '^#' |
			sed "s|^ours/bisect/$1/|ours/bisect/$1/$cpu/|; t; s|^|ours/bisect/$1/$cpu/|" \
			>"$o.tsv"
		cat "$o.tsv" >>"$VERDICTS"
		# Every test of the plan gave a verdict (not "no plan", not
		# a plan cut short)
		tests=$(sed -n 's|^t \$B/\([^ ]*\) .*|\1|p' "$top/tools-testing/plans/bisect")
		rc=0
		[ -n "$tests" ] || rc=1
		: >"$log"
		for t in $tests; do
			cut -f1 "$o.tsv" | grep -qx "ours/bisect/$1/$cpu/$t" ||
				{ echo "no verdict for $t" >>"$log"; rc=1; }
		done
		verdict "ours/bisect/$1/$cpu/every-test-ran" "$log" "$rc"
		booted=$((booted + 1))
		cp "$o.console" "$(dirname "$VERDICTS")/bisect-$1-$cpu.console"
		cp "$o.tap" "$(dirname "$VERDICTS")/bisect-$1-$cpu.tap"
	done
}

git checkout -q -f base
git clean -fdqx -e /out-on -e /out-off -e /out-i386
mkdir -p out-on out-off out-i386
booted=0
for c in $(git rev-list --reverse base..upstream); do
	git checkout -q -f "$c"
	n=$(patch_number "$c")
	kinds="off i386"
	grep -q '^config IA32_EMULATION_LOADABLE$' arch/x86/Kconfig && kinds="on off i386"
	# Does this patch build the module (else: boot it, plans/bisect)
	module=no
	grep -q 'ia32_emulation\.o' arch/x86/entry/Makefile && module=yes
	# Kbuild leaves what an earlier patch built
	rm -f out-on/arch/x86/entry/ia32_emulation.ko out-on/arch/x86/boot/bzImage
	for kind in $kinds; do
		# set -e holds in the subshell only if its status is not
		# tested (as by ||): every step of it must count
		set +e
		(
			set -e
			git log -1 --format=%s "$c"
			if [ "$kind" = i386 ]; then
				kmake out-i386 ARCH=i386 tinyconfig
				if grep -q '^CONFIG_64BIT=y' out-i386/.config; then
					exit 1
				fi
				kmake out-i386 ARCH=i386 vmlinux
				exit 0
			fi
			cp "$ours_out/.config" "out-$kind/.config"
			if [ "$kind" = off ]; then
				sed -i 's/^CONFIG_IA32_EMULATION_LOADABLE=y$/# CONFIG_IA32_EMULATION_LOADABLE is not set/' \
					"out-$kind/.config"
			fi
			kmake "out-$kind" olddefconfig
			if [ "$kind" = on ]; then
				grep -qx CONFIG_IA32_EMULATION_LOADABLE=y "out-$kind/.config"
			else
				if grep -q '^CONFIG_IA32_EMULATION_LOADABLE=y' "out-$kind/.config"; then
					exit 1
				fi
			fi
			kmake "out-$kind" bzImage modules
			if [ "$kind" = on ] && [ "$module" = yes ]; then
				test -f "out-$kind/arch/x86/entry/ia32_emulation.ko"
				grep -qx arch/x86/entry/ia32_emulation.o "out-$kind/modules.order"
			elif [ "$kind" = on ]; then
				if grep -q ia32_emulation "out-$kind/modules.order"; then
					exit 1
				fi
			fi
		) >"$log" 2>&1
		rc=$?
		set -e
		verdict "ours/patchset/builds/$n-$kind" "$log" "$rc"
		if [ "$kind" = on ] && [ -n "${BISECT_INITRD:-}" ] && [ "$module" = no ]; then
			if [ "$rc" = 0 ]; then
				boot_bisect "$n"
			else
				echo "patch $n did not build: not booted" >"$log"
				verdict "ours/bisect/$n/boots" "$log" 1
			fi
		fi
	done
done
# The option arrives before the module: at least one kernel booted
if [ -n "${BISECT_INITRD:-}" ]; then
	echo "$booted boots of a kernel before the module" >"$log"
	rc=1
	[ "$booted" -gt 0 ] && rc=0
	verdict ours/bisect/ran "$log" "$rc"
fi
exit 0
