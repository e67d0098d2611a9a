/* schedule.h: the one in-memory model of a conference timetable.
 *
 * Every importer produces this; nothing after loading knows which format a timetable came from.
 * Text is UTF-8.  Times are absolute instants (seconds since the epoch, UTC), shown in the
 * conference time zone unless the user asks for another.
 */
#ifndef PLANNER_SCHEDULE_H
#define PLANNER_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tz;

enum session_type {
	SESSION_TALK,
	SESSION_KEYNOTE,
	SESSION_LIGHTNING,
	SESSION_TUTORIAL,
	SESSION_WORKSHOP,
	SESSION_PANEL,
	SESSION_BREAK,
	SESSION_SOCIAL,
	SESSION_OTHER,
	SESSION_TYPE_COUNT
};

enum session_level {
	LEVEL_NONE,
	LEVEL_BEGINNER,
	LEVEL_INTERMEDIATE,
	LEVEL_ADVANCED,
	LEVEL_COUNT
};

/* "talk", "keynote", ...; and back (-1 if unknown; accepts common synonyms such as "lightning
 * talk", "session", "keynote speech", case-insensitively). */
const char *session_type_name(enum session_type t);
int session_type_parse(const char *s);
/* "beginner", "intermediate", "advanced" ("" for none); and back (-1 if unknown; accepts
 * 초급/중급/고급, "basic", "novice", "expert", "all", case-insensitively; "all"/"any" is LEVEL_NONE). */
const char *session_level_name(enum session_level l);
int session_level_parse(const char *s);

struct strlist {
	char **v;
	size_t n, alloc;
};
void strlist_init(struct strlist *l);
void strlist_release(struct strlist *l);
/* Appends a copy of s. */
void strlist_push(struct strlist *l, const char *s);
/* Index of s in l (byte equality), or -1. */
long strlist_find(const struct strlist *l, const char *s);

struct conference {
	char *id;       /* slug */
	char *name;     /* inert text (text_sanitize()d by the loader): printed as it is */
	char *timezone; /* IANA name */
	char *url;      /* may be NULL */
	char *venue;    /* may be NULL */
};

struct room {
	char *id, *name;
	char *floor, *building; /* may be NULL */
	/* text_fold() of id and name, as --room compares them: from the snapshot, which stores
	 * them; NULL when the schedule was parsed from its feed (matching then folds) */
	char *fold_id, *fold_name;
};

/* A session's text in the form filters, preferences and search compare: text_fold() (NFC,
 * case-folded) of each field, NULL where the field is NULL.  The snapshot stores these forms,
 * computed once when it is written, so that a warm command folds only what the user typed.  A
 * schedule parsed from its feed has none (every pointer NULL): matching then folds as it goes. */
struct session_fold {
	char *title, *subtitle, *abstract, *description, *track, *language;
	char **speakers, **tags;   /* speakers.n and tags.n of them */
};

struct session {
	char *id;                  /* stable across versions of the timetable */
	char *title;
	char *subtitle, *abstract, *description; /* may be NULL */
	struct strlist speakers, tags;
	/* The links the feed gives (slides, a project page, a recording): link_urls.v[i], an
	 * http or https URL, titled link_titles.v[i] ("" when the feed gives none); as many of
	 * each (session_add_link keeps them so). */
	struct strlist link_titles, link_urls;
	char *track;               /* may be NULL */
	enum session_type type;
	enum session_level level;
	char *language;            /* may be NULL */
	char *url;                 /* may be NULL */
	bool do_not_record;        /* the speakers opted out of recording (frab) */
	size_t *rooms;             /* indexes into schedule.rooms; several for a plenary */
	size_t nrooms;
	bool has_time;             /* start/end are set */
	int64_t start, end;        /* instants; start <= end when has_time (== : it takes no time,
				    * an event at an instant, RFC 5545 3.6.1) */
	bool scheduled;            /* has_time and at least one room */
	int day;                   /* index into schedule.days, -1 when !has_time */
	struct session_fold fold;  /* owned; see above */
};

/* A conference day.  Where the feed declares its days (frab's <day date start end>, frab JSON's
 * day_start/day_end), a day is the span the feed gives, named by the feed's date: a talk at
 * 00:50 belongs to the night of the day before.  Otherwise a day is a calendar date in the
 * conference time zone, from local midnight to the next.  See schedule_finish for the rule,
 * which also settles the bounds: a day's [start, end) holds the starts of its sessions, and days
 * do not overlap. */
struct day {
	int year, month, day;      /* the date the day is named by */
	int64_t start;             /* its first instant: the feed's day start, or local midnight */
	int64_t end;               /* exclusive: the feed's day end, or the next local midnight */
};

struct schedule {
	struct conference conf;
	const struct tz *tz;       /* the conference zone (owned by the tz module) */
	struct room *rooms;
	size_t nrooms, rooms_alloc;
	struct session *sessions;
	size_t nsessions, sessions_alloc;
	struct day *days;          /* the days that hold a timed session, in order */
	size_t ndays;
	/* the days the feed declares (schedule_add_feed_day), until schedule_finish uses them */
	struct day *feed_days;
	size_t nfeed_days, feed_days_alloc;
	char *source;              /* where it was loaded from, for messages; may be NULL */
	size_t *by_id;             /* session indexes in id order, for schedule_find_session
				    * (schedule_index); NULL: none yet */
	/* Read from a snapshot, the text fields point into its bytes, kept here (malloc()ed, or
	 * mapped with mmap when strings_mapped) instead of one allocation a string; NULL
	 * otherwise.  schedule_release() releases them whole, and frees one by one only the strings
	 * outside them. */
	char *strings;
	size_t strings_len;
	bool strings_mapped;
	/* ... and its sessions' lists (speakers, tags, their folded forms, links, rooms) are
	 * carved from this one allocation of `narrays` slots, freed whole: such a list is
	 * read-only. */
	void *arrays;
	size_t narrays;
	/* plan.h's schedule_fingerprint() as the snapshot stored it (computed when it was
	 * written), or "" when not known */
	char fingerprint[17];
	/* The walking minutes the user set between rooms (venue.h: `planner rooms walk`, a walk
	 * between two buildings given for each pair of their rooms), sorted by (a, b) with a < b:
	 * schedule_walk() reads them.  Owned; none from a feed or a snapshot.  (One between two
	 * buildings is kept as such, below: every pair of their rooms could be a million.) */
	struct room_walk *walks;
	size_t nwalks, walks_alloc;
	/* ... and between two buildings (any room of one to any room of the other), unsorted. */
	struct building_walk *building_walks;
	size_t nbuilding_walks, building_walks_alloc;
};

/* A walk the user set: `minutes` between rooms a and b (indexes, a < b), either way. */
struct room_walk {
	size_t a, b;
	int minutes;
};

/* A walk the user set between two buildings, named as the rooms' `building` (owned copies). */
struct building_walk {
	char *a, *b;
	int minutes;
};

/* The bytes of one slot of schedule.arrays: a char * or a size_t. */
#define SCHEDULE_ARRAY_SLOT (sizeof(char *) > sizeof(size_t) ? sizeof(char *) : sizeof(size_t))

void schedule_init(struct schedule *s);
void schedule_release(struct schedule *s);

/* Appends a zeroed room / session and returns it (borrowed; valid until the next add). */
struct room *schedule_add_room(struct schedule *s);
struct session *schedule_add_session(struct schedule *s);
/* Index of the session with this id, or -1. */
long schedule_find_session(const struct schedule *s, const char *id);
/* Builds s->by_id, so that schedule_find_session is a binary search rather than a walk over
 * every session (schedule_finish and the snapshot reader call it; adding a session drops it). */
void schedule_index(struct schedule *s);

/* What a user typed for a session: the session whose id is `id`, else the only one whose id
 * starts with it (at least 4 characters, for long ids such as frab's UUIDs), else the same
 * typed in another case (case-folded: "kjpmem" finds KJPMEM).  Its index; -1 when none
 * matches, -2 when it fits several. */
long schedule_match_session(const struct schedule *s, const char *id);

/* The bytes of se's id that no other session's id starts with (at least 4, at most the whole
 * id): a prefix of that length, shown, can be typed back (schedule_match_session). */
size_t schedule_id_prefix(const struct schedule *s, const struct session *se);

/* Puts every session id in NFC, as ids are shown and typed: a feed made on macOS may carry
 * decomposed Hangul, and the same id in both forms is one id (schedule_finish does it too). */
void schedule_normalize_ids(struct schedule *s);
/* The index of a session whose id an earlier session already has, or -1. */
long schedule_duplicate_session(const struct schedule *s);

/* A conference day the feed declares: the date it is named by and its span [start, end) (frab's
 * <day date start end>, frab JSON's day_start/day_end).  An importer declares its days before
 * schedule_finish; a feed that declares none has calendar days. */
void schedule_add_feed_day(struct schedule *s, int year, int month, int day, int64_t start,
			   int64_t end);

/* After loading: sorts sessions (by start, then room, then id; untimed last), computes
 * scheduled flags and the days.  Fails (error() set, EX_DATAERR) on duplicate session ids.
 *
 * The days: a timed session belongs to the declared day whose span holds its start.  One outside
 * every declared span belongs to the declared day of its calendar date (in the conference zone)
 * next to it — a breakfast before the day's declared start, a party after its end — else to the
 * calendar day of its start, as in a feed that declares none.  A declared day is ignored, with
 * one warning for all of them, when its span is empty, starts on another date than its own (in
 * the conference zone), or overlaps or repeats the date of one that starts before it.  Every
 * day's [start, end) then holds the starts of its sessions (a day grows to hold the sessions it
 * took in; a calendar day beside a declared one ends where that one starts), days do not
 * overlap, and a session's day never comes before the day of a session that starts earlier.
 * Only the days that hold a session are kept in s->days. */
int schedule_finish(struct schedule *s);

/* The index of the day whose [start, end) holds instant t, or -1. */
int schedule_day_at(const struct schedule *s, int64_t t);

/* The display name of a session's room(s): "컨벤션 홀 1", "all rooms", "r1 + r2", or "" when
 * none.  Caller frees. */
char *session_room_label(const struct schedule *s, const struct session *se);

/* The walking minutes the user set between rooms a and b (either order): the walk between the
 * two rooms, else the walk between their buildings (both known and different); -1 when none (a
 * == b: -1 too; staying takes no walk). */
int schedule_walk(const struct schedule *s, size_t a, size_t b);
/* True if the user set any walk (between rooms or buildings). */
bool schedule_has_walks(const struct schedule *s);
/* Sets the walk between buildings a and b (different names) to `minutes`, replacing one set
 * before; minutes < 0 removes it. */
void schedule_set_building_walk(struct schedule *s, const char *a, const char *b, int minutes);
/* Sets the walk between rooms a and b (a != b) to `minutes`, replacing one set before;
 * minutes < 0 removes it. */
void schedule_set_walk(struct schedule *s, size_t a, size_t b, int minutes);
/* Replaces room r's floor and building (NULL: not known) with copies of the values given. */
void schedule_room_place(struct schedule *s, size_t r, const char *floor, const char *building);
/* Where room r is, for a listing: "floor 3, Main" (a floor that is a whole number is "floor N",
 * any other as the timetable or the user wrote it: "B1", "3F"), or "" when neither is known.
 * Caller frees. */
char *room_place(const struct room *r);
/* True when two rooms of s differ in floor or building (one known, the other not, counts): only
 * then does a listing say where a session's room is (a timetable whose rooms are all on B1 need
 * not say so on every line). */
bool schedule_places_differ(const struct schedule *s);
/* session_room_label() with the room's place after it, when the session is in one room whose
 * floor or building is known and schedule_places_differ(): "컨벤션 홀 1 (floor 3)".  Caller
 * frees. */
char *session_place_label(const struct schedule *s, const struct session *se);
/* Whether se is on at instant `at`: it has a time and [start, end) holds at, or, for one that
 * takes no time, at is its instant (now, next, here). */
bool session_on_at(const struct session *se, int64_t at);

/* The room-change rule, for every listing, plan and count: going from session a to session b
 * changes rooms when each is in exactly one room and they are not the same one.  A session in no
 * room or in several (a keynote in every hall) changes nothing; NULL a or b: false. */
bool session_room_change(const struct session *a, const struct session *b);
/* The other side of the rule: a and b are each in exactly one room, the same one (NULL: false). */
bool session_same_room(const struct session *a, const struct session *b);

/* Appends a link to se: url without surrounding blanks, title ("" for NULL) as it is.  Only an
 * http:// or https:// URL (the scheme in any case) with no control character or space in it is
 * kept: false, and nothing added, for any other (javascript:, file:, a relative or empty one). */
bool session_add_link(struct session *se, const char *title, const char *url);

/* Frees se->fold, leaving every pointer NULL (a session whose text changed). */
void session_fold_release(struct session *se);

#endif
