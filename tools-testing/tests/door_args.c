// SPDX-License-Identifier: GPL-2.0
/*
 * door_args: the arguments of i386 system calls through every door a
 * 32-bit task has (door32.h): INT 0x80, the vDSO's __kernel_vsyscall,
 * SYSENTER and compat SYSCALL entered directly with the vDSO's
 * convention.  Every register the task can set holds a pattern: the
 * arguments, garbage in the argument registers a call does not use (and
 * in esp for INT 0x80 and SYSENTER, which do not use it), and the
 * arithmetic flags, DF and ID in eflags.
 *
 * Each call is one whose outcome shows every argument it takes:
 *   getpid     no argument: all six registers garbage
 *   lseek      a negative offset must be sign-extended (compat_off_t)
 *   _llseek    the 64-bit offset from two registers, the result stored
 *              through the fourth argument
 *   pwrite64   the position from two registers: the data lands above
 *              4 GiB in the file
 *   fallocate  six arguments, the offset and the length each split in
 *              two, FALLOC_FL_KEEP_SIZE: the file's size and blocks show
 *              all of them
 *   mmap2      six arguments: /proc/self/maps shows address, length,
 *              protection, MAP_SHARED, the file and the page offset
 *   copy_file_range  six arguments: both files, both offsets (read and
 *              written back through pointers), the length; flags 0
 *   sendto     six arguments: the data, its length and the sender reach
 *              the receiver the address and its length name
 *
 * For each door and call: the result is the one expected, is the same as
 * through INT 0x80, and every register but eax comes back as it went in
 * (for the direct SYSENTER and SYSCALL, ecx, edx and ebp come back
 * through the vDSO's landing pad from the frame, esp past the frame), and
 * eflags too but for the arithmetic flags through SYSENTER, which page
 * table isolation clobbers (door32.h).
 * A door the CPU does not offer is a [SKIP] for that door.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "door32.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define PAGE		4096u
#define RESULT_LEN	256

/* What a call needs besides its registers; made anew for each door. */
struct env {
	int fd, fd2, rx_a, rx_b, tx;
	char *map;
	loff_t off_in, off_out, llseek_result;
	char buf[64];
};

struct call {
	const char *name;
	uint32_t nr;
	/* the arguments it uses, in ebx, ecx, ...; the rest keep garbage */
	int nargs;
	int (*setup)(struct env *e, uint32_t *args);
	/* what came of it, as text */
	void (*result)(struct env *e, int32_t ret, char *buf);
	/* what it must be */
	const char *expect;
};

static int memfd(const char *name, long long size)
{
	int fd = memfd_create(name, 0);

	if (fd >= 0 && size && ftruncate64(fd, size)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void result_ret(char *buf, int32_t ret)
{
	if (ret < 0 && ret >= -4095)
		snprintf(buf, RESULT_LEN, "error %d", -ret);
	else
		snprintf(buf, RESULT_LEN, "ret %d", ret);
}

static int setup_getpid(struct env *e, uint32_t *args)
{
	return 0;
}

static void result_getpid(struct env *e, int32_t ret, char *buf)
{
	snprintf(buf, RESULT_LEN, "%s", ret == getpid() ? "our pid" : "not our pid");
}

static int setup_lseek(struct env *e, uint32_t *args)
{
	e->fd = memfd("door-args", 0);
	if (e->fd < 0 || lseek(e->fd, 100, SEEK_SET) != 100)
		return -1;
	args[0] = e->fd;
	args[1] = (uint32_t)-30;
	args[2] = SEEK_CUR;
	return 0;
}

static void result_lseek(struct env *e, int32_t ret, char *buf)
{
	result_ret(buf, ret);
	snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf), ", position %lld",
		 (long long)lseek64(e->fd, 0, SEEK_CUR));
}

static int setup_llseek(struct env *e, uint32_t *args)
{
	e->fd = memfd("door-args", 0);
	if (e->fd < 0)
		return -1;
	e->llseek_result = -1;
	args[0] = e->fd;
	args[1] = 1;			/* offset_high */
	args[2] = 0x10;			/* offset_low */
	args[3] = (uint32_t)&e->llseek_result;
	args[4] = SEEK_SET;
	return 0;
}

static void result_llseek(struct env *e, int32_t ret, char *buf)
{
	result_ret(buf, ret);
	snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf),
		 ", result %#llx, position %#llx",
		 (unsigned long long)e->llseek_result,
		 (unsigned long long)lseek64(e->fd, 0, SEEK_CUR));
}

static int setup_pwrite64(struct env *e, uint32_t *args)
{
	e->fd = memfd("door-args", 0);
	if (e->fd < 0)
		return -1;
	snprintf(e->buf, sizeof(e->buf), "door-args");
	args[0] = e->fd;
	args[1] = (uint32_t)e->buf;
	args[2] = 9;
	args[3] = 0x200;		/* pos_lo */
	args[4] = 1;			/* pos_hi */
	return 0;
}

static void result_pwrite64(struct env *e, int32_t ret, char *buf)
{
	struct stat64 st;
	char got[16] = "";

	result_ret(buf, ret);
	if (fstat64(e->fd, &st) ||
	    pread64(e->fd, got, 9, 0x100000200LL) != 9)
		snprintf(got, sizeof(got), "?");
	snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf),
		 ", size %#llx, data at 0x100000200 \"%s\"",
		 (unsigned long long)st.st_size, got);
}

/*
 * FALLOC_FL_KEEP_SIZE over [0x100003000, 0x100005000) of a file that ends
 * at 0x100004000 and has its page at 0x100003000 written: the size stays
 * (without the flag it would grow to 0x100005000) and one page more is
 * allocated, 16 blocks in all (an offset or a length off by a page
 * allocates another).
 */
static int setup_fallocate(struct env *e, uint32_t *args)
{
	e->fd = memfd("door-args", 0x100004000ULL);
	if (e->fd < 0 || pwrite64(e->fd, "page", 4, 0x100003000LL) != 4)
		return -1;
	args[0] = e->fd;
	args[1] = FALLOC_FL_KEEP_SIZE;	/* mode */
	args[2] = 0x3000;		/* offset_lo */
	args[3] = 1;			/* offset_hi */
	args[4] = 0x2000;		/* len_lo */
	args[5] = 0;			/* len_hi */
	return 0;
}

static void result_fallocate(struct env *e, int32_t ret, char *buf)
{
	struct stat64 st;

	result_ret(buf, ret);
	if (fstat64(e->fd, &st))
		memset(&st, 0xff, sizeof(st));
	snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf),
		 ", size %#llx, %lld blocks", (unsigned long long)st.st_size,
		 (long long)st.st_blocks);
}

static int setup_mmap2(struct env *e, uint32_t *args)
{
	unsigned int i;

	e->fd = memfd("door-args-map", 4 * PAGE);
	if (e->fd < 0)
		return -1;
	/* Each page of the file says which it is */
	for (i = 0; i < 4; i++)
		if (pwrite(e->fd, &i, sizeof(i), i * PAGE) != sizeof(i))
			return -1;
	/* Room for the mapping, and a page either side of it */
	e->map = mmap(NULL, 4 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		      -1, 0);
	if (e->map == MAP_FAILED)
		return -1;
	args[0] = (uint32_t)(e->map + PAGE);
	args[1] = 2 * PAGE;
	args[2] = PROT_READ;
	args[3] = MAP_SHARED | MAP_FIXED;
	args[4] = e->fd;
	args[5] = 1;			/* in pages */
	return 0;
}

static void result_mmap2(struct env *e, int32_t ret, char *buf)
{
	unsigned long start, end, off;
	char line[256], perm[8], name[128];
	FILE *maps;
	int n;

	if ((char *)ret != e->map + PAGE) {
		result_ret(buf, ret);
		return;
	}
	n = snprintf(buf, RESULT_LEN, "at the address asked");
	maps = fopen("/proc/self/maps", "r");
	while (maps && fgets(line, sizeof(line), maps)) {
		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %127[^\n]", &start,
			   &end, perm, &off, name) != 5 ||
		    start != (unsigned long)ret)
			continue;
		n += snprintf(buf + n, RESULT_LEN - n,
			      ", %lu pages %s at offset %#lx of %s",
			      (end - start) / PAGE, perm, off, name);
		n += snprintf(buf + n, RESULT_LEN - n, ", pages %u %u",
			      *(unsigned int *)(e->map + PAGE),
			      *(unsigned int *)(e->map + 2 * PAGE));
	}
	if (maps)
		fclose(maps);
}

static int setup_copy_file_range(struct env *e, uint32_t *args)
{
	e->fd = memfd("door-args-in", 0);
	e->fd2 = memfd("door-args-out", 0);
	if (e->fd < 0 || e->fd2 < 0 ||
	    write(e->fd, "0123456789abcdef", 16) != 16 ||
	    write(e->fd2, "................", 16) != 16)
		return -1;
	e->off_in = 3;
	e->off_out = 5;
	args[0] = e->fd;
	args[1] = (uint32_t)&e->off_in;
	args[2] = e->fd2;
	args[3] = (uint32_t)&e->off_out;
	args[4] = 7;
	args[5] = 0;			/* flags: any other value is EINVAL */
	return 0;
}

static void result_copy_file_range(struct env *e, int32_t ret, char *buf)
{
	char got[17] = "";

	result_ret(buf, ret);
	if (pread(e->fd2, got, 16, 0) != 16)
		snprintf(got, sizeof(got), "?");
	snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf),
		 ", offsets %lld %lld, out \"%s\"", (long long)e->off_in,
		 (long long)e->off_out, got);
}

static socklen_t abstract(struct sockaddr_un *sun, const char *name)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	snprintf(sun->sun_path + 1, sizeof(sun->sun_path) - 1, "%s", name);
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name);
}

static int bound(const char *name)
{
	struct sockaddr_un sun;
	socklen_t len = abstract(&sun, name);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, len)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* The second receiver's name is the first's and one more character. */
static struct sockaddr_un rx_b_addr;

static int setup_sendto(struct env *e, uint32_t *args)
{
	socklen_t len;

	e->rx_a = bound("door-args-rx");
	e->rx_b = bound("door-args-rxB");
	e->tx = bound("door-args-tx");
	if (e->rx_a < 0 || e->rx_b < 0 || e->tx < 0)
		return -1;
	len = abstract(&rx_b_addr, "door-args-rxB");
	snprintf(e->buf, sizeof(e->buf), "a datagram and more");
	args[0] = e->tx;
	args[1] = (uint32_t)e->buf;
	args[2] = 10;
	args[3] = 0;			/* flags: MSG_OOB would be EOPNOTSUPP */
	args[4] = (uint32_t)&rx_b_addr;
	args[5] = len;
	return 0;
}

static void result_sendto(struct env *e, int32_t ret, char *buf)
{
	struct sockaddr_un from;
	socklen_t fromlen;
	char got[32];
	ssize_t n;
	int *rx;

	result_ret(buf, ret);
	for (rx = &e->rx_a; rx <= &e->rx_b; rx++) {
		fromlen = sizeof(from);
		memset(&from, 0, sizeof(from));
		n = recvfrom(*rx, got, sizeof(got) - 1, 0,
			     (struct sockaddr *)&from, &fromlen);
		if (n < 0)
			continue;
		got[n] = 0;
		snprintf(buf + strlen(buf), RESULT_LEN - strlen(buf),
			 ", %s got \"%s\" from %s",
			 rx == &e->rx_a ? "rx" : "rxB", got,
			 from.sun_path[0] ? "?" : from.sun_path + 1);
	}
}

static const struct call calls[] = {
	{ "getpid", 20, 0, setup_getpid, result_getpid, "our pid" },
	{ "lseek", 19, 3, setup_lseek, result_lseek, "ret 70, position 70" },
	{ "_llseek", 140, 5, setup_llseek, result_llseek,
	  "ret 0, result 0x100000010, position 0x100000010" },
	{ "pwrite64", 181, 5, setup_pwrite64, result_pwrite64,
	  "ret 9, size 0x100000209, data at 0x100000200 \"door-args\"" },
	{ "fallocate", 324, 6, setup_fallocate, result_fallocate,
	  "ret 0, size 0x100004000, 16 blocks" },
	{ "mmap2", 192, 6, setup_mmap2, result_mmap2,
	  "at the address asked, 2 pages r--s at offset 0x1000 of /memfd:door-args-map (deleted), pages 1 2",
	},
	{ "copy_file_range", 377, 6, setup_copy_file_range,
	  result_copy_file_range,
	  "ret 7, offsets 10 12, out \".....3456789....\"" },
	{ "sendto", 369, 6, setup_sendto, result_sendto,
	  "ret 10, rxB got \"a datagram\" from door-args-tx" },
};

static void teardown(struct env *e)
{
	int *fds[] = { &e->fd, &e->fd2, &e->rx_a, &e->rx_b, &e->tx };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fds); i++)
		if (*fds[i] >= 0)
			close(*fds[i]);
	if (e->map)
		munmap(e->map, 4 * PAGE);
}

/* Garbage for register @reg of call @c through door @d: never a small number */
static uint32_t garbage(int d, int c, int reg)
{
	return 0x9e3779b9u * (reg + 1) ^ (d << 28) ^ (c << 20) ^ 0x80000001u;
}

static const char * const reg_name[] = {
	"eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp",
};

/* Every register but eax as it went in; esp where the door leaves it */
static int preserved(enum door32 d, const struct door32_regs *in,
		     const struct door32_regs *out)
{
	const uint32_t *a = &in->eax, *b = &out->eax;
	int reg, ok = 1;

	for (reg = 1; reg < 8; reg++) {
		uint32_t want = reg == 7 ? door32_esp_after(d, in) : a[reg];

		if (b[reg] != want) {
			printf("# %s: %s %#x came back as %#x (expected %#x)\n",
			       door32_name[d], reg_name[reg], a[reg], b[reg],
			       want);
			ok = 0;
		}
	}
	if ((out->eflags ^ in->eflags) & door32_eflags_mask(d)) {
		printf("# %s: eflags %#x came back as %#x\n", door32_name[d],
		       in->eflags, out->eflags);
		ok = 0;
	}
	return ok;
}

int main(void)
{
	static char results[ARRAY_SIZE(calls)][RESULT_LEN];
	struct door32_regs in, out;
	char res[RESULT_LEN];
	unsigned int c;
	int d, sig;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (door32_init()) {
		printf("[FAIL] no AT_SYSINFO or no signal handler\n");
		return 1;
	}
	for (d = 0; d < DOOR32_N; d++) {
		/* Is the door there at all?  getpid() tells. */
		memset(&in, 0, sizeof(in));
		in.eax = 20;
		in.esp = 0x7ff0;
		in.eflags = 0x202;
		sig = door32_call(d, &in, &out);
		if (sig) {
			skip("%s: not offered by this CPU (signal %d at the instruction)",
			     door32_name[d], sig);
			continue;
		}
		for (c = 0; c < ARRAY_SIZE(calls); c++) {
			struct env e = { -1, -1, -1, -1, -1 };
			uint32_t *regs = &in.eax;
			uint32_t args[6];
			int i;

			for (i = 0; i < 8; i++)
				regs[i] = garbage(d, c, i);
			if (calls[c].setup(&e, args)) {
				printf("[FAIL] %s: setting up %s: %s\n",
				       door32_name[d], calls[c].name,
				       strerror(errno));
				check_failed++;
				teardown(&e);
				continue;
			}
			for (i = 0; i < calls[c].nargs; i++)
				regs[i + 1] = args[i];
			in.eax = calls[c].nr;
			in.eflags = DOOR32_EFLAGS;
			sig = door32_call(d, &in, &out);
			calls[c].result(&e, out.eax, res);
			teardown(&e);
			printf("# %s %s: %s\n", door32_name[d], calls[c].name,
			       res);
			check(!sig && !strcmp(res, calls[c].expect),
			      "%s: %s: %s", door32_name[d], calls[c].name,
			      calls[c].expect);
			check(preserved(d, &in, &out),
			      "%s: %s: registers preserved", door32_name[d],
			      calls[c].name);
			if (d == DOOR32_INT80) {
				snprintf(results[c], RESULT_LEN, "%s", res);
				continue;
			}
			check(!strcmp(res, results[c]),
			      "%s: %s: as through INT 0x80", door32_name[d],
			      calls[c].name);
		}
	}
	return check_exit();
}
