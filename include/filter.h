/* filter.h: which sessions a command works on (`list --track asyncio --day 2` ...).
 *
 * Values of one kind are alternatives (--tag a --tag b: either); different kinds must all hold.
 * Text matches are case-folded and NFC-normalized, so Korean typed on any system matches.
 */
#ifndef PLANNER_FILTER_H
#define PLANNER_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "schedule.h"

struct query;

struct filter {
	int day;                 /* day index, or -1 for every day */
	struct strlist tracks;   /* folded; each matches the track or a tag exactly */
	struct strlist tags;     /* folded; each matches a tag exactly */
	struct strlist rooms;    /* folded; a room id exactly or a part of its name */
	struct strlist langs;    /* folded; "ko" matches "ko" and "ko-KR" */
	struct strlist speakers; /* folded; a part of a speaker's name */
	struct strlist search;   /* folded; a part of title, subtitle, abstract, speakers, tags, track
				  * (or a word of its topic, once resolved) */
	unsigned levels;         /* bit (1 << level), 0 for any */
	unsigned types;          /* bit (1 << type), 0 for any */
	/* Track names that matched no track or tag and fell back to a text search (folded). */
	struct strlist track_fallbacks;
	/* search and track_fallbacks as query words with their topics (topics.h), made by
	 * filter_resolve(); before it, each is matched as plain text. */
	struct query *search_q, *fallback_q;
	size_t nsearch_q, nfallback_q;
};

void filter_init(struct filter *f);
void filter_release(struct filter *f);

/* Adders for the command-line options.  filter_add_day accepts N (1-based) or YYYY-MM-DD;
 * level and type accept the names session_level_parse / session_type_parse know.  Each returns
 * 0, or -1 with error() set (EX_USAGE) naming the value and the choices. */
int filter_add_day(struct filter *f, const struct schedule *s, const char *arg);
/* The same rule for a command's own --day: the day index into *day; 0, or -1 as above. */
int filter_parse_day(const struct schedule *s, const char *arg, int *day);
int filter_add_level(struct filter *f, const char *arg);
int filter_add_type(struct filter *f, const char *arg);
void filter_add(struct strlist *list, const char *arg);

/* Call once all options are in: a --track value that names no track or tag in s becomes a text
 * search (recorded in track_fallbacks); one that matches nothing at all is an error (EX_DATAERR)
 * with "did you mean" suggestions from the real tracks and tags.  The text searches (--search and
 * the fallbacks) then stand for their topics' words too (topics.h): -1 with error() set when the
 * topic list cannot be read. */
int filter_resolve(struct filter *f, const struct schedule *s);

/* How a --track value applies to s: 1 when a track or tag is called that (folded), 0 when none is
 * but some session mentions it or a word of its topic (a text search stands in), -1 with error() set (EX_DATAERR, with
 * "did you mean" suggestions) when nothing matches at all. */
int label_resolve(const struct schedule *s, const char *folded);

/* A value typed for option --`option` (tag, lang, level, type, room, speaker, search, keyword;
 * any other name is not checked) that matches no session of s is an error, never a silently empty result: -1 with
 * error() set (EX_DATAERR, as an unknown --track) naming the option and the value, with "did you
 * mean" suggestions from what the timetable has ('웹서비스': did you mean '웹 서비스'?).  0 when
 * some session matches, or when no session has a time (the commands say that instead).  list, export and pick check what the command line gives with it. */
int filter_value_check(const struct schedule *s, const char *option, const char *typed);
/* The same, the message naming the value as `label` ("room" for an operand) instead of
 * "--option". */
int filter_value_check_as(const struct schedule *s, const char *option, const char *typed,
			  const char *label);

/* "Did you mean" for a value the user typed (folded) that matches nothing: the names among
 * names[0..n) (the likelier first) within a small edit distance of it, or containing it, or
 * contained in it — at most three, quoted ("'a', 'b'"), appended to out.  The one rule for every
 * value that names something in the timetable. */
struct strbuf;
void filter_suggest(char *const *names, size_t n, const char *folded, struct strbuf *out);

/* The id of the session whose id is nearest to `id` (at most 2 edits away), or NULL (borrowed). */
const char *schedule_nearest_session(const struct schedule *s, const char *id);

/* True if session se of s passes every filter. */
bool filter_match(const struct filter *f, const struct schedule *s, const struct session *se);

/* True if the session's language (its folded form when the snapshot gave one) is the folded
 * code `folded` or a variant of it ("ko" matches "ko" and "ko-KR"). */
bool session_speaks(const struct session *se, const char *folded);
/* True if the session's track or one of its tags folds equal to `folded`. */
bool session_has_label(const struct session *se, const char *folded);
/* True if one of the session's tags folds equal to `folded`. */
bool session_has_tag(const struct session *se, const char *folded);
/* True if `folded` occurs in one of the session's speakers. */
bool session_has_speaker(const struct session *se, const char *folded);
/* True if `folded` occurs in the session's title, subtitle, abstract, description, speakers,
 * tags or track. */
bool session_mentions(const struct session *se, const char *folded);

/* Where a query word was found in a session, best first: title beats tags beats abstract. */
enum match_field {
	MATCH_TITLE, MATCH_SUBTITLE, MATCH_TRACK, MATCH_TAGS, MATCH_ABSTRACT, MATCH_DESCRIPTION,
	MATCH_SPEAKERS, MATCH_NONE
};
struct query_match {
	enum match_field field;
	size_t alt;              /* which of the query's words (query.alt) */
};
/* True if the session has query word q or one of its topic's words (topics.h); *m (unless NULL)
 * then says the best field it is in and, there, the first of q's words found. */
bool session_about(const struct session *se, const struct query *q, struct query_match *m);
/* "the title", "the tags", ... */
const char *match_field_name(enum match_field f);
/* How good a field is: 0 the title or subtitle, 1 the track or tags, 2 the rest. */
int match_field_rank(enum match_field f);

/* Distinct tracks and tags of s with how many sessions carry each. */
struct label_count {
	char *name;
	bool is_track;           /* else a tag */
	size_t count;
};
/* Sorted by kind (tracks first), then count (descending), then name.  Caller frees with
 * label_counts_free(). */
struct label_count *schedule_labels(const struct schedule *s, size_t *n);
void label_counts_free(struct label_count *v, size_t n);

#endif
