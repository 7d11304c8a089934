// SPDX-License-Identifier: GPL-2.0
/*
 * kmod load FILE | kmod unload NAME: guest instructions (icount.h) of the
 * finit_module() or delete_module() system call alone, without the
 * modprobe or rmmod process around it, which the plan times separately,
 * and how much of that time the guest spent idle, waiting (idle_soak.h).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "icount.h"
#include "idle_soak.h"

int main(int argc, char **argv)
{
	unsigned long long t0, t, idle;
	struct idle_soak soak;
	int fd = -1, load;
	long ret;

	if (argc != 3) {
		fprintf(stderr, "usage: kmod load FILE | kmod unload NAME\n");
		return 2;
	}
	load = !strcmp(argv[1], "load");
	if (!load && strcmp(argv[1], "unload")) {
		fprintf(stderr, "kmod: unknown operation %s\n", argv[1]);
		return 2;
	}
	if (load) {
		fd = open(argv[2], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			perror("kmod: open");
			return 1;
		}
	}
	if (idle_soak_start(&soak)) {
		perror("kmod: idle soak");
		return 1;
	}
	t0 = icount_now();
	if (load)
		ret = syscall(SYS_finit_module, fd, "", 0);
	else
		ret = syscall(SYS_delete_module, argv[2], O_NONBLOCK);
	t = icount_now() - t0;
	idle = idle_soak_stop(&soak);
	if (ret) {
		perror("kmod");
		return 1;
	}
	printf("instr=%llu idle=%llu busy=%llu\n", t, idle, t - idle);
	return 0;
}
