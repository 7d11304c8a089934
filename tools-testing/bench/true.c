// SPDX-License-Identifier: GPL-2.0
/*
 * The program the exec benchmark starts: static glibc, does nothing.  Its
 * cost is the exec itself, the ELF loader of its bitness, glibc's static
 * start-up and the exit.
 */
int main(void)
{
	return 0;
}
