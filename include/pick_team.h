/* pick_team.h: pick for a team — k members, one set of preferences, who attends what.
 *
 * Builds pick's problem (pick.h: the same candidates, scores, pins, exclusions, breaks, blocks
 * and travel rule) and solves it with team.h's exact min-cost flow, so that the distinct
 * sessions the members cover together earn the most points.  Members may have constraints of
 * their own: sessions only they attend (pins) and times only they are busy (blocks).
 *
 * Exactness with member constraints: the flow treats members alike, so it is solved with every
 * member's pins as team pins (someone attends) and without the members' own blocks — a problem
 * whose best total is at least that of the constrained one.  When its members' days can be
 * handed out so that each member gets a day holding all of their pins, no other member's pin
 * and nothing in their blocks (a bipartite matching, found exactly), that is the best plan:
 * `exact` is set.  Otherwise (rare: it needs pins or blocks that pull against the best plan) the
 * members with constraints are planned one at a time, in the order given, each the best day
 * for them on what is left (pick's exact solver), and then the others together with the flow;
 * that plan keeps every constraint but is not proven the best: `exact` is false.  (Planning with
 * members' own pins is precoloring extension of an interval graph, NP-complete in general.)
 */
#ifndef PLANNER_PICK_TEAM_H
#define PLANNER_PICK_TEAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pick.h"

/* A member and their own constraints: own.must (session ids only they attend) and own.busy
 * (pick_add_block() on own: times only they are not free); the rest of own is not used. */
struct pick_member {
	char *name;                /* owned */
	struct pick_request own;   /* pick_request_init()ed on the same timetable */
};

struct pick_team {
	struct pick_result r;      /* the candidates (pick.h); r.chosen: every session covered,
				    * in time order; r.total_points: their points, each once */
	int nmembers;
	size_t **member;           /* member[m]: indexes into r.cand, in time order */
	size_t *nmember;
	int *room_changes;         /* per member (pick_room_changes) */
	bool exact;                /* proven the best plan (see above) */
};

void pick_team_init(struct pick_team *t);
void pick_team_release(struct pick_team *t);

/* Plans for members m[0..n) (1..TEAM_MAX_MEMBERS).  0, or -1 with error() set: pick_run's
 * failures, a member's pin that is not a candidate, avoided, inside a break or the member's own
 * block, or pinned by two members; pins that need more members at once than there are. */
int pick_team_run(const struct pick_request *rq, struct pick_member *m, int n,
		  struct pick_team *t);

#endif
