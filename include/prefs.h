/* prefs.h: what the user wants to see, as a score per session with the reasons.
 *
 * Topic preferences (--track, --tag, --keyword, --speaker) say what to see; qualifiers (--level,
 * --lang, --type, --prefer-unrecorded) refine them: when any topic preference is given, a
 * qualifier adds its weight only to sessions that matched a topic; alone, qualifiers choose by
 * themselves.  Keynotes get a bonus unless turned off.  Each kind adds its weight once, however many of its values match.
 * Points are in hundredths (300 = 3 points).
 */
#ifndef PLANNER_PREFS_H
#define PLANNER_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

struct strbuf;
struct query;

enum pref_kind {
	PREF_TRACK,
	PREF_TAG,
	PREF_KEYWORD,
	PREF_SPEAKER,
	PREF_LEVEL,
	PREF_LANG,
	PREF_TYPE,
	PREF_KEYNOTE,
	PREF_UNRECORDED,        /* --prefer-unrecorded: a qualifier, as --lang */
	PREF_KIND_COUNT
};

struct prefs {
	struct strlist values[PREF_KIND_COUNT]; /* as typed, for saving and showing */
	struct strlist folded[PREF_KIND_COUNT]; /* text_fold()ed, for matching */
	unsigned levels, types;                 /* bit sets of the --level / --type values */
	int weight[PREF_KIND_COUNT];            /* hundredths of a point */
	bool keynotes;                          /* the keynote bonus (default on) */
	bool unrecorded;                        /* --prefer-unrecorded: sessions the feed says will
						 * not be recorded (do_not_record) */
	/* --track values that name no track or tag: matched as keywords instead (folded). */
	struct strlist track_fallbacks;
	/* The keywords and the fallbacks as query words with their topics (topics.h), made by
	 * prefs_resolve(); before it, each is matched as the word alone. */
	struct query *keyword_q, *fallback_q;
};

void prefs_init(struct prefs *p);
void prefs_release(struct prefs *p);

/* "track", "tag", ... and back (-1 if unknown). */
const char *pref_kind_name(enum pref_kind k);
int pref_kind_parse(const char *name);

/* Adds a value of kind k.  Levels and types are checked: -1 with error() set (EX_USAGE). */
int prefs_add(struct prefs *p, enum pref_kind k, const char *value);
/* Parses "--weight KIND=N" (N a number >= 0, up to two decimals, at most 1000).  -1 with error()
 * set (EX_USAGE) naming the problem. */
int prefs_set_weight(struct prefs *p, const char *arg);

/* Checks --track values against s (see label_resolve in filter.h); those that name no track or
 * tag move to track_fallbacks.  -1 with error() set when one matches nothing at all; then
 * *failed (unless failed is NULL) gets its index in values[PREF_TRACK].  Then the keywords and
 * the fallbacks get their topics' words (topics.h): -1 with error() set (failed untouched) when
 * the topic list cannot be read. */
int prefs_resolve(struct prefs *p, const struct schedule *s, size_t *failed);

/* The points session se earns; when why is non-NULL, appends the reasons ("track asyncio,
 * lang ko, keynote") to it.  A keyword (or a --track fallback) earns its weight when it or a word
 * of its topic is in the title, three quarters of it in the track or tags, half elsewhere; its
 * reason names the word and where ("about asyncio: 비동기 in the abstract"). */
int64_t prefs_score(const struct prefs *p, const struct session *se, struct strbuf *why);

#endif
