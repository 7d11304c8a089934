#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""make bench: from the VMs' result ports to results.tsv, the table in
Documentation/admin-guide/ia32-emulation-bench.rst, its chart and a short
summary for the terminal.

report.py --results TSV --rst RST --png PNG --summary TXT RUN=TAP...

RUN is KIND-CPU (tools-testing/bench.mk); each line of a TAP file (the
second serial port) is "NAME rc=N key=value...", written by m() of
tools-testing/bench/lib.sh.  Any measurement that did not exit 0, or that
is missing, fails the report: a number from a broken run is worse than
none.
"""

import argparse
import os
import statistics
import subprocess
import sys
import textwrap

TARGET = 1.005  # ours may cost at most 0.5% more than the reference

DOORS = [
    ('door/syscall_64', 'SYSCALL, 64-bit (native baseline)'),
    ('door/int80_64', 'INT 0x80 from 64-bit code'),
    ('door/int80_32', 'INT 0x80, 32-bit'),
    ('door/vsyscall_32', None),  # named per CPU model: VSYSCALL_DOOR
    ('vdso/clock_32', 'vDSO clock_gettime, 32-bit (no kernel entry)'),
    ('exec/static_32', 'fork + exec + exit, static 32-bit'),
    ('exec/static_64', 'fork + exec + exit, static 64-bit'),
]
VSYSCALL_DOOR = {
    'intel': 'SYSENTER, 32-bit vDSO __kernel_vsyscall',
    'amd': 'compat SYSCALL, 32-bit vDSO __kernel_vsyscall',
}
CPUS = ['intel', 'amd']
# The i386_only policy: what plans/bench-doors measures again on our
# kernel with it on (policy/NAME), against the same with it off
# (door/... or exec/...) in the same boot, and against the reference.
POLICY = [
    ('policy/syscall_64', 'door/syscall_64',
     'SYSCALL, 64-bit (the policy does not touch it)'),
    ('policy/int80_32', 'door/int80_32', 'INT 0x80, 32-bit'),
    ('policy/vsyscall_32', 'door/vsyscall_32', None),
    ('policy/static_32', 'exec/static_32',
     'fork + exec + exit, static 32-bit'),
]
# Workloads of tools-testing/bench/work.c, labelled with their size N
WORKLOADS = [
    ('getppid', 'syscall-heavy: {n:,} getppid()'),
    ('crc32', 'integer: bitwise CRC-32 of {n:,} KiB'),
    ('sieve', 'integer and bytes: primes below {n:,}'),
    ('memcpy', 'memory: memset + memcpy of 4 MiB, {n:,} rounds'),
]
# Debian's i386 busybox, labelled with the size of its input
REAL = [
    ('sha256sum', 'busybox (i386) sha256sum of {mib:g} MiB'),
    ('gzip', 'busybox (i386) gzip -k of {mib:g} MiB'),
]


class Fail(Exception):
    pass


def parse_tap(path):
    """Rows (name, rep, key, value) of one run, rep counting from 1."""
    rows = []
    seen = {}
    try:
        lines = open(path, errors='replace').read().splitlines()
    except OSError as e:
        raise Fail(f'{path}: {e.strerror}')
    for line in lines:
        line = line.strip('\r\x00 ')
        if not line or line.startswith('TAP version') or line.startswith('1..'):
            continue
        words = line.split()
        name = words[0]
        seen[name] = seen.get(name, 0) + 1
        rep = seen[name]
        text = []
        kv = {}
        for w in words[1:]:
            if '=' in w and not w.startswith('='):
                k, v = w.split('=', 1)
                kv.setdefault(k, v)
            else:
                text.append(w)
        if kv.get('rc') != '0':
            raise Fail(f'{path}: {name} (#{rep}) failed: {line}')
        for k, v in kv.items():
            if k != 'rc':
                rows.append((name, rep, k, v))
        if text:
            rows.append((name, rep, 'out', ' '.join(text)))
    return rows


class Results:
    def __init__(self, runs):
        self.rows = []  # (run, cpu, name, rep, key, value)
        for run, path in runs:
            kind, cpu = run.split('-', 1)
            for name, rep, k, v in parse_tap(path):
                self.rows.append((kind, cpu, name, rep, k, v))

    def values(self, kind, cpu, name, key):
        vals = [v for (r, c, n, _, k, v) in self.rows
                if (r, c, n, k) == (kind, cpu, name, key)]
        if not vals:
            raise Fail(f'no {name} {key} in the {kind}-{cpu} run')
        return vals

    def quartiles(self, kind, cpu, name, key):
        """The first quartile, the median and the third quartile of the
        repetitions: robust to the one that a periodic job lands on."""
        vals = [float(v) for v in self.values(kind, cpu, name, key)]
        if len(vals) < 3:
            raise Fail(f'{name}: too few repetitions for quartiles')
        return tuple(statistics.quantiles(vals, n=4, method='inclusive'))

    def num(self, kind, cpu, name, key):
        """The median of the repetitions."""
        return statistics.median(float(v) for v in
                                 self.values(kind, cpu, name, key))

    def write(self, path):
        with open(path, 'w') as f:
            f.write('run\tcpu\tname\trep\tkey\tvalue\n')
            for row in self.rows:
                f.write('\t'.join(str(x) for x in row) + '\n')


def fmt_int(x):
    return f'{x:,.0f}'


def fmt_ratio(x):
    return f'{x:.4f}'


def pct(x):
    return f'{(x - 1) * 100:+.2f}%'


def rst_table(header, rows):
    """A reStructuredText simple table, numbers right-aligned."""
    cols = list(zip(header, *rows))
    widths = [max(len(str(c)) for c in col) for col in cols]
    rule = '  '.join('=' * w for w in widths)

    def line(cells, head=False):
        out = []
        for i, (c, w) in enumerate(zip(cells, widths)):
            c = str(c)
            numeric = not head and i > 0 and c[:1] in '+-0123456789'
            out.append(c.rjust(w) if numeric else c.ljust(w))
        return '  '.join(out).rstrip()

    return '\n'.join([rule, line(header, True), rule] +
                     [line(r) for r in rows] + [rule])


def doors_table(res):
    """Per door and exec: the medians of the repetitions, their ratio, and
    the range of the ratio that the quartiles of each side allow; what is
    over the target, and what is over it by the medians but not by the
    quartiles."""
    rows, chart, over, open_ = [], [], [], []
    for cpu in CPUS:
        for name, label in DOORS:
            label = label or VSYSCALL_DOOR[cpu]
            key = 'per_run' if name.startswith('exec/') else 'per_call'
            r1, ref, r3 = res.quartiles('ref', cpu, name, key)
            o1, ours, o3 = res.quartiles('ours', cpu, name, key)
            ratio, lo, hi = ours / ref, o1 / r3, o3 / r1
            digits = 0 if key == 'per_run' else 2
            rows.append((label, cpu, f'{ref:,.{digits}f}',
                         f'{ours:,.{digits}f}', f'{ours - ref:+,.{digits}f}',
                         fmt_ratio(ratio), pct(ratio),
                         f'{pct(lo)}..{pct(hi)}'))
            chart.append((f'{label} ({cpu})', ratio, lo, hi))
            what = f'{label} ({cpu}): {pct(ratio)}'
            if lo > TARGET:
                over.append(what)
            elif ratio > TARGET:
                open_.append(what)
    return rows, chart, over, open_


def expect(res, kind, cpu, name, key, want):
    """Every repetition of NAME in the KIND-CPU run says KEY=WANT."""
    got = res.values(kind, cpu, name, key)
    if any(v != want for v in got):
        raise Fail(f'{kind}-{cpu}: {name} {key}={" ".join(got)}, '
                   f'expected {want}')


def policy_table(res):
    """With the i386_only policy on, per door of an i386 program, its exec
    and the 64-bit SYSCALL beside them: the medians with the policy on and
    off in the same boot and on the reference, their ratios, and the range
    of the ratio on/off between the quartiles of each side.  The plan reads
    the policy back before and after setting it, and checks that INT 0x80
    from 64-bit code is refused (SIGSEGV) while it is on."""
    for kind, cpu in [('ours', c) for c in CPUS] + [('again', 'intel')]:
        expect(res, kind, cpu, 'module/i386_only', 'out', 'N')
        expect(res, kind, cpu, 'policy/i386_only', 'out', 'Y')
        expect(res, kind, cpu, 'policy/refused', 'signal', '11')
    rows, chart, summary = [], [], []
    for cpu in CPUS:
        for pname, name, label in POLICY:
            label = label or VSYSCALL_DOOR[cpu]
            key = 'per_run' if name.startswith('exec/') else 'per_call'
            digits = 0 if key == 'per_run' else 2
            r1, ref, r3 = res.quartiles('ref', cpu, name, key)
            n1, off, n3 = res.quartiles('ours', cpu, name, key)
            y1, on, y3 = res.quartiles('ours', cpu, pname, key)
            ratio, lo, hi = on / off, y1 / n3, y3 / n1
            rows.append((label, cpu, f'{ref:,.{digits}f}',
                         f'{off:,.{digits}f}', f'{on:,.{digits}f}',
                         f'{on - off:+,.{digits}f}', pct(ratio),
                         f'{pct(lo)}..{pct(hi)}', pct(on / ref)))
            chart.append((f'{label} ({cpu})', ratio, lo, hi, on / ref))
            summary.append((pname, label, cpu, on - off, ratio, on / ref,
                            lo <= 1 <= hi, y1 / r3))
    return rows, chart, summary


def repeat_check(res):
    """Compare the two boots of our kernel on the intel model."""
    a = {(n, rep, k): v for (r, c, n, rep, k, v) in res.rows
         if r == 'ours' and c == 'intel'}
    b = {(n, rep, k): v for (r, c, n, rep, k, v) in res.rows
         if r == 'again' and c == 'intel'}
    if set(a) != set(b):
        raise Fail('the two boots of our kernel measured different things')
    diff = [k for k in a if a[k] != b[k]]
    worst = 0.0
    for k in diff:
        try:
            x, y = float(a[k]), float(b[k])
            worst = max(worst, abs(x - y) / max(abs(x), 1))
        except ValueError:
            worst = float('inf')
    return len(a), len(diff), worst


def module_table(res):
    """Each operation as its median repetition (by guest time): the time,
    the part of it the guest spent idle, and the work, the rest."""
    def op(name, busy_key):
        total_key = 'instr' if busy_key == 'busy' else 'total'
        reps = list(zip(res.values('module', 'intel', name, total_key),
                        res.values('module', 'intel', name, 'idle'),
                        res.values('module', 'intel', name, busy_key)))
        reps = sorted((float(t), float(i), float(w)) for t, i, w in reps)
        return reps[len(reps) // 2]

    cmd = {n: op(n, 'busy_per_run') for n in (
        'cmd/modprobe', 'cmd/modprobe_loaded', 'cmd/rmmod',
        'cmd/rmmod_version', 'exec/autoload', 'exec/loaded')}
    sysc = {n: op(n, 'busy') for n in (
        'syscall/finit_module', 'syscall/delete_module')}
    added = {
        'load': cmd['cmd/modprobe'][2] - cmd['cmd/modprobe_loaded'][2],
        'unload': cmd['cmd/rmmod'][2] - cmd['cmd/rmmod_version'][2],
        'unload_wait': cmd['cmd/rmmod'][1],
        'kmod': cmd['cmd/rmmod_version'][2],
        'autoload': cmd['exec/autoload'][2] - cmd['exec/loaded'][2],
        'exec': cmd['exec/loaded'][2],
        'finit': sysc['syscall/finit_module'][2],
        'delete': sysc['syscall/delete_module'][2],
        'size': int(res.values('module', 'intel', 'module/file',
                               'bytes')[0]),
    }

    def row(label, m, against='', base=None):
        t, i, w = m
        return (label, fmt_int(t), fmt_int(i), fmt_int(w), against,
                fmt_int(base[2]) if base else '',
                fmt_int(w - base[2]) if base else '')

    rows = [
        row('modprobe ia32_emulation', cmd['cmd/modprobe'],
            'modprobe, module already loaded', cmd['cmd/modprobe_loaded']),
        row('rmmod ia32_emulation', cmd['cmd/rmmod'],
            'rmmod --version', cmd['cmd/rmmod_version']),
        row('finit_module() alone', sysc['syscall/finit_module']),
        row('delete_module() alone', sysc['syscall/delete_module']),
        row('first 32-bit exec, auto-loads', cmd['exec/autoload'],
            'the same exec, module loaded', cmd['exec/loaded']),
    ]
    return rows, added


def qemu_table(res):
    rows, chart = [], []

    def get(name, key):
        return res.num('qemu', 'intel', name, key)

    def same(name, key):
        a = res.values('qemu', 'intel', name + '/native', key)
        b = res.values('qemu', 'intel', name + '/qemu', key)
        if a != b:
            raise Fail(f'{name}: native and qemu-i386 disagree: {a} {b}')

    for w, label in WORKLOADS:
        name = 'work/' + w
        same(name, 'check')
        label = label.format(n=int(res.values('qemu', 'intel',
                                              name + '/native', 'n')[0]))
        nw, qw = get(name + '/native', 'work'), get(name + '/qemu', 'work')
        nt, qt = get(name + '/native', 'total'), get(name + '/qemu', 'total')
        rows.append((label, fmt_int(nw), fmt_int(qw), f'{qw / nw:.2f}',
                     fmt_int(nt), fmt_int(qt), f'{qt / nt:.2f}'))
        chart.append((w, qw / nw, qt / nt))
    for w, label in REAL:
        name = 'real/' + w
        size = int(res.values('qemu', 'intel', 'input/' + w, 'bytes')[0])
        label = label.format(mib=size / 2**20)
        if w == 'sha256sum':
            same(name, 'out')
        nt, qt = get(name + '/native', 'total'), get(name + '/qemu', 'total')
        rows.append((label, '', '', '', fmt_int(nt), fmt_int(qt),
                     f'{qt / nt:.2f}'))
        chart.append((w, None, qt / nt))
    return rows, chart


def draw(path, doors_chart, policy_chart, qemu_chart):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(9, 14))
    # Placed by hand: the long labels of the top panels must not squeeze
    # the bottom one.
    ax1 = fig.add_axes([0.40, 0.585, 0.56, 0.39])
    axp = fig.add_axes([0.40, 0.305, 0.56, 0.215])
    ax2 = fig.add_axes([0.09, 0.035, 0.87, 0.20])

    limit = (TARGET - 1) * 100
    labels = [d[0] for d in doors_chart]
    ratios = [(d[1] - 1) * 100 for d in doors_chart]
    los = [(d[2] - 1) * 100 for d in doors_chart]
    his = [(d[3] - 1) * 100 for d in doors_chart]
    y = list(range(len(labels)))
    colors = ['tab:red' if lo > limit else
              'tab:gray' if r > limit else 'tab:blue'
              for r, lo in zip(ratios, los)]
    err = [[r - lo for r, lo in zip(ratios, los)],
           [hi - r for r, hi in zip(ratios, his)]]
    ax1.barh(y, ratios, xerr=err, color=colors, capsize=2,
             error_kw={'elinewidth': 0.8})
    ax1.axvline(0, color='black', linewidth=0.8)
    ax1.axvline(limit, color='tab:orange', linestyle='--',
                label='target: at most +0.5%')
    ax1.set_yticks(y)
    ax1.set_yticklabels(labels, fontsize=8)
    ax1.invert_yaxis()
    ax1.set_xlabel('guest instructions: ours, module loaded, against the '
                   'reference (%; median, quartiles)', fontsize=9)
    ax1.set_title('Per system call and per exec, QEMU -icount', fontsize=11)
    for i, r in enumerate(ratios):
        ax1.text(his[i] if r >= 0 else los[i], i, f' {r:+.2f}% ',
                 va='center', ha='left' if r >= 0 else 'right', fontsize=8)
    lo = min(los + [0])
    hi = max(his + [limit])
    ax1.set_xlim(lo - 0.8, hi + 0.9)
    ax1.legend(loc='lower right', fontsize=8)

    # The policy: on against off in the same boot, with the quartile
    # range, and on against the reference.
    labels = [p[0] for p in policy_chart]
    onoff = [(p[1] - 1) * 100 for p in policy_chart]
    los = [(p[2] - 1) * 100 for p in policy_chart]
    his = [(p[3] - 1) * 100 for p in policy_chart]
    onref = [(p[4] - 1) * 100 for p in policy_chart]
    y = list(range(len(labels)))
    h = 0.38
    err = [[r - lo for r, lo in zip(onoff, los)],
           [hi - r for r, hi in zip(onoff, his)]]
    axp.barh([i - h / 2 for i in y], onoff, h, xerr=err, capsize=2,
             error_kw={'elinewidth': 0.8}, color='tab:purple',
             label='on against off, same boot (median, quartiles)')
    axp.barh([i + h / 2 for i in y], onref, h, color='tab:olive',
             label='on against the reference (median)')
    axp.axvline(0, color='black', linewidth=0.8)
    axp.axvline(limit, color='tab:orange', linestyle='--',
                label='target, policy off: +0.5%')
    for i, (r, q) in enumerate(zip(onoff, onref)):
        axp.text(max(his[i], r, 0), i - h / 2, f' {r:+.2f}%', va='center',
                 ha='left', fontsize=7)
        axp.text(max(q, 0), i + h / 2, f' {q:+.2f}%', va='center',
                 ha='left', fontsize=7)
    axp.set_yticks(y)
    axp.set_yticklabels(labels, fontsize=8)
    axp.invert_yaxis()
    # Room on the right for the legend
    axp.set_xlim(min(los + onref + [0]) - 0.5,
                 max(his + onref + [limit]) * 2.1 + 0.5)
    axp.set_xlabel('guest instructions, our kernel with the policy on (%)',
                   fontsize=9)
    axp.set_title('With the i386_only policy on, i386 programs',
                  fontsize=11)
    axp.legend(loc='center right', fontsize=7.5)

    names = [q[0] for q in qemu_chart]
    x = list(range(len(names)))
    w = 0.38
    work = [q[1] or 0 for q in qemu_chart]
    whole = [q[2] for q in qemu_chart]
    b1 = ax2.bar([i - w / 2 for i in x], work, w, label='the work alone')
    b2 = ax2.bar([i + w / 2 for i in x], whole, w,
                 label='the whole process, start-up and translation included')
    for bars, vals in ((b1, work), (b2, whole)):
        for bar, v in zip(bars, vals):
            if v:
                ax2.text(bar.get_x() + bar.get_width() / 2, v, f'{v:.1f}x',
                         ha='center', va='bottom', fontsize=8)
    ax2.set_xticks(x)
    ax2.set_xticklabels(names)
    ax2.set_ylim(0, max(whole) * 1.3)
    ax2.set_ylabel('qemu-i386 / native', fontsize=9)
    ax2.set_title('32-bit programs under qemu-i386 against native, '
                  'in guest instructions', fontsize=11)
    ax2.legend(loc='upper left', fontsize=8)
    fig.savefig(path, dpi=90, metadata={'Software': None})
    plt.close(fig)


def environment(kconfig):
    """QEMU's version, the kernel package's, and our kernel's config."""
    try:
        q = subprocess.run(['qemu-system-x86_64', '--version'],
                           capture_output=True, text=True).stdout.split('\n')[0]
    except OSError:
        q = 'qemu-system-x86_64'
    build = os.path.dirname(os.path.dirname(kconfig))
    try:
        k = open(os.path.join(build, 'kernel-version.built')).read().strip()
    except OSError:
        k = 'linux-source-6.12'
    config = {}
    for line in open(kconfig):
        if line.startswith('CONFIG_') and '=' in line:
            key, val = line.strip().split('=', 1)
            config[key] = val
    return q, k, config


def para(text):
    """A paragraph, filled as the kernel's documentation is."""
    return textwrap.fill(' '.join(text.split()), 74,
                         break_on_hyphens=False)


def policy_words(policy_sum):
    """What the policy costs, in a sentence: the range over the 32-bit
    doors, then the exec, then the 64-bit control."""
    def span(items, digits):
        lo = min(items, key=lambda x: x[3])
        hi = max(items, key=lambda x: x[3])
        if f'{lo[3]:+,.{digits}f}' == f'{hi[3]:+,.{digits}f}':
            return (f'{hi[3]:+,.{digits}f} instructions '
                    f'({pct(hi[4])} against the policy off, {pct(hi[5])} '
                    f'against the reference)')
        return (f'{lo[3]:+,.{digits}f} to {hi[3]:+,.{digits}f} '
                f'instructions ({pct(min(x[4] for x in items))} to '
                f'{pct(max(x[4] for x in items))} against the policy off, '
                f'{pct(min(x[5] for x in items))} to '
                f'{pct(max(x[5] for x in items))} against the reference)')

    doors = [x for x in policy_sum
             if x[0] in ('policy/int80_32', 'policy/vsyscall_32')]
    execs = [x for x in policy_sum if x[0] == 'policy/static_32']
    control = [x for x in policy_sum if x[0] == 'policy/syscall_64']

    def spread(items):
        if all(x[6] for x in items):
            return ', within the spread of its repetitions'
        return ''

    return (f'With the policy on, a 32-bit system call of an i386 program '
            f'costs {span(doors, 2)}, by door and CPU model; the fork, exec '
            f'and exit of a static i386 program {span(execs, 0)}'
            f'{spread(execs)}; the 64-bit SYSCALL, which does not go '
            f'through the check, {span(control, 2)}{spread(control)}.')


def render_rst(path, png, kconfig, meta, doors, verdicts, repeat, module,
               module_sum, qemu, policy, policy_sum):
    qver, kver, config = environment(kconfig)
    total, ndiff, worst = repeat
    if ndiff == 0:
        repeated = (f'two boots of our kernel give the same {total} '
                    'numbers to the last instruction')
    else:
        repeated = (f'{ndiff} of the {total} numbers of two boots of our '
                    f'kernel differ, by at most {worst * 100:.3f}%')
    over, open_ = verdicts
    verdict = []
    if over:
        verdict.append('Over it: ' + '; '.join(over) + '.')
    if open_:
        verdict.append('Over it by the medians, within it by the '
                       'quartiles: ' + '; '.join(open_) + '.')
    verdict = ' '.join(verdict) or 'Every door and exec is within it.'
    # As for the doors: over the target if the quartiles are, open if
    # only the medians are.
    over_ref, open_ref = [], []
    for _, label, cpu, _, _, r, _, lo in policy_sum:
        if lo > TARGET:
            over_ref.append(f'{label} ({cpu}): {pct(r)}')
        elif r > TARGET:
            open_ref.append(f'{label} ({cpu}): {pct(r)}')
    policy_verdict = ['The +0.5% target is for the policy off.']
    if over_ref:
        policy_verdict.append('With it on, over it against the reference: '
                              + '; '.join(over_ref) + '.')
    if open_ref:
        policy_verdict.append('Over it by the medians, within it by the '
                              'quartiles: ' + '; '.join(open_ref) + '.')
    if not over_ref and not open_ref:
        policy_verdict.append('With it on, every door and exec is within '
                              'it too.')
    policy_verdict = ' '.join(policy_verdict)
    kmod_words = (f"""Most of it is kmod's own start-up, which costs
        {fmt_int(module_sum['kmod'])} instructions for an ``rmmod --version``.
        """ if module_sum['kmod'] > module_sum['autoload'] / 2 else '')
    blocks = [
        '.. SPDX-License-Identifier: GPL-2.0',
        '.. Written by make bench (tools-testing/bench/report.py).',
        '======================================\n'
        'Loadable IA32 emulation: what it costs\n'
        '======================================',
        para(f"""``make bench`` counts guest instructions. It boots the
            reference kernel (``CONFIG_IA32_EMULATION=y``) and our kernel
            (``CONFIG_IA32_EMULATION_LOADABLE=y``, the ``ia32_emulation``
            module loaded), built from the same source and configuration,
            in QEMU TCG with ``-icount shift=0,sleep=off``: the guest's
            clock, and the TSC that the benchmark programs read, then
            advance by one for every instruction the guest executes,
            kernel and user space alike, whatever the host's speed or
            load. With one vCPU, a fixed seed for the guest's random
            numbers and a fixed date, {repeated}."""),
        para(f"""Measured with {qver}, {kver}, the test harness's base
            configuration (``tools-testing/qemu/base.config``,
            ``CONFIG_HZ={config.get('CONFIG_HZ', '?')}``) and its two CPU
            models: *intel*, where ``__kernel_vsyscall`` enters the kernel
            by SYSENTER, and *amd*, where it uses compat SYSCALL. The
            programs are in ``tools-testing/bench/``, the plans the VMs run
            in ``tools-testing/plans/bench-*``, every number in
            ``build/bench/results.tsv``."""),
        f'.. image:: {os.path.relpath(png, os.path.dirname(path))}\n'
        '   :alt: Our kernel against the reference per door and exec, with\n'
        '         the i386_only policy off and on, and qemu-i386 against\n'
        '         native per workload',
        'The doors\n=========',
        para(f"""Instructions per ``getppid()`` through each door, from
            {meta['calls']:,} calls less the same loop without the call, and
            per fork, exec and exit of a static glibc program
            ({meta['execs']} in a row, from a 64-bit parent). Each is
            measured {meta['reps']} times in the same boot; the table gives
            the medians, their ratio, and the range of the ratio between
            the quartiles of each side (*quartiles*: the first quartile of
            ours over the third of the reference, and the other way round).
            The repetitions differ because
            the kernel's periodic and deferred work falls differently on
            each: little for a system call, around a percent for an exec.
            The exec of a static 64-bit program, which the series does not
            touch, shows that noise."""),
        para("""With the module loaded and its policy off, the entry code
            of every 32-bit system call tests one static key,
            ``ia32_syscall_fast_key``, a NOP, and ``do_SYSENTER_32()``
            inlines the fast path where the reference calls
            ``do_fast_syscall_32()``. A 32-bit exec goes through the i386
            ELF format that the module registers, which runs the kernel's
            compat ELF loader, takes a reference on the module and makes
            sure IA32 emulation is enabled."""),
        para('The target: at most 0.5% more than the reference. ' + verdict),
    ]
    if config.get('CONFIG_JUMP_LABEL') != 'y':
        blocks.append(para("""The configuration has no
            ``CONFIG_JUMP_LABEL``: a static key test
            (``static_branch_likely()`` and the like, which the entry
            code's ``ia32_syscall_fast_key`` uses)
            is then a load, a test and a branch, where a kernel with jump
            labels has one patched jump or no-op."""))
    blocks += [
        rst_table(('what', 'CPU', 'reference', 'ours', 'difference',
                   'ours/ref', 'change', 'quartiles'), doors),
        'The i386_only policy\n====================',
        para(f"""The module's parameter ``i386_only`` (``echo Y >
            /sys/module/ia32_emulation/parameters/i386_only``) lets only
            i386 programs make 32-bit system calls. While it is on,
            ``ia32_syscall_fast_key`` is off and every 32-bit system call
            of every task goes through ``ia32_syscall_check()``, out of
            line: the enabled key, the policy key and a bit of
            ``current->mm->context.flags``. The same boots of our kernel
            measure, after the table above, the doors of an i386 program
            and its exec again with the policy on, {meta['preps']} times
            each, and the 64-bit SYSCALL, which the policy does not touch;
            INT 0x80 from 64-bit code is then refused with SIGSEGV (checked,
            not counted). *off* is the same door with the policy off in the
            same boot (the table above), *on/off* their ratio and its range
            between the quartiles, *on/ref* the policy on against the
            reference."""),
        rst_table(('what', 'CPU', 'reference', 'off', 'on', 'on - off',
                   'on/off', 'quartiles', 'on/ref'), policy),
        para(policy_words(policy_sum) + ' ' + policy_verdict),
        'The module\'s own cost\n=====================',
        para(f"""On our kernel, intel model, the median of {meta['mreps']}
            runs, after the module has been loaded by hand, auto-loaded
            and removed once since boot. ``modprobe``, ``rmmod`` and the
            ``modprobe`` that the kernel runs to auto-load the module are
            Debian's kmod. A command is counted from the fork of the
            process that runs it to its exit, as the shell that started it
            sees it; a system call alone, around the call."""),
        rst_table(('what', 'guest time', 'idle', 'work', 'against', 'work',
                   'added work'), module),
        para("""*guest time* is in nanoseconds of the guest's clock, one
            per instruction; *idle* is the part of it the guest spent
            waiting with nothing to run (a ``SCHED_IDLE`` task spinning in
            a two-instruction loop soaks it up and counts it,
            ``tools-testing/bench/idle_soak.h``); *work* is the rest, in
            instructions."""),
        para(f"""Loading the module by hand costs
            {fmt_int(module_sum['load'])} instructions more than a
            ``modprobe`` that has nothing to do (``finit_module()`` alone:
            {fmt_int(module_sum['finit'])}). Removing it costs
            {fmt_int(module_sum['unload'])} instructions more than an
            ``rmmod`` that only prints its version (``delete_module()`` alone:
            {fmt_int(module_sum['delete'])}), and
            {fmt_int(module_sum['unload_wait'])} ns of waiting:
            ``free_module()``, in every module's unload, waits for an RCU
            grace period, which ends on timer ticks; the CPU is free for
            other work meanwhile. The first 32-bit exec, which loads the
            module on its way (``request_module()`` runs kmod's
            ``modprobe`` as a user-mode helper, and the module enables IA32
            emulation once the exec has loaded its program), costs
            {fmt_int(module_sum['autoload'])} instructions more than the
            same exec once the module is loaded
            ({fmt_int(module_sum['exec'])}): a price paid once per boot, or
            after each ``rmmod``. {kmod_words}The module file,
            ``kernel/arch/x86/entry/ia32_emulation.ko`` among the kernel's
            modules, is {fmt_int(module_sum['size'])} bytes."""),
        'Native against qemu-i386\n========================',
        para("""The same static 32-bit programs, on our kernel with the
            module loaded, run natively through IA32 emulation and under
            the user-mode emulator ``qemu-i386`` (Debian's
            ``qemu-user-static``) inside the same VM, so that both are
            counted in the same guest instructions. *work* counts the
            workload alone, timed by the program itself (under qemu-i386
            the TSC reads the same counter); *process* the whole process
            from fork to exit, qemu-i386's start-up and translation
            included. The real program is Debian's static i386
            ``busybox``; its input is the first megabytes of the
            qemu-i386 binary."""),
        rst_table(('workload', 'work, native', 'work, qemu-i386', 'ratio',
                   'process, native', 'process, qemu-i386', 'ratio'), qemu),
        para("""These are the ratios of one emulator running on another:
            QEMU TCG runs both the native program and qemu-i386's
            translated code, so they measure the work qemu-i386 adds, not
            the speed of either on hardware."""),
    ]
    with open(path, 'w') as f:
        f.write('\n\n'.join(blocks) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--results', required=True)
    ap.add_argument('--rst', required=True)
    ap.add_argument('--png', required=True)
    ap.add_argument('--summary', required=True)
    ap.add_argument('--kconfig', required=True,
                    help="our kernel's .config")
    ap.add_argument('runs', nargs='+', metavar='RUN=TAP')
    args = ap.parse_args()
    try:
        res = Results([r.split('=', 1) for r in args.runs])
        res.write(args.results)
        doors, doors_chart, over, open_ = doors_table(res)
        policy, policy_chart, policy_sum = policy_table(res)
        repeat = repeat_check(res)
        module, module_sum = module_table(res)
        qemu, qemu_chart = qemu_table(res)
        meta = {
            'calls': int(res.values('ref', 'intel', 'door/int80_32', 'n')[0]),
            'execs': int(res.values('ref', 'intel', 'exec/static_32', 'n')[0]),
            'reps': len(res.values('ref', 'intel', 'door/int80_32', 'n')),
            'mreps': len(res.values('module', 'intel', 'cmd/modprobe', 'n')),
            'preps': len(res.values('ours', 'intel', 'policy/int80_32', 'n')),
        }
    except Fail as e:
        print(f'report.py: {e}', file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(args.png), exist_ok=True)
    draw(args.png, doors_chart, policy_chart, qemu_chart)
    render_rst(args.rst, args.png, args.kconfig, meta, doors, (over, open_),
               repeat, module, module_sum, qemu, policy, policy_sum)
    total, ndiff, worst = repeat
    with open(args.summary, 'w') as f:
        f.write('[bench] guest instructions, ours (module loaded) / reference:\n')
        for label, cpu, ref, ours, _, ratio, change, quart in doors:
            f.write(f'  {label + " (" + cpu + ")":60} {ref:>10} {ours:>10} '
                    f'{change:>7} ({quart})\n')
        if over:
            f.write('[bench] OVER the target (+0.5%): ' + '; '.join(over) + '\n')
        if open_:
            f.write('[bench] over the target (+0.5%) by the medians, within '
                    'it by the quartiles: ' + '; '.join(open_) + '\n')
        if not over and not open_:
            f.write('[bench] target (at most +0.5%) met\n')
        f.write('[bench] i386_only=Y, an i386 program: on - off, on/off, '
                'on/reference:\n')
        for name, label, cpu, d, r_off, r_ref, _, _ in policy_sum:
            digits = 0 if name == 'policy/static_32' else 2
            f.write(f'  {label + " (" + cpu + ")":60} {d:+12,.{digits}f} '
                    f'{pct(r_off):>7} {pct(r_ref):>7}\n')
        f.write(f"[bench] module: load +{fmt_int(module_sum['load'])}, "
                f"unload +{fmt_int(module_sum['unload'])} (and "
                f"{fmt_int(module_sum['unload_wait'])} ns idle, waiting), "
                f"first exec with auto-load "
                f"+{fmt_int(module_sum['autoload'])} instructions\n")
        f.write('[bench] qemu-i386 / native: ' + ', '.join(
            f'{name} {whole:.1f}x' for name, _, whole in qemu_chart) +
            ' (whole process)\n')
        f.write(f'[bench] second boot: {ndiff} of {total} numbers differ\n')
        f.write(f'[bench] {os.path.relpath(args.rst)}, '
                f'{os.path.relpath(args.png)}, {os.path.relpath(args.results)}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
