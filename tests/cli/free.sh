#!/bin/sh
# planner free: the gaps in the days of the plan within the conference day, each with what runs
# then; --day (even a day with nothing planned), --min, --json; "free between them" is the same
# sum print shows (the issue's case: two keynotes 10 minutes apart and a kept-free lunch are 10
# minutes between them, not 1 h 20 min); a feed's declared days with nights; the refusals.
. "$(dirname "$0")/../lib.sh"
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$tmp/out"; }

run free
expect_rc 66 "free without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick'" "says so"

# The README's plan for day 1 (and the day 2 keynotes it keeps from nothing: day 1 only).
"$PLANNER" pick --tag "웹 서비스" --lang ko --break 12:00-13:00 --day 1 >/dev/null 2>&1
run free
expect_rc 0 "free"
expect_golden free-day1.out "the gaps of day 1, each with what runs then, and the sum between"
run print --day 1
expect_out_match '^6 sessions planned, 3 room changes, 2 h free between them$' "print sums up the same 2 h"
run free --min 30
expect_rc 0 "--min 30"
expect_out_match '^  10:50-12:00  1 h 10 min free, between your sessions; nothing runs$' "keeps a long gap"
! grep -q '^  10:10-10:20' "$tmp/out"; ok $? "leaves out the short ones"
expect_out_match '^  6 sessions planned, 2 h free between them$' "the day's sum still counts every gap"
run free --min 200
expect_out_match '^  no free time that long$' "--min longer than every gap"

run free --json
expect_rc 0 "free --json"
json 'd["conference"] == "pyconkr-2024" and [x["day"] for x in d["days"]] == [1]'
ok $? "json: the plan's days"
json 'd["days"][0]["free_between_minutes"] == 120 and d["days"][0]["planned"] == 6'
ok $? "json: the sum between and the planned count"
json '[(g["start"][11:16], g["minutes"], g["between"]) for g in d["days"][0]["gaps"]] == [("10:10", 10, True), ("10:50", 70, True), ("13:40", 20, True), ("14:40", 10, True), ("15:10", 10, True), ("15:50", 90, False)]'
ok $? "json: every gap, the kept-free lunch not one"
json '[s["id"] for s in d["days"][0]["gaps"][5]["running"]] == ["9VVKV3", "FRGQBQ", "ENEHQQ", "SQAC7H"]'
ok $? "json: every session that runs in a gap"

# A day with nothing planned: the whole day around the kept-free lunch.
run free --day 2
expect_rc 0 "--day 2, nothing planned"
expect_out_match '^  09:40-12:00  2 h 20 min free, nothing planned; 2 sessions run:$' "the morning"
expect_out_match '^  13:00-18:30  5 h 30 min free, nothing planned; 20 sessions run:$' "the afternoon, after the lunch kept free"
expect_out_match '^    \.\.\. and 17 more$' "three listed, the rest counted"
! grep -q 'between them' "$tmp/out"; ok $? "no sum between when nothing is planned"
run free --day 2024-10-27 --json
json '[x["day"] for x in d["days"]] == [2] and d["days"][0]["free_between_minutes"] == 0'
ok $? "--day as a date"

# The issue's case: the keynotes 10 minutes apart and a lunch kept free after them.
"$PLANNER" pick --track asyncio --break 12:00-13:00 >/dev/null 2>&1
run print --day 1
expect_out_match '^2 sessions planned, 0 room changes, 10 min free between them$' \
	"print: two keynotes 10 minutes apart, then the kept-free lunch: 10 min between them"
! grep -q '(free: 1 h 10 min)' "$tmp/out"; ok $? "print: no free row after the last planned session"
run print --day 1 -f markdown
expect_out_match '^2 sessions planned, 0 room changes, 10 min free between them\.$' "markdown: the same"
run print --day 1 -f html
grep -q '2 sessions planned, 0 room changes, 10 min free between them\.' "$tmp/out"; ok $? "html: the same"
run print --day 1 -f svg
grep -q '2 sessions planned, 0 room changes, 10 min free between them\.' "$tmp/out"; ok $? "svg: the same"
run free --day 1
expect_out_match '^  2 sessions planned, 10 min free between them$' "free: the same"
expect_out_match '^  10:50-12:00  1 h 10 min free, after your last session; nothing runs$' \
	"the time before the lunch is after the last session"

# A feed that declares its days (11:00 to 04:00), with talks past midnight and an instant.
nights=$top/tests/data/frab-nights.json
"$PLANNER" -s "$nights" add 0000101 0000102 0000201 0000204 0000202 >/dev/null 2>&1
run -s "$nights" free --json
json '[(x["day"], x["start"][11:16], x["end"][:16]) for x in d["days"]] == [(1, "11:00", "2019-08-22T04:00"), (2, "11:00", "2019-08-23T04:00")]'
ok $? "declared days: the feed's span, to 04:00 the next morning"
json '[(g["start"][11:16], g["end"][11:16], g["between"]) for g in d["days"][0]["gaps"]] == [("11:30", "23:30", True), ("01:30", "04:00", False)]'
ok $? "day 1: free until the night session, and after it to the day's end"
json 'd["days"][1]["free_between_minutes"] == 14 * 60'
ok $? "day 2: the planned photo (an instant) fills no time: 12:00 to 02:00 is 14 h"
json '[s["id"][:7] for s in d["days"][0]["gaps"][1]["running"]] == ["0000104"]'
ok $? "the night talk till 01:35 runs in the gap after 01:30"

# One long session running through several gaps (around the breaks the plan keeps free) is
# listed under each.
cat >"$tmp/long.json" <<'EOF2'
{ "planner_format": 1,
  "conference": { "id": "longcon", "name": "LongCon", "timezone": "Asia/Seoul" },
  "rooms": [ { "id": "a", "name": "Hall A" }, { "id": "b", "name": "Room B" } ],
  "sessions": [
    { "id": "first", "title": "First", "room": "a", "start": "2025-08-16T09:00", "end": "2025-08-16T09:30" },
    { "id": "long", "title": "All day", "room": "b", "start": "2025-08-16T09:00", "end": "2025-08-16T17:00" },
    { "id": "last", "title": "Last", "room": "a", "start": "2025-08-16T16:30", "end": "2025-08-16T17:00" }
  ] }
EOF2
"$PLANNER" -s "$tmp/long.json" pick --must first --must last --break 10:00-10:30 --break 12:00-13:00 \
	--break 15:00-15:30 >/dev/null 2>&1
run -s "$tmp/long.json" free
expect_rc 0 "free on a timetable with a session through every gap"
[ "$(grep -c '^    09:00-17:00  Room B  long ' "$tmp/out")" -eq 4 ]; ok $? "it is listed under each of the 4 gaps"
expect_out_match '^  2 sessions planned, 5 h free between them$' "8 h less 1 h planned and 2 h kept free"

# Refusals.
export XDG_DATA_HOME=$tmp/emptied
"$PLANNER" add F7MWSF >/dev/null 2>&1 && "$PLANNER" drop F7MWSF >/dev/null 2>&1
run free
expect_rc 66 "a plan with nothing in it"
expect_err "planner: nothing in your plan is in the timetable now; see 'planner plan', or give --day" "says what to do"
run free --day 1 --min 60
expect_out_match '^  09:40-17:20  7 h 40 min free, nothing planned; 19 sessions run:$' "with --day, the whole day"
export XDG_DATA_HOME=$tmp/data
run free --min x
expect_rc 64 "a bad --min"
expect_err "planner: free: --min 'x': expected a whole number of minutes from 0 to 1440 (see 'planner help free')" "says what it takes"
run free --day 9
expect_rc 64 "a day the timetable does not have"
run free extra
expect_err "planner: free: unexpected argument 'extra' (see 'planner help free')" "a stray argument"
run free --help
expect_out_match '^usage: planner free' "free --help"
done_testing
