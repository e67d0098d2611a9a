/* fsutil.c: atomic file replacement and the XDG base directories. */
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
#include "util.h"

static int fsync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), ret = 0;

	if (fd >= 0) {
		if (fsync(fd) < 0 && errno != EINVAL)
			ret = -1;
		close(fd);
	}
	free(dir);
	return ret;
}

/* Removes "<path>.tmp.<pid>" files that a planner killed in the middle of a save left behind
 * (their process is gone), so they do not pile up. */
static void remove_stale_temporaries(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	char *prefix = xasprintf("%s.tmp.", slash ? slash + 1 : path);
	size_t plen = strlen(prefix);
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d))) {
		char *end;
		long pid;

		if (strncmp(de->d_name, prefix, plen))
			continue;
		pid = strtol(de->d_name + plen, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) < 0 && errno == ESRCH) {
			char *stale = xasprintf("%s/%s", dir, de->d_name);
			unlink(stale);
			free(stale);
		}
	}
	if (d)
		closedir(d);
	free(prefix);
	free(dir);
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	const char *p = data;
	int fd, e;

	remove_stale_temporaries(path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		e = errno;
		free(tmp);
		return error(EX_CANTCREAT, "cannot write '%s': %s", path, strerror(e));
	}
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) < 0)
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
		return error(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
	return 0;
fail:
	e = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return error(EX_IOERR, "cannot write '%s': %s", path, strerror(e));
}

int lock_file(const char *path, int seconds)
{
	char *lock = xasprintf("%s.lock", path);
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0) {
		int e = errno;
		error(EX_CANTCREAT, "cannot create lock file '%s': %s", lock, strerror(e));
		free(lock);
		return -1;
	}
	for (int tries = seconds * 20; flock(fd, LOCK_EX | LOCK_NB) < 0; tries--) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || tries <= 0) {
			error(EX_TEMPFAIL, "'%s' is in use by another planner; try again", path);
			close(fd);
			free(lock);
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	free(lock);
	return fd;
}

int mkdir_p(const char *dir)
{
	char *d = xstrdup(dir);
	int ret = 0;

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

char *xdg_data_file(const char *conf_id, const char *suffix)
{
	char *dir = xdg_data_dir(), *path, *safe;
	size_t len = strlen(conf_id);
	bool plain = len && len <= 64 && conf_id[0] != '.';

	if (!dir)
		return NULL;
	safe = xstrdup(conf_id);
	for (char *c = safe; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_' || *c == '.') || (c == safe && *c == '.')) {
			*c = '_';
			plain = false;
		}
	if (plain) {
		path = xasprintf("%s/%s%s", dir, safe, suffix);
	} else {
		/* Two ids that read the same once made safe ("파이콘-2024" and "한국어-2024" are both
		 * "___-2024") must not share a file: the name ends with a hash of the whole id, and
		 * is cut, so that a long id makes a name a file system takes. */
		path = xasprintf("%s/%.40s-%016" PRIx64 "%s", dir, safe, hash_bytes(conf_id, len),
				 suffix);
	}
	free(dir);
	free(safe);
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
