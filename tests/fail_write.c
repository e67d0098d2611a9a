/* fail_write.c: an LD_PRELOAD shim for tests that simulates a full disk — write() and fsync() on
 * a file whose path contains $FAIL_WRITE_MATCH fail with ENOSPC, after half of the first write
 * went through (as a real full disk does).  Everything else is passed to the C library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int matches(int fd)
{
	const char *want = getenv("FAIL_WRITE_MATCH");
	char link[64], path[4096];
	ssize_t n;

	if (!want || !*want)
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	return strstr(path, want) != NULL;
}

ssize_t write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real)(int, const void *, size_t);
	static int written_once;

	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (count && matches(fd)) {
		if (!written_once && count > 1) {
			written_once = 1;
			return real(fd, buf, count / 2);
		}
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, count);
}

int fsync(int fd)
{
	static int (*real)(int);

	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (matches(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}
