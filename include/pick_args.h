/* pick_args.h: the preference options of one `pick` — what they set (pick_settings), the options
 * as typed (shown, and saved with the plan), which of them the config file's defaults may add —
 * and the plan a pick leaves: the old plan updated with the result.
 *
 * Which options exist is pick's option table in the command layer; this is what a pick does
 * with the ones given. */
#ifndef PLANNER_PICK_ARGS_H
#define PLANNER_PICK_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pick.h"
#include "schedule.h"

struct plan;

struct pick_args {
	struct pick_settings set;
	struct strlist args;    /* "--track", "asyncio", "--fill", ...: as given, in their order */
	size_t typed;           /* args[0..typed) came from the command line, the rest are defaults */
};

void pick_args_init(struct pick_args *a);
void pick_args_release(struct pick_args *a);

/* Preference option --name with value (NULL for one that takes none), typed on the command line:
 * applied (pick_settings_apply) and recorded.  1 when it is a preference option, 0 when not, -1
 * with error() set for a bad value.  Give every typed option before the first default. */
int pick_args_typed(struct pick_args *a, const char *name, const char *value);
/* Whether the command line gave option --name; for --weight, one of the same KIND as value
 * ("speaker=10": a typed --weight speaker=N). */
bool pick_args_given(const struct pick_args *a, const char *name, const char *value);
/* A default (the config file's) for option --name: applied and recorded like a typed option,
 * unless the command line gave the option (pick_args_given): the command line wins.  1 when
 * applied, 0 when the command line overrides it, -1 with error() set for a bad value. */
int pick_args_default(struct pick_args *a, const char *name, const char *value);

/* The new saved plan p after a pick (rq, r): the sessions of the planned day (every day when
 * rq->day < 0), and those the timetable no longer has, are replaced by the chosen ones; the
 * pins and avoided sessions become rq's; the preferences become `args` (NULL: p's stay, as
 * when they were replayed); stamped at `now`, with rq's travel time. */
void pick_plan_update(struct plan *p, const struct pick_request *rq, const struct pick_result *r,
		      const struct strlist *args, int64_t now);

#endif
