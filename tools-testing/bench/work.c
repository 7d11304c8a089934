// SPDX-License-Identifier: GPL-2.0
/*
 * work KIND N: a 32-bit workload, run natively through IA32 emulation and
 * under qemu-i386 inside the same VM, so that both are counted in the same
 * guest instructions (icount.h).  Only the work itself is timed, after
 * start-up; the plan also times each whole process, translation included.
 *
 *   getppid N   N getppid() system calls: a syscall-heavy program
 *   crc32 N     bitwise CRC-32 of an N KiB buffer: integer arithmetic
 *   sieve N     the primes below N, Eratosthenes: integers and bytes
 *   memcpy N    memset and memcpy of a 4 MiB buffer, N rounds: memory
 *
 * Prints the instructions and a checksum of the result, which must be the
 * same natively and under qemu-i386.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "icount.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define MEM_SIZE	(4UL << 20)

static unsigned long work_getppid(unsigned long n)
{
	unsigned long i, same = 0;
	pid_t first = getppid();

	/* Counts calls that agree: a ppid differs natively and under qemu */
	for (i = 0; i < n; i++)
		same += getppid() == first;
	return same;
}

static unsigned long work_crc32(unsigned long kib)
{
	unsigned long len = kib << 10, i;
	unsigned int crc = ~0U;
	unsigned char *buf;
	int k;

	buf = malloc(len);
	if (!buf)
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = i * 7 + (i >> 8);
	for (i = 0; i < len; i++) {
		crc ^= buf[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	free(buf);
	return ~crc;
}

static unsigned long work_sieve(unsigned long n)
{
	unsigned long i, j, count = 0;
	unsigned char *composite;

	composite = calloc(n, 1);
	if (!composite)
		return 0;
	for (i = 2; i < n; i++) {
		if (composite[i])
			continue;
		count++;
		for (j = i * i; j < n; j += i)
			composite[j] = 1;
	}
	free(composite);
	return count;
}

static unsigned long work_memcpy(unsigned long rounds)
{
	unsigned char *a, *b;
	unsigned long i, sum = 0;

	a = malloc(MEM_SIZE);
	b = malloc(MEM_SIZE);
	if (!a || !b)
		return 0;
	for (i = 0; i < rounds; i++) {
		memset(a, (int)i, MEM_SIZE);
		memcpy(b, a, MEM_SIZE);
		sum += b[i * 4099 % MEM_SIZE];
	}
	free(a);
	free(b);
	return sum;
}

static const struct {
	const char *name;
	unsigned long (*fn)(unsigned long n);
} kinds[] = {
	{ "getppid", work_getppid },
	{ "crc32", work_crc32 },
	{ "sieve", work_sieve },
	{ "memcpy", work_memcpy },
};

int main(int argc, char **argv)
{
	unsigned long long t0, t;
	unsigned long n, check;
	unsigned int i;

	if (argc != 3) {
		fprintf(stderr, "usage: work KIND N\n");
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(argv[1], kinds[i].name))
			break;
	if (!n || i == ARRAY_SIZE(kinds)) {
		fprintf(stderr, "work: unknown kind %s or no count\n", argv[1]);
		return 2;
	}
	t0 = icount_now();
	check = kinds[i].fn(n);
	t = icount_now() - t0;
	printf("n=%lu work=%llu check=%lu\n", n, t, check);
	return 0;
}
