/* bench_floor.c: the warm path against a durable floor.
 *
 *     bench_floor                     the benchmark (make bench runs it from the top of the tree)
 *     bench_floor floor SNAP OUT N    the floor: reads the file SNAP whole, writes N bytes to OUT
 *                                     and fsyncs it
 *
 * The benchmark fetches a 1000-session timetable (tests/gen_timetable.py) into a scratch cache,
 * then times `planner pick` (which saves the plan) and `planner export -o FILE` against two runs
 * of the floor: a program linked with the same objects and libraries that starts, reads the
 * same snapshot, and writes a file of the size of the plan file, then of the .ics, with fsync —
 * what no implementation of the two commands can avoid.  It prints the CPU time (user + sys)
 * of each, the best of several runs, and their ratio; the target is a ratio of at most 1.5.  A
 * benchmark, not a test: it fails only when a command does.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define RUNS 30

static int floor_run(const char *snap, const char *out, long n)
{
	char *buf;
	size_t len = 0, alloc = 1 << 16;
	ssize_t r;
	int fd = open(snap, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || n < 0)
		return 1;
	buf = xmalloc(alloc);
	while ((r = read(fd, buf + len, alloc - len)) > 0) {
		len += (size_t)r;
		if (len == alloc)
			buf = xrealloc(buf, alloc *= 2);
	}
	close(fd);
	if (r < 0)
		return 1;
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return 1;
	for (long done = 0; done < n;) {
		size_t chunk = (size_t)(n - done) < len ? (size_t)(n - done) : len ? len : 1;
		if (!len)
			buf[0] = 'x';
		r = write(fd, buf, chunk);
		if (r <= 0)
			return 1;
		done += r;
	}
	if (fsync(fd) < 0 || close(fd) < 0)
		return 1;
	free(buf);
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

int main(int argc, char **argv)
{
	char tmpl[] = "/tmp/planner-bench-XXXXXX", *tmp, *feed, *snapdir, *snap, *plan, *ics, *f1, *f2;
	const char *planner = getenv("PLANNER") ? getenv("PLANNER") : "./planner";
	char *self = argv[0];
	double best_planner = 1e9, best_floor = 1e9, best_pick = 1e9, best_export = 1e9;
	char sz1[32], sz2[32];
	int ret = 1;

	if (argc == 5 && !strcmp(argv[1], "floor"))
		return floor_run(argv[2], argv[3], atol(argv[4]));
	if (argc != 1) {
		fprintf(stderr, "usage: bench_floor | bench_floor floor SNAP OUT BYTES\n");
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
	f1 = xasprintf("%s/floor-plan", tmp);
	f2 = xasprintf("%s/floor-ics", tmp);
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

		/* once before timing: the plan and the export state exist, as in everyday use */
		if (cpu_of(pick) < 0 || cpu_of(export) < 0) {
			free(pdir);
			goto out;
		}
		snap = xasprintf("%s/model.snap", snapdir);
		plan = find_file(pdir, ".plan.json");
		free(pdir);
		if (!plan || size_of(snap) < 0) {
			fprintf(stderr, "bench_floor: no snapshot or plan file in %s\n", tmp);
			goto out;
		}
		snprintf(sz1, sizeof(sz1), "%ld", size_of(plan));
		snprintf(sz2, sizeof(sz2), "%ld", size_of(ics));
		for (int i = 0; i < RUNS; i++) {
			const char *fl1[] = { self, "floor", snap, f1, sz1, NULL };
			const char *fl2[] = { self, "floor", snap, f2, sz2, NULL };
			double p = cpu_of(pick), e = cpu_of(export), a = cpu_of(fl1), b = cpu_of(fl2);

			if (p < 0 || e < 0 || a < 0 || b < 0)
				goto out;
			best_pick = p < best_pick ? p : best_pick;
			best_export = e < best_export ? e : best_export;
			best_planner = p + e < best_planner ? p + e : best_planner;
			best_floor = a + b < best_floor ? a + b : best_floor;
		}
		printf("warm path, 1000 sessions (snapshot %ld bytes, plan %s bytes, .ics %s bytes), "
		       "CPU time (user + sys), best of %d:\n", size_of(snap), sz1, sz2, RUNS);
		printf("  planner pick:                  %6.2f ms\n", best_pick * 1e3);
		printf("  planner export:                %6.2f ms\n", best_export * 1e3);
		printf("  planner pick + export:         %6.2f ms\n", best_planner * 1e3);
		printf("  floor (start, read snapshot, write + fsync), twice: %6.2f ms\n",
		       best_floor * 1e3);
		printf("  ratio planner / floor:         %6.2f (target: at most 1.5)\n",
		       best_floor > 0 ? best_planner / best_floor : 0.0);
		ret = 0;
		free(snap);
		free(plan);
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
	free(snapdir);
	return ret;
}
