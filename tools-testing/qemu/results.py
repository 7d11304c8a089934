#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn VM runs into verdicts and hold our kernel against the reference.

parse OUT.console OUT.tap > OUT.tsv
    One line per verdict of one run (a header line first):
        NAME  OUTCOME  RC  OK  FAIL  SKIP  DETAIL
    OUTCOME is pass, skip, fail, timeout (killed by the init's bound) or
    died (the VM stopped while the test ran); RC its exit status; OK,
    FAIL and SKIP the [OK], [FAIL] and [SKIP] lines it printed (the
    kernel's selftests report each check so).  Each test has a second
    verdict, NAME:splat: pass when the kernel printed no oops, BUG,
    WARNING, lockdep, KASAN... report between the test's BEGIN and END
    markers.  Only kernel log lines count (they carry printk's time
    stamp, "[   12.345678] "); the markers are kernel log lines too, so
    a report lands between the markers of the test that caused it.  The
    run's pseudo-verdicts: kernel-log (no report before the first test),
    kernel-log-after:TEST (a report between TEST's END and the next
    BEGIN: only present when there was one), vm-finished (the plan
    completed).  "-" stands for a value that does not apply.

tap OUT.tsv > OUT.tap
    The verdicts as TAP.

manifest MAKEFILE DIR OUT
    Write to OUT the selftests tools/testing/selftests/x86/MAKEFILE
    builds (TARGETS_C_*, with _32 and _64), and fail if one of them is
    not an executable in DIR.

required RUN.tsv...
    Print the --require lines of these runs: per kind of run, every
    verdict all its runs give.

compare --known FILE --summary FILE [--expect FILE --suite RUN=PREFIX,..]
        [--require FILE] [--like REGEX=REPLACEMENT ...] [--through-like]
        LABEL REF.tsv[,..] OURS.tsv[,..] ...
    Prints the table (test, cpu, reference, ours), writes the summary,
    and ends with "N passed, N failed".  Per test and CPU model:
    - the reference must pass, or give exactly the verdict and exit
      status the known file lists for it;
    - ours must give the reference's outcome and exit status, and print
      as many [OK], [FAIL] and [SKIP] lines, unless the known file lists
      the test as count-exempt;
    - on both sides, no kernel splat while the test ran (TEST:splat);
    - a test missing on either side fails; every selftest of the
      --expect list must be in every run named by --suite, with each
      prefix given there (RUN is the run's kind, its name without the
      CPU model: "--suite ours=,nomod/" asks ours-intel.tsv for
      "sigreturn_64" and "nomod/sigreturn_64");
    - every verdict the --require file names must be in every run of
      its kind (lines "KIND NAME": "ours" for ours-intel.tsv,
      "distro-ours" for distro-ours-amd.tsv, "style" for style.tsv): a
      test only ours runs has no reference to be missed by;
    - a test of ours that the reference runs under another name takes
      that test's verdict as the reference's (--like, a regular
      expression over the whole name and its replacement: with
      "--like 'policy/(.*_64)=nomod/\1'" ours' policy/ldt_gdt_64 must give
      what the reference gives for nomod/ldt_gdt_64).
    With --through-like the reference runs are only that: a verdict of
    theirs that no test of ours has, by its name or through --like, is
    not compared (a run of ours with its suite under another prefix, as
    the debug kernel's debug/, against the reference's plain run; --suite
    and --require then say what that run must have).
    Tests of our kernel only (ours/...) and each run's pseudo-verdicts
    must pass.  Files of three columns (NAME, pass|fail, DETAIL) are
    verdicts of the quality gates, compared the same way.

The known file: TEST-PATTERN, CPU (or *), OUTCOME, RC, REASON.  In the
pattern "*" and "?" do not match "/".  OUTCOME "count-exempt" (RC "-")
frees the test's counts from the comparison.
"""
import copy
import os
import re
import sys

# A kernel log line on the console: printk's time stamp, wherever it
# starts (the init's output, which goes through the tty, can be cut by
# a kernel message in the middle of a line).
KLINE = re.compile(r'\[\s*\d+\.\d{6}\](?:\[\s*[TC]\d+\])? (.*)$')
SPLAT = re.compile(
    r'(BUG:|WARNING:|Oops|Kernel panic|kernel BUG|general protection fault,'
    r'|Call Trace:|INFO: possible|INFO: task .* blocked|possible circular'
    r'|possible recursive|inconsistent lock state|KASAN:|UBSAN:|KFENCE:'
    r'|kmemleak: .*new suspected|RCU detected stall|rcu: INFO:'
    r'|unreferenced object|stack-protector|double fault|Unable to handle'
    r'|LOCKUP|Bad page|corruption|printk messages dropped'
    r'|No irq handler for vector|NOHZ tick-stop error)')
# What show_signal() and fixup_iopl_exception() in
# arch/x86/kernel/traps.c print about a user task ("traps: comm[pid]
# general protection fault ip:... sp:... error:... in ..."): the task's
# business, not a kernel splat.  Everything else with "traps:" is the
# kernel's ("traps: PANIC: double fault, ...").
USER_TRAP = re.compile(r'traps: [^\[\]]+\[\d+\] (?!.*PANIC).* ip:[0-9a-f]+\b')
MARK = re.compile(r'ia32test: (BEGIN|END) (\S+)(?: (.*))?$')
TAP = re.compile(r'^(not ok|ok) \d+ (\S+)(?: # (.*))?$')
KEYS = ('rc', 'ok', 'fail', 'skip')
OUTCOMES = ('pass', 'skip', 'fail', 'timeout', 'died')
PSEUDO = re.compile(r'^(kernel-log|kernel-log-after:.*|vm-finished|console)$')
# Written by the init to /dev/kmsg at KERN_WARNING, the level of a
# WARNING: when it starts and before "done".  Both must come back on the
# console as kernel lines, or kernel reports would not be seen.
CANARY = re.compile(r'ia32test: console canary (start|end)$')
HEADER = '#test\toutcome\trc\tok\tfail\tskip\tdetail'


def clean(line):
    return line.replace('\r', '').replace('\0', '').rstrip('\n')


def fields(text):
    """key=value words of a directive or marker."""
    return dict(w.split('=', 1) for w in text.split() if '=' in w)


def result(outcome, words, detail):
    """An outcome and the init's key=value words, as a row's columns."""
    values = fields(words)
    cols = [values.get(k, '-') for k in KEYS]
    if not all(re.fullmatch(r'-|\d+', c) for c in cols):
        return 'fail', '-', '-', '-', '-', f'malformed: {words}'
    if 'secs' in values:
        detail = f'secs={values["secs"]} {detail}'.strip()
    return (outcome, *cols, detail)


def read_tap(path):
    """Verdict lines of the TAP stream, by test name, in order."""
    tests = {}
    dups = []
    with open(path, errors='replace') as f:
        for line in map(clean, f):
            m = TAP.match(line.strip())
            if not m:
                continue
            name, directive = m.group(2), m.group(3) or ''
            word = directive.split()[0] if directive.split() else ''
            if m.group(1) == 'ok':
                outcome = 'skip' if word == 'SKIP' else 'pass'
            else:
                outcome = 'timeout' if word == 'TIMEOUT' else 'fail'
            if name in tests:
                dups.append(name)
            tests.setdefault(name, (outcome, directive))
    return tests, dups


def read_console(path):
    """The kernel log lines of the console, cut into tests."""
    begun = []          # tests with a BEGIN marker, in order
    ended = {}          # test: (outcome, marker words)
    splats = {}         # test or pseudo-test: [lines]
    anomalies = []
    current = None
    last = None
    finished = False
    canaries = set()
    with open(path, errors='replace') as f:
        for line in map(clean, f):
            # The init's markers come on the console tty (no time stamp),
            # the kernel's messages through printk (with one).
            k = KLINE.search(line)
            msg = k.group(1).strip() if k else line.strip()
            c = CANARY.match(msg)
            if c:
                if k:
                    canaries.add(c.group(1))
                continue
            m = MARK.match(msg)
            if m:
                kind, name, rest = m.group(1), m.group(2), m.group(3) or ''
                if kind == 'BEGIN':
                    if current is not None:
                        anomalies.append(f'{current}: BEGIN of {name} '
                                         'before its END')
                    current = name
                    begun.append(name)
                else:
                    if current != name:
                        anomalies.append(f'{name}: END without its BEGIN')
                    word = rest.split()[0] if rest.split() else ''
                    ended[name] = (word, rest)
                    current = None
                    last = name
                continue
            if msg == 'ia32test: done':
                finished = True
                continue
            if k and SPLAT.search(msg) and not USER_TRAP.match(msg):
                if current is not None:
                    where = current
                elif last is not None:
                    where = f'kernel-log-after:{last}'
                else:
                    where = 'kernel-log'
                splats.setdefault(where, []).append(msg)
    return begun, ended, splats, anomalies, finished, canaries


def parse(console, tap):
    tap_tests, dups = read_tap(tap)
    begun, ended, splats, anomalies, finished, canaries = read_console(console)
    rows = []
    names = list(tap_tests) + [n for n in begun if n not in tap_tests]
    for name in names:
        if name in tap_tests:
            outcome, directive = tap_tests[name]
            row = result(outcome, directive, '')
            if name in ended:
                # The END marker says the same, or one of them lies.
                word, rest = ended[name]
                if (word, fields(rest)) != (outcome, fields(directive)):
                    row = ('fail', '-', '-', '-', '-',
                           f'TAP "{directive}" and END marker "{rest}" differ')
            if name in dups:
                row = ('fail', '-', '-', '-', '-', 'more than one verdict')
        elif name in ended:
            word, rest = ended[name]
            if word not in OUTCOMES:
                word = 'fail'
            row = result(word, rest, 'no TAP line, verdict of the END marker')
        else:
            row = ('died', '-', '-', '-', '-', 'the VM stopped while it ran')
        rows.append((name, *row))
        # The kernel's messages can only be placed between markers; a
        # test the VM died in has what came after its BEGIN.
        died = row[0] == 'died'
        if name not in begun or (name not in ended and not died):
            rows.append((f'{name}:splat', 'fail', '-', '-', '-', '-',
                         'no BEGIN and END markers on the console'))
        elif name in splats:
            rows.append((f'{name}:splat', 'fail', '-', '-', '-', '-',
                         f'{len(splats[name])} splat lines: '
                         + splats[name][0][:160]))
        else:
            rows.append((f'{name}:splat', 'pass', '-', '-', '-', '-',
                         'no kernel splat while it ran'))
    if 'kernel-log' in splats:
        rows.append(('kernel-log', 'fail', '-', '-', '-', '-',
                     'splat before the first test: '
                     + splats['kernel-log'][0][:160]))
    else:
        rows.append(('kernel-log', 'pass', '-', '-', '-', '-',
                     'no splat before the first test'))
    for where, lines in splats.items():
        if where.startswith('kernel-log-after:'):
            rows.append((where, 'fail', '-', '-', '-', '-',
                         f'{len(lines)} splat lines after the test: '
                         + lines[0][:160]))
    # A VM that died has no end canary; vm-finished says so.
    missing = [c for c in (('start', 'end') if finished else ('start',))
               if c not in canaries]
    if missing:
        rows.append(('console', 'fail', '-', '-', '-', '-',
                     'no kernel line "ia32test: console canary '
                     + ' / '.join(missing) + '": kernel warnings do not '
                     'reach the console with their time stamp'))
    else:
        rows.append(('console', 'pass', '-', '-', '-', '-',
                     'kernel warnings reach the console'))
    if not finished:
        rows.append(('vm-finished', 'fail', '-', '-', '-', '-',
                     'the VM did not complete its plan'))
    elif anomalies:
        rows.append(('vm-finished', 'fail', '-', '-', '-', '-',
                     'markers out of order: ' + '; '.join(anomalies)[:200]))
    else:
        rows.append(('vm-finished', 'pass', '-', '-', '-', '-',
                     'plan completed'))
    print(HEADER)
    for row in rows:
        print('\t'.join(str(c).replace('\t', ' ') for c in row))


class Rec:
    """One test of one run: its verdict, and the splat verdict beside."""

    def __init__(self, run, outcome, rc='-', counts=None, detail=''):
        self.run = run
        self.outcome = outcome
        self.rc = rc
        self.counts = counts        # (ok, fail, skip), or None
        self.detail = detail
        self.splat = None           # (verdict, detail); None: no such verdict
        self.alias = None           # the reference's name, when it differs

    def cell(self):
        if self.rc == '-':
            return self.outcome
        return f'{self.outcome} rc={self.rc}'

    def counts_text(self):
        if not self.counts:
            return 'no counts'
        return 'ok={} fail={} skip={}'.format(*self.counts)


def run_name(path):
    return os.path.basename(path).rsplit('.', 1)[0]


# The CPU models of the runs (qemu/run-vm.sh), the last word of their
# names.
CPUS = ('intel', 'amd')


def run_kind(run):
    """The kind of a run: its name without the CPU model (ours-intel:
    ours, distro-ref-amd: distro-ref), or the whole name of a run of no
    CPU model (style, debian-config)."""
    kind, _, cpu = run.rpartition('-')
    return kind if kind and cpu in CPUS else run


def load(path):
    """Verdicts of one run; its pseudo-tests are named after the run."""
    run = run_name(path)
    res = {}
    splats = {}
    dups = []
    with open(path) as f:
        lines = [line.rstrip('\n').split('\t') for line in f]
    parsed = bool(lines) and lines[0] == HEADER.split('\t')
    for parts in lines[1:] if parsed else lines:
        if not parts[0] or parts[0].startswith('#'):
            continue
        if parsed and len(parts) == 7:
            name, outcome, rc, ok, fail, skip, detail = parts
            if name.endswith(':splat'):
                splats[name[:-len(':splat')]] = (outcome, detail)
                continue
            counts = (None if '-' in (ok, fail, skip)
                      else (int(ok), int(fail), int(skip)))
            rec = Rec(run, outcome, rc, counts, detail)
        elif not parsed and len(parts) >= 2:
            name = parts[0]
            rec = Rec(run, parts[1], '-', None,
                      parts[2] if len(parts) > 2 else '')
        else:
            name = f'{run}:malformed'
            rec = Rec(run, 'fail', detail='malformed line: '
                      + ' '.join(parts)[:100])
        if parsed and PSEUDO.match(name):
            name = f'{run}:{name}'
        if name in res:
            dups.append(name)
        res[name] = rec
    for name, rec in res.items():
        if parsed and not name.startswith(f'{run}:'):
            rec.splat = splats.pop(name, ('fail', 'no splat verdict'))
    for name, (verdict, detail) in splats.items():
        # A splat verdict without its test: the row is broken.
        rec = Rec(run, 'fail', detail='splat verdict without its test')
        rec.splat = (verdict, detail)
        res[name] = rec
    for name in dups:
        res[name] = Rec(run, 'fail', detail='more than one verdict in '
                        + os.path.basename(path))
    return res


def load_all(paths):
    """The runs of one side, merged; a test in two of them fails."""
    res, runs = {}, {}
    for path in paths.split(','):
        one = load(path)
        runs[run_name(path)] = one
        for name, rec in one.items():
            if name in res:
                rec = Rec(rec.run, 'fail',
                          detail=f'in both {res[name].run} and {rec.run}')
            res[name] = rec
    return res, runs


def glob_re(pattern):
    """A glob whose * and ? stay within one path component."""
    out = ''
    for c in pattern:
        out += {'*': '[^/]*', '?': '[^/]'}.get(c, re.escape(c))
    return re.compile(out + r'\Z')


def load_known(path):
    known = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.rstrip('\n').split('\t')
            if (len(parts) != 5 or not re.fullmatch(r'-|\d+', parts[3]) or
                    parts[2] not in OUTCOMES + ('count-exempt',)):
                raise SystemExit(f'{path}:{n}: want TEST, CPU, OUTCOME, '
                                 f'RC, REASON: {line.strip()}')
            known.append((glob_re(parts[0]), parts[1], parts[2], parts[3],
                          parts[4]))
    return known


def expected(known, test, cpu):
    """What the reference must give: (outcome, rc, reason)."""
    for pat, kcpu, outcome, rc, reason in known:
        if (outcome != 'count-exempt' and pat.match(test) and
                kcpu in ('*', cpu)):
            return outcome, rc, reason
    return 'pass', '0', ''


def count_exempt(known, test, cpu):
    return any(outcome == 'count-exempt' and pat.match(test) and
               kcpu in ('*', cpu) for pat, kcpu, outcome, _, _ in known)


def options(argv, names, multi, flags=()):
    """--name VALUE options and --flag switches out of argv; the rest in
    order."""
    opts = {n: [] for n in names + multi}
    opts.update({f: False for f in flags})
    rest = []
    i = 0
    while i < len(argv):
        if argv[i] in flags:
            opts[argv[i]] = True
            i += 1
        elif argv[i] in opts:
            if i + 1 >= len(argv):
                raise SystemExit(f'{argv[i]} wants a value')
            opts[argv[i]].append(argv[i + 1])
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    for n in names:
        if len(opts[n]) > 1:
            raise SystemExit(f'{n} given twice')
        opts[n] = opts[n][0] if opts[n] else None
    return opts, rest


def read_list(path):
    with open(path) as f:
        return [w for w in (line.split('#', 1)[0].strip() for line in f) if w]


def read_required(path):
    """KIND NAME lines: the verdicts every run of KIND (run_kind) must
    give."""
    out = {}
    for line in read_list(path):
        kind, _, name = line.partition(' ')
        if not name.strip():
            raise SystemExit(f'{path}: want KIND NAME: {line}')
        out.setdefault(kind, []).append(name.strip())
    return out


def suite_prefixes(specs):
    suites = {}
    for spec in specs:
        run, sep, prefixes = spec.partition('=')
        if not sep:
            raise SystemExit(f'--suite {spec}: want RUN=PREFIX[,PREFIX]')
        suites[run] = prefixes.split(',')
    return suites


def judge(name, cpu, r, o, known):
    """The verdicts of one row: [(side, passed, problem)]."""
    out = []
    single = name.startswith('ours/') or ':' in name
    for side, rec in (('reference', r), ('ours', o)):
        if rec is None:
            if not single:
                out.append((side, False, 'missing'))
            continue
        if rec.splat is not None:
            verdict, detail = rec.splat
            out.append((side + ' splat', verdict == 'pass',
                        f'kernel splat while it ran: {detail}'))
        if single and side == 'reference' and name.startswith('ours/'):
            # Only our kernel gives these: the run booted ours.
            out.append((side, False, f'{rec.cell()}, a test of our kernel '
                        f'only, in a reference run: {rec.detail}'))
        elif single:
            out.append((side, rec.outcome == 'pass',
                        f'{rec.cell()}, must pass: {rec.detail}'))
        elif side == 'reference':
            want, rc, reason = expected(known, rec.alias or name, cpu)
            why = f'known: {reason}' if reason else 'not listed as known'
            # A verdict of three columns has no exit status.
            ok = rec.outcome == want and rec.rc in (rc, '-' if want ==
                                                    'pass' else rc)
            out.append((side, ok, f'{rec.cell()}, expected {want} rc={rc} '
                        f'({why}): {rec.detail}'))
        elif r is None:
            out.append((side, False, f'{rec.cell()}, no reference verdict'))
        else:
            ok = rec.outcome == r.outcome and rec.rc == r.rc
            problem = f'{rec.cell()}, the reference {r.cell()}: {rec.detail}'
            if (ok and not count_exempt(known, name, cpu) and
                    rec.counts != r.counts):
                ok = False
                problem = (f'{rec.counts_text()}, the reference '
                           f'{r.counts_text()}')
            out.append((side, ok, problem))
    return out


def likes(specs):
    """--like REGEX=REPLACEMENT: the reference's verdict for a test of ours
    whose name matches is that of the reference's test so renamed."""
    out = []
    for spec in specs:
        regex, sep, repl = spec.partition('=')
        if not sep:
            raise SystemExit(f'--like {spec}: want REGEX=REPLACEMENT')
        out.append((re.compile(regex + r'\Z'), repl))
    return out


def stand_in(r, o, like):
    """Reference verdicts for the tests of ours named by --like."""
    for name in o:
        if name in r:
            continue
        for regex, repl in like:
            m = regex.match(name)
            if not m:
                continue
            src = r.get(m.expand(repl))
            if src is not None:
                rec = copy.copy(src)
                rec.alias = m.expand(repl)
                r[name] = rec
            break


def compare(argv):
    opts, rest = options(argv, ['--known', '--summary', '--expect',
                                '--require'], ['--suite', '--like'],
                         ['--through-like'])
    if not opts['--known'] or not opts['--summary'] or len(rest) % 3:
        print(__doc__, file=sys.stderr)
        return 2
    known = load_known(opts['--known'])
    expect = read_list(opts['--expect']) if opts['--expect'] else []
    suites = suite_prefixes(opts['--suite'])
    like = likes(opts['--like'])
    require = read_required(opts['--require']) if opts['--require'] else {}
    rows = []
    absent = []
    for i in range(0, len(rest), 3):
        cpu, ref, ours = rest[i:i + 3]
        r, ref_runs = load_all(ref)
        o, ours_runs = load_all(ours)
        stand_in(r, o, like)
        if opts['--through-like']:
            r = {name: rec for name, rec in r.items() if name in o}
        # Every verdict a run of this kind always gives: a test of ours
        # that vanished has no reference to be missed by.
        for runs in (ref_runs, ours_runs):
            for run, res in runs.items():
                for name in require.get(run_kind(run), []):
                    if name not in res:
                        absent.append((name, cpu, run))
        names = list(r) + [n for n in o if n not in r]
        # Every selftest in every suite run: one missing on both sides
        # would otherwise have no row at all.
        for side, runs in ((r, ref_runs), (o, ours_runs)):
            for run, res in runs.items():
                for prefix in suites.get(run_kind(run), []):
                    for test in expect:
                        name = prefix + test
                        if name not in res:
                            side.pop(name, None)
                            if name not in names:
                                names.append(name)
        for name in names:
            rows.append((name, cpu, r.get(name), o.get(name)))
    passed = failed = 0
    problems = []
    width = max([len(n) for n, *_ in rows] + [4])
    cw = 18
    print(f'{"test":<{width}}  {"cpu":<5}  {"reference":<{cw}}  ours')
    with open(opts['--summary'], 'w') as out:
        out.write('test\tcpu\treference\tours\treference splat\tours splat'
                  '\tproblems\n')
        for name, cpu, r, o in rows:
            single = name.startswith('ours/') or ':' in name
            cells = []
            for rec in (r, o):
                if rec is None:
                    cells.append('-' if single else 'missing')
                elif rec.alias:
                    cells.append(f'{rec.cell()} ({rec.alias})')
                elif rec.splat and rec.splat[0] != 'pass':
                    cells.append(rec.cell() + ' SPLAT')
                else:
                    cells.append(rec.cell())
            verdicts = judge(name, cpu, r, o, known)
            bad = [(side, p) for side, ok, p in verdicts if not ok]
            passed += len(verdicts) - len(bad)
            failed += len(bad)
            splat = [rec.splat[0] if rec and rec.splat else '-'
                     for rec in (r, o)]
            out.write(f'{name}\t{cpu}\t{cells[0]}\t{cells[1]}\t{splat[0]}'
                      f'\t{splat[1]}\t{len(bad)}\n')
            mark = ''.join(f' <- {side}' for side, _ in bad)
            print(f'{name:<{width}}  {cpu:<5}  {cells[0]:<{cw}}  '
                  f'{cells[1]:<{cw}}{mark}'.rstrip())
            for side, p in bad:
                problems.append(f'{name} [{cpu}] {side}: {p}'[:400])
        for name, cpu, run in absent:
            out.write(f'{name}\t{cpu}\tmissing from {run}\t-\t-\t-\t1\n')
            print(f'{name:<{width}}  {cpu:<5}  missing from {run}')
            problems.append(f'{name} [{cpu}] {run}: missing, every '
                            f'{run_kind(run)} run must give it '
                            f'({opts["--require"]})')
            failed += 1
    for p in problems:
        print('FAIL: ' + p)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


def tap(path):
    rows = []
    with open(path) as f:
        lines = [line.rstrip('\n').split('\t') for line in f]
    if lines and lines[0] == HEADER.split('\t'):
        for p in lines[1:]:
            if len(p) == 7:
                words = [f'{k}={v}' for k, v in zip(KEYS, p[2:6]) if v != '-']
                rows.append((p[0], p[1], ' '.join(words + [p[6]]).strip()))
    else:
        rows = [(p[0], p[1], p[2] if len(p) > 2 else '') for p in lines
                if len(p) >= 2 and not p[0].startswith('#')]
    print('TAP version 13')
    print(f'1..{len(rows)}')
    for i, (name, verdict, detail) in enumerate(rows, 1):
        if verdict == 'pass':
            line = f'ok {i} {name} # {detail}'
        elif verdict == 'skip':
            line = f'ok {i} {name} # SKIP {detail}'
        elif verdict == 'timeout':
            line = f'not ok {i} {name} # TIMEOUT {detail}'
        else:
            line = f'not ok {i} {name} # {verdict} {detail}'
        print(line.rstrip(' #'))


def make_vars(path, prefix):
    """The variables named PREFIX* of a Makefile, expanded.  Every
    assignment counts, inside a conditional too: the selftests need both
    bitnesses built."""
    values = {}
    with open(path) as f:
        text = f.read().replace('\\\n', ' ')
    for line in text.split('\n'):
        m = re.match(r'\s*(%s\w*)\s*(:=|\+=|=|\?=)(.*)$' % prefix, line)
        if not m:
            continue
        var, op, value = m.groups()

        def expand(ref):
            if ref.group(1) not in values:
                raise SystemExit(f'{path}: {var} uses $({ref.group(1)})')
            return ' '.join(values[ref.group(1)])
        value = re.sub(r'\$\((%s\w*)\)' % prefix, expand, value)
        if '$' in value:
            raise SystemExit(f'{path}: cannot expand {var}: {value.strip()}')
        words = value.split('#', 1)[0].split()
        if op == '+=':
            values[var] = values.get(var, []) + words
        elif op != '?=' or var not in values:
            values[var] = words
    return values


def manifest(makefile, directory, out):
    v = make_vars(makefile, 'TARGETS_C_')
    need = {'TARGETS_C_32BIT_ALL', 'TARGETS_C_64BIT_ALL'}
    if not need <= set(v):
        raise SystemExit(f'{makefile}: no {" ".join(sorted(need - set(v)))}')
    names = [t + '_32' for t in v['TARGETS_C_32BIT_ALL']]
    names += [t + '_64' for t in v['TARGETS_C_64BIT_ALL']]
    names = list(dict.fromkeys(names))
    missing = [n for n in names
               if not os.access(os.path.join(directory, n), os.X_OK)]
    with open(out, 'w') as f:
        f.write(f'# The selftests of {makefile}:\n'
                '# every suite run must have each (results.py compare).\n')
        f.writelines(n + '\n' for n in names)
    print(f'{len(names)} selftests in {makefile}: '
          f'{sum(n.endswith("_32") for n in names)} 32-bit, '
          f'{sum(n.endswith("_64") for n in names)} 64-bit')
    if missing:
        print(f'not built in {directory}: {" ".join(missing)}')
        return 1
    return 0


def required(paths):
    """The KIND NAME lines of --require: per kind of run, the verdicts
    every one of these runs of that kind gives (no pseudo-verdicts)."""
    kinds = {}
    for path in paths:
        names = [n for n in load(path) if ':' not in n]
        kind = run_kind(run_name(path))
        if kind in kinds:
            kinds[kind] = [n for n in kinds[kind] if n in set(names)]
        else:
            kinds[kind] = names
    print('# KIND NAME: every run of KIND (its name without the CPU model:')
    print('# ours for ours-intel and ours-amd) must give the verdict NAME')
    print('# (results.py compare --require).  Written by results.py required')
    print('# from the runs of a make check (make required-verdicts) or of a')
    print('# make distro-check (make distro-required).')
    for kind in sorted(kinds):
        for name in kinds[kind]:
            print(f'{kind} {name}')
    return 0


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == 'tap':
        tap(args[1])
        return 0
    if len(args) == 3 and args[0] == 'parse':
        parse(args[1], args[2])
        return 0
    if len(args) == 4 and args[0] == 'manifest':
        return manifest(*args[1:])
    if args and args[0] == 'compare':
        return compare(args[1:])
    if len(args) > 1 and args[0] == 'required':
        return required(args[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
