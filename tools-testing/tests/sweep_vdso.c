// SPDX-License-Identifier: GPL-2.0
/*
 * sweep_vdso: every i386 system call number through the vDSO's
 * __kernel_vsyscall (SYSENTER or compat SYSCALL, as the kernel patched
 * it), each against the same number through INT 0x80 in the same run.
 *
 * As in sweep.c, each number is called in a child of its own, in a
 * session of its own, with every argument register (ebp, the sixth,
 * included) holding 0xfffff000; sigreturn and rt_sigreturn run on a
 * zeroed stack.  The two children of a number, one per door, run side by
 * side.  What a child got is compared in full, not only as "ok":
 *   -N         the error -N
 *   pid, ppid  its own pid, its parent's (getpid, getpgid after setsid...)
 *   new pid    the pid of a child it just made (fork, vfork)
 *   0xN        any other value
 *   signal N   it was killed by signal N (SIGALRM after a second for
 *              pause(), SIGKILL after five for sigsuspend())
 *   exit N     it exited without returning (exit, exit_group)
 * A child of fork or vfork leaves at once, before it touches the stack
 * it may share with its parent (vfork through the vDSO returns through
 * the parent's stack frame of __kernel_vsyscall).
 *
 * Checks: for every number from 0 to 599 and nine negative ones, the
 * vDSO door gives what INT 0x80 gives; from 463 (the end of the 6.12
 * table) up and for the negative ones, both give -ENOSYS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define SWEEP_END	600
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define NR_SIGRETURN	119
#define NR_RT_SIGRETURN	173
#define I386_NR_SYSCALLS	463
/* A call still waiting after this long is killed. */
#define WAIT_MS		5000
#define RESULT_LEN	32

static const long negatives[] = {
	-1, -2, -3, -20, -4095, -4096, -65536, -0x7fffffff, -0x7fffffff - 1,
};

/* Read by the asm below: the call to make and where. */
long sweep_nr, sweep_ret;
unsigned long sweep_vdso, sweep_me, sweep_saved_esp, sweep_stack;
/* A zeroed stack for sigreturn to find its frame in. */
unsigned long sweep_zero_stack[1024];
void sweep_call(void);

/*
 * Every argument register 0xfffff000, the call through INT 0x80 or
 * through the vDSO (sweep_vdso, 0 for INT 0x80), on the zeroed stack if
 * sweep_stack is set.  Then, without touching the stack: getpid through
 * INT 0x80, and a task that is not the one that called (the child of
 * fork or vfork) exits at once with status 0.
 */
asm (".pushsection .text\n"
	".globl sweep_call\n"
	".type sweep_call, @function\n"
	"sweep_call:\n"
	"	pushl %ebp\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl %esp, sweep_saved_esp\n"
	"	cmpl $0, sweep_stack\n"
	"	je 1f\n"
	"	movl $sweep_zero_stack + 2048, %esp\n"
	"1:	movl sweep_nr, %eax\n"
	"	movl $0xfffff000, %ebx\n"
	"	movl %ebx, %ecx\n"
	"	movl %ebx, %edx\n"
	"	movl %ebx, %esi\n"
	"	movl %ebx, %edi\n"
	"	movl %ebx, %ebp\n"
	"	cmpl $0, sweep_vdso\n"
	"	jne 2f\n"
	"	int $0x80\n"
	"	jmp 3f\n"
	"2:	call *sweep_vdso\n"
	"3:	movl %eax, sweep_ret\n"
	"	movl $20, %eax\n"
	"	int $0x80\n"
	"	cmpl sweep_me, %eax\n"
	"	je 4f\n"
	"	movl $1, %eax\n"
	"	xorl %ebx, %ebx\n"
	"	int $0x80\n"
	"4:	movl sweep_saved_esp, %esp\n"
	"	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	popl %ebp\n"
	"	ret\n"
	".size sweep_call, .-sweep_call\n"
	".popsection\n");

/*
 * In the child: make the call and write what it returned, as text, to
 * RESULT_FD.  Every other descriptor but 0 to 2 is closed first, so that
 * a call that makes one (inotify_init, eventfd, ...) gets the same number
 * in both children.
 */
#define RESULT_FD	63

static void child(long nr, unsigned long vdso, int fd)
{
	char buf[RESULT_LEN];
	long ret;
	int status;

	if (dup2(fd, RESULT_FD) != RESULT_FD ||
	    close_range(3, RESULT_FD - 1, 0))
		_exit(3);
	fd = RESULT_FD;
	setsid();
	alarm(1);
	sweep_nr = nr;
	sweep_vdso = vdso;
	sweep_me = getpid();
	sweep_stack = nr == NR_SIGRETURN || nr == NR_RT_SIGRETURN;
	sweep_call();
	ret = sweep_ret;
	if (ret < 0 && ret >= -4095)
		snprintf(buf, sizeof(buf), "%ld", ret);
	else if (ret == getpid())
		snprintf(buf, sizeof(buf), "pid");
	else if (ret == getppid())
		snprintf(buf, sizeof(buf), "ppid");
	else if (ret > 0 && waitpid(ret, &status, __WALL) == ret)
		snprintf(buf, sizeof(buf), "new pid");
	else
		snprintf(buf, sizeof(buf), "%#lx", ret);
	if (write(fd, buf, strlen(buf)) != (ssize_t)strlen(buf))
		_exit(3);
	_exit(0);
}

struct run {
	pid_t pid;
	int fd;
};

static void start(struct run *r, long nr, unsigned long vdso)
{
	int pipefd[2];

	if (pipe(pipefd)) {
		perror("pipe");
		exit(2);
	}
	fflush(stdout);
	r->pid = fork();
	if (r->pid < 0) {
		perror("fork");
		exit(2);
	}
	if (!r->pid) {
		close(pipefd[0]);
		child(nr, vdso, pipefd[1]);
	}
	close(pipefd[1]);
	r->fd = pipefd[0];
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* What the child of @r got, once it is done or killed after WAIT_MS. */
static void finish(struct run *r, long long deadline, char *buf)
{
	struct pollfd pfd = { .fd = r->fd, .events = POLLIN };
	long long left = deadline - now_ms();
	ssize_t n = 0, got;
	int status;

	/* The result, then end of file when the child (and any it made) ends */
	for (;;) {
		if (left < 0)
			left = 0;
		if (poll(&pfd, 1, left) <= 0) {
			kill(r->pid, SIGKILL);
			break;
		}
		got = read(r->fd, buf + n, RESULT_LEN - 1 - n);
		if (got <= 0)
			break;
		n += got;
		left = deadline - now_ms();
	}
	close(r->fd);
	buf[n] = 0;
	waitpid(r->pid, &status, 0);
	if (n)
		return;
	if (WIFSIGNALED(status))
		snprintf(buf, RESULT_LEN, "signal %d", WTERMSIG(status));
	else
		snprintf(buf, RESULT_LEN, "exit %d", WEXITSTATUS(status));
}

/* Both doors for @nr, side by side. */
static void sweep(long nr, int enosys)
{
	static char want[RESULT_LEN];
	char int80[RESULT_LEN], vdso[RESULT_LEN];
	struct run a, b;
	long long deadline;

	snprintf(want, sizeof(want), "%d", -ENOSYS);
	start(&a, nr, 0);
	start(&b, nr, getauxval(AT_SYSINFO));
	deadline = now_ms() + WAIT_MS;
	finish(&a, deadline, int80);
	finish(&b, deadline, vdso);
	check(!strcmp(int80, vdso), "%ld: vdso as int80: %s%s%s", nr, vdso,
	      strcmp(int80, vdso) ? ", int80 " : "",
	      strcmp(int80, vdso) ? int80 : "");
	if (enosys)
		check(!strcmp(int80, want) && !strcmp(vdso, want),
		      "%ld: -ENOSYS past the table", nr);
}

int main(void)
{
	long long t0 = now_ms();
	unsigned int i;
	long nr;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!getauxval(AT_SYSINFO)) {
		printf("[FAIL] no AT_SYSINFO\n");
		return 1;
	}
	for (nr = 0; nr < SWEEP_END; nr++)
		sweep(nr, nr >= I386_NR_SYSCALLS);
	for (i = 0; i < ARRAY_SIZE(negatives); i++)
		sweep(negatives[i], 1);
	printf("# %d checks, %d failed, %lld ms\n", check_passed + check_failed,
	       check_failed, now_ms() - t0);
	return check_exit();
}
