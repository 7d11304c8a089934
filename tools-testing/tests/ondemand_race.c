// SPDX-License-Identifier: GPL-2.0
/*
 * ondemand_race ROUNDS MIN_MS MAX_MS PROGRAM: i386 execs against the idle
 * disabling of IA32 emulation.  With the module's idle_timeout at one
 * second, each round waits a random time around it, then runs PROGRAM
 * (alive_32, which checks its doors from inside), so that the exec meets
 * IA32 emulation enabled, disabled, or being disabled.  The module stays
 * loaded (the idle disabling does not unload it), so every exec must run
 * PROGRAM to exit 0: ENOEXEC, a program that finds a door refused (exit 3)
 * or any other outcome fails the test.  The rounds must have disabled
 * IA32 emulation at least ROUNDS / 4 times (auto_disabled), or they did
 * not race.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SYSFS "/sys/kernel/ia32_emulation/"

static long counter(const char *name)
{
	char path[128];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), SYSFS "%s", name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

int main(int argc, char **argv)
{
	unsigned long ran = 0, enoexec = 0, refused = 0, other = 0;
	long rounds, lo, hi, i, disabled, enabled;
	int pipefd[2], status, err;
	struct timespec ts;
	pid_t pid;

	if (argc != 5) {
		fprintf(stderr, "usage: ondemand_race ROUNDS MIN_MS MAX_MS PROGRAM\n");
		return 2;
	}
	rounds = atol(argv[1]);
	lo = atol(argv[2]);
	hi = atol(argv[3]);
	srand(getpid());
	disabled = counter("auto_disabled");
	enabled = counter("auto_enabled");
	for (i = 0; i < rounds; i++) {
		long ms = lo + rand() % (hi - lo + 1);

		ts.tv_sec = ms / 1000;
		ts.tv_nsec = (ms % 1000) * 1000000;
		nanosleep(&ts, NULL);
		if (pipe(pipefd))
			return 2;
		pid = fork();
		if (pid == 0) {
			close(pipefd[0]);
			execl(argv[4], argv[4], (char *)NULL);
			err = errno;
			if (write(pipefd[1], &err, sizeof(err)) != sizeof(err))
				_exit(125);
			_exit(126);
		}
		close(pipefd[1]);
		if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
			err = 0;
		close(pipefd[0]);
		waitpid(pid, &status, 0);
		if (err == ENOEXEC)
			enoexec++;
		else if (!err && WIFEXITED(status) && !WEXITSTATUS(status))
			ran++;
		else if (!err && WIFEXITED(status) && WEXITSTATUS(status) == 3)
			refused++;
		else
			other++;
	}
	disabled = counter("auto_disabled") - disabled;
	enabled = counter("auto_enabled") - enabled;
	printf("race: %ld rounds: ran %lu enoexec %lu refused %lu other %lu;",
	       rounds, ran, enoexec, refused, other);
	printf(" disabled %ld times, enabled by an exec %ld times\n",
	       disabled, enabled);
	if (enoexec || refused || other) {
		printf("[FAIL]\tan exec failed, or a 32-bit program met a refused door\n");
		return 1;
	}
	if (disabled < rounds / 4) {
		printf("[FAIL]\tIA32 emulation was disabled only %ld times: no race\n",
		       disabled);
		return 1;
	}
	printf("[OK]\tevery exec ran with its doors open\n");
	return 0;
}
