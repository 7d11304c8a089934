# SPDX-License-Identifier: GPL-2.0
"""Debian's i386 python3.11 at work in the test system (make distro-check).

Prints one line per check and exits 0 when all pass.  It must be an
ELFCLASS32 i386 process with 4-byte pointers, and threads, a
subprocess (the i386 hello), a file, hashlib (OpenSSL), zlib, json and
sqlite3 must work in it.
"""
import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
import threading
import zlib

fails = 0


def check(name, ok, detail=''):
    global fails
    print(f'{"ok" if ok else "FAIL"}: {name} {detail}'.rstrip())
    fails += not ok


with open(sys.executable, 'rb') as f:
    head = f.read(20)
check('ELF32 i386', head[4] == 1 and struct.unpack('<H', head[18:20])[0] == 3)
check('4-byte pointers', struct.calcsize('P') == 4 and sys.maxsize == 2**31 - 1)

total = []
lock = threading.Lock()


def work(i):
    s = sum(range(i * 1000))
    with lock:
        total.append(s)


threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check('threads', len(total) == 8)

out = subprocess.run(['/usr/bin/hello'], capture_output=True, text=True)
check('subprocess', out.returncode == 0 and out.stdout == 'Hello, world!\n')

path = f'/tmp/workout.{os.getpid()}'
data = os.urandom(1 << 20)
with open(path, 'wb') as f:
    f.write(data)
with open(path, 'rb') as f:
    check('file', f.read() == data)
os.unlink(path)

check('hashlib', hashlib.sha256(b'abc').hexdigest().startswith('ba7816bf'))
check('zlib', zlib.decompress(zlib.compress(data)) == data)
check('json', json.loads(json.dumps({'a': [1, 2]})) == {'a': [1, 2]})
db = sqlite3.connect(':memory:')
db.execute('create table t (x)')
db.executemany('insert into t values (?)', [(i,) for i in range(100)])
check('sqlite3', db.execute('select sum(x) from t').fetchone()[0] == 4950)
sys.exit(1 if fails else 0)
