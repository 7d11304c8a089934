// SPDX-License-Identifier: GPL-2.0
/*
 * delmod EXPECT NAME: delete_module(NAME, O_NONBLOCK), as rmmod does, and
 * check the result: EXPECT is "ok" or the errno name it must fail with
 * (EWOULDBLOCK: in use, ENOENT: not loaded).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	const char *got = "ok";
	int err;

	if (argc != 3) {
		fprintf(stderr, "usage: delmod ok|EWOULDBLOCK|ENOENT|EBUSY NAME\n");
		return 2;
	}
	if (syscall(SYS_delete_module, argv[2], O_NONBLOCK)) {
		err = errno;
		got = err == EWOULDBLOCK ? "EWOULDBLOCK" : err == ENOENT ? "ENOENT" :
		      err == EBUSY ? "EBUSY" : err == EPERM ? "EPERM" : "E?";
		printf("rmmod %s: %s (%s)\n", argv[2], got, strerror(err));
	} else {
		printf("rmmod %s: removed\n", argv[2]);
	}
	return strcmp(got, argv[1]) ? 1 : 0;
}
