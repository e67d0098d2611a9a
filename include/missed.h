/* missed.h: what you wanted and did not see — `planner missed`.
 *
 * A session was wanted when the preferences the plan was made with give it points, or when you
 * pinned or added it by hand at some time (the plan or its history says so), or dropped it by
 * hand from your plan.  It was missed when it is not in the plan; the reason is the first that
 * holds of: dropped by hand; it overlaps a planned session; it leaves too little time to walk to
 * or from a planned session on its day; it falls in a break or block the plan keeps free; its
 * day already has the plan's most sessions a day; else nothing planned kept it out.  Best first:
 * the most points, then the earliest start, then the timetable's order.
 *
 * Pure: the moment is given (never read from the clock), nothing is printed.
 */
#ifndef PLANNER_MISSED_H
#define PLANNER_MISSED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schedule.h"

struct pick_request;
struct plan;

enum missed_reason {
	MISSED_DROPPED,         /* you dropped it by hand */
	MISSED_OVERLAP,         /* it overlaps planned session `with` */
	MISSED_WALK,            /* too little time to walk to or from planned session `with` */
	MISSED_BUSY,            /* inside a break or block the plan keeps free (`busy`) */
	MISSED_CAP,             /* its day had the plan's most sessions a day */
	MISSED_FREE,            /* nothing planned kept it out: it is simply not in the plan */
};

/* missed.hand: how you wanted it by hand */
#define MISSED_PINNED  1u       /* pinned in the plan or a version of its history */
#define MISSED_ADDED   2u       /* added by hand, in the plan or a version of its history */

struct missed {
	size_t session;         /* index into s->sessions */
	int64_t points;         /* preference points (hundredths) */
	char *why;              /* the reasons for the points, "" when none (owned) */
	unsigned hand;          /* MISSED_PINNED | MISSED_ADDED */
	enum missed_reason reason;
	long with;              /* MISSED_OVERLAP, MISSED_WALK: the planned session (an index into
				 * s->sessions); MISSED_DROPPED: the first planned session it
				 * overlaps, or -1; else -1 */
	int walk_minutes;       /* MISSED_WALK: the minutes the walk needs */
	bool walk_to;           /* MISSED_WALK: the walk is to `with` (after it), else from it */
	bool day_empty;         /* MISSED_FREE: the plan has nothing on its day */
	const char *busy;       /* MISSED_BUSY: the break or block's label (borrowed from the
				 * request: "break 12:00-13:00") */
	size_t *videos;         /* the session's links to videos (its recording, or another one a
				 * speaker linked): indexes into its link_urls (owned; NULL when
				 * none) */
	size_t nvideos;
};

struct missed_request {
	/* the pick the plan was made with (pick_request_saved): preferences, travel rule, breaks
	 * and blocks, the cap */
	const struct pick_request *rq;
	const struct plan *plan;
	/* the sessions the plan's history pinned or added by hand (plan_history_hand); NULL:
	 * none */
	const struct strlist *once_pinned, *once_added;
	int64_t until;          /* only sessions that ended by then (INT64_MAX: every one) */
	int day;                /* a day index, or -1 for every day */
};

/* The sessions of mr->rq->s you wanted and missed, best first, into *out (caller frees with
 * missed_free; never NULL), their number in *n.  Sessions without a time, breaks, sessions
 * avoided (pick --avoid) and those still in the plan are never missed. */
void missed_find(const struct missed_request *mr, struct missed **out, size_t *n);
void missed_free(struct missed *v, size_t n);

/* Whether a session link (its title and its URL) is a video: a URL on a site that
 * publishes conference videos (media.ccc.de, YouTube, Vimeo, archive.org, Naver TV, Kakao TV),
 * or a title that says so ("Recording", "Video", "Aufzeichnung", "영상", "녹화"). */
bool missed_link_is_video(const char *title, const char *url);

#endif
