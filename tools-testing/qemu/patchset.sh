#!/bin/bash
# patchset.sh OURS_SRC OURS_OUT TOP TREE OUTDIR [VERDICTS.tsv]
# Write the whole work as one `git format-patch` series with a cover letter
# into OUTDIR, for `git am` on a plain tree of the base:
#   the patches of patches/series, the one that adds the gate also adding
#   arch-x86-entry/ia32_gate.c;
#   the module (module/, fs-binfmt/) as an in-tree module,
#   arch/x86/entry/ia32_emulation/, built with IA32_EMULATION_LOADABLE;
#   Documentation/ (admin guide, x86 design, sysfs ABI) with index entries;
#   a MAINTAINERS entry, added with the first new file and extended by each
#   patch that adds more.
# TREE is a git worktree of OURS_SRC's repository (tag "base": the
# pristine tree) where the series is assembled.
#
# With VERDICTS.tsv, also check the result, as verdicts (ours/patchset/...):
# it applies with git am to a clean tree of the base; checkpatch.pl --strict
# is clean on every patch; after each patch, every C file that the patch
# adds or changes compiles, and so does every C file of our kernel that
# includes a header the patch changes (in TREE's build directory,
# configured as our kernel); the module's files are among them.
set -eu
ours_src=$1 ours_out=$2 top=$3 tree=$4 outdir=$5 verdicts=${6:-}
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
grep -qx /out/ "$(git rev-parse --git-common-dir)/info/exclude" 2>/dev/null ||
	echo /out/ >>"$(git rev-parse --git-common-dir)/info/exclude"
git am --abort >/dev/null 2>&1 || true
git checkout -q -f -B upstream base
git clean -fdq -e /out

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

while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	git am -q --keep-cr "$top/patches/$p"
	# The patch that builds a new file of arch-x86-entry/ adds it.
	for f in "$top"/arch-x86-entry/*.c; do
		name=${f##*/}
		if ! git ls-files --error-unmatch "arch/x86/entry/$name" >/dev/null 2>&1 &&
		   grep -q "${name%.c}\.o" arch/x86/entry/Makefile; then
			cp "$f" "arch/x86/entry/$name"
			maintain "arch/x86/entry/$name"
			git add -f "arch/x86/entry/$name" MAINTAINERS
			git commit -q --amend --no-edit
		fi
	done
done <"$top/patches/series"

# The module, in tree.
mod=arch/x86/entry/ia32_emulation
mkdir -p "$mod"
cp "$top"/module/*.[ch] "$top"/fs-binfmt/*.[ch] "$mod/"
cat >"$mod/Makefile" <<'EOF'
# SPDX-License-Identifier: GPL-2.0
#
# ia32_emulation.ko: opens the 32-bit doors of IA32_EMULATION_LOADABLE and
# registers the i386 ELF loader, the kernel's own fs/compat_binfmt_elf.c.
#
obj-m := ia32_emulation.o
ia32_emulation-y := main.o ia32_binfmt_elf.o

CFLAGS_ia32_binfmt_elf.o += -I$(srctree)/fs
EOF
printf 'obj-$(CONFIG_IA32_EMULATION_LOADABLE)\t+= ia32_emulation/\n' >>arch/x86/entry/Makefile
maintain "$mod/"
commit_paths "$msgs/module.msg" "$mod" arch/x86/entry/Makefile MAINTAINERS

# The documentation.
cp "$top/Documentation/admin-guide/ia32-emulation-loadable.rst" Documentation/admin-guide/
cp "$top/Documentation/arch/x86/ia32-emulation-loadable.rst" Documentation/arch/x86/
cp "$top"/Documentation/ABI/testing/* Documentation/ABI/testing/
sed -i 's/^   hw_random$/&\n   ia32-emulation-loadable/' Documentation/admin-guide/index.rst
sed -i 's/^   elf_auxvec$/&\n   ia32-emulation-loadable/' Documentation/arch/x86/index.rst
grep -q ia32-emulation-loadable Documentation/admin-guide/index.rst
grep -q ia32-emulation-loadable Documentation/arch/x86/index.rst
for f in Documentation/ABI/testing/sysfs-kernel-ia32_emulation \
	 Documentation/ABI/testing/sysfs-module-ia32_emulation \
	 Documentation/admin-guide/ia32-emulation-loadable.rst \
	 Documentation/arch/x86/ia32-emulation-loadable.rst; do
	maintain "$f"
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
git clean -fdq -e /out
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

# Builds after each patch (a bisect run, cut to what a patch can break):
# configure as our kernel, then compile every C file the patch adds or
# changes, and every C file of our kernel's build that includes a header
# the patch changes, in one make.
out=$tree/out
mkdir -p "$out"
kmake() { make -s -C "$tree" O="$out" CC="ccache gcc" HOSTCC="ccache gcc" -j"$(nproc)" "$@"; }
git checkout -q -f base
git clean -fdq -e /out
for c in $(git rev-list --reverse base..upstream); do
	git checkout -q -f "$c"
	objs=$(
		# New files: the module's are built by its own Makefile.
		git diff --name-only --diff-filter=A "$c^" "$c" -- '*.c'
		{
			git diff --name-only --diff-filter=M "$c^" "$c" -- '*.c'
			for h in $(git diff --name-only --diff-filter=M "$c^" "$c" -- '*.h'); do
				git grep -l -F "#include <${h#*include/}>" -- '*.c'
			done
		} | while read -r f; do
			# Only what our kernel builds, and a file built as
			# part of another (kernel/sched/build_policy.c
			# includes cputime.c) through that one.
			if [ -f "$ours_out/${f%.c}.o" ]; then
				echo "$f"
				continue
			fi
			for g in $(git grep -l -F "#include \"${f##*/}\"" -- "${f%/*}/*.c"); do
				if [ -f "$ours_out/${g%.c}.o" ]; then
					echo "$g"
				fi
			done
		done
	)
	objs=$(echo "$objs" | sort -u | sed -n 's/\.c$/.o/p')
	rc=0
	(
		set -e
		git log -1 --format=%s "$c"
		# olddefconfig drops the options a patch has not added yet.
		cp "$ours_out/.config" "$out/.config"
		kmake olddefconfig
		echo "compile:" $objs
		# Nothing to compile (Kconfig, Makefile only): make alone
		# would build everything.
		if [ -n "$objs" ]; then
			kmake $objs
		fi
	) >"$log" 2>&1 || rc=$?
	verdict "ours/patchset/builds/$(printf %02d "$(git rev-list --count base.."$c")")" "$log" "$rc"
	grep '^compile:' "$log" || true
done
exit 0
