#!/bin/sh
# apply-series.sh REF_SRC OURS_SRC TOP
# Make OURS_SRC the pristine tree plus the new files of arch-x86-entry/ and
# module/ (both go to arch/x86/entry/) and the patches of patches/series,
# in order, with git am.  OURS_SRC is a git
# repository whose first commit is the pristine tree, so a changed series is
# re-applied from there and only the files that differ get a new mtime.
set -eu
ref=$1 ours=$2 top=$3
export GIT_AUTHOR_NAME=ia32-ondemand GIT_AUTHOR_EMAIL=build@localhost
export GIT_COMMITTER_NAME=ia32-ondemand GIT_COMMITTER_EMAIL=build@localhost
if ! git -C "$ours" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	rm -rf "$ours"
	mkdir -p "$ours"
	tar -C "$ref" --exclude=./.unpacked -cf - . | tar -C "$ours" -xf -
	cd "$ours"
	git init -q
	git config gc.auto 0
	git add -A -f .
	git commit -qm "Linux $(make -s kernelversion) as packaged by Debian"
	git tag base
fi
cd "$ours"
git am --abort >/dev/null 2>&1 || true
git checkout -q -f -B series base
git clean -fdq
# Debian's .gitignore ignores everything: the new files of an earlier
# series (one since renamed or deleted) are ignored files
git clean -fdqx -- arch/x86/entry
for f in "$top"/arch-x86-entry/*.[ch] "$top"/module/*.c; do
	[ -f "$f" ] || continue
	cp "$f" arch/x86/entry/
	echo "installed arch/x86/entry/${f##*/}"
done
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	echo "applying $p"
	git am -q --keep-cr "$top/patches/$p"
done <"$top/patches/series"
git log --oneline base..HEAD
