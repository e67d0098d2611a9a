/* test_fuzz_regressions.c: every input the fuzzers once broke a parser with
 * (tests/fuzz/regressions/<target>/, README.md there) goes through the normal build again: an
 * importer's files through schedule_load_buffer() with the format of their directory, the other
 * parsers' through snapshot_decode(), plan_parse(), venue_file_parse(), config_parse(),
 * caldav_parse_count(), share_parse() or topics_parse() as their harnesses call them.  Each must return 0, or -1 with a one-line message
 * and a sysexits status — under
 * `make asan` and `make valgrind` that also means no crash, no leak, no read out of bounds. */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "caldav.h"
#include "config.h"
#include "jsonpos.h"
#include "load.h"
#include "plan.h"
#include "schedule.h"
#include "share.h"
#include "snapshot.h"
#include "tap.h"
#include "topics.h"
#include "util.h"
#include "venue_file.h"

#define DIR_REGRESSIONS "tests/fuzz/regressions"

static void put(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Decodes buf as a snapshot: 0 or -1 as snapshot_decode() returns. */
static int decode(const char *buf, size_t len)
{
	struct schedule s;
	int ret;

	schedule_init(&s);
	ret = snapshot_decode(buf, len, NULL, &s);
	if (ret == 0)
		schedule_release(&s);
	return ret;
}

/* As tests/fuzz/fuzz_snapshot.c: the bytes as a whole file, then as the payload of a file
 * with a valid header.  The result of the second (the first's when it is not 0 or -1). */
static int run_snapshot(const char *data, size_t size)
{
	unsigned char *file = xmalloc(SNAPSHOT_HEADER_SIZE + size);
	int first = decode(data, size), ret;

	memset(file, 0, SNAPSHOT_HEADER_SIZE);
	memcpy(file, SNAPSHOT_MAGIC, 8);
	put(file + 8, SNAPSHOT_VERSION, 4);
	put(file + 12, SNAPSHOT_HEADER_SIZE, 4);
	strncpy((char *)file + 16, PLANNER_VERSION, 15);
	memcpy(file + SNAPSHOT_HEADER_SIZE, data, size);
	put(file + 32, size, 8);
	put(file + 40, hash_bytes(file + SNAPSHOT_HEADER_SIZE, size), 8);
	put(file + 72, hash_bytes(file, 72), 8);
	ret = decode((const char *)file, SNAPSHOT_HEADER_SIZE + size);
	free(file);
	return first != 0 && first != -1 ? first : ret;
}

/* Runs one input through the parser of `target`; 0, -1, or -2 for an unknown target. */
static int run(const char *target, const char *data, size_t size)
{
	if (!strcmp(target, "snapshot"))
		return run_snapshot(data, size);
	if (!strcmp(target, "plan")) {
		struct plan p;
		int ret;

		plan_init(&p);
		ret = plan_parse(&p, data, size, "regression.plan.json");
		if (ret == 0)
			plan_release(&p);
		return ret;
	}
	if (!strcmp(target, "venue")) {
		struct venue v;
		int ret = venue_file_parse(&v, data, size, "regression.venue.json");

		if (ret == 0)
			venue_release(&v);
		return ret;
	}
	if (!strcmp(target, "multistatus"))
		return caldav_parse_count(data, size) < 0 ? -1 : 0;
	if (!strcmp(target, "share")) {
		struct share_list l;
		int ret;

		share_list_init(&l);
		ret = share_parse(&l, data, size, "regression-list", "Asia/Seoul");
		share_list_release(&l);
		return ret;
	}
	if (!strcmp(target, "topics")) {
		struct topics t;
		int ret;

		topics_init(&t);
		ret = topics_parse(&t, data, size, "regression-topics");
		topics_release(&t);
		return ret;
	}
	if (!strcmp(target, "config")) {
		struct config c;
		int ret;

		config_init(&c);
		ret = config_parse(&c, data, size, "regression-config");
		if (ret == 0)
			config_release(&c);
		return ret;
	}
	for (size_t i = 0; load_formats[i].name; i++) {
		if (!strcmp(target, load_formats[i].name)) {
			struct load_options opt = { load_formats[i].name, "Asia/Seoul", NULL };
			struct schedule s;
			int ret;

			schedule_init(&s);
			ret = schedule_load_buffer(&s, data, size, "regression-input", &opt);
			if (ret == 0)
				schedule_release(&s);
			return ret;
		}
	}
	return -2;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in directory `path` (sorted; "." and ".." and README files left out), or NULL
 * when it cannot be read.  Caller frees each and the array. */
static char **list_dir(const char *path, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;
	size_t alloc = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strncmp(e->d_name, "README", 6))
			continue;
		v = xgrow(v, *n + 1, &alloc, sizeof(*v));
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_names);
	return v ? v : xcalloc(1, sizeof(*v));
}

static bool one_line(const char *msg)
{
	return *msg && !strchr(msg, '\n') && !strchr(msg, '\r');
}

static void check_target(const char *target, size_t *total)
{
	char *dir = xasprintf("%s/%s", DIR_REGRESSIONS, target);
	size_t n;
	char **names = list_dir(dir, &n);

	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *buf;
		size_t len;
		int ret;

		error_clear();
		if (read_file(path, LOAD_MAX_BYTES, &buf, &len) < 0) {
			ok(0, "%s: %s", path, error_message());
			free(path);
			continue;
		}
		if (strcmp(target, "ics") && strcmp(target, "config") && strcmp(target, "snapshot") &&
		    strcmp(target, "topics")) {
			/* The position finder walks the raw text of JSON on error paths: it must end
			 * whatever the bytes (a NUL once made it stand still). */
			static const struct json_step far[] = { { NULL, 1000000 } };
			static const struct json_step none[] = { { "no such key", 0 } };
			int line, col, line2, col2;

			/* (paths that are not there: every value is skipped over) */
			json_locate(buf, len, far, 1, &line, &col);
			json_locate(buf, len, none, 1, &line2, &col2);
			ok(line >= 1 && col >= 1 && line2 >= 1 && col2 >= 1,
			   "%s: json_locate ends (%d:%d, %d:%d)", path, line, col, line2, col2);
		}
		ret = run(target, buf, len);
		if (ret == -2) {
			ok(0, "%s: \"%s\" is not a fuzz target (native, frab, c3voc2, pretalx, "
			   "sessionize, ics, snapshot, plan, config, topics)", path, target);
		} else if (ret == 0) {
			ok(1, "%s: reads", path);
		} else {
			ok(ret == -1 && one_line(error_message()) && error_status() >= EX__BASE &&
			   error_status() <= EX__MAX, "%s: refused with one line, status %d",
			   path, error_status());
			printf("#   %s\n", error_message());
		}
		(*total)++;
		warnings_clear();
		free(buf);
		free(path);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
}

int main(void)
{
	size_t n, total = 0;
	char **targets;
	struct stat st;

	alarm(300);	/* a hang fails the test rather than stopping the suite */
	targets = list_dir(DIR_REGRESSIONS, &n);

	ok(targets != NULL, "%s can be read", DIR_REGRESSIONS);
	for (size_t i = 0; targets && i < n; i++) {
		char *dir = xasprintf("%s/%s", DIR_REGRESSIONS, targets[i]);

		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			check_target(targets[i], &total);
		free(dir);
		free(targets[i]);
	}
	free(targets);
	printf("# %zu regression inputs\n", total);
	return done_testing();
}
