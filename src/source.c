/* source.c: resolves a SOURCE (path or bundled name) to a timetable and loads it. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"
#include "schedule.h"
#include "source.h"
#include "text.h"
#include "util.h"

#ifndef PLANNER_DATADIR
#define PLANNER_DATADIR "/usr/local/share/planner"
#endif

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *source_bundled_dir(void)
{
	static char dir[PATH_MAX];
	static int done;
	char exe[PATH_MAX];
	ssize_t n;

	if (done)
		return dir[0] ? dir : NULL;
	done = 1;
	/* The build tree: the binary sits at the top next to schedules/. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(dir, sizeof(dir), "%s/schedules", exe) < sizeof(dir) &&
			    is_dir(dir))
				return dir;
		}
	}
	if ((size_t)snprintf(dir, sizeof(dir), "%s/schedules", PLANNER_DATADIR) < sizeof(dir) &&
	    is_dir(dir))
		return dir;
	dir[0] = '\0';
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **source_bundled_names(size_t *n)
{
	const char *dir = source_bundled_dir();
	char **names = NULL;
	size_t alloc = 0;
	struct dirent *de;
	DIR *d;

	*n = 0;
	if (!dir || !(d = opendir(dir)))
		return NULL;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len > 5 && !strcmp(de->d_name + len - 5, ".json") && de->d_name[0] != '.') {
			names = xgrow(names, *n + 1, &alloc, sizeof(*names));
			names[(*n)++] = xstrndup(de->d_name, len - 5);
		}
	}
	closedir(d);
	qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

void source_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int load_newest_bundled(struct schedule *s, const struct load_options *opt)
{
	size_t n;
	char **names = source_bundled_names(&n);
	int best = -1, ret = -1;
	int64_t best_end = 0;

	for (size_t i = 0; i < n; i++) {
		struct schedule t;
		char *path = xasprintf("%s/%s.json", source_bundled_dir(), names[i]);

		schedule_init(&t);
		if (schedule_load_file(&t, path, opt) == 0) {
			int64_t last = t.ndays ? t.days[t.ndays - 1].start : 0;
			if (best < 0 || last > best_end) {
				best = (int)i;
				best_end = last;
			}
			schedule_release(&t);
		}
		free(path);
	}
	if (best < 0) {
		error(EX_NOINPUT, "no timetable given and no bundled timetable found%s%s",
		      source_bundled_dir() ? " in " : "", source_bundled_dir() ? source_bundled_dir() : "");
	} else {
		char *path = xasprintf("%s/%s.json", source_bundled_dir(), names[best]);
		ret = schedule_load_file(s, path, opt);
		free(path);
	}
	source_names_free(names, n);
	return ret;
}

int source_load(struct schedule *s, const char *spec, const struct load_options *opt)
{
	struct stat st;
	size_t n;
	char **names;
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	int ret;

	if (!spec)
		return load_newest_bundled(s, opt);
	if (strchr(spec, '/') || stat(spec, &st) == 0)
		return schedule_load_file(s, spec, opt);

	names = source_bundled_names(&n);
	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (!strcmp(names[i], spec)) {
			char *path = xasprintf("%s/%s.json", source_bundled_dir(), names[i]);
			ret = schedule_load_file(s, path, opt);
			free(path);
			source_names_free(names, n);
			return ret;
		}
		d = text_distance(spec, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	if (best && best_d <= 3)
		ret = error(EX_NOINPUT, "no timetable '%s': not a file or a bundled name (did you mean '%s'?)",
			    spec, best);
	else
		ret = error(EX_NOINPUT, "no timetable '%s': not a file or a bundled name", spec);
	source_names_free(names, n);
	return ret;
}
