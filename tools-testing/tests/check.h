/* SPDX-License-Identifier: GPL-2.0 */
/*
 * check.h - verdict lines in the style of the kernel's selftests
 *
 * One property per line, at the start of the line: "[OK] what",
 * "[FAIL] what" or "[SKIP] what".  check_exit() gives the exit status
 * the harness reads: 1 if anything failed, 4 (KSFT_SKIP) if everything
 * was skipped, 0 otherwise.
 */
#ifndef IA32TEST_CHECK_H
#define IA32TEST_CHECK_H

#include <stdarg.h>
#include <stdio.h>

#define KSFT_SKIP	4
/* The kernel's __printf(), which user space lacks */
#ifndef __printf
#define check_attribute(x)	__attribute__(x)
#define __printf(a, b)	check_attribute((format(printf, a, b)))
#endif

static int check_failed, check_passed, check_skipped;

static inline __printf(2, 3) void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf(ok ? "[OK] " : "[FAIL] ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		check_passed++;
	else
		check_failed++;
}

static inline __printf(1, 2) void skip(const char *fmt, ...)
{
	va_list ap;

	printf("[SKIP] ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	check_skipped++;
}

static inline int check_exit(void)
{
	if (check_failed)
		return 1;
	if (!check_passed && check_skipped)
		return KSFT_SKIP;
	return 0;
}

#endif /* IA32TEST_CHECK_H */
