// SPDX-License-Identifier: GPL-2.0
/*
 * try_exec [-u UID] EXPECT PROGRAM [ARGS...]: exec PROGRAM in a child and
 * check the outcome without a shell in between (a shell would run a file
 * it cannot exec as a script).  EXPECT is "runs" (exec succeeds and the
 * program exits 0) or an errno name the exec must fail with (ENOEXEC,
 * ...).  With -u, the child drops to user and group UID first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const struct { int nr; const char *name; } names[] = {
	{ ENOEXEC, "ENOEXEC" }, { ENOENT, "ENOENT" }, { EACCES, "EACCES" },
	{ EPERM, "EPERM" }, { EINVAL, "EINVAL" }, { ENOMEM, "ENOMEM" },
};

static const char *errname(int nr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].nr == nr)
			return names[i].name;
	return "E?";
}

int main(int argc, char **argv)
{
	int pipefd[2], status, err = 0;
	long uid = -1;
	pid_t pid;

	if (argc > 2 && !strcmp(argv[1], "-u")) {
		uid = atol(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: try_exec [-u UID] EXPECT PROGRAM [ARGS...]\n");
		return 2;
	}
	if (pipe(pipefd))
		return 2;
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		if (uid >= 0 && (setgid(uid) || setuid(uid)))
			_exit(124);
		execv(argv[2], argv + 2);
		err = errno;
		if (write(pipefd[1], &err, sizeof(err)) != sizeof(err))
			_exit(125);
		_exit(126);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	waitpid(pid, &status, 0);
	if (err) {
		printf("exec %s: failed with %s (%s)\n", argv[2], errname(err),
		       strerror(err));
		return strcmp(argv[1], errname(err)) ? 1 : 0;
	}
	printf("exec %s: ran, %s %d\n", argv[2],
	       WIFEXITED(status) ? "exit status" : "killed by signal",
	       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return strcmp(argv[1], "runs") || !WIFEXITED(status) ||
	       WEXITSTATUS(status) ? 1 : 0;
}
