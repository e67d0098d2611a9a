/* test_fsutil: the one rule for stale temporaries ("<name>.tmp.<pid>" of a process that is
 * gone), for one file and for a whole directory (the cache's), and lock_file(): the wait notice
 * once after a second, the timeout, a zero timeout that tries once. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "util.h"
#include "tap.h"

static char dir[] = "/tmp/test_fsutil.XXXXXX";

static void touch(const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	if (f)
		fclose(f);
	free(p);
}

static int exists(const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	int r = lstat(p, &st) == 0;

	free(p);
	return r;
}

/* A process id that was in use a moment ago and is not any more. */
static pid_t gone_pid(void)
{
	pid_t pid;

	fflush(stdout);	/* a child must not write the TAP lines again (valgrind flushes at exit) */
	pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

static void test_temporaries(void)
{
	long dead = (long)gone_pid(), self = (long)getpid(), live = (long)getppid();
	char n[16][64];
	int k = 0;

	snprintf(n[k++], 64, "plan.json.tmp.%ld", dead);       /* 0: stale */
	snprintf(n[k++], 64, "plan.json.tmp.%ld", self);       /* 1: ours */
	snprintf(n[k++], 64, "plan.json.tmp.%ld", live);       /* 2: a live process's */
	snprintf(n[k++], 64, "feed.tmp.%ld", dead);            /* 3: another file's, stale */
	snprintf(n[k++], 64, "plan.json.tmp.x%ld", dead);      /* 4: not a process id */
	snprintf(n[k++], 64, "plan.json.tmp.");                /* 5: no process id */
	snprintf(n[k++], 64, "plan.json.tmp.-%ld", dead);      /* 6: a sign */
	snprintf(n[k++], 64, "plan.json");                     /* 7: the file itself */
	snprintf(n[k++], 64, "a.tmp.b.tmp.%ld", dead);         /* 8: the last .tmp. counts */
	snprintf(n[k++], 64, ".tmp.%ld", dead);                /* 9: no name */
	for (int i = 0; i < k; i++)
		touch(n[i]);

	remove_stale_temporaries(dir, "plan.json");
	ok(!exists(n[0]), "the file's temporary of a gone process is removed");
	ok(exists(n[1]) && exists(n[2]), "ours and a live process's stay");
	ok(exists(n[3]) && exists(n[8]), "another file's stay when one file is named");
	ok(exists(n[4]) && exists(n[5]) && exists(n[6]) && exists(n[7]),
	   "names that are no temporary stay");

	remove_stale_temporaries(dir, NULL);
	ok(!exists(n[3]) && !exists(n[8]), "for the whole directory: every stale temporary goes");
	ok(exists(n[1]) && exists(n[2]), "... by the same rule: a live process's stays");
	ok(exists(n[4]) && exists(n[5]) && exists(n[6]) && exists(n[7]) && exists(n[9]),
	   "... and what is no temporary stays");
	for (int i = 0; i < k; i++) {
		char *p = xasprintf("%s/%s", dir, n[i]);
		unlink(p);
		free(p);
	}
}

static int notices;
static char notice_what[64];

static void on_wait(const char *what, const char *path)
{
	(void)path;
	notices++;
	snprintf(notice_what, sizeof(notice_what), "%s", what);
}

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A child holding the lock on path for `seconds`; returns once it holds it. */
static pid_t hold(const char *path, double seconds)
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p) < 0)
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int fd = open(path, O_RDWR | O_CREAT, 0600);
		struct timespec ts = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };

		flock(fd, LOCK_EX);
		if (write(p[1], "x", 1) < 0)
			_exit(1);
		nanosleep(&ts, NULL);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		pid = -1;
	close(p[0]);
	return pid;
}

static void test_locks(void)
{
	char *lock = xasprintf("%s/x.lock", dir);
	struct timespec t0;
	pid_t holder;
	int fd;

	unsetenv("PLANNER_LOCK_TIMEOUT");
	lock_set_wait_notice(on_wait);
	fd = lock_file(lock, "the thing", "x", 5);
	ok(fd >= 0 && notices == 0, "a free lock is taken at once, without a notice");
	lock_release(fd);

	holder = hold(lock, 1.6);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fd = lock_file(lock, "the thing", "x", 10);
	ok(fd >= 0, "a lock let go within the timeout is taken");
	ok(since(&t0) >= 1.3, "... after waiting for it");
	is_int(notices, 1, "... with one notice after a second");
	is_str(notice_what, "the thing", "... saying what it waits for");
	lock_release(fd);
	waitpid(holder, NULL, 0);

	notices = 0;
	holder = hold(lock, 5);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fd = lock_file(lock, "the thing", "x", 0);
	ok(fd < 0 && error_status() == EX_TEMPFAIL, "a zero timeout tries once (EX_TEMPFAIL)");
	ok(since(&t0) < 0.5 && notices == 0, "... without waiting");
	is_str(error_message(), "the thing 'x' is in use by another planner; try again",
	       "... and says why");
	setenv("PLANNER_LOCK_TIMEOUT", "0.3", 1);
	fd = lock_file(lock, "the thing", "x", 30);
	ok(fd < 0 && error_status() == EX_TEMPFAIL, "PLANNER_LOCK_TIMEOUT shortens a timeout");
	ok(since(&t0) < 3 && notices == 0, "... to 0.3 s, before any notice");
	is_str(error_message(), "the thing 'x' is still in use by another planner after 0.3 seconds; "
	       "try again", "... and the message says how long it waited");
	unsetenv("PLANNER_LOCK_TIMEOUT");
	kill(holder, SIGKILL);
	waitpid(holder, NULL, 0);
	error_clear();
	unlink(lock);
	free(lock);
}

static void test_names(void)
{
	char a[] = "pyconkr-2024.ics", b[] = ".hidden/x y", *sub = xasprintf("%s/a/b/file", dir);
	char *parent = xasprintf("%s/a/b", dir), *mid = xasprintf("%s/a", dir);
	struct stat st;

	ok(file_name_safe(a) && !strcmp(a, "pyconkr-2024.ics"), "a safe name stays");
	ok(!file_name_safe(b) && !strcmp(b, "_hidden_x_y"), "a leading dot, '/' and ' ' become '_'");
	is_int(mkdir_parent(sub), 0, "mkdir_parent");
	ok(stat(parent, &st) == 0 && S_ISDIR(st.st_mode), "... makes the file's directory");
	ok(access(sub, F_OK) != 0, "... not the file");
	is_int(mkdir_parent("plain-name"), 0, "a name without a directory needs none");
	rmdir(parent);
	rmdir(mid);
	free(sub);
	free(parent);
	free(mid);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return done_testing();
	}
	test_names();
	test_temporaries();
	test_locks();
	rmdir(dir);
	return done_testing();
}
