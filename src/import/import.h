/* import.h: what the importers share (private to the loaders of src/import/: load.c and
 * import_*.c).
 *
 * An importer turns one parsed feed into the schedule model.  The JSON importers read through
 * one set of getters that report errors as "NAME:LINE:COL: [what: ]message", pointing at the
 * offending value (the path to it is kept in the importer, and json_locate() finds it in the
 * raw text on the error path only).  Every importer collects its sessions' times as civil times
 * with or without offsets first, lets import_finish() decide the conference zone (feed, else
 * the timezone option, else the offsets, else UTC, with a warning saying which), and only then
 * turns them into instants, so that a time without an offset is read in the zone that won.
 *
 * This header may use jansson's types: only the loaders include it.
 */
#ifndef PLANNER_IMPORT_H
#define PLANNER_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "jsonpos.h"
#include "load.h"
#include "schedule.h"
#include "tz.h"

#define IMPORT_MAX_DEPTH 16

/* A name -> index map (open addressing); keys are borrowed and must outlive the map. */
struct name_index {
	const char **keys;
	size_t *vals;
	size_t cap, n;
};
void name_index_init(struct name_index *x);
void name_index_release(struct name_index *x);
/* The value stored under key, or -1. */
long name_index_get(const struct name_index *x, const char *key);
/* Stores key -> val unless key is there already; returns the value now stored. */
size_t name_index_put(struct name_index *x, const char *key, size_t val);

/* One end of a session's time, as the feed wrote it. */
enum point_kind {
	POINT_FLOATING,	/* civil time in the conference zone (decided later) */
	POINT_OFFSET,	/* civil time at a fixed offset (an absolute instant) */
	POINT_ZONE	/* civil time in a zone the feed named (ICS TZID) */
};
struct point {
	struct civil c;
	enum point_kind kind;
	int offset;		/* POINT_OFFSET: seconds east of UTC */
	bool derived;		/* the offset comes from a zone definition (ICS VTIMEZONE), not
				 * from the feed's text: it cannot contradict the declared zone */
	const struct tz *zone;	/* POINT_ZONE */
};

/* A session's time as read: a start, and an end or a duration. */
struct import_time {
	bool set;		/* the feed gave a usable start */
	bool has_end;		/* end is set; else `seconds` is the duration */
	struct point start, end;
	int64_t seconds;
};

/* A conference day as the feed declares it: its date and its span, read like session times. */
struct import_day {
	int year, month, day;
	struct point start, end;
};

/* Candidate ids of one session, tried in order (see import_finish). */
struct id_cand {
	char *primary;		/* owned; NULL if none */
	char *secondary;	/* owned; NULL if none */
};

struct importer {
	const char *buf;	/* the raw text (BOM skipped), for positions */
	size_t len;
	const char *name;	/* the input, for messages */
	struct schedule *s;
	const struct load_options *opt;

	/* The path to the value being read, for error positions. */
	struct json_step path[IMPORT_MAX_DEPTH];
	size_t depth;
	const char *what_kind, *what_id; /* messages start with kind "id" (im_set_what) */
	int line, col;		/* set (line > 0) by importers that know their position (XML):
				 * messages use it instead of locating the path in JSON */

	/* Rooms by name (import_room); for ids made unique, the next suffix to try for each
	 * wanted id (room_bases holds the keys, room_next the suffixes, by the same index). */
	struct name_index room_names, room_ids, room_suffix;
	struct strlist room_bases;
	int *room_next;
	bool too_many_rooms;	/* more than LOAD_MAX_ROOMS: import_finish fails */

	/* Per session (same index as s->sessions until import_finish sorts them). */
	struct import_time *times;
	struct id_cand *ids;
	size_t per_alloc_t;	/* the length of both arrays */
	const char *id_primary, *id_secondary; /* what the candidates are called, for the warning */

	/* Sessions whose time could not be used: a count and the first reason. */
	size_t bad_times;
	char bad_first[240];

	/* The conference days the feed declares (import_feed_day), made instants by import_finish;
	 * and the declared days that could not be read: a count and the first reason. */
	struct import_day *days;
	size_t ndays, days_alloc;
	size_t bad_days;
	char bad_day_first[160];

	/* The last type words import_type() mapped (a feed alternates a handful), and their
	 * types; type_next is the slot the next new word takes. */
	char type_word[4][64];
	enum session_type type_of[4];
	unsigned type_next;
};

void importer_init(struct importer *im, struct schedule *s, const char *buf, size_t len,
		   const char *name, const struct load_options *opt);
void importer_release(struct importer *im);

/* ---- Positions and errors. ---- */
/* The line and column (1-based, in characters) of byte offset `at` of buf. */
void import_position(const char *buf, size_t at, int *line, int *col);
void im_push_key(struct importer *im, const char *key);
void im_push_index(struct importer *im, size_t i);
void im_pop(struct importer *im);
/* Records "NAME:LINE:COL: [what: ]message" for the value at the current path; returns -1. */
int im_fail(struct importer *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for the member `key` of the current value. */
int im_fail_key(struct importer *im, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Makes messages start with `kind "id"` (the id made inert and cut only when a message is
 * made); kind and id are borrowed and must live until the next call; a NULL id ends it. */
void im_set_what(struct importer *im, const char *kind, const char *id);
/* "an object", "a string", ... */
const char *json_kind(const json_t *v);

/* ---- Typed getters (strict: a wrong type fails with the position). ---- */
/* A member that must be a non-empty string: *out gets a copy. */
int im_req_string(struct importer *im, const json_t *obj, const char *key, char **out);
/* A member that may be absent, null or a string; *out gets a copy or stays NULL ("" too). */
int im_opt_string(struct importer *im, const json_t *obj, const char *key, char **out);
/* A member that may be absent, null or an array of strings. */
int im_opt_strlist(struct importer *im, const json_t *obj, const char *key, struct strlist *out);
/* Required members of a kind; *out is borrowed from obj. */
int im_req_array(struct importer *im, const json_t *obj, const char *key, const json_t **out);
int im_req_object(struct importer *im, const json_t *obj, const char *key, const json_t **out);
/* Optional members of a kind: absent or null gives *out = NULL. */
int im_opt_array(struct importer *im, const json_t *obj, const char *key, const json_t **out);
int im_opt_object(struct importer *im, const json_t *obj, const char *key, const json_t **out);

/* ---- Lenient getters for other people's feeds. ---- */
/* The text of a value: a non-empty string, or a localized object ({"en": "..", "de": ".."}:
 * English, else the first non-empty string).  NULL for anything else.  Borrowed. */
const char *im_text(const json_t *v);
/* A copy of the same with line ends made "\n", also taking numbers (an integer id 42 gives
 * "42"); NULL when there is no text. */
char *im_text_dup(const json_t *v);
/* im_text of member `key` (NULL when absent or null); fails, with the position, only for an
 * array or a boolean. */
int im_opt_text(struct importer *im, const json_t *obj, const char *key, const char **out);
/* im_text_dup of member `key` into *out (left alone when there is no text); fails as above. */
int im_opt_text_dup(struct importer *im, const json_t *obj, const char *key, char **out);
/* Appends the names in array member `key`: strings, or objects whose first non-empty member
 * among name_keys is the name; objects whose "role" is skip_role (if not NULL) are left out. */
int import_people(struct importer *im, const json_t *obj, const char *key,
		  const char *const *name_keys, const char *skip_role, struct strlist *out);
/* Adds the links in array member `key` of obj to se: objects {"url", "title"?} (frab, c3voc);
 * a link that is not an object, has no url or one that is not http(s) is left out
 * (session_add_link). */
int import_links(struct importer *im, const json_t *obj, const char *key, struct session *se);

/* ---- The model. ---- */
/* Fails with "NAME: N sessions; planner reads at most LOAD_MAX_SESSIONS" when n is more than
 * that (the importers check the count a feed announces before reading its sessions). */
int import_check_sessions(struct importer *im, size_t n);
/* Appends a session with a fresh time record and id candidates; returns its index, or -1 with
 * error() set when there would be more than LOAD_MAX_SESSIONS. */
long import_add_session(struct importer *im);
/* The room called `name` (exactly), created with a unique slug id when new; its index.  Past
 * LOAD_MAX_ROOMS rooms no room is created (the last one's index is returned) and
 * import_finish fails. */
size_t import_room(struct importer *im, const char *name);
/* The same with a preferred id (e.g. a feed's slug); made unique if taken. */
size_t import_room_with_id(struct importer *im, const char *name, const char *id);
/* Adds room index r to session i (once). */
void import_session_room(struct importer *im, size_t i, size_t r);
/* A slug of s: ASCII letters and digits lowercased, runs of anything else as one '-' (UTF-8
 * letters kept unless ascii_only), at most 60 bytes; "" when nothing is left.  Caller frees. */
char *import_slug(const char *s, bool ascii_only);
/* Sets the conference id, name and url: id from the first usable of acronym, opt->name, title,
 * the input's file name; name from title, else opt->name, else the file name. */
void import_conference(struct importer *im, const char *acronym, const char *title,
		       const char *url);
/* The model's type for a feed's type word ("Lightning Talk", "LECTURE", "Talk 30 min + 10min
 * Q&A", "Workshop 60 Min"): the exact names and synonyms session_type_parse knows, then key
 * words; SESSION_OTHER when nothing matches, `dflt` for NULL or empty. */
enum session_type import_type(struct importer *im, const char *word, enum session_type dflt);
/* The level for a feed's level word ("Introductory and overview", "Expert"), LEVEL_NONE if
 * none is recognised. */
enum session_level import_level(const char *word);
/* A language code for a language name ("English" -> "en", "한국어" -> "ko"); the word itself
 * (borrowed) when it is already a code or unknown. */
const char *import_language(const char *word);

/* ---- Times. ---- */
/* Parses ISO 8601 text into a point: with an offset POINT_OFFSET, else POINT_FLOATING.
 * Returns 0, or -1 with the reason in error_message() (not an import failure). */
int import_point(const char *text, struct point *p);
/* Parses a duration: "HH:MM", "H:MM:SS", "D:HH:MM:SS" or ISO 8601 "PT1H30M"; seconds >= 0
 * (0, "00:00", is an event that takes no time).
 * Returns 0, or -1 (error() set with the reason). */
int import_duration(const char *text, int64_t *seconds);
/* Declares a conference day (schedule_add_feed_day once the zone is known): `date` is its
 * "YYYY-MM-DD" (NULL: the date of `start`), `start` and `end` its span in ISO 8601 (frab's
 * <day date start end>, frab JSON's day_start/day_end).  A day whose date or bounds cannot be
 * read is left out, and import_finish says so in one warning for all of them; a day with no
 * bounds at all (start or end NULL) is left out silently: its sessions keep calendar days. */
void import_feed_day(struct importer *im, const char *date, const char *start, const char *end);
/* frab's time rule, for schedule.json and schedule.xml alike: the start is `date` when it
 * carries a time of day (its instant wins over `start`), else the date of `date` or else of
 * `day_date`, plus `start` in the conference zone; the end is the start plus `duration`.  A
 * `date` in UTC beside a different local `start` (wafer) keeps its instant and gets the offset
 * between them (a zone to show it in, never contradicting the feed's zone).  Any
 * argument may be NULL.  A time that cannot be used is recorded with import_bad_time(). */
void import_frab_time(struct importer *im, size_t i, const char *date, const char *start,
		      const char *day_date, const char *duration);
/* Records that session i has no usable time because of `why` (the first reason is kept for
 * the one warning import_finish gives). */
void import_bad_time(struct importer *im, size_t i, const char *why);

/*
 * Ends an import: decides the conference zone, turns times into instants, assigns ids, warns,
 * and calls schedule_finish().  `declared` is the zone the feed names (NULL: none).  The zone:
 *   - the declared zone, when it is known and agrees with every non-zero offset in the feed;
 *     when the offsets contradict it they win and a warning says so once;
 *   - else the timezone option;
 *   - else, when every time carries the same whole-hour offset, the fixed IANA zone of that
 *     offset ("Etc/GMT-1" for +01:00), with a warning that names the assumption;
 *   - else UTC, with a warning.
 * `zone_note` replaces the generic "the feed names no time zone" in the last warnings (e.g.
 * "Sessionize times carry no time zone"); may be NULL.
 * Ids: each session's primary candidate when present and unique, else its secondary one when
 * unique, else a hash of title, start and rooms; any clash left gets "-2", "-3", ...; one
 * warning counts the fallbacks.  Returns 0, or -1 with error() set.
 */
int import_finish(struct importer *im, const char *declared, const char *zone_note);

/* ---- The importers. ---- */
int import_native(struct importer *im, const json_t *root);
int import_frab(struct importer *im, const json_t *root);
int import_c3voc2(struct importer *im, const json_t *root);
int import_pretalx(struct importer *im, const json_t *root);
int import_sessionize(struct importer *im, const json_t *root);
/* Reads the iCalendar text im->buf[0..len). */
int import_ics(struct importer *im);
/* Reads the frab/pentabarf schedule.xml text im->buf[0..len) (import_xml.c, on Expat). */
int import_xml(struct importer *im);

#endif
