// SPDX-License-Identifier: GPL-2.0
/*
 * int80_flip ROUNDS I386PROG ERR: the INT $0x80 gate of every CPU follows
 * the state of IA32 emulation at once, in a task that was running when it
 * changed.
 *
 * The module is loaded, IA32 emulation disabled, idle_timeout 1 s.  One
 * thread knocks on CPU 1, the other (the driver) on CPU 0; neither leaves
 * its address space while the rounds run (the driver starts I386PROG with
 * vfork semantics, posix_spawn, and prints nothing until the end), so no
 * CR3 write on CPU 1 flushes its TLB on the way.  Each round:
 *  - both knock: INT 0x80 from 64-bit mode must raise the CPU's own #GP
 *    (error code ERR: 0x802 under TCG, the entry code's refusal has
 *    0x402), which also loads the IDT page into both TLBs;
 *  - the driver runs I386PROG on CPU 0: its exec enables IA32 emulation
 *    and switches the IDT there; both knock: getpid() must work;
 *  - the module disables IA32 emulation (its idle work, on either CPU):
 *    once auto_disabled has moved, both knock: the CPU's own #GP again.
 * A switch of the IDT page that reaches the TLB of its own CPU only
 * leaves the other with the old gate.  Meaningful where a kernel entry
 * does not reload CR3 anyway (TCG flushes its whole TLB on every CR3
 * write): the AMD-like model, which has no page table isolation.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define SYSFS "/sys/kernel/ia32_emulation/"

enum { WORKS = 1, SHUT, OTHER };
static const char * const what[] = { "?", "works", "#GP of the gate", "other" };

static __thread volatile int k_sig;
static __thread unsigned long k_err, k_trap;
static unsigned long want_err;

static void on_segv(int sig, siginfo_t *si, void *ctx_void)
{
	greg_t *gregs = ((ucontext_t *)ctx_void)->uc_mcontext.gregs;

	k_sig = sig;
	k_err = gregs[REG_ERR];
	k_trap = gregs[REG_TRAPNO];
	gregs[REG_RAX] = -1;
	gregs[REG_RIP] += 2;		/* int $0x80 */
}

/* getpid through INT 0x80 from 64-bit mode; err: the #GP error code */
static int knock(unsigned long *err)
{
	long ret = 20;	/* __NR_getpid, i386 */

	k_sig = 0;
	asm volatile ("int $0x80" : "+a" (ret) : : "memory",
		      "r8", "r9", "r10", "r11");
	*err = k_sig ? k_err : 0;
	if (!k_sig && ret == getpid())
		return WORKS;
	if (k_sig == SIGSEGV && k_trap == 13 && k_err == want_err)
		return SHUT;
	return OTHER;
}

/* The knocker on CPU 1: spins in user mode between requests */
static volatile int req, done, k_result;
static volatile unsigned long k_result_err;

static void *knocker(void *arg)
{
	for (;;) {
		while (req == done)
			__asm__ volatile ("pause");
		if (req < 0)
			return NULL;
		k_result = knock((unsigned long *)&k_result_err);
		__atomic_store_n(&done, req, __ATOMIC_RELEASE);
	}
}

static int knock_cpu1(unsigned long *err)
{
	int r = req + 1;

	__atomic_store_n(&req, r, __ATOMIC_RELEASE);
	while (__atomic_load_n(&done, __ATOMIC_ACQUIRE) != r)
		__asm__ volatile ("pause");
	*err = k_result_err;
	return k_result;
}

static long counter(const char *name)
{
	char path[128], buf[32] = "";
	int fd;

	snprintf(path, sizeof(path), SYSFS "%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf) - 1) <= 0)
		return -1;
	close(fd);
	return atol(buf);
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

/* Results, printed at the end: a write now would wake a reader on CPU 1 */
static char report[65536];
static size_t rlen;
#define note(...) (rlen += snprintf(report + rlen, \
		   rlen < sizeof(report) ? sizeof(report) - rlen : 0, __VA_ARGS__))

static int check(int round, const char *when, int want)
{
	unsigned long e0, e1;
	int r1 = knock_cpu1(&e1), r0 = knock(&e0), bad = 0;

	if (r1 != want) {
		note("[FAIL]\tround %d, %s: CPU 1: %s (err %#lx), expected %s\n",
		     round, when, what[r1], e1, what[want]);
		bad = 1;
	}
	if (r0 != want) {
		note("[FAIL]\tround %d, %s: CPU 0: %s (err %#lx), expected %s\n",
		     round, when, what[r0], e0, what[want]);
		bad = 1;
	}
	return bad;
}

int main(int argc, char **argv)
{
	int rounds, round, bad = 0, skipped = 0, status;
	char *const args[] = { argv[argc > 2 ? 2 : 0], NULL };
	posix_spawn_file_actions_t fa;
	struct sigaction sa;
	pthread_attr_t attr;
	pthread_t thread;
	cpu_set_t set;
	pid_t pid;
	size_t mark;
	long dis;

	if (argc != 4) {
		fprintf(stderr, "usage: int80_flip ROUNDS I386PROG ERR\n");
		return 2;
	}
	rounds = atoi(argv[1]);
	want_err = strtoul(argv[3], NULL, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return printf("[SKIP]\tno CPU 0\n"), 4;
	CPU_ZERO(&set);
	CPU_SET(1, &set);
	pthread_attr_init(&attr);
	if (pthread_attr_setaffinity_np(&attr, sizeof(set), &set) ||
	    pthread_create(&thread, &attr, knocker, NULL))
		return printf("[SKIP]\tno CPU 1\n"), 4;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);

	if (counter("enabled") != 0)
		return printf("[FAIL]\tIA32 emulation is enabled at the start\n"), 1;
	for (round = 1; round <= rounds; round++) {
		bad |= check(round, "disabled", SHUT);
		dis = counter("auto_disabled");
		if (posix_spawn(&pid, args[0], &fa, NULL, args, NULL) ||
		    waitpid(pid, &status, 0) != pid || status) {
			note("[FAIL]\tround %d: %s did not run\n", round, args[0]);
			bad = 1;
			break;
		}
		if (counter("enabled") != 1) {
			note("[FAIL]\tround %d: not enabled after %s\n", round, args[0]);
			bad = 1;
			break;
		}
		mark = rlen;
		if (check(round, "enabled by an exec on CPU 0", WORKS)) {
			/* The idle work came first: no verdict */
			if (counter("auto_disabled") != dis) {
				rlen = mark;
				skipped++;
				continue;
			} else {
				bad = 1;
			}
		}
		for (int i = 0; counter("auto_disabled") == dis; i++) {
			if (i == 200) {
				note("[FAIL]\tround %d: not disabled within 10 s\n", round);
				bad = 1;
				goto out;
			}
			pause_ms(50);
		}
		bad |= check(round, "disabled by the idle work", SHUT);
	}
out:
	__atomic_store_n(&req, -1, __ATOMIC_RELEASE);
	pthread_join(thread, NULL);
	fwrite(report, 1, rlen < sizeof(report) ? rlen : sizeof(report), stdout);
	printf("%s\t%d rounds, %d without a verdict: INT 0x80 on both CPUs follows every switch\n",
	       bad ? "[FAIL]" : "[OK]", round - 1, skipped);
	return bad;
}
