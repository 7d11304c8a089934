// SPDX-License-Identifier: GPL-2.0
/*
 * execv PROGRAM [ARGS...]: replace this process by PROGRAM, without a
 * fork.  Built 32-bit, it is an i386 program that becomes a 64-bit one
 * (which must release IA32 emulation).  Exit 127 if the exec fails.
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: execv PROGRAM [ARGS...]\n");
		return 2;
	}
	execv(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
