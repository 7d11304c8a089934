/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Telling work from waiting, for the 64-bit programs that time module
 * loads and unloads (icount.h).  Include with _GNU_SOURCE defined.
 *
 * An operation that sleeps until a timer (an RCU grace period, say)
 * leaves the guest idle, and under -icount its clock then jumps ahead:
 * that time is not instructions.  To tell the two apart, a SCHED_IDLE
 * child spins while the operation runs, taking the CPU only when nothing
 * else wants it, in a loop of exactly two instructions that counts its
 * turns in shared memory.  Twice its count is the time the guest would
 * have spent idle; the rest is work, the switches to and from the spinner
 * included (a few thousand instructions each).
 */
#ifndef BENCH_IDLE_SOAK_H
#define BENCH_IDLE_SOAK_H

#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct idle_soak {
	pid_t pid;
	volatile unsigned long *count;
	unsigned long start;
};

static inline int idle_soak_start(struct idle_soak *s)
{
	struct sched_param sp = { 0 };
	int fd[2];
	char c = 0;

	s->count = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s->count == MAP_FAILED || pipe(fd))
		return -1;
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		close(fd[0]);
		/* Its page faulted in before the clock starts */
		*s->count = 0;
		if (sched_setscheduler(0, SCHED_IDLE, &sp) ||
		    write(fd[1], &c, 1) != 1)
			_exit(1);
		asm volatile ("1: incq (%0); jmp 1b" :: "r" (s->count)
			      : "memory");
	}
	/* Wait until the child spins at its own priority */
	close(fd[1]);
	if (read(fd[0], &c, 1) != 1)
		return -1;
	close(fd[0]);
	s->start = *s->count;
	return 0;
}

/* Stop the spinner; return the instructions it soaked up. */
static inline unsigned long long idle_soak_stop(struct idle_soak *s)
{
	unsigned long turns = *s->count - s->start;

	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	munmap((void *)s->count, 4096);
	return 2ULL * turns;
}

#endif
