/* export.h: which events `planner export` writes — the saved plan's sessions (with the ones the
 * timetable cancelled since, and each one's "room full?" alternative), or the timetable's
 * sessions that the list filters match (every one for --all).  ics.h writes them. */
#ifndef PLANNER_EXPORT_H
#define PLANNER_EXPORT_H

#include <stddef.h>

#include "ics.h"
#include "schedule.h"

struct filter;
struct plan;

/* The events of saved plan p in timetable s: one per planned session, in time order (the time
 * it has now; a cancelled one at its planned time; then by id) — the session as the timetable
 * has it, how it was planned, whether the timetable cancelled it (dropped it or took its time
 * away), and its alternative under `saved`, the preferences the plan was made with (as the command
 * layer replays them: pick_request_saved).  *ev (caller frees)
 * and *n get them, *cancelled how many are cancelled.  0, or -1 with error() set (EX_NOINPUT)
 * when there is no plan or it is empty; *ev is then NULL. */
struct pick_settings;
int export_select_plan(const struct schedule *s, const struct plan *p, struct pick_settings *saved,
		       struct ics_event **ev, size_t *n, size_t *cancelled);

/* Adds to the plan export *ev (n events, reallocated and sorted again) an event for every session
 * an earlier plan export wrote (state st) that is no longer in plan p: it is written cancelled,
 * as it was last written (or, for a state that does not say, as timetable s has it), so that a
 * calendar that has it marks or removes it.  *copies (caller frees the array only: its strings
 * are borrowed from st and s, which must outlive *ev) holds their planned entries; *departed
 * gets how many.  0. */
struct plan_entry;
int export_add_departed(const struct schedule *s, const struct plan *p, const struct ics_state *st,
			struct ics_event **ev, size_t *n, struct plan_entry **copies, size_t *departed);

/* The events of the sessions of s that f matches (f NULL: every session, as --all), in timetable
 * order; sessions without a time are left out and counted in *untimed.  *ev (caller frees) and
 * *n get them.  0, or -1 with error() set (EX_NOINPUT) when none is left; *ev is then NULL. */
int export_select_sessions(const struct schedule *s, const struct filter *f, struct ics_event **ev,
			   size_t *n, size_t *untimed);

#endif
