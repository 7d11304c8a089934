#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn VM runs into verdicts and hold our kernel against the reference.

parse OUT.console OUT.tap > OUT.tsv
    One line per test: name, verdict (pass/fail/skip), detail.  A kernel
    splat (oops, BUG, WARNING, lockdep, KASAN, ...) on the console while a
    test runs fails that test whatever it returned; one outside any test
    fails the pseudo-test "kernel-log"; a VM that did not finish its plan
    fails the pseudo-test "vm-finished" and every test it did not reach.

tap OUT.tsv > OUT.tap
    The verdicts as TAP.

compare --known FILE --summary FILE CPU REF.tsv[,..] OURS.tsv[,..] [CPU ...]
    Prints the table (test, cpu, reference, ours), writes the summary,
    and ends with "N passed, N failed".  A reference verdict that is not
    "pass" must be listed in the known file (pattern, cpu, verdict,
    reason); our verdict must equal the reference's.  Tests of our kernel
    only (ours/...) and each run's pseudo-tests must pass.
"""
import fnmatch
import re
import sys

SPLAT = re.compile(
    r'(BUG:|WARNING:|Oops|Kernel panic|kernel BUG|general protection fault,'
    r'|Call Trace:|INFO: possible|INFO: task .* blocked|possible circular'
    r'|possible recursive|inconsistent lock state|KASAN:|UBSAN:|KFENCE:'
    r'|kmemleak: .*new suspected|RCU detected stall|rcu: INFO:'
    r'|unreferenced object|stack-protector|double fault)')
MARK = re.compile(r'ia32test: (BEGIN|END) (\S+)')
TAP = re.compile(r'^(not ok|ok) \d+ (\S+)(?: # (.*))?$')


def clean(line):
    return line.replace('\r', '').rstrip('\n')


def parse(console, tap):
    splats = {}
    begun = []
    current = None
    finished = False
    with open(console, errors='replace') as f:
        for line in map(clean, f):
            m = MARK.search(line)
            if m:
                if m.group(1) == 'BEGIN':
                    current = m.group(2)
                    begun.append(current)
                else:
                    current = None
                continue
            if 'ia32test: done' in line:
                finished = True
            if SPLAT.search(line) and 'traps:' not in line:
                splats.setdefault(current or 'kernel-log', []).append(
                    line.strip())
    results = {}
    order = []
    with open(tap, errors='replace') as f:
        for line in map(clean, f):
            m = TAP.match(line.strip())
            if not m:
                continue
            name, directive = m.group(2), m.group(3) or ''
            if m.group(1) == 'ok':
                verdict = 'skip' if directive.startswith('SKIP') else 'pass'
            else:
                verdict = 'fail'
            results[name] = (verdict, directive)
            order.append(name)
    for name in begun:
        if name not in results:
            results[name] = ('fail', 'did not finish: VM died')
            order.append(name)
    for name, lines in splats.items():
        if name not in results:
            order.append(name)
        results[name] = ('fail', 'kernel splat: ' + lines[0][:120])
    if 'kernel-log' not in results:
        results['kernel-log'] = ('pass', 'no splat outside the tests')
        order.append('kernel-log')
    results['vm-finished'] = (('pass', 'plan completed') if finished else
                              ('fail', 'VM did not complete its plan'))
    order.append('vm-finished')
    for name in order:
        verdict, detail = results[name]
        print(f'{name}\t{verdict}\t{detail}')


PSEUDO = ('kernel-log', 'vm-finished')


def load(path):
    """Verdicts of one run; its pseudo-tests are named after the run."""
    run = path.rsplit('/', 1)[-1].rsplit('.', 1)[0]
    res = {}
    with open(path) as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 2:
                name = f'{run}:{parts[0]}' if parts[0] in PSEUDO else parts[0]
                res[name] = (parts[1], parts[2] if len(parts) > 2 else '')
    return res


def load_all(paths):
    res = {}
    for path in paths.split(','):
        res.update(load(path))
    return res


def load_known(path):
    known = []
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.rstrip('\n').split('\t')
            known.append((parts[0], parts[1], parts[2], parts[3]))
    return known


def expected(known, test, cpu):
    for pat, kcpu, verdict, reason in known:
        if fnmatch.fnmatchcase(test, pat) and kcpu in ('*', cpu):
            return verdict, reason
    return 'pass', ''


def compare(argv):
    known_path = argv[argv.index('--known') + 1]
    summary_path = argv[argv.index('--summary') + 1]
    rest = [a for i, a in enumerate(argv)
            if a not in ('--known', '--summary') and
            argv[i - 1] not in ('--known', '--summary')]
    known = load_known(known_path)
    rows = []
    for i in range(0, len(rest), 3):
        cpu, ref, ours = rest[i:i + 3]
        r, o = load_all(ref), load_all(ours)
        names = list(r) + [n for n in o if n not in r]
        for name in names:
            rows.append((name, cpu, r.get(name), o.get(name)))
    passed = failed = 0
    problems = []
    width = max([len(n) for n, *_ in rows] + [4])
    print(f'{"test":<{width}}  {"cpu":<5}  {"reference":<9}  {"ours":<9}')
    with open(summary_path, 'w') as out:
        out.write('test\tcpu\treference\tours\n')
        for name, cpu, r, o in rows:
            # Pseudo-tests of one run, and tests of our kernel only
            # (ours/...), have no counterpart: they must pass.
            single = ':' in name or name.startswith('ours/')
            rv = r[0] if r else ('-' if single else 'missing')
            ov = o[0] if o else ('-' if single else 'missing')
            out.write(f'{name}\t{cpu}\t{rv}\t{ov}\n')
            mark = ''
            for side, v, res in (('reference', rv, r), ('ours', ov, o)):
                if single and not res:
                    continue
                if single:
                    want, why = 'pass', ''
                elif side == 'reference':
                    want, why = expected(known, name, cpu)
                    why = f' ({why})' if why else ' (not listed as known)'
                else:
                    want, why = rv, ' (the reference\'s verdict)'
                if v == want:
                    passed += 1
                    continue
                failed += 1
                mark += f' <- {side}'
                problems.append(f'{name} [{cpu}] {side}: {v}, expected '
                                f'{want}{why}' + (f': {res[1]}' if res else ''))
            print(f'{name:<{width}}  {cpu:<5}  {rv:<9}  {ov:<9}{mark}')
    for p in problems:
        print('FAIL: ' + p)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


def tap(path):
    res = load(path)
    print('TAP version 13')
    print(f'1..{len(res)}')
    for i, (name, (verdict, detail)) in enumerate(res.items(), 1):
        if verdict == 'pass':
            print(f'ok {i} {name}')
        elif verdict == 'skip':
            print(f'ok {i} {name} # SKIP {detail}')
        else:
            print(f'not ok {i} {name} # {detail}')


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'tap':
        tap(sys.argv[2])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == 'parse':
        parse(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == 'compare':
        return compare(sys.argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
