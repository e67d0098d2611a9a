/* plan_edit.h: editing the saved plan by hand, as `planner add`, `drop` and `pin` do — the
 * session a user typed, resolved against the timetable, then added, pinned or dropped. */
#ifndef PLANNER_PLAN_EDIT_H
#define PLANNER_PLAN_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "schedule.h"

struct plan;

/* The session of s a user typed: its exact id, the same id in NFC, else the only id that starts
 * with it (at least 4 characters; schedule_match_session).  0 with *index its index, or -1 when
 * nothing matches; -1 with error() set (EX_DATAERR) when the prefix fits several ids. */
int plan_edit_resolve(const struct schedule *s, const char *typed, long *index);

/* `planner add` (pin false) and `planner pin` (pin true): adds the session typed to p (kept in
 * time order; one already planned stays once) and, with pin, pins it; without, records it as
 * added by hand (p->added).  Either takes it off p->dropped.  *added gets the session
 * (borrowed from s).  0, or -1 with error() set (EX_DATAERR): an ambiguous prefix, no such
 * session (with a "did you mean" when one id is close), or a session without a time. */
int plan_edit_add(struct plan *p, const struct schedule *s, const char *typed, bool pin,
		  const struct session **added);

/* `planner unpin`: the session typed (resolved as for drop) stays in p but is no longer pinned.
 * *unpinned gets its id (borrowed).  0, or -1 with error() set (EX_DATAERR): an ambiguous prefix,
 * or a session that is not pinned. */
int plan_edit_unpin(struct plan *p, const struct schedule *s, const char *typed, const char **unpinned);

/* `planner drop`: removes the session typed from p's entries and pins — the timetable's id when
 * it resolves, else the id as typed (a session the timetable no longer has).  *dropped gets the id
 * removed (borrowed: from s, or typed itself).  0, or -1 with error() set (EX_DATAERR): an
 * ambiguous prefix, or an id that is not planned.  It goes on p->dropped: later picks leave it out. */
int plan_edit_drop(struct plan *p, const struct schedule *s, const char *typed, const char **dropped);

/* `planner here`: the session on at instant `at` (plan.h's now rule: start <= at < end, or at
 * the instant of one that takes no time) in the room typed — matched as --room matches, its id or
 * a part of its name — goes into p in place of the planned sessions on then: it is added by hand
 * (p->added, as plan_edit_add) and they are dropped by hand (p->dropped, as plan_edit_drop), so
 * later picks leave the dropped out and update keeps the added.  *here gets the session; dropped (initialized by the caller) gets the
 * ids dropped.  `when` names the instant in messages ("14:05").  0; 1 when it is planned already (p unchanged); -1 with error() set (EX_DATAERR),
 * p unchanged: no room of that name (with a "did you mean"), nothing on in it then, or several
 * sessions on in rooms of that name (naming them). */
int plan_edit_here(struct plan *p, const struct schedule *s, const char *room, int64_t at,
		   const char *when, const struct session **here, struct strlist *dropped);

/* After edits: records that p now goes with timetable s (its fingerprint) as of `now` (seconds
 * since the epoch, made_at). */
void plan_edit_stamp(struct plan *p, const struct schedule *s, int64_t now);

#endif
