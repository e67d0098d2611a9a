/* team.h: planning as a team — k people, one set of preferences, who attends what.
 *
 * Chooses items (solve.h's solve_item: intervals, rooms, scores, pins, exclusions) and for each
 * chosen item one member who attends it, so that every member's items are compatible under the
 * travel rule of solve.h and the total score of the distinct items covered is the highest
 * possible; among equal totals, the fewest room changes summed over the members.  Exact.
 *
 * This is the maximum-weight k-colourable subgraph of an interval graph (Carlisle and Lloyd
 * 1995), solved as a min-cost flow: every usable item is a node of capacity 1 and cost -score
 * (scaled so that a room change costs less than any score difference), a unit can go from an
 * item to every item that can follow it (cost 1 for a room change, else 0), and k units flow
 * from a source to a sink (also directly: a member may have nothing to attend).  Each unit is
 * one member's day.  Instead of an arc for every compatible pair, members wait on chains (one
 * over every item, one per room, one for plenaries), so the network has O(n) arcs plus, per
 * item, one for each item of another room that starts within the longest walk of its end
 * (team.c).  Successive shortest paths with potentials (Dijkstra with a heap): about
 * O(k (n + w) log n) time for n usable items and w such short-walk pairs, O(n) memory.  A pinned
 * item (must be attended by someone) costs so much less than any combination of scores that
 * every pin is covered whenever k members can cover them all.
 *
 * Greedy — the best plan for one member, then the best of the rest for the next — is not
 * optimal (items [0,2) 2, [2,3) 5, [1,3) 3, [0,1) 2 and k = 2: greedy 10, the optimum 12).
 *
 * The per-day cap (max_per_day) is not supported: a problem with one is refused.
 */
#ifndef PLANNER_TEAM_H
#define PLANNER_TEAM_H

#include <stddef.h>
#include <stdint.h>

struct solve_problem;

struct team_result {
	int nmembers;
	size_t **member;      /* member[m]: indexes into items, in time order (nmember[m] of them) */
	size_t *nmember;
	int64_t total_score;  /* the sum of the chosen items' scores (each item counted once) */
	int room_changes;     /* consecutive pairs in different rooms, summed over the members */
	size_t unmet_pin;     /* after a failure for pins: a pinned item no member could attend;
			       * SIZE_MAX otherwise */
};

void team_result_init(struct team_result *r);
/* Frees what r owns and leaves it initialized. */
void team_result_release(struct team_result *r);

/* Fills r (initialized; what it held is released first) with the best plan for `members`
 * people (1..TEAM_MAX_MEMBERS).  Members are ordered by their first item (members with
 * nothing come last).  Returns 0; or -1 with error() set (EX_DATAERR) when the problem breaks
 * solve.h's rules, has a per-day cap, has scores too large to combine, or when pins need more
 * members at once than there are (unmet_pin names one). */
int team_solve(const struct solve_problem *p, int members, struct team_result *r);

#define TEAM_MAX_MEMBERS 64

#endif
