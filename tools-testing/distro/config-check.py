#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""config-check.py SRC OUT DEBIAN.config LSMOD FRAGMENT...

Hold the Debian-config kernel in OUT (OUT/.config, trimmed by
localmodconfig; OUT/untrimmed.config, before) to what distro.mk
promises, and write OUT/config-report.txt:

- every option a fragment sets is set so (the last fragment wins);
- every option Debian's configuration has =y is =y, unless a fragment
  sets it otherwise, or it cannot be =y any more.  Which is which is
  asked of Kconfig itself: the lost options are set =y again on top of
  the trimmed configuration, the fragments once more after them, and
  olddefconfig run on that (in a file of its own, KCONFIG_CONFIG); an
  option that stays =y there was dropped although nothing needs it
  off, and fails the check.  The others depend on a module trimmed
  away (a driver's sub-options) or on what a fragment turned off (the
  debug information).
"""
import os
import re
import subprocess
import sys

LINE = re.compile(r'^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$')


def read(path):
    """A configuration or fragment: option -> value, 'n' when not set."""
    conf = {}
    with open(path) as f:
        for line in f:
            m = LINE.match(line.strip())
            if m:
                if m.group(1):
                    conf[m.group(1)] = m.group(2)
                else:
                    conf[m.group(3)] = 'n'
    return conf


def main(argv):
    src, out, debian, lsmod, *frags = argv
    final = read(os.path.join(out, '.config'))
    untrimmed = read(os.path.join(out, 'untrimmed.config'))
    deb = read(debian)
    asked = {}
    for frag in frags:
        asked.update(read(frag))
    report = []
    bad = []

    for opt, want in asked.items():
        have = final.get(opt, 'n')
        if have != want:
            bad.append(f'{opt}: a fragment asks for {want}, .config has {have}')

    lost = sorted(o for o, v in deb.items()
                  if v == 'y' and final.get(o, 'n') != 'y' and o not in asked)
    recheck = os.path.join(out, 'recheck.config')
    with open(os.path.join(out, '.config')) as f:
        text = f.read()
    with open(recheck, 'w') as f:
        f.write(text)
        f.writelines(f'{o}=y\n' for o in lost)
        for frag in frags:
            with open(frag) as g:
                f.write(g.read())
    subprocess.run(['make', '-s', '-C', src, f'O={out}',
                    'KCONFIG_CONFIG=recheck.config', 'olddefconfig'],
                   check=True, stdout=subprocess.DEVNULL)
    again = read(recheck)
    could = [o for o in lost if again.get(o) == 'y']
    for o in could:
        bad.append(f'{o}: =y in Debian\'s configuration, lost although '
                   'Kconfig lets it be =y')
    by_frag = [o for o in lost if o not in could and untrimmed.get(o) != 'y']
    by_trim = [o for o in lost if o not in could and untrimmed.get(o) == 'y']

    mods = sorted(o for o, v in final.items() if v == 'm')
    with open(lsmod) as f:
        listed = [ln.split()[0] for ln in f
                  if ln.strip() and not ln.startswith('Module ')]
    debm = sum(1 for v in deb.values() if v == 'm')
    deby = sum(1 for v in deb.values() if v == 'y')
    report.append(f'Debian: {deby} options =y, {debm} =m')
    report.append(f'trimmed to {len(listed)} loaded modules '
                  f'({os.path.basename(lsmod)}): {len(mods)} options =m, '
                  f'{sum(1 for v in final.values() if v == "y")} =y')
    report.append(f'fragments: {len(asked)} options, all as asked'
                  if not any('fragment' in b for b in bad) else
                  'fragments: NOT all as asked')
    report.append(f'Debian\'s =y kept: {deby - len(lost) - sum(1 for o in asked if deb.get(o) == "y" and final.get(o) != "y")}'
                  f' of {deby}')
    report.append(f'=y lost with the fragments\' choices ({len(by_frag)}): '
                  + ' '.join(by_frag))
    report.append(f'=y lost with the trimmed modules ({len(by_trim)}): '
                  + ' '.join(by_trim))
    report.append(f'=y lost although they could stay ({len(could)}): '
                  + ' '.join(could))
    report.append('modules (=m): ' + ' '.join(mods))
    with open(os.path.join(out, 'config-report.txt'), 'w') as f:
        f.write('\n'.join(report) + '\n')
    for line in report[:7]:
        print(line[:400])
    for b in bad:
        print('config-check: ' + b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
