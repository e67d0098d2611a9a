#!/bin/sh
# Locks (fsutil.h: lock_file), held from here with flock(1): every lock planner takes — the plan,
# the export state, the cache — has a timeout; a command that waits for one more than a second
# says on stderr what it waits for, once; when the other holder lets go in time the command
# succeeds, else it fails with EX_TEMPFAIL (75) naming what is in use.  PLANNER_LOCK_TIMEOUT
# shortens the timeouts (30 s for the plan and the cache, 10 s for the export state).
. "$(dirname "$0")/../lib.sh"
conf=$top/tests/data/export.json
plan=$XDG_DATA_HOME/planner/exportcon-2025.plan.json
state=$XDG_DATA_HOME/planner/exportcon-2025.exported
cache=$XDG_CACHE_HOME/planner
cd "$tmp" || exit 1

# hold FILE SECONDS: holds an exclusive flock on FILE for SECONDS, in the background; returns
# once it is held ($holder is its process: one process, the sleep that holds the descriptor, so
# that killing it lets go of the lock).  That it got the lock is a check of its own.
hold() {
	rm -f "$tmp/held"
	(exec 9>>"$1" && flock -x 9 && : >"$tmp/held" && exec sleep "$2") &
	holder=$!
	i=0
	while [ ! -e "$tmp/held" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
	[ -e "$tmp/held" ]; ok $? "(the test holds ${1##*/})"
}
now() { date +%s.%N; }
# took T0 MIN MAX: the time since T0 is between MIN and MAX seconds
took() { awk -v a="$1" -v b="$(now)" -v lo="$2" -v hi="$3" 'BEGIN { d = b - a; exit !(d >= lo && d <= hi) }'; }
# waits TEXT: stderr has the waiting line for TEXT exactly once
waits() { [ "$(grep -c "^planner: waiting for another planner to finish with $1\$" "$tmp/err")" -eq 1 ]; }

run fetch "$conf"
expect_rc 0 "a timetable in the cache"
run add t1
expect_rc 0 "a plan"

# --- the plan ---
run add t2
expect_rc 0 "nobody holds the plan: add goes ahead"
! grep -q waiting "$tmp/err"; ok $? "... without a word about waiting"
hold "$plan.lock" 2.5
t0=$(now)
run add t3
expect_rc 0 "add while another planner holds the plan for 2.5 s"
took "$t0" 2 20; ok $? "... it waited for the lock"
waits "the plan '$plan'"; ok $? "... and said once what it waits for" || sed 's/^/#   /' "$tmp/err"
wait $holder
grep -q '"t3"' "$plan"; ok $? "... then saved its change"

hold "$plan.lock" 30
cp "$plan" "$tmp/plan.before"
t0=$(now)
PLANNER_LOCK_TIMEOUT=1.5 run add t4
expect_rc 75 "add while the plan stays held past the timeout"
took "$t0" 1.4 10; ok $? "... gave up after the timeout (PLANNER_LOCK_TIMEOUT=1.5)"
waits "the plan '$plan'"; ok $? "... having said what it waited for"
grep -qx "planner: the plan '$plan' is still in use by another planner after 1.5 seconds; try again" "$tmp/err"
ok $? "... and why it gives up" || sed 's/^/#   /' "$tmp/err"
cmp -s "$plan" "$tmp/plan.before"; ok $? "... leaving the plan as it was"
kill $holder 2>/dev/null; wait $holder 2>/dev/null

hold "$plan.lock" 30
t0=$(now)
PLANNER_LOCK_TIMEOUT=0.5 run drop t2
expect_rc 75 "a timeout under a second"
took "$t0" 0.4 10; ok $? "... is kept"
! grep -q waiting "$tmp/err"; ok $? "... and gives up before any waiting line"
kill $holder 2>/dev/null; wait $holder 2>/dev/null

PLANNER_LOCK_TIMEOUT=soon run drop t2
expect_rc 64 "a PLANNER_LOCK_TIMEOUT that is no number"
expect_err "planner: PLANNER_LOCK_TIMEOUT 'soon': not a number of seconds" "... is named"

# --- the export state ---
hold "$state.lock" 2.5
t0=$(now)
run export -o plan.ics
expect_rc 0 "export while another planner holds its state for 2.5 s"
took "$t0" 2 20; ok $? "... it waited"
waits "the export state '$state'"; ok $? "... and said what for" || sed 's/^/#   /' "$tmp/err"
wait $holder
grep -q '^END:VCALENDAR' plan.ics; ok $? "... then wrote the calendar"
hold "$state.lock" 30
PLANNER_LOCK_TIMEOUT=1.2 run export -o plan2.ics
expect_rc 75 "export while its state stays held"
grep -qx "planner: the export state '$state' is still in use by another planner after 1.2 seconds; try again" "$tmp/err"
ok $? "... says which" || sed 's/^/#   /' "$tmp/err"
[ ! -e plan2.ics ]; ok $? "... and writes nothing"
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# --- the cache (it waited forever before it had a timeout) ---
hold "$cache/.lock" 2.5
t0=$(now)
run fetch "$conf"
expect_rc 0 "fetch while another planner holds the cache for 2.5 s"
took "$t0" 2 20; ok $? "... it waited"
waits "the cache '$cache'"; ok $? "... and said what for" || sed 's/^/#   /' "$tmp/err"
wait $holder
hold "$cache/.lock" 30
t0=$(now)
PLANNER_LOCK_TIMEOUT=1.5 run fetch "$conf"
expect_rc 75 "fetch while the cache stays held"
took "$t0" 1.4 10; ok $? "... gives up after the timeout"
grep -qx "planner: the cache '$cache' is still in use by another planner after 1.5 seconds; try again" "$tmp/err"
ok $? "... and says so" || sed 's/^/#   /' "$tmp/err"
# a command that only reads the cache does not wait for it
t0=$(now)
run list
expect_rc 0 "list while the cache is held"
took "$t0" 0 5; ok $? "... does not wait for the lock (30 s)"
! grep -q waiting "$tmp/err"; ok $? "... nor says it does"
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# --- the venue file (rooms set / walk) ---
venue=$XDG_DATA_HOME/planner/exportcon-2025.venue.json
run rooms set a --floor 3
expect_rc 0 "nobody holds the venue file: rooms set goes ahead"
cp "$venue" "$tmp/venue.before"
hold "$venue.lock" 30
t0=$(now)
PLANNER_LOCK_TIMEOUT=1.5 run rooms set a --floor 4
expect_rc 75 "rooms set while the venue file stays held"
grep -qx "planner: the venue file '$venue' is still in use by another planner after 1.5 seconds; try again" "$tmp/err"
ok $? "... says what is in use" || sed 's/^/#   /' "$tmp/err"
cmp -s "$venue" "$tmp/venue.before"; ok $? "... leaving the venue file as it was"
kill $holder 2>/dev/null; wait $holder 2>/dev/null
done_testing
