# SPDX-License-Identifier: GPL-2.0
"""A workout for Debian's i386 python3.11 in the test VM.

Each check exercises a part of the kernel's 32-bit ABI through real
libraries (glibc, libffi, OpenSSL, SQLite, zlib, liblzma, libbz2): files
and 64-bit offsets, fcntl locks, threads and futexes, signal delivery and
return, unix sockets with passed descriptors and credentials, mmap with
large offsets, fork and exec of 32- and 64-bit programs.  One line per
check; exit status 0 only when every check passes.
"""

import ctypes
import errno
import fcntl
import hashlib
import lzma
import bz2
import mmap
import os
import select
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

BASH = "/i386/bin/bash"
BUSYBOX = "/bin/busybox"
GIB = 1 << 30


def check_abi(tmp):
    """The interpreter is an i386 ELF and sees 32-bit longs and pointers."""
    with open("/proc/self/exe", "rb") as f:
        ident = f.read(20)
    assert ident[:4] == b"\x7fELF", ident[:4]
    assert ident[4] == 1, "ELF class %d, not ELFCLASS32" % ident[4]
    assert struct.unpack("<H", ident[18:20])[0] == 3, "e_machine not EM_386"
    assert sys.maxsize == 2**31 - 1, sys.maxsize
    assert struct.calcsize("P") == 4 and struct.calcsize("l") == 4
    return "ELFCLASS32, EM_386, 4-byte pointers"


def check_files(tmp):
    """Write, read back, rename, stat, list, unlink; 64-bit offsets."""
    data = os.urandom(1 << 20)
    path = os.path.join(tmp, "data")
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    moved = os.path.join(tmp, "moved")
    os.rename(path, moved)
    assert os.stat(moved).st_size == len(data)
    assert sorted(os.listdir(tmp)) == ["moved"], os.listdir(tmp)
    with open(moved, "rb") as f:
        assert f.read() == data
        f.seek(12345)
        assert f.read(100) == data[12345:12445]
    os.unlink(moved)
    assert not os.path.exists(moved)
    # A sparse file past 4 GiB: the offsets travel in two 32-bit
    # registers (ftruncate64, pwrite64, pread64, _llseek).
    big = os.path.join(tmp, "sparse")
    fd = os.open(big, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.ftruncate(fd, 5 * GIB)
        off = 4 * GIB + 4097
        assert os.pwrite(fd, b"far away", off) == 8
        assert os.fstat(fd).st_size == 5 * GIB
        assert os.pread(fd, 8, off) == b"far away"
        assert os.pread(fd, 4, 4096) == b"\0" * 4
        assert os.lseek(fd, off, os.SEEK_SET) == off
        assert os.read(fd, 3) == b"far"
        assert os.lseek(fd, 0, os.SEEK_END) == 5 * GIB
    finally:
        os.close(fd)
    return "1 MiB round trip; pread/pwrite/lseek at 4 GiB + 4097"


def check_fcntl_lock(tmp):
    """A POSIX record lock (struct flock64) is seen by another process."""
    path = os.path.join(tmp, "lock")
    with open(path, "wb") as f:
        f.write(b"x" * 100)
        f.flush()
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 20)
        pid = os.fork()
        if pid == 0:
            rc = 1
            try:
                with open(path, "r+b") as g:
                    try:
                        fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 20)
                    except OSError as e:
                        if e.errno in (errno.EAGAIN, errno.EACCES):
                            # Outside the locked range it is free.
                            fcntl.lockf(g, fcntl.LOCK_EX | fcntl.LOCK_NB,
                                        5, 40)
                            rc = 0
            finally:
                os._exit(rc)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "child saw no lock"
    return "range held, other range free"


def check_threads(tmp):
    """Threads under a lock, a barrier, a condition with a timeout."""
    nthreads, rounds = 8, 500
    lock = threading.Lock()
    barrier = threading.Barrier(nthreads)
    tids = set()
    state = {"count": 0}

    def work(i):
        barrier.wait(timeout=30)
        with lock:
            tids.add(threading.get_native_id())
        h = hashlib.sha256()
        for r in range(rounds):
            h.update(b"%d:%d" % (i, r))
            with lock:
                state["count"] += 1
        state[i] = h.hexdigest()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
        assert not t.is_alive(), "thread hung"
    assert state["count"] == nthreads * rounds, state["count"]
    assert len(tids) == nthreads, "thread ids %r" % tids
    for i in range(nthreads):
        h = hashlib.sha256()
        for r in range(rounds):
            h.update(b"%d:%d" % (i, r))
        assert state[i] == h.hexdigest(), "thread %d hash" % i
    # A futex wait that times out, then one that is woken.
    cond = threading.Condition()
    with cond:
        start = time.monotonic()
        assert not cond.wait(0.2)
        waited = time.monotonic() - start
    assert 0.15 <= waited < 10, waited
    ev = threading.Event()
    timer = threading.Timer(0.1, ev.set)
    timer.start()
    assert ev.wait(30), "event not set"
    # No thread but the main one may be left: the signal checks send
    # signals whose default action ends the process.
    timer.join(30)
    return "%d threads x %d rounds, timed wait %.2f s" % (nthreads, rounds,
                                                         waited)


def check_signals(tmp):
    """SIGALRM from a timer, SIGUSR1 to itself, blocked and pending
    signals, a signal from another process, a blocking call interrupted."""
    got = []

    def handler(signum, frame):
        got.append(signum)

    old_alrm = signal.signal(signal.SIGALRM, handler)
    old_usr1 = signal.signal(signal.SIGUSR1, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        deadline = time.monotonic() + 30
        while signal.SIGALRM not in got and time.monotonic() < deadline:
            time.sleep(0.01)
        assert signal.SIGALRM in got, "no SIGALRM"
        os.kill(os.getpid(), signal.SIGUSR1)
        assert signal.SIGUSR1 in got, "no SIGUSR1"
        # Blocked: pending, not delivered; unblocked: delivered.
        del got[:]
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
        os.kill(os.getpid(), signal.SIGUSR1)
        assert signal.SIGUSR1 in signal.sigpending(), "not pending"
        assert got == [], got
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
        assert got == [signal.SIGUSR1], got
        # From another process, taken with sigtimedwait: siginfo's
        # layout is the 32-bit one.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
        pid = os.fork()
        if pid == 0:
            os.kill(os.getppid(), signal.SIGUSR2)
            os._exit(0)
        info = signal.sigtimedwait({signal.SIGUSR2}, 30)
        os.waitpid(pid, 0)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR2})
        assert info is not None, "sigtimedwait timed out"
        assert info.si_signo == signal.SIGUSR2 and info.si_pid == pid, info
        assert info.si_uid == os.getuid(), info
        # A read blocked on a pipe: the handler runs, the read goes on
        # (PEP 475) and gets the data a child writes later.
        del got[:]
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            time.sleep(0.3)
            os.kill(os.getppid(), signal.SIGALRM)
            time.sleep(0.3)
            os.write(w, b"late")
            os._exit(0)
        os.close(w)
        data = os.read(r, 4)
        os.close(r)
        os.waitpid(pid, 0)
        assert data == b"late", data
        assert got == [signal.SIGALRM], got
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_alrm)
        signal.signal(signal.SIGUSR1, old_usr1)
    return "SIGALRM, SIGUSR1, pending, sigtimedwait, interrupted read"


def recv_all(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def check_unix_sockets(tmp):
    """socketpair, a stream server and client on a path, datagrams,
    SO_PEERCRED, descriptors passed with SCM_RIGHTS, SO_RCVTIMEO."""
    payload = os.urandom(200000)
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with a, b:
        t = threading.Thread(target=a.sendall, args=(payload,))
        t.start()
        assert recv_all(b, len(payload)) == payload
        t.join(30)
        creds = b.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                             struct.calcsize("3i"))
        pid, uid, gid = struct.unpack("3i", creds)
        assert (pid, uid, gid) == (os.getpid(), os.getuid(), os.getgid()), \
            (pid, uid, gid)
        # A pipe's write end passed over the socket (control message
        # alignment is the 32-bit one) and used on the far side.
        r, w = os.pipe()
        assert socket.send_fds(a, [b"fd"], [w]) == 2
        msg, fds, _, _ = socket.recv_fds(b, 16, 4)
        os.close(w)
        assert msg == b"fd" and len(fds) == 1, (msg, fds)
        os.write(fds[0], b"through a passed fd")
        os.close(fds[0])
        assert os.read(r, 100) == b"through a passed fd"
        os.close(r)
        # Receive timeout as a 32-bit struct timeval.
        b.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO,
                     struct.pack("ll", 0, 200000))
        start = time.monotonic()
        try:
            b.recv(10)
            raise AssertionError("recv returned without data")
        except OSError as e:
            assert e.errno in (errno.EAGAIN, errno.EWOULDBLOCK), e
        waited = time.monotonic() - start
        assert 0.15 <= waited < 10, waited

    # A stream server on a path, a client in another thread, echo.
    path = os.path.join(tmp, "server.sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    result = {}

    def client():
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.connect(path)
            c.sendall(b"hello server")
            c.shutdown(socket.SHUT_WR)
            result["reply"] = recv_all(c, 100)

    t = threading.Thread(target=client)
    t.start()
    with srv:
        conn, _ = srv.accept()
        with conn:
            data = recv_all(conn, 100)
            conn.sendall(data.upper())
    t.join(30)
    assert data == b"hello server", data
    assert result.get("reply") == b"HELLO SERVER", result

    # Datagrams keep their boundaries.
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    with a, b:
        for m in (b"one", b"two two", b"three three three"):
            a.send(m)
        got = [b.recv(100) for _ in range(3)]
    assert got == [b"one", b"two two", b"three three three"], got
    return "stream, server/client, dgram, SO_PEERCRED, SCM_RIGHTS, SO_RCVTIMEO"


def check_mmap(tmp):
    """Shared anonymous memory across fork, a file mapping written and
    read back, a mapping at a file offset past 4 GiB."""
    shm = mmap.mmap(-1, 65536, flags=mmap.MAP_SHARED)
    pid = os.fork()
    if pid == 0:
        shm[1000:1010] = b"from child"
        shm.flush()
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert shm[1000:1010] == b"from child", shm[1000:1010]
    shm.close()

    path = os.path.join(tmp, "mapped")
    with open(path, "wb") as f:
        f.write(b"\0" * 3 * mmap.PAGESIZE)
    with open(path, "r+b") as f:
        m = mmap.mmap(f.fileno(), 0)
        m[mmap.PAGESIZE:mmap.PAGESIZE + 5] = b"hello"
        m.resize(4 * mmap.PAGESIZE)
        m[-5:] = b"world"
        m.flush()
        m.close()
    with open(path, "rb") as f:
        data = f.read()
    assert len(data) == 4 * mmap.PAGESIZE
    assert data[mmap.PAGESIZE:mmap.PAGESIZE + 5] == b"hello"
    assert data[-5:] == b"world"

    # mmap2 takes the offset in pages: 5 GiB is past 32 bits of bytes.
    big = os.path.join(tmp, "bigmap")
    fd = os.open(big, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        os.ftruncate(fd, 6 * GIB)
        m = mmap.mmap(fd, mmap.PAGESIZE, offset=5 * GIB)
        m[:12] = b"five gigs in"
        m.flush()
        m.close()
        assert os.pread(fd, 12, 5 * GIB) == b"five gigs in"
    finally:
        os.close(fd)
        os.unlink(big)
    return "MAP_SHARED across fork, file mapping with mremap, offset 5 GiB"


def check_subprocess(tmp):
    """The i386 bash, python itself and a 64-bit program as children."""
    r = subprocess.run([BASH, "-c", "echo $((6 * 7)); exit 3"],
                       capture_output=True, timeout=30)
    assert r.returncode == 3 and r.stdout == b"42\n", r
    r = subprocess.run([sys.executable, "-c",
                        "import sys; sys.stdout.write(sys.stdin.read().upper())"],
                       input=b"shout", capture_output=True, timeout=30)
    assert r.returncode == 0 and r.stdout == b"SHOUT", r
    # A 32-bit parent execs a 64-bit child.
    r = subprocess.run([BUSYBOX, "echo", "sixty-four"], capture_output=True,
                       timeout=30)
    assert r.returncode == 0 and r.stdout == b"sixty-four\n", r
    # Killed by a signal: the status says so.
    p = subprocess.Popen([BASH, "-c", "kill -TERM $$; sleep 10"])
    assert p.wait(30) == -signal.SIGTERM, p.returncode
    # A pipeline of i386 programs between two pipes.
    p = subprocess.Popen([BASH, "-c", "tr a-z A-Z | tac"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         env={"PATH": "/i386/usr/bin:/i386/bin"})
    out, _ = p.communicate(b"one\ntwo\n", timeout=30)
    assert p.returncode == 0 and out == b"TWO\nONE\n", (p.returncode, out)
    return "bash, python, busybox (64-bit), killed child, pipeline"


def check_libraries(tmp):
    """Shared libraries at work: OpenSSL, zlib, liblzma, libbz2, SQLite,
    libffi (ctypes, a callback from C into Python)."""
    assert hashlib.sha256(b"abc").hexdigest() == \
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert hashlib.new("md5", b"abc").hexdigest() == \
        "900150983cd24fb0d6963f7d28e17f72"
    blob = os.urandom(1000) * 50
    assert zlib.decompress(zlib.compress(blob)) == blob
    assert lzma.decompress(lzma.compress(blob)) == blob
    assert bz2.decompress(bz2.compress(blob)) == blob
    db = sqlite3.connect(os.path.join(tmp, "db.sqlite"))
    db.execute("create table t (k integer primary key, v text)")
    db.executemany("insert into t (v) values (?)",
                   [("row %d" % i,) for i in range(1000)])
    db.commit()
    n, s = db.execute("select count(*), sum(k) from t").fetchone()
    db.close()
    assert (n, s) == (1000, 500500), (n, s)
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.getpid() == os.getpid()
    cmp_t = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                             ctypes.POINTER(ctypes.c_int))

    def cmp(a, b):
        return a[0] - b[0]

    arr = (ctypes.c_int * 8)(5, 3, 8, 1, 9, 2, 7, 4)
    libc.qsort(arr, len(arr), ctypes.sizeof(ctypes.c_int), cmp_t(cmp))
    assert list(arr) == [1, 2, 3, 4, 5, 7, 8, 9], list(arr)
    return "sha256, md5, zlib, lzma, bz2, sqlite3, ctypes qsort callback"


def check_poll(tmp):
    """epoll, poll and select on a pipe."""
    r, w = os.pipe()
    try:
        ep = select.epoll()
        ep.register(r, select.EPOLLIN)
        assert ep.poll(0.05) == []
        os.write(w, b"x")
        assert ep.poll(5) == [(r, select.EPOLLIN)]
        ep.close()
        p = select.poll()
        p.register(r, select.POLLIN)
        assert p.poll(5000) == [(r, select.POLLIN)]
        assert select.select([r], [], [], 5)[0] == [r]
        os.read(r, 1)
        start = time.monotonic()
        assert select.select([r], [], [], 0.2)[0] == []
        waited = time.monotonic() - start
        assert 0.15 <= waited < 10, waited
    finally:
        os.close(r)
        os.close(w)
    return "epoll, poll, select and its timeout"


def check_time(tmp):
    """The clocks agree with each other and with a file's timestamp."""
    now = time.time()
    path = os.path.join(tmp, "stamp")
    open(path, "w").close()
    mtime = os.stat(path).st_mtime
    assert abs(mtime - now) < 5, (mtime, now)
    os.utime(path, (1000000000, 1000000000))
    assert os.stat(path).st_mtime == 1000000000
    t0 = time.monotonic()
    time.sleep(0.1)
    assert time.monotonic() - t0 >= 0.09
    rt = time.clock_gettime(time.CLOCK_REALTIME)
    assert abs(rt - time.time()) < 5
    return "realtime, monotonic, utime"


CHECKS = [check_abi, check_files, check_fcntl_lock, check_threads,
          check_signals, check_unix_sockets, check_mmap, check_subprocess,
          check_libraries, check_poll, check_time]


def main():
    failed = 0
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/tmp")) as top:
        for check in CHECKS:
            name = check.__name__[len("check_"):]
            tmp = os.path.join(top, name)
            os.mkdir(tmp)
            start = time.monotonic()
            try:
                what = check(tmp)
                print("ok %s: %s (%.1f s)" % (name, what,
                                             time.monotonic() - start))
            except Exception as e:
                failed += 1
                print("FAIL %s: %s: %r" % (name, type(e).__name__, e))
            sys.stdout.flush()
    print("%d of %d checks failed" % (failed, len(CHECKS)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
