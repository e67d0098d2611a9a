/* bench_floor.c: the warm path against a durable floor.
 *
 *     bench_floor                         the benchmark (make bench runs it from the top of the
 *                                         tree)
 *     bench_floor floor HOW SNAP [r FILE | w FILE BYTES]...
 *                                         the floor: reads the snapshot SNAP (HOW: "map" or
 *                                         "read"), reads each FILE given with r, and replaces each
 *                                         FILE given with w by BYTES bytes, durably
 *
 * The benchmark fetches a 1000-session timetable (tests/gen_timetable.py) into a scratch cache,
 * runs `planner pick` (which saves the plan) and `planner export -o FILE` once, so that the plan
 * and the export state exist as in everyday use, then times both commands against two runs of the
 * floor, one standing in for each command.  The floor is a program linked with the same objects
 * and libraries as planner (so it pays the same start-up: exec, the dynamic linker loading and
 * relocating jansson, libical and utf8proc and running their constructors), and it does what no
 * implementation of the two commands can avoid, each the cheapest way:
 *
 *   - It reads the whole snapshot, every byte of which describes the timetable the commands
 *     answer from, the cheaper of two ways, both measured on every run: "map" maps it
 *     (MAP_POPULATE, then reads a byte of every page, as a decoder must), "read" read()s it with
 *     one call into a buffer of exactly its size (fstat first).  Either is cheaper than what
 *     planner does with the bytes.
 *   - It reads the small files the command must read to do its job: the saved plan (pick keeps
 *     its pins; export exports it) and, for export, the export state (the SEQUENCE numbers).
 *     One open, one read of their size each.
 *   - It replaces each file the command writes, with the same number of bytes, the way a durable
 *     replacement must so that a crash leaves the old file or the new one and never a torn one:
 *     a temporary in the same directory, one write(), fsync(), rename() over the file, then
 *     fsync() of the directory so that the rename itself survives.  For pick, the plan file;
 *     for export, the .ics and — only when planner rewrote it during the timed runs, which on
 *     the warm path it does not (nothing changed, so the SEQUENCE memory is unchanged and
 *     planner leaves the file alone) — the export state file.  The benchmark checks which by
 *     the state file's inode, so the floor never writes what planner does not.
 *
 * It leaves out what is not needed for a correct, durable result: locks (a single user at a
 * time), looking up or cleaning stale temporaries, parsing options or the config file.  It
 * prints the CPU time (user + sys of the child process, from wait4) of each, the best of RUNS
 * runs, and the ratio of planner's to the floor's; the target is a ratio of at most 1.5.  A
 * benchmark, not a test: it fails only when a command does.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define RUNS 30

/* The whole file at path, the cheap way `how` says; its bytes in *buf, *len.  0 or -1. */
static int floor_read(const char *how, const char *path, const char **buf, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0)
		return -1;
	*len = (size_t)st.st_size;
	if (!strcmp(how, "map") && st.st_size > 0) {
		const volatile char *p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
		volatile unsigned sum = 0;
		long page = sysconf(_SC_PAGESIZE);

		close(fd);
		if (p == MAP_FAILED)
			return -1;
		for (size_t off = 0; off < *len; off += (size_t)page)
			sum += (unsigned char)p[off];
		*buf = (const char *)p;
		return 0;
	} else {
		char *b = xmalloc(*len ? *len : 1);
		ssize_t r = read(fd, b, *len);

		close(fd);
		*buf = b;
		return r == (ssize_t)*len ? 0 : -1;
	}
}

/* Replaces path by n bytes (taken from data, len bytes, repeated) the durable way: a temporary
 * in the same directory, written, fsynced, renamed over path, then the directory fsynced. */
static int floor_replace(const char *path, long n, const char *data, size_t len)
{
	const char *slash = strrchr(path, '/');
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid()),
	     *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	char *bytes = xmalloc(n > 0 ? (size_t)n : 1);
	int fd, ret = -1;

	for (long done = 0; done < n; done += (long)len) {
		size_t chunk = (size_t)(n - done) < len ? (size_t)(n - done) : len;
		memcpy(bytes + done, data, chunk);
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0 && write(fd, bytes, (size_t)n) == (ssize_t)n && fsync(fd) == 0 &&
	    close(fd) == 0 && (fd = -1, rename(tmp, path) == 0) &&
	    (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0 && fsync(fd) == 0)
		ret = 0;
	if (fd >= 0)
		close(fd);
	free(bytes);
	free(tmp);
	free(dir);
	return ret;
}

static int floor_run(int argc, char **argv)
{
	const char *how = argv[2], *snap, *small;
	size_t len, slen;

	if (floor_read(how, argv[3], &snap, &len) < 0 || !len)
		return 1;
	for (int i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "r") && i + 1 < argc) {
			if (floor_read("read", argv[++i], &small, &slen) < 0)
				return 1;
			free((char *)small);
		} else if (!strcmp(argv[i], "w") && i + 2 < argc) {
			if (floor_replace(argv[i + 1], atol(argv[i + 2]), snap, len) < 0)
				return 1;
			i += 2;
		} else {
			return 64;
		}
	}
	return 0;
}

/* Runs argv (its output to /dev/null) and returns its CPU time in seconds, or -1 when it
 * could not run or failed. */
static double cpu_of(const char *const argv[])
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "bench_floor: %s %s failed\n", argv[0], argv[1]);
		return -1;
	}
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec / 1e6;
}

/* The one file in dir whose name ends with `suffix` (caller frees), or NULL. */
static char *find_file(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *found = NULL;
	size_t sl = strlen(suffix);

	if (!d)
		return NULL;
	while (!found && (e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > sl && !strcmp(e->d_name + n - sl, suffix))
			found = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	return found;
}

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) < 0 ? -1 : (long)st.st_size;
}

static long inode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) < 0 ? -1 : (long)st.st_ino;
}

static double min2(double a, double b)
{
	return a < b ? a : b;
}

int main(int argc, char **argv)
{
	char tmpl[] = "/tmp/planner-bench-XXXXXX", *tmp, *feed, *snapdir, *snap, *plan, *state, *ics;
	char *f1, *f2, *f3;
	const char *planner = getenv("PLANNER") ? getenv("PLANNER") : "./planner";
	char *self = argv[0];
	double best_pick = 1e9, best_export = 1e9, best_planner = 1e9;
	double best_map = 1e9, best_read = 1e9, best_fpick = 1e9, best_fexport = 1e9;
	char sz1[32], sz2[32], sz3[32];
	bool state_written = false;
	int ret = 1;

	if (argc >= 4 && !strcmp(argv[1], "floor"))
		return floor_run(argc, argv);
	if (argc != 1) {
		fprintf(stderr, "usage: bench_floor | bench_floor floor map|read SNAP "
			"[r FILE | w FILE BYTES]...\n");
		return 64;
	}
	if (!(tmp = mkdtemp(tmpl)))
		return 1;
	{
		char *d = xasprintf("%s/data", tmp), *c = xasprintf("%s/cache", tmp),
		     *g = xasprintf("%s/config", tmp);
		setenv("XDG_DATA_HOME", d, 1);
		setenv("XDG_CACHE_HOME", c, 1);
		setenv("XDG_CONFIG_HOME", g, 1);
		free(d);
		free(c);
		free(g);
	}
	unsetenv("COLUMNS");
	feed = xasprintf("%s/timetable.json", tmp);
	ics = xasprintf("%s/out.ics", tmp);
	/* the floor's files: beside planner's, so that the directory fsyncs cost the same */
	f1 = xasprintf("%s/data/planner/floor.plan.json", tmp);
	f2 = xasprintf("%s/floor.ics", tmp);
	f3 = xasprintf("%s/data/planner/floor.exported", tmp);
	snapdir = xasprintf("%s/cache/planner/benchcon-2025", tmp);
	{
		const char *gen[] = { "python3", "tests/gen_timetable.py", "--sessions", "1000", "--rooms",
				"60", feed, NULL };
		const char *fetch[] = { planner, "fetch", "--quiet", feed, NULL };
		if (cpu_of(gen) < 0 || cpu_of(fetch) < 0)
			goto out;
	}
	{
		const char *pick[] = { planner, "pick", "--tag", "asyncio", "--tag", "web", "--keyword",
				 "python", "--lang", "en", "--fill", NULL };
		const char *export[] = { planner, "export", "-o", ics, NULL };
		char *pdir = xasprintf("%s/data/planner", tmp);
		long ino;

		/* once before timing: the plan and the export state exist, as in everyday use */
		if (cpu_of(pick) < 0 || cpu_of(export) < 0) {
			free(pdir);
			goto out;
		}
		snap = xasprintf("%s/model.snap", snapdir);
		plan = find_file(pdir, ".plan.json");
		state = find_file(pdir, ".exported");
		free(pdir);
		if (!plan || !state || size_of(snap) < 0) {
			fprintf(stderr, "bench_floor: no snapshot, plan or export state in %s\n", tmp);
			goto out;
		}
		snprintf(sz1, sizeof(sz1), "%ld", size_of(plan));
		snprintf(sz2, sizeof(sz2), "%ld", size_of(ics));
		snprintf(sz3, sizeof(sz3), "%ld", size_of(state));
		/* copies of planner's files for the floor to replace */
		{
			const char *cp1[] = { "cp", plan, f1, NULL }, *cp2[] = { "cp", ics, f2, NULL },
				   *cp3[] = { "cp", state, f3, NULL };
			if (cpu_of(cp1) < 0 || cpu_of(cp2) < 0 || cpu_of(cp3) < 0)
				goto out;
		}
		ino = inode_of(state);
		for (int i = 0; i < RUNS; i++) {
			const char *hows[] = { "map", "read" };
			double p = cpu_of(pick), e = cpu_of(export);

			if (p < 0 || e < 0)
				goto out;
			/* planner replaced the export state (a new inode): then the floor does too */
			if (inode_of(state) != ino) {
				state_written = true;
				ino = inode_of(state);
			}
			best_pick = min2(best_pick, p);
			best_export = min2(best_export, e);
			best_planner = min2(best_planner, p + e);
			for (int h = 0; h < 2; h++) {
				const char *fp[] = { self, "floor", hows[h], snap, "r", plan, "w", f1, sz1,
						     NULL };
				const char *fe[] = { self, "floor", hows[h], snap, "r", plan, "r", state,
						     "w", f2, sz2, state_written ? "w" : NULL, f3, sz3,
						     NULL };
				double a = cpu_of(fp), b = cpu_of(fe);

				if (a < 0 || b < 0)
					goto out;
				if (h == 0)
					best_map = min2(best_map, a + b);
				else
					best_read = min2(best_read, a + b);
				/* the floor of each command: the cheaper way of reading, run by run */
				best_fpick = min2(best_fpick, a);
				best_fexport = min2(best_fexport, b);
			}
		}
		{
			double fl = min2(best_map, best_read);

			printf("warm path, 1000 sessions (snapshot %ld bytes, plan %s bytes, .ics %s bytes, "
			       "export state %s bytes), CPU time (user + sys), best of %d:\n",
			       size_of(snap), sz1, sz2, sz3, RUNS);
			printf("  planner pick:                  %6.2f ms  (floor %5.2f ms)\n",
			       best_pick * 1e3, best_fpick * 1e3);
			printf("  planner export:                %6.2f ms  (floor %5.2f ms)\n",
			       best_export * 1e3, best_fexport * 1e3);
			printf("  planner pick + export:         %6.2f ms\n", best_planner * 1e3);
			printf("  floor, pick + export: snapshot mapped %.2f ms, read %.2f ms\n",
			       best_map * 1e3, best_read * 1e3);
			printf("    (start, read the snapshot, plan%s; replace plan, .ics%s: temporary, "
			       "fsync, rename, fsync dir)\n", " and export state",
			       state_written ? " and export state" : " (export left its state file alone)");
			printf("  ratio planner / floor:         %6.2f (target: at most 1.5)\n",
			       fl > 0 ? best_planner / fl : 0.0);
		}
		ret = 0;
		free(snap);
		free(plan);
		free(state);
	}
out:
	{
		const char *rm[] = { "rm", "-rf", tmp, NULL };
		cpu_of(rm);
	}
	free(feed);
	free(ics);
	free(f1);
	free(f2);
	free(f3);
	free(snapdir);
	return ret;
}
