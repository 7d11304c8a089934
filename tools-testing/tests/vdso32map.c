// SPDX-License-Identifier: GPL-2.0
/*
 * vdso32map EXPECT [SECONDS]: a 64-bit task maps the 32-bit vDSO with
 * arch_prctl(ARCH_MAP_VDSO_32), as CRIU does to restore a 32-bit task.
 * Its own vDSO and vvar pages are unmapped first (only one vDSO per
 * address space).  EXPECT is "maps" (the call returns the size of the
 * vDSO, then the task lives SECONDS more, holding IA32 emulation) or an
 * errno name (EINVAL: IA32 emulation disabled).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ARCH_MAP_VDSO_32	0x2002

/* Unmap [vdso] and [vvar]; return the start of the lowest of them. */
static unsigned long unmap_vdso(void)
{
	unsigned long start, end, low = 0;
	char line[256];
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (!strstr(line, "[vdso]") && !strstr(line, "[vvar]") &&
		    !strstr(line, "[vvar_vclock]"))
			continue;
		if (sscanf(line, "%lx-%lx", &start, &end) != 2)
			continue;
		if (munmap((void *)start, end - start))
			return 0;
		if (!low || start < low)
			low = start;
	}
	fclose(f);
	return low;
}

int main(int argc, char **argv)
{
	unsigned long addr;
	long ret;
	int err;

	if (argc < 2) {
		fprintf(stderr, "usage: vdso32map maps|EINVAL [SECONDS]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	addr = unmap_vdso();
	if (!addr) {
		printf("[FAIL]\tno vDSO to unmap\n");
		return 1;
	}
	ret = syscall(SYS_arch_prctl, ARCH_MAP_VDSO_32, addr);
	err = ret < 0 ? errno : 0;
	if (!strcmp(argv[1], "maps")) {
		if (ret <= 0) {
			printf("[FAIL]\tARCH_MAP_VDSO_32: %s\n", strerror(err));
			return 1;
		}
		printf("[OK]\tARCH_MAP_VDSO_32 mapped %ld bytes at %#lx\n",
		       ret, addr);
		if (argc > 2)
			sleep(atoi(argv[2]));
		return 0;
	}
	if (ret >= 0 || strcmp(argv[1], err == EINVAL ? "EINVAL" : "E?")) {
		printf("[FAIL]\tARCH_MAP_VDSO_32: %ld (%s), expected %s\n", ret,
		       ret < 0 ? strerror(err) : "mapped", argv[1]);
		return 1;
	}
	printf("[OK]\tARCH_MAP_VDSO_32 refused with %s\n", argv[1]);
	return 0;
}
