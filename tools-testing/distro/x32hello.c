// SPDX-License-Identifier: GPL-2.0
/*
 * x32hello: an x32 program (gcc -mx32 -static) for the Debian test
 * system, which has no x32 packages: Debian builds its kernels with
 * CONFIG_X86_X32_ABI=y and CONFIG_X86_X32_DISABLED=y, so x32 runs only
 * with syscall.x32=y on the command line.  It must run whether the
 * ia32_emulation module is loaded or not: x32 system calls are 64-bit
 * mode system calls and go through none of the 32-bit doors.
 *
 * Prints "x32: ok ..." and exits 0 when it is an x32 process whose
 * system calls work (4-byte pointers, 8-byte long long, a file written
 * and read back, its own pid as the kernel knows it); exits 1 otherwise.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	static const char msg[] = "x32 was here\n";
	char path[] = "/tmp/x32hello.XXXXXX";
	struct utsname u;
	char buf[sizeof(msg)];
	int fd;

	/* The ILP32 model of x32: a 32-bit build would pass this too */
	if (sizeof(void *) != 4 || sizeof(long long) != 8) {
		printf("x32: not an x32 build\n");
		return 1;
	}
	/* glibc's x32 system call numbers carry __X32_SYSCALL_BIT */
	if (!(SYS_getpid & 0x40000000)) {
		printf("x32: SYS_getpid is %#x, not an x32 number\n",
		       (unsigned int)SYS_getpid);
		return 1;
	}
	if (syscall(SYS_getpid) != getpid() || uname(&u)) {
		printf("x32: getpid or uname failed\n");
		return 1;
	}
	fd = mkstemp(path);
	if (fd < 0 || write(fd, msg, sizeof(msg)) != sizeof(msg) ||
	    pread(fd, buf, sizeof(buf), 0) != sizeof(buf) ||
	    memcmp(buf, msg, sizeof(msg))) {
		printf("x32: file round trip failed\n");
		return 1;
	}
	close(fd);
	unlink(path);
	printf("x32: ok, pid %d, %s %s %s\n", getpid(), u.sysname, u.release,
	       u.machine);
	return 0;
}
