/* fsutil.c: atomic file replacement, output files, locks, temporaries and the XDG base
 * directories. */
#define _GNU_SOURCE	/* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hash.h"
#include "fsutil.h"
#include "timefmt.h"
#include "util.h"

/* The directory of a path ("." for a bare name, "/" for a name in the root).  Caller frees. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

static int fsync_dir_of(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), ret = 0;

	if (fd >= 0) {
		if (fsync(fd) < 0 && errno != EINVAL)
			ret = -1;
		close(fd);
	}
	free(dir);
	return ret;
}

/* The process id in temporary file name `entry`: "<name>.tmp.<digits>" (any name when name is
 * NULL; then the last ".tmp." counts), else 0. */
static long temporary_pid(const char *entry, const char *name)
{
	const char *mark = NULL, *digits;

	if (name) {
		size_t n = strlen(name);

		if (!strncmp(entry, name, n) && !strncmp(entry + n, ".tmp.", 5))
			mark = entry + n;
	} else {
		for (const char *p = entry; *p && (p = strstr(p + 1, ".tmp.")); )
			mark = p;
	}
	if (!mark)
		return 0;
	digits = mark + 5;
	if (!*digits || strlen(digits) > 9 || strspn(digits, "0123456789") != strlen(digits))
		return 0;
	return strtol(digits, NULL, 10);
}

void remove_stale_temporaries(const char *dir, const char *name)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		long pid = temporary_pid(de->d_name, name);

		if (pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) < 0 && errno == ESRCH) {
			char *stale = xasprintf("%s/%s", dir, de->d_name);
			unlink(stale);
			free(stale);
		}
	}
	if (d)
		closedir(d);
}

/* Removes directory `path` and the files in it (a version directory holds files only). */
static void remove_version_dir(const char *path)
{
	struct dirent *de;
	DIR *d = opendir(path);

	while (d && (de = readdir(d))) {
		char *f;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		f = xasprintf("%s/%s", path, de->d_name);
		unlink(f);
		free(f);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

/* "<parent>/.<base>.<kind>.<pid>" for directory `dir`.  Caller frees. */
static char *dir_sibling(const char *dir, const char *kind, long pid)
{
	const char *slash = strrchr(dir, '/');
	char *parent = dir_of(dir), *path;

	path = xasprintf("%s/.%s.%s.%ld", parent, slash ? slash + 1 : dir, kind, pid);
	free(parent);
	return path;
}

char *dir_temporary(const char *dir)
{
	return dir_sibling(dir, "tmp", (long)getpid());
}

/* The pid in "<prefix><digits>" when entry is that, else 0. */
static long sibling_pid(const char *entry, const char *prefix)
{
	size_t n = strlen(prefix);
	const char *digits = entry + n;

	if (strncmp(entry, prefix, n) || !*digits || strlen(digits) > 9 ||
	    strspn(digits, "0123456789") != strlen(digits))
		return 0;
	return strtol(digits, NULL, 10);
}

void recover_dir(const char *dir)
{
	const char *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : dir;
	char *parent = dir_of(dir), *tmp_prefix = xasprintf(".%s.tmp.", base);
	char *old_prefix = xasprintf(".%s.old.", base);
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(parent);

	while (d && (de = readdir(d))) {
		long tpid = sibling_pid(de->d_name, tmp_prefix), opid = sibling_pid(de->d_name, old_prefix);
		long pid = tpid ? tpid : opid;
		char *path;

		if (pid <= 0 || pid == (long)getpid() || !(kill((pid_t)pid, 0) < 0 && errno == ESRCH))
			continue;
		path = xasprintf("%s/%s", parent, de->d_name);
		/* an old version set aside by a replace_dir() that could not swap and did not get
		 * to put the new one in place: it is the current one again */
		if (opid && stat(dir, &st) < 0 && errno == ENOENT && rename(path, dir) == 0)
			fsync_dir_of(dir);
		else
			remove_version_dir(path);
		free(path);
	}
	if (d)
		closedir(d);
	free(parent);
	free(tmp_prefix);
	free(old_prefix);
}

int replace_dir(const char *tmp, const char *dir)
{
	struct stat st;
	char *old;
	int e;

	if (stat(dir, &st) < 0) {
		if (errno != ENOENT || rename(tmp, dir) < 0)
			goto fail;
		if (fsync_dir_of(dir) < 0)
			goto fail;
		return 0;
	}
	/* One step where the file system can: the two directories change places. */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		if (fsync_dir_of(dir) < 0)
			goto fail;
		remove_version_dir(tmp);	/* the old version now */
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		goto fail;
	/* Else two: the old version aside (recover_dir() puts it back if the second is never
	 * made), then the new one in place. */
	old = dir_sibling(dir, "old", (long)getpid());
	if (rename(dir, old) < 0) {
		e = errno;
		free(old);
		errno = e;
		goto fail;
	}
	if (rename(tmp, dir) < 0) {
		e = errno;
		rename(old, dir);
		free(old);
		errno = e;
		goto fail;
	}
	fsync_dir_of(dir);
	remove_version_dir(old);
	free(old);
	return 0;
fail:
	e = errno;
	remove_version_dir(tmp);
	return error(EX_IOERR, "cannot replace '%s': %s", dir, strerror(e));
}

/* Writes data[0..len) to fd; 0, or -1 with errno set. */
static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * The one way a file is replaced: "<path>.tmp.<pid>" made with `mode` (subject to the umask when
 * keep is NULL; exactly keep's mode, owner and group when it is the stat of the file replaced),
 * written, fsynced, renamed over path, and the directory fsynced.  `shown` is the name messages
 * give.  On failure path is untouched and the temporary removed.
 */
static int replace_file(const char *path, const char *shown, const void *data, size_t len,
			mode_t mode, const struct stat *keep)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid()), *dir = dir_of(path);
	const char *slash = strrchr(path, '/');
	int fd, e;

	remove_stale_temporaries(dir, slash ? slash + 1 : path);
	free(dir);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		e = errno;
		free(tmp);
		if (e == EISDIR)
			return error(EX_CANTCREAT, "cannot write '%s': it is a directory", shown);
		return error(EX_CANTCREAT, "cannot write '%s': %s", shown, strerror(e));
	}
	if (keep) {
		/* the owner first (as root, for someone else's file): a chown clears set-id bits */
		if ((keep->st_uid != geteuid() || keep->st_gid != getegid()) &&
		    fchown(fd, keep->st_uid, keep->st_gid) < 0 && errno != EPERM)
			goto fail;
		if (fchmod(fd, keep->st_mode & 07777) < 0)
			goto fail;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	free(tmp);
	if (fsync_dir_of(path) < 0)
		return error(EX_IOERR, "cannot write '%s': %s", shown, strerror(errno));
	return 0;
fail:
	e = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	if (e == EISDIR)
		return error(EX_CANTCREAT, "cannot write '%s': it is a directory", shown);
	return error(EX_IOERR, "cannot write '%s': %s", shown, strerror(e));
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
	return replace_file(path, path, data, len, 0600, NULL);
}

/* The file a chain of symbolic links at path ends at (existing or not), or a copy of path when
 * it is no link.  Caller frees; NULL with errno set (ELOOP after 40 links). */
static char *follow_links(const char *path)
{
	char *cur = xstrdup(path);
	struct stat st;

	for (int hops = 0; lstat(cur, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		char *target, *next;
		ssize_t n;

		if (hops == 40) {
			free(cur);
			errno = ELOOP;
			return NULL;
		}
		target = xmalloc((size_t)st.st_size + 2);
		n = readlink(cur, target, (size_t)st.st_size + 1);
		if (n < 0 || n > st.st_size) {
			int e = n < 0 ? errno : ENAMETOOLONG;
			free(target);
			free(cur);
			errno = e;
			return NULL;
		}
		target[n] = '\0';
		if (target[0] == '/' || !strchr(cur, '/')) {
			next = target;
		} else {
			char *dir = dir_of(cur);
			next = xasprintf("%s/%s", dir, target);
			free(dir);
			free(target);
		}
		free(cur);
		cur = next;
	}
	return cur;
}

int write_output(const char *path, const void *data, size_t len)
{
	struct stat st;
	char *target;
	int ret, fd;

	if (!strcmp(path, "-")) {
		/* flushed here, so that the caller knows the bytes got out */
		errno = 0;
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return error(EX_IOERR, "cannot write to standard output: %s",
				     strerror(errno ? errno : EIO));
		return 0;
	}
	target = follow_links(path);
	if (!target)
		return error(EX_CANTCREAT, "cannot write '%s': %s", path, strerror(errno));
	if (stat(target, &st) < 0) {
		/* a new file: the usual permissions, 0666 less the umask */
		ret = replace_file(target, path, data, len, 0666, NULL);
	} else if (S_ISREG(st.st_mode)) {
		ret = replace_file(target, path, data, len, 0600, &st);
	} else if (S_ISDIR(st.st_mode)) {
		ret = error(EX_CANTCREAT, "cannot write '%s': it is a directory", path);
	} else if ((fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)) < 0) {
		/* (a device, a FIFO: written through, never replaced) */
		ret = error(EX_CANTCREAT, "cannot write '%s': %s", path, strerror(errno));
	} else {
		ret = 0;
		if (write_all(fd, data, len) < 0) {
			ret = error(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
			close(fd);
		} else if (close(fd) < 0) {
			ret = error(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
		}
	}
	free(target);
	return ret;
}

/* ---- locks ---- */

static lock_wait_fn *wait_notice;

void lock_set_wait_notice(lock_wait_fn *fn)
{
	wait_notice = fn;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

int lock_beside(const char *path, const char *what, int seconds)
{
	char *lock_path;
	int fd;

	if (mkdir_parent(path) < 0)
		return -1;
	lock_path = xasprintf("%s.lock", path);
	fd = lock_file(lock_path, what, path, seconds);
	free(lock_path);
	return fd;
}

int lock_file(const char *lock_path, const char *what, const char *path, int seconds)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 }, t0;
	double limit = seconds > 0 ? seconds : 0;
	bool told = false;
	int fd;

	/* PLANNER_LOCK_TIMEOUT replaces every timeout but a zero one (try once) */
	if (seconds > 0 && env_seconds("PLANNER_LOCK_TIMEOUT", true, &limit) < 0)
		return -1;
	fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0)
		return error(EX_CANTCREAT, "cannot create lock file '%s': %s", lock_path,
			     strerror(errno));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int e = errno;
		double waited = seconds_since(&t0);

		if (e != EWOULDBLOCK && e != EINTR) {
			close(fd);
			return error(EX_IOERR, "cannot lock '%s': %s", lock_path, strerror(e));
		}
		if (waited >= limit) {
			close(fd);
			if (limit <= 0)
				return error(EX_TEMPFAIL, "%s '%s' is in use by another planner; try "
					     "again", what, path);
			return error(EX_TEMPFAIL, "%s '%s' is still in use by another planner after "
				     "%g second%s; try again", what, path, limit, limit == 1 ? "" : "s");
		}
		if (!told && waited >= 1) {
			told = true;
			if (wait_notice)
				wait_notice(what, path);
		}
		nanosleep(&pause, NULL);
	}
	return fd;
}

void lock_release(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

int mkdir_p(const char *dir)
{
	char *d;
	int ret = 0;

	/* usually there already, or only the last part missing: one call, not one a part */
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return 0;
	d = xstrdup(dir);
	for (char *p = d + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(d, 0700) < 0 && errno != EEXIST) {
				ret = error(EX_CANTCREAT, "cannot create directory '%s': %s", d, strerror(errno));
				break;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(d);
	return ret;
}

int mkdir_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int r;

	if (!slash || slash == path)
		return 0;
	dir = xstrndup(path, (size_t)(slash - path));
	r = mkdir_p(dir);
	free(dir);
	return r;
}

static char *xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home;
	struct stat st;

	if (v && v[0] == '/')
		return xasprintf("%s/planner", v);
	home = getenv("HOME");
	if (!home || home[0] != '/') {
		error(EX_CANTCREAT, "neither $%s nor $HOME is set to an absolute path", var);
		return NULL;
	}
	/* planner makes its own directories under a home, never the home itself (HOME=/nonexistent
	 * is usual for system users) */
	if (stat(home, &st) < 0 || !S_ISDIR(st.st_mode)) {
		error(EX_CANTCREAT, "$HOME ('%s') is not a directory, and $%s is not set", home, var);
		return NULL;
	}
	return xasprintf("%s/%s/planner", home, fallback);
}

char *xdg_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

bool file_name_safe(char *name)
{
	bool was = true;

	for (char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_' || *c == '.') || (c == name && *c == '.')) {
			*c = '_';
			was = false;
		}
	return was;
}

char *file_name_for(const char *id)
{
	size_t len = strlen(id);
	bool plain = len && len <= 64 && id[0] != '.';
	char *safe = xstrdup(id), *name;

	if (!file_name_safe(safe))
		plain = false;
	if (plain)
		return safe;
	/* Two ids that read the same once made safe ("파이콘-2024" and "한국어-2024" are both
	 * "___-2024") must not share a file: the name ends with a hash of the whole id, and is cut,
	 * so that a long id makes a name a file system takes. */
	name = xasprintf("%.40s-%016" PRIx64, safe, hash_bytes(id, len));
	free(safe);
	return name;
}

char *xdg_data_file(const char *conf_id, const char *suffix)
{
	char *dir = xdg_data_dir(), *path, *name;

	if (!dir)
		return NULL;
	name = file_name_for(conf_id);
	path = xasprintf("%s/%s%s", dir, name, suffix);
	free(dir);
	free(name);
	return path;
}

char *xdg_cache_dir(void)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache");
}

char *xdg_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *xdg_state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}
