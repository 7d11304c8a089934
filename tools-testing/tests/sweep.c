// SPDX-License-Identifier: GPL-2.0
/*
 * sweep TABLE | sweep --record: every i386 system call number through
 * INT 0x80, from 0 to well past the end of the table, and negative ones.
 *
 * Each number is called in a child of its own, in a session of its own
 * (no controlling terminal for vhangup to hang up), with every argument
 * register holding 0xfffff000: a bad file descriptor, a pointer into no
 * mapping, a length too large, flags with every high bit set.  What the
 * child got is one of
 *   ok        a value that is not an error (a pid, a size, ...)
 *   -N        the error -N
 *   signal N  the child was killed by signal N: SIGALRM after a second
 *             (pause()), SIGKILL after five (sigsuspend() with SIGALRM
 *             masked), SIGSEGV (sigreturn() runs on a zeroed frame)
 *   exit N    the child exited without returning (exit, exit_group)
 *
 * --record prints one line "sweep: NR RESULT" per number: the table,
 * recorded on the reference kernel (make sweep-table).  With TABLE, the
 * results must be the table's, and every number from the end of the
 * i386 table up, and every negative number, must give -ENOSYS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* From 0 to past the end of the i386 table (463 entries in 6.12) */
#define SWEEP_END	600
#define POISON		0xfffff000UL
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define NR_SIGRETURN	119
#define NR_RT_SIGRETURN	173
#define I386_NR_SYSCALLS	463
/* A call still waiting after this long is killed (sigsuspend() with
 * SIGALRM blocked by its mask).
 */
#define WAIT_MS		5000

static const long negatives[] = {
	-1, -2, -3, -20, -4095, -4096, -65536, -0x7fffffff, -0x7fffffff - 1,
};

/* A zeroed stack for sigreturn to find its frame in. */
static unsigned long zero_stack[1024];

static long int80(long nr)
{
	unsigned long ebx = POISON, ecx = POISON, edx = POISON;
	unsigned long esi = POISON, edi = POISON;

	if (nr == NR_SIGRETURN || nr == NR_RT_SIGRETURN) {
		unsigned long *top = &zero_stack[512];

		asm volatile ("xchgl %%esp, %[top]\n\t"
			      "int $0x80\n\t"
			      "xchgl %%esp, %[top]"
			      : "+a" (nr), [top] "+r" (top)
			      : "b" (ebx), "c" (ecx), "d" (edx),
				"S" (esi), "D" (edi)
			      : "memory");
		return nr;
	}
	/* ebp is the sixth argument: poison it as well */
	asm volatile ("pushl %%ebp\n\t"
		      "movl %[poison], %%ebp\n\t"
		      "int $0x80\n\t"
		      "popl %%ebp"
		      : "+a" (nr)
		      : "b" (ebx), "c" (ecx), "d" (edx), "S" (esi), "D" (edi),
			[poison] "i" (POISON)
		      : "memory");
	return nr;
}

/* What number @nr gives, as text in @buf. */
static void call(long nr, char *buf, size_t size)
{
	int pipefd[2], status;
	struct pollfd pfd;
	long ret = 0;
	pid_t pid, me;
	ssize_t n;

	if (pipe(pipefd)) {
		perror("pipe");
		exit(2);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (!pid) {
		close(pipefd[0]);
		setsid();
		alarm(1);
		me = getpid();
		ret = int80(nr);
		/* fork() and vfork(): the new child leaves quietly */
		if (getpid() != me)
			_exit(0);
		if (write(pipefd[1], &ret, sizeof(ret)) != sizeof(ret))
			_exit(3);
		_exit(0);
	}
	close(pipefd[1]);
	pfd.fd = pipefd[0];
	pfd.events = POLLIN;
	if (poll(&pfd, 1, WAIT_MS) == 0)
		kill(pid, SIGKILL);
	n = read(pipefd[0], &ret, sizeof(ret));
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	if (n == sizeof(ret) && ret < 0 && ret >= -4095)
		snprintf(buf, size, "%ld", ret);
	else if (n == sizeof(ret))
		snprintf(buf, size, "ok");
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "signal %d", WTERMSIG(status));
	else
		snprintf(buf, size, "exit %d", WEXITSTATUS(status));
}

static char *table[SWEEP_END];

static void read_table(const char *path)
{
	char line[128], res[64];
	FILE *f = fopen(path, "r");
	long nr;

	if (!f) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "sweep: %ld %63[^\n]", &nr, res) != 2 ||
		    nr < 0 || nr >= SWEEP_END)
			continue;
		table[nr] = strdup(res);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	int record, failures = 0, checked = 0;
	char res[64], want[64];
	unsigned int i;
	long nr;

	if (argc != 2) {
		fprintf(stderr, "usage: sweep TABLE | sweep --record\n");
		return 2;
	}
	record = !strcmp(argv[1], "--record");
	if (!record)
		read_table(argv[1]);
	snprintf(want, sizeof(want), "%d", -ENOSYS);

	for (nr = 0; nr < SWEEP_END; nr++) {
		call(nr, res, sizeof(res));
		if (record) {
			printf("sweep: %ld %s\n", nr, res);
			continue;
		}
		checked++;
		if (!table[nr]) {
			printf("not ok %ld: %s, not in the table\n", nr, res);
			failures++;
		} else if (strcmp(res, table[nr])) {
			printf("not ok %ld: %s, the table says %s\n", nr, res,
			       table[nr]);
			failures++;
		}
		if (nr >= I386_NR_SYSCALLS && strcmp(res, want)) {
			printf("not ok %ld: %s past the end of the table\n",
			       nr, res);
			failures++;
		}
	}
	for (i = 0; i < ARRAY_SIZE(negatives); i++) {
		call(negatives[i], res, sizeof(res));
		if (record) {
			printf("# %ld %s\n", negatives[i], res);
			continue;
		}
		checked++;
		if (strcmp(res, want)) {
			printf("not ok %ld: %s, not -ENOSYS\n", negatives[i], res);
			failures++;
		}
	}
	if (!record)
		printf("%d numbers checked, %d not as on the reference\n",
		       checked, failures);
	return failures ? 1 : 0;
}
