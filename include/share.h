/* share.h: plans that move between people and tools — a portable list of session ids (what
 * `planner plan --ids` prints), another planner's plan file, or an .ics of starred talks
 * exported by pretalx or Sched — read into one neutral list, and its items matched to the
 * sessions of a timetable (by id, UID, URL, then title and start time).
 *
 * The list format (README.md, "Sharing a plan"): UTF-8 text, one session id a line; blank
 * lines and lines starting with '#' are ignored, and so is " #..." after an id; a first line
 *     # planner plan: conference CONFERENCE-ID [URL]
 * names the conference (and the URL of its timetable) the ids belong to.
 */
#ifndef PLANNER_SHARE_H
#define PLANNER_SHARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

/* The header line's start, and the most items a list may hold (LOAD_MAX_SESSIONS). */
#define SHARE_HEADER "# planner plan: conference "

enum share_kind { SHARE_IDS, SHARE_PLAN, SHARE_ICS };

/* One session as the other plan names it; every field may be NULL. */
struct share_item {
	char *id;               /* a session id (a list, a plan file) */
	char *uid;              /* an iCalendar UID */
	char *url;
	char *title;
	bool has_time;
	int64_t start, end;
	char *room;             /* the room's name or label */
};

struct share_list {
	enum share_kind kind;
	char *conference;       /* the conference id it names; NULL: none */
	char *url;              /* the timetable URL of a list's header; NULL: none */
	struct share_item *items;
	size_t n, alloc;
};

void share_list_init(struct share_list *l);
void share_list_release(struct share_list *l);

/* The bytes of `source`: "-" (standard input), a URL (fetch.h, http/https/file) or a file.
 * Caller frees *buf (NUL-terminated; *len its length).  0, or -1 with error() set. */
int share_read(const char *source, char **buf, size_t *len);

/* Parses buf[0..len) — an iCalendar file (BEGIN:VCALENDAR), a plan file (a JSON object) or a
 * list — into l (initialized).  `name` names the input in messages; `zone` is the IANA zone
 * floating .ics times are read in (the timetable's).  0, or -1 with error() set (EX_DATAERR
 * naming the input and the problem). */
int share_parse(struct share_list *l, const char *buf, size_t len, const char *name,
		const char *zone);

/* How an item was matched. */
enum share_how { SHARE_NONE, SHARE_BY_ID, SHARE_BY_UID, SHARE_BY_URL, SHARE_BY_TITLE };
/* "id", "UID", "URL", "title and time"; "" for SHARE_NONE. */
const char *share_how_name(enum share_how how);

struct share_match {
	long session;           /* index into the timetable's sessions, -1: none */
	enum share_how how;
	long near;              /* when none: the session with the item's title at another time
				 * (the timetable moved it?), else -1 */
};

/* Matches each item of l to a session of s: its id (exact, or in NFC; in a list also the start
 * of one id, as `planner add` takes it: schedule_match_session); else its UID — whole,
 * the part before '@' (planner's own "<id>@<conference>.planner"), or that part's last
 * '-'-separated piece (pretalx's "pretalx-<event>-<code>@<host>"); else its URL (the session's
 * url, ignoring the scheme, the host's case and a trailing '/'; or its last path segment as an
 * id: pretalx's ".../talk/<code>/"); else its title (case and normalization form ignored) and
 * start time, preferring the session in its room (near: one of the same title at another
 * time).  m[i] gets item i's match (m has l->n
 * entries). */
void share_match(const struct share_list *l, const struct schedule *s, struct share_match *m);

/* The name of item it for messages: its id, else its title, else its UID or URL ("?" when it
 * has none).  Borrowed from it. */
const char *share_item_label(const struct share_item *it);

/* Whether list l (a list or plan file naming a conference, or not) may be used with timetable s:
 * 0, or -1 with error() set (EX_DATAERR): "NAME: a plan for conference 'X', not for 'Y' (choose
 * its timetable with -s X[, after 'planner fetch URL'])", the URL the list's header names. */
int share_check_conference(const struct share_list *l, const struct schedule *s, const char *name);

#endif
