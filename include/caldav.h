/* caldav.h: puts events into a CalDAV calendar (RFC 4791) and keeps them in step — the client
 * behind `planner push`.  Transport is fetch.h's http_request(); the server's XML replies
 * (multistatus) are read with Expat (this module is the one in store/ that includes <expat.h>).
 *
 * Finding the calendar: a URL that is a calendar is taken as is; from a server URL planner asks
 * `/.well-known/caldav` (RFC 6764), then `current-user-principal`, its `calendar-home-set`, and
 * lists the home's calendars (Depth 1); it takes the one with the name asked for (display name
 * or last path segment), or the only one.  `create` makes a missing one (MKCALENDAR).
 *
 * One resource per event, named by a hash of its UID ("<16 hex digits>.ics": never a raw UID in
 * a path); hrefs the server gives are used as given.  A new event is PUT with `If-None-Match: *`,
 * a changed one with `If-Match` and the ETag the server gave last time, and an event that left
 * the list is DELETEd with `If-Match`.  A 412 (the event was changed on the server since) is
 * not overwritten unless `force`: it is named in the report and the rest goes on.  A server
 * that answers a PUT without an ETag is asked for it (PROPFIND getetag).
 *
 * What was pushed is remembered per calendar and conference in a state file (caldav_state_dir()),
 * whatever URL led to the calendar: the calendar's URL, its ctag / sync-token after the last push,
 * and for each event its id, content hash, href, ETag and title.  It is written atomically
 * after every few requests and at the end, so a run that fails half-way leaves it true and a
 * rerun finishes the job.  With nothing to do and the calendar's ctag / sync-token unchanged, a
 * push is one request.
 */
#ifndef PLANNER_CALDAV_H
#define PLANNER_CALDAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One event to push. */
struct caldav_item {
	const char *id;         /* a stable key (the session id) */
	const char *uid;        /* the event's UID: its resource name is made from it */
	const char *title;      /* for messages */
	const char *text;       /* the calendar object (one VCALENDAR) */
	size_t len;
	uint64_t hash;          /* of its content: a different hash is a changed event */
};

/* Called after each event's request: done of total. */
typedef void (*caldav_progress_fn)(void *data, size_t done, size_t total);

struct caldav_push_opts {
	const char *url;        /* a server or calendar URL (http or https, no user information) */
	const char *calendar;   /* the calendar to choose or create, by name; NULL: the only one */
	const char *new_name;   /* the name `create` gives a calendar when `calendar` is NULL */
	const char *user, *password; /* NULL user: ~/.netrc, or none */
	const char *cacert;     /* trusted CAs (PEM); NULL: the system's */
	bool create;            /* MKCALENDAR when the calendar does not exist */
	bool force;             /* overwrite and delete events changed on the server */
	const char *state_dir;  /* caldav_state_dir() */
	const char *key;        /* whose events these are: the conference id */
	caldav_progress_fn progress; /* may be NULL */
	void *progress_data;
};

/* What a push did.  Strings owned by the report (caldav_report_release). */
struct caldav_report {
	char *calendar;         /* the calendar's URL */
	bool made;              /* created by this push */
	bool up_to_date;        /* nothing was sent but the one check */
	size_t created, updated, deleted, unchanged;
	char **conflicts;       /* titles of events changed on the server and left as they are */
	size_t nconflicts;
	char **failures;        /* "TITLE: why" for events the server refused */
	size_t nfailures;
	unsigned requests;      /* HTTP requests sent */
};

void caldav_report_init(struct caldav_report *r);
void caldav_report_release(struct caldav_report *r);

/* $XDG_STATE_HOME/planner/caldav, where pushes keep their state: for each calendar and key
 * (conference) "<key>-<hash of the calendar URL>.state", and for each URL, user and calendar
 * name a push was given "<key>-<hash of them>.where", the calendar URL found for them; file names
 * safe whatever the values.  A push takes "<key>-0000000000000000.lock" (CALDAV_LOCK_SECONDS).
 * Caller frees; NULL with error() set when no state directory can be found. */
#define CALDAV_LOCK_SECONDS 10
char *caldav_state_dir(void);

/* Makes the calendar hold exactly items[0..n) of those this state pushed (n may be 0).  0 with
 * *rep filled (conflicts and failures included: the caller decides the exit status), or -1
 * with error() set when the push had to stop (*rep says what was done): EX_NOPERM the server
 * refused the credentials (401, 403); EX_NOINPUT no such calendar, or several to choose from
 * (the message names them); EX_PROTOCOL not a CalDAV server, or an answer planner cannot read;
 * EX_UNAVAILABLE a 5xx; and fetch's statuses for transport failures.  The state file is left
 * consistent either way. */
int caldav_push(const struct caldav_push_opts *o, const struct caldav_item *items, size_t n,
		struct caldav_report *rep);

/* Reads a multistatus body (for tests): the number of <response> elements, or -1 with error()
 * set (EX_PROTOCOL) when it is not well-formed or declares entities. */
long caldav_parse_count(const char *body, size_t len);

#endif
