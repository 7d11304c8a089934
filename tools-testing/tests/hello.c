// SPDX-License-Identifier: GPL-2.0
/* The demo's 32-bit program: says what it runs as, and sleeps if asked. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	struct utsname u;

	uname(&u);
	printf("hello from a %zu-bit program, pid %d, uname -m: %s\n",
	       sizeof(long) * 8, getpid(), u.machine);
	if (argc > 1)
		sleep(atoi(argv[1]));
	return 0;
}
