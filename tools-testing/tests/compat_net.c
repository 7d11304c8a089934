// SPDX-License-Identifier: GPL-2.0
/*
 * compat_net: the compat socket paths of CVE-2010-3081, from a 32-bit
 * task.
 *
 * In 2010, compat_mc_getsockopt() and friends converted a 32-bit struct
 * group_filter into the 64-bit layout in a buffer from
 * compat_alloc_user_space(), whose size came from the caller's optlen
 * without an access_ok() check: a huge optlen moved the buffer into
 * kernel memory, and the conversion wrote there.  The same pattern served
 * compat ioctls such as SIOCGIFCONF.  Today these conversions use kernel
 * buffers; this test holds them to exact results:
 *
 *   SIOCSIFFLAGS/SIOCGIFCONF (compat ifreq and ifconf): lo comes up, the
 *   list has exactly lo at 127.0.0.1, a NULL buffer asks for the size, a
 *   huge ifc_len writes no more than the list, a buffer beyond the task's
 *   address space gives EFAULT;
 *   MCAST_MSFILTER set and get (compat group_filter): the source list
 *   round-trips, a huge gf_numsrc or optlen writes no more than the list
 *   and reports the true sizes, a short optlen gives EINVAL, a huge source
 *   count ENOBUFS; the same through the socketcall() multiplexer.
 *
 * Exit status 0: all as expected.  1: a check failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/net.h>

#define GROUP		"239.1.2.3"
#define CANARY		0xa5
#define NSRC		2
/* Size of a group_filter with @n sources, in the i386 layout */
#define GF_SIZE(n)	(offsetof(struct group_filter, gf_slist) + \
			 (n) * sizeof(struct sockaddr_storage))

static int failures;

static void check(int ok, const char *what)
{
	printf("%s %s\n", ok ? "ok" : "not ok", what);
	if (!ok)
		failures++;
}

static int untouched(const void *p, size_t len)
{
	const unsigned char *c = p;

	while (len--)
		if (*c++ != CANARY)
			return 0;
	return 1;
}

static void set_in(struct sockaddr_storage *ss, const char *addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;

	memset(ss, 0, sizeof(*ss));
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, addr, &sin->sin_addr);
}

static const char *in_addr(const struct sockaddr_storage *ss)
{
	static char buf[INET_ADDRSTRLEN];

	return inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr,
			 buf, sizeof(buf));
}

static void test_ifconf(int fd)
{
	struct ifreq ifr, reqs[4];
	struct ifconf ifc;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, "lo", sizeof("lo"));
	ret = ioctl(fd, SIOCGIFFLAGS, &ifr);
	ifr.ifr_flags |= IFF_UP;
	if (!ret)
		ret = ioctl(fd, SIOCSIFFLAGS, &ifr);
	check(!ret, "SIOCSIFFLAGS: lo up");

	memset(&ifc, 0, sizeof(ifc));
	ret = ioctl(fd, SIOCGIFCONF, &ifc);
	printf("# SIOCGIFCONF, no buffer: %d, ifc_len %d\n", ret, ifc.ifc_len);
	check(!ret && ifc.ifc_len == sizeof(struct ifreq),
	      "SIOCGIFCONF without a buffer: the size of one 32-bit ifreq");

	memset(reqs, CANARY, sizeof(reqs));
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	ret = ioctl(fd, SIOCGIFCONF, &ifc);
	check(!ret && ifc.ifc_len == sizeof(struct ifreq) &&
	      !strcmp(reqs[0].ifr_name, "lo") &&
	      !strcmp(in_addr((void *)&reqs[0].ifr_addr), "127.0.0.1") &&
	      untouched(&reqs[1], sizeof(reqs) - sizeof(reqs[0])),
	      "SIOCGIFCONF: lo 127.0.0.1, nothing written past it");

	memset(reqs, CANARY, sizeof(reqs));
	ifc.ifc_len = 0x7fffffff;
	ifc.ifc_req = reqs;
	ret = ioctl(fd, SIOCGIFCONF, &ifc);
	check(!ret && ifc.ifc_len == sizeof(struct ifreq) &&
	      untouched(&reqs[1], sizeof(reqs) - sizeof(reqs[0])),
	      "SIOCGIFCONF, ifc_len 0x7fffffff: one entry written, no more");

	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = (struct ifreq *)0xfffff000;
	errno = 0;
	ret = ioctl(fd, SIOCGIFCONF, &ifc);
	check(ret == -1 && errno == EFAULT,
	      "SIOCGIFCONF into 0xfffff000 (past the task): EFAULT");
}

/* getsockopt(MCAST_MSFILTER) directly or through socketcall() */
static int get_msfilter(int fd, void *gf, socklen_t *len, int multiplexed)
{
	unsigned long args[5] = {
		fd, IPPROTO_IP, MCAST_MSFILTER, (unsigned long)gf,
		(unsigned long)len
	};

	if (multiplexed)
		return syscall(SYS_socketcall, SYS_GETSOCKOPT, args);
	return getsockopt(fd, IPPROTO_IP, MCAST_MSFILTER, gf, len);
}

static void test_msfilter(int fd)
{
	static const char * const srcs[NSRC] = { "10.0.0.1", "10.0.0.2" };
	unsigned char buf[GF_SIZE(4)];
	struct group_filter *gf = (void *)buf;
	struct ip_mreqn mreq;
	unsigned int lo = if_nametoindex("lo");
	socklen_t len;
	int ret, i, mux;
	char what[128];

	memset(&mreq, 0, sizeof(mreq));
	inet_pton(AF_INET, GROUP, &mreq.imr_multiaddr);
	mreq.imr_ifindex = lo;
	ret = setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq,
			 sizeof(mreq));
	check(!ret, "IP_ADD_MEMBERSHIP " GROUP " on lo");

	memset(buf, 0, sizeof(buf));
	gf->gf_interface = lo;
	set_in(&gf->gf_group, GROUP);
	gf->gf_fmode = MCAST_INCLUDE;
	gf->gf_numsrc = NSRC;
	for (i = 0; i < NSRC; i++)
		set_in(&gf->gf_slist[i], srcs[i]);
	ret = setsockopt(fd, IPPROTO_IP, MCAST_MSFILTER, gf, GF_SIZE(NSRC));
	check(!ret, "MCAST_MSFILTER set: include 2 sources");

	errno = 0;
	ret = setsockopt(fd, IPPROTO_IP, MCAST_MSFILTER, gf,
			 GF_SIZE(NSRC) - 1);
	check(ret == -1 && errno == EINVAL,
	      "MCAST_MSFILTER set, optlen one short of the sources: EINVAL");

	gf->gf_numsrc = 0x3fffffff;
	errno = 0;
	ret = setsockopt(fd, IPPROTO_IP, MCAST_MSFILTER, gf, GF_SIZE(NSRC));
	check(ret == -1 && errno == ENOBUFS,
	      "MCAST_MSFILTER set, gf_numsrc 0x3fffffff: ENOBUFS");

	for (mux = 0; mux < 2; mux++) {
		const char *via = mux ? " via socketcall()" : "";

		/* Room for all; gf_numsrc asks for far more */
		memset(buf, CANARY, sizeof(buf));
		gf->gf_interface = lo;
		set_in(&gf->gf_group, GROUP);
		gf->gf_numsrc = 0x40000000;
		len = GF_SIZE(NSRC);
		ret = get_msfilter(fd, gf, &len, mux);
		snprintf(what, sizeof(what),
			 "MCAST_MSFILTER get%s, gf_numsrc 0x40000000: the 2 sources, optlen %zu",
			 via, GF_SIZE(NSRC));
		check(!ret && len == GF_SIZE(NSRC) && gf->gf_numsrc == NSRC &&
		      gf->gf_fmode == MCAST_INCLUDE &&
		      !strcmp(in_addr(&gf->gf_slist[0]), srcs[0]) &&
		      !strcmp(in_addr(&gf->gf_slist[1]), srcs[1]) &&
		      untouched(buf + GF_SIZE(NSRC), sizeof(buf) - GF_SIZE(NSRC)),
		      what);

		/* optlen 0x7fffffff, room asked for one source */
		memset(buf, CANARY, sizeof(buf));
		gf->gf_interface = lo;
		set_in(&gf->gf_group, GROUP);
		gf->gf_numsrc = 1;
		len = 0x7fffffff;
		ret = get_msfilter(fd, gf, &len, mux);
		printf("# get%s, optlen 0x7fffffff: %d, optlen %u, gf_numsrc %u\n",
		       via, ret, len, gf->gf_numsrc);
		snprintf(what, sizeof(what),
			 "MCAST_MSFILTER get%s, optlen 0x7fffffff: 1 source written, no more",
			 via);
		check(!ret && len == GF_SIZE(1) && gf->gf_numsrc == NSRC &&
		      !strcmp(in_addr(&gf->gf_slist[0]), srcs[0]) &&
		      untouched(buf + GF_SIZE(1), sizeof(buf) - GF_SIZE(1)),
		      what);

		/* optlen short of the header */
		len = offsetof(struct group_filter, gf_slist) - 1;
		errno = 0;
		ret = get_msfilter(fd, gf, &len, mux);
		snprintf(what, sizeof(what),
			 "MCAST_MSFILTER get%s, optlen short of the header: EINVAL",
			 via);
		check(ret == -1 && errno == EINVAL, what);
	}
}

int main(void)
{
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket(AF_INET)");
		return 1;
	}
	test_ifconf(fd);
	test_msfilter(fd);
	close(fd);
	return failures ? 1 : 0;
}
