// SPDX-License-Identifier: GPL-2.0
/*
 * uselib LIB: uselib(2) from an i386 program, which Debian's kernels
 * still build (CONFIG_USELIB).  LIB is an i386 ET_EXEC with one PT_LOAD
 * at USELIB_ADDR holding the string USELIB_MARKER (the Makefile links it
 * from uselib_lib.S).
 * Checks:
 * - uselib(LIB) returns 0 and maps the library: the marker is at its
 *   address, read through /proc/self/mem so that a missing mapping is an
 *   error and not a fault;
 * - uselib() of this program (a static executable with more program
 *   headers than a library may have) fails with ENOEXEC;
 * - uselib() of a missing file fails with ENOENT.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define USELIB_ADDR	0x5a000000UL
#define USELIB_MARKER	"ia32-ondemand uselib"

static int expect_error(const char *path, int err, const char *name)
{
	long ret = syscall(SYS_uselib, path);

	if (ret != -1 || errno != err) {
		printf("[FAIL]\tuselib(%s): %ld (%s), expected %s\n", path, ret,
		       ret ? strerror(errno) : "mapped", name);
		return 1;
	}
	printf("[OK]\tuselib(%s): %s\n", path, name);
	return 0;
}

int main(int argc, char **argv)
{
	char buf[sizeof(USELIB_MARKER)] = "";
	int fails = 0, fd;
	long ret;

	if (argc != 2) {
		fprintf(stderr, "usage: uselib LIB\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);

	ret = syscall(SYS_uselib, argv[1]);
	if (ret) {
		printf("[FAIL]\tuselib(%s): %s\n", argv[1], strerror(errno));
		return 1;
	}
	fd = open("/proc/self/mem", O_RDONLY);
	if (fd < 0 || pread(fd, buf, sizeof(buf), USELIB_ADDR) != sizeof(buf) ||
	    memcmp(buf, USELIB_MARKER, sizeof(buf))) {
		printf("[FAIL]\tuselib(%s) returned 0, but %#lx does not hold the library\n",
		       argv[1], USELIB_ADDR);
		return 1;
	}
	close(fd);
	printf("[OK]\tuselib(%s) mapped the library at %#lx\n", argv[1],
	       USELIB_ADDR);

	fails += expect_error(argv[0], ENOEXEC, "ENOEXEC");
	fails += expect_error("/nonexistent", ENOENT, "ENOENT");
	return !!fails;
}
