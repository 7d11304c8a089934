// SPDX-License-Identifier: GPL-2.0
/*
 * int80_args: 32-bit system calls through INT 0x80 from a 64-bit task with
 * garbage in the upper halves of every register (the gate must be open).
 *
 * - The system call sees the zero-extended low halves of ebx, ecx, edx,
 *   esi, edi and ebp, and a number truncated to 32 bits (eax).
 * - Numbers out of the i386 table (1000, -1, INT_MAX, INT_MIN) give
 *   -ENOSYS.
 * - Every register but rax comes back as it went in, all 64 bits, r8-r15
 *   included: the kernel neither clobbers them nor leaks its own data
 *   into them (it did both in the past).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct regs {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

static const char * const names[] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

/* Load every register from *in, INT 0x80, store every register to *out. */
void int80_regs(const struct regs *in, struct regs *out);
asm (".pushsection .text\n"
	".global int80_regs\n"
	"int80_regs:\n"
	"	push %rbx\n	push %rbp\n	push %r12\n"
	"	push %r13\n	push %r14\n	push %r15\n"
	"	push %rsi\n"
	"	mov 0(%rdi), %rax\n	mov 8(%rdi), %rbx\n	mov 16(%rdi), %rcx\n"
	"	mov 24(%rdi), %rdx\n	mov 32(%rdi), %rsi\n	mov 48(%rdi), %rbp\n"
	"	mov 56(%rdi), %r8\n	mov 64(%rdi), %r9\n	mov 72(%rdi), %r10\n"
	"	mov 80(%rdi), %r11\n	mov 88(%rdi), %r12\n	mov 96(%rdi), %r13\n"
	"	mov 104(%rdi), %r14\n	mov 112(%rdi), %r15\n	mov 40(%rdi), %rdi\n"
	"	int $0x80\n"
	"	push %rdi\n"
	"	mov 8(%rsp), %rdi\n"
	"	mov %rax, 0(%rdi)\n	mov %rbx, 8(%rdi)\n	mov %rcx, 16(%rdi)\n"
	"	mov %rdx, 24(%rdi)\n	mov %rsi, 32(%rdi)\n	mov %rbp, 48(%rdi)\n"
	"	mov %r8, 56(%rdi)\n	mov %r9, 64(%rdi)\n	mov %r10, 72(%rdi)\n"
	"	mov %r11, 80(%rdi)\n	mov %r12, 88(%rdi)\n	mov %r13, 96(%rdi)\n"
	"	mov %r14, 104(%rdi)\n	mov %r15, 112(%rdi)\n"
	"	pop %rax\n	mov %rax, 40(%rdi)\n"
	"	add $8, %rsp\n"
	"	pop %r15\n	pop %r14\n	pop %r13\n"
	"	pop %r12\n	pop %rbp\n	pop %rbx\n"
	"	ret\n"
	".popsection\n");

#define HIGH(x)	((uint64_t)(x) << 32)

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

/* Fill the registers with a pattern, the upper halves all garbage. */
static void garbage(struct regs *r)
{
	uint64_t *v = (uint64_t *)r;
	unsigned int i;

	for (i = 0; i < sizeof(*r) / sizeof(*v); i++)
		v[i] = 0x8badf00d00000000ULL + HIGH(i) + 0x11111111ULL * i;
}

/* All registers but rax come back unchanged. */
static int preserved(const struct regs *in, const struct regs *out)
{
	const uint64_t *a = (const uint64_t *)in, *b = (const uint64_t *)out;
	unsigned int i;
	int ok = 1;

	for (i = 1; i < sizeof(*in) / sizeof(*a); i++) {
		if (a[i] != b[i]) {
			printf("# %s: %#" PRIx64 " came back as %#" PRIx64 "\n",
			       names[i], a[i], b[i]);
			ok = 0;
		}
	}
	return ok;
}

static int32_t call(uint64_t nr, struct regs *in, const char *what)
{
	struct regs out;
	char buf[160];

	in->rax = nr;
	int80_regs(in, &out);
	snprintf(buf, sizeof(buf), "%s: registers preserved", what);
	check(preserved(in, &out), buf);
	printf("# %s: rax %#" PRIx64 " -> %#" PRIx64 "\n", what, nr, out.rax);
	return (int32_t)out.rax;
}

int main(void)
{
	static const uint32_t enosys_nrs[] = {
		1000, 0xffffffff, 0x7fffffff, 0x80000000,
	};
	char got[8] = "";
	struct regs in;
	int fds[2];
	char *low;
	int32_t ret;
	unsigned int i;

	setvbuf(stdout, NULL, _IONBF, 0);
	low = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (low == MAP_FAILED || pipe(fds)) {
		perror("setup");
		return 2;
	}
	memcpy(low, "hello", 5);

	/* write(fds[1], low, 5): i386 number 4 */
	garbage(&in);
	in.rbx = HIGH(0xbad) | (uint32_t)fds[1];
	in.rcx = HIGH(0xfeed) | (uint32_t)(uintptr_t)low;
	in.rdx = HIGH(0x12345678) | 5;
	ret = call(HIGH(0xdeadbeef) | 4, &in, "write");
	check(ret == 5 && read(fds[0], got, sizeof(got)) == 5 &&
	      !memcmp(got, "hello", 5),
	      "write: low halves of ebx, ecx, edx and eax used");

	/* mmap2(low + 4096, 4096, RW, PRIVATE|ANON|FIXED, -1, 0): number 192 */
	garbage(&in);
	in.rbx = HIGH(0xdead) | (uint32_t)(uintptr_t)(low + 4096);
	in.rcx = HIGH(0xdead) | 4096;
	in.rdx = HIGH(0xdead) | (PROT_READ | PROT_WRITE);
	in.rsi = HIGH(0xdead) | (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
	in.rdi = HIGH(0xdead) | 0xffffffffU;
	in.rbp = HIGH(0xdead);
	low[4096] = 1;
	ret = call(HIGH(0xffffffff) | 192, &in, "mmap2");
	check((uint32_t)ret == (uint32_t)(uintptr_t)(low + 4096) &&
	      low[4096] == 0,
	      "mmap2: low halves of all six arguments used");

	/* getpid(): number 20 with bit 32 set */
	garbage(&in);
	ret = call(HIGH(1) | 20, &in, "getpid");
	check(ret == getpid(), "getpid: number truncated to 32 bits");

	for (i = 0; i < ARRAY_SIZE(enosys_nrs); i++) {
		char what[64];

		garbage(&in);
		snprintf(what, sizeof(what), "number %#x", enosys_nrs[i]);
		ret = call(HIGH(0x5a5a5a5a) | enosys_nrs[i], &in, what);
		snprintf(what, sizeof(what), "number %#x: -ENOSYS",
			 enosys_nrs[i]);
		check(ret == -ENOSYS, what);
	}
	return failures ? 1 : 0;
}
