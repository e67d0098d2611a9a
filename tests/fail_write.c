/* fail_write.c: an LD_PRELOAD shim for tests that simulates a full disk — write() and fsync() on
 * a file whose path contains $FAIL_WRITE_MATCH fail with ENOSPC, after half of the first write
 * went through (as a real full disk does) — and faults at a chosen step ($FAULT_AT, below).
 * Everything else is passed to the C library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The file open at fd has a path that contains $<var>. */
static int fd_path_has(int fd, const char *var)
{
	const char *want = getenv(var);
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

static int matches(int fd)
{
	return fd_path_has(fd, "FAIL_WRITE_MATCH");
}

static int fault_fd(int fd);

ssize_t write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real)(int, const void *, size_t);
	static int written_once;

	if (!real)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (count && fault_fd(fd) < 0)
		return -1;
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
	if (fault_fd(fd) < 0)
		return -1;
	if (matches(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}

/*
 * Faults at one chosen step, for tests that stop a command at every write in turn: every call
 * that changes the file system — write, fsync, rename, renameat, renameat2, link, unlink, mkdir,
 * rmdir, and open with O_CREAT — on a path (or a descriptor of a file) containing $FAULT_MATCH
 * is a step, counted from 1.  At step $FAULT_AT the process is killed (SIGKILL, before the call)
 * when $FAULT_HOW is "kill", or the call fails with ENOSPC (a full disk) when it is "enospc"
 * (and so do the later writes and fsyncs, as on a disk that stays full).  $FAULT_COUNT, a file,
 * gets the number of steps taken so far after each one, to learn how many there are.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>

static long fault_steps;
static int disk_full;

static int path_matches(const char *path)
{
	const char *want = getenv("FAULT_MATCH");

	return want && *want && path && strstr(path, want) != NULL;
}

static int fd_matches(int fd)
{
	return fd_path_has(fd, "FAULT_MATCH");
}

/* One step: 0 to go on, -1 to fail it (errno set). */
static int fault_step(int write_like)
{
	const char *at = getenv("FAULT_AT"), *how = getenv("FAULT_HOW"), *count = getenv("FAULT_COUNT");

	fault_steps++;
	if (count && *count) {
		char buf[32];
		int fd = (int)syscall(SYS_openat, AT_FDCWD, count, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd >= 0) {
			int n = snprintf(buf, sizeof(buf), "%ld\n", fault_steps);
			syscall(SYS_write, fd, buf, (size_t)n);
			syscall(SYS_close, fd);
		}
	}
	if (disk_full && write_like) {
		errno = ENOSPC;
		return -1;
	}
	if (!at || atol(at) != fault_steps)
		return 0;
	if (how && !strcmp(how, "kill"))
		raise(SIGKILL);
	disk_full = 1;
	errno = ENOSPC;
	return -1;
}

#define REAL(name) \
	static void *p_##name; \
	if (!p_##name) p_##name = dlsym(RTLD_NEXT, #name); \
	__typeof__(name) *real_##name = (__typeof__(name) *)p_##name

int rename(const char *a, const char *b)
{
	REAL(rename);
	if ((path_matches(a) || path_matches(b)) && fault_step(0) < 0)
		return -1;
	return real_rename(a, b);
}

int renameat(int da, const char *a, int db, const char *b)
{
	REAL(renameat);
	if ((path_matches(a) || path_matches(b)) && fault_step(0) < 0)
		return -1;
	return real_renameat(da, a, db, b);
}

int renameat2(int da, const char *a, int db, const char *b, unsigned flags)
{
	REAL(renameat2);
	if ((path_matches(a) || path_matches(b)) && fault_step(0) < 0)
		return -1;
	return real_renameat2(da, a, db, b, flags);
}

int link(const char *a, const char *b)
{
	REAL(link);
	if ((path_matches(a) || path_matches(b)) && fault_step(1) < 0)
		return -1;
	return real_link(a, b);
}

int unlink(const char *a)
{
	REAL(unlink);
	if (path_matches(a) && fault_step(0) < 0)
		return -1;
	return real_unlink(a);
}

int mkdir(const char *a, mode_t mode)
{
	REAL(mkdir);
	if (path_matches(a) && fault_step(1) < 0)
		return -1;
	return real_mkdir(a, mode);
}

int rmdir(const char *a)
{
	REAL(rmdir);
	if (path_matches(a) && fault_step(0) < 0)
		return -1;
	return real_rmdir(a);
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	REAL(open);
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
		if (path_matches(path) && fault_step(1) < 0)
			return -1;
	}
	return real_open(path, flags, mode);
}

static int fault_fd(int fd)
{
	return fd_matches(fd) ? fault_step(1) : 0;
}
