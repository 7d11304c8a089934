// SPDX-License-Identifier: GPL-2.0
/*
 * run [-i] N PROGRAM [ARGS...]: fork, execve PROGRAM and wait for it, N
 * times in a row, and print the guest instructions (icount.h) of the
 * whole, and per run: the cost of an exec, or of one command such as
 * modprobe, as the task that started it sees it.  With -i, also how much
 * of it the guest spent idle, waiting (idle_soak.h).
 * PROGRAM's output goes through.  Fails if any run does not exit 0.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "icount.h"
#include "idle_soak.h"

int main(int argc, char **argv)
{
	unsigned long long t0, t, idle = 0;
	struct idle_soak soak;
	int status, soaking = 0;
	unsigned long i, n;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "-i")) {
		soaking = 1;
		argv++;
		argc--;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: run [-i] N PROGRAM [ARGS...]\n");
		return 2;
	}
	n = strtoul(argv[1], NULL, 0);
	if (!n)
		return 2;
	fflush(stdout);
	if (soaking && idle_soak_start(&soak)) {
		perror("run: idle soak");
		return 1;
	}
	t0 = icount_now();
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0) {
			perror("run: fork");
			return 1;
		}
		if (pid == 0) {
			execv(argv[2], argv + 2);
			perror("run: execv");
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "run: %s failed (status %#x)\n",
				argv[2], status);
			return 1;
		}
	}
	t = icount_now() - t0;
	if (soaking)
		idle = idle_soak_stop(&soak);
	printf("n=%lu total=%llu per_run=%.0f", n, t, (double)t / n);
	if (soaking)
		printf(" idle=%llu busy_per_run=%.0f", idle,
		       (double)(t - idle) / n);
	printf("\n");
	return 0;
}
