#!/bin/sh
# planner here ROOM, always with --at: what runs in ROOM then replaces the planned session on then
# (a hand add and a hand drop: a later pick leaves the dropped one out, undo reverts it), and the walk to the next
# planned session (spare minutes, late, the same room, another day); the refusals — no plan, an
# unknown room (did you mean), nothing on in the room, a name that fits several rooms — each one
# line, the plan file untouched.
. "$(dirname "$0")/../lib.sh"
planfile=$tmp/data/planner/pyconkr-2024.plan.json

run here "홀 3" --at "2024-10-26 14:05"
expect_rc 66 "here without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick'" "says so"
[ ! -e "$planfile" ]; ok $? "and makes none"

# The README's plan: 13:00 hall 3, 14:00 hall 2 (KJPMEM), 14:50 hall 2, 15:20 hall 3.
"$PLANNER" pick --tag "웹 서비스" --lang ko --break 12:00-13:00 --day 1 >/dev/null 2>&1
cp "$planfile" "$tmp/before"

run here "홀 3" --at "2024-10-26 14:05"
expect_rc 0 "here: walked into hall 3 instead of hall 2"
expect_golden here-1405.out "what is now planned, what it replaced, and the walk to the next session"
run plan --json
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$tmp/out"; }
json '"FZTTQH" in [s["id"] for s in d["sessions"]] and "KJPMEM" not in [s["id"] for s in d["sessions"]]'
ok $? "the plan has FZTTQH in place of KJPMEM"
grep -q '"FZTTQH"' "$planfile" && /usr/bin/python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
assert "FZTTQH" in p["added"] and "KJPMEM" in p["dropped"], p' "$planfile"
ok $? "a hand add and a hand drop in the plan file"
run pick
expect_rc 0 "a later pick"
expect_out_match '^2024-10-26 Sat \(day 1\)$' "... plans day 1 (so the check below looks at a plan)"
! grep -q 'KJPMEM' "$tmp/out"; ok $? "a later pick leaves the session it replaced out"
"$PLANNER" undo >/dev/null 2>&1
run undo
expect_rc 0 "undo"
cmp -s "$planfile" "$tmp/before"; ok $? "undo puts the plan back as it was before here"

# Already there: nothing changes.
run here "컨벤션 홀 2" --at "2024-10-26 14:05"
expect_rc 0 "here in the planned room"
expect_out_match '^already in your plan: KJPMEM 14:00-14:40 FastAPI with Dependency Injector \(컨벤션 홀 2\)$' "says so"
cmp -s "$planfile" "$tmp/before"; ok $? "and leaves the plan as it was"

# By the room's id; the next session in the same room.
run here hall-1 --at "2024-10-26 14:10"
expect_out_match '^here: FRLLHZ 14:00-14:20 ' "a room by its id"
expect_out_match '^next: 14:50 EPHPMW in 컨벤션 홀 2, 5 min walk, 25 min to spare \(before: no walk, 10 min to spare\)$' \
	"the walk from the new room, and what it was"
"$PLANNER" undo >/dev/null 2>&1
run here "홀 3" --at "2024-10-26 14:55"
expect_out_match '^here: 389SS8 14:50-15:10 ' "hall 3 at 14:55"
expect_out_match '^next: 15:20 BMWTS9, stay in 컨벤션 홀 3, 10 min to spare \(before: 5 min walk, 5 min to spare\)$' \
	"the next one in the same room: stay"
"$PLANNER" undo >/dev/null 2>&1

# The same walk as before: nothing more said.
run here "홀 1" --at "2024-10-26 13:20"
expect_out_match '^next: 14:00 KJPMEM in 컨벤션 홀 2, 5 min walk, 15 min to spare$' "the walk unchanged: no 'before'"
"$PLANNER" undo >/dev/null 2>&1
cmp -s "$planfile" "$tmp/before"; ok $? "undone"

# Late: a plan made by hand (in a data directory of its own) walks with the config's travel
# time, 15 minutes; 10 is 5 too few.
export XDG_DATA_HOME=$tmp/hand
"$PLANNER" add KJPMEM EPHPMW UCYB8G >/dev/null 2>&1
mkdir -p "$tmp/config/planner"
echo "travel = 15" >"$tmp/config/planner/config"
run here "홀 3" --at "2024-10-26 14:05"
expect_out_match '^next: 14:50 EPHPMW in 컨벤션 홀 2, 15 min walk, you will be 5 min late \(before: no walk, 10 min to spare\)$' \
	"late, and by how much"
run here "홀 1" --at "2024-10-26 14:50"
expect_out_match '^next: 2024-10-27 09:40 UCYB8G in 컨벤션 홀 2$' "the next one is tomorrow's: no walk"
rm "$tmp/config/planner/config"
export XDG_DATA_HOME=$tmp/data
cmp -s "$planfile" "$tmp/before"; ok $? "the README's plan is as it was"

# The last session of the day: the next one is tomorrow's, or none.
run here "홀 2" --at "2024-10-26 15:30"
expect_out_match '^instead of: BMWTS9 ' "hall 2 instead of hall 3 at 15:30"
expect_out_match '^next: nothing more planned$' "nothing more planned"
"$PLANNER" undo >/dev/null 2>&1
# Nothing planned on then: an add only.
run here "홀 1" --at "2024-10-26 16:10"
expect_out_match '^here: 9VVKV3 ' "hall 1 at 16:10"
expect_out_match '^\(nothing planned was on then\)$' "nothing replaced"
"$PLANNER" undo >/dev/null 2>&1
# The next session starts before this one ends (a conflict added by hand): late by the walk and
# the overlap, counted from this one's end.
"$PLANNER" add Q8FHZH >/dev/null 2>&1
run here "홀 3" --at "2024-10-26 14:05"
expect_out_match '^next: 14:20 Q8FHZH in 컨벤션 홀 1, 5 min walk, you will be 25 min late \(FZTTQH ends at 14:40\) ' \
	"an overlap: 20 minutes of it and the 5-minute walk"
"$PLANNER" undo >/dev/null 2>&1
"$PLANNER" undo >/dev/null 2>&1
cmp -s "$planfile" "$tmp/before"; ok $? "... and two undos put the plan back"

# Refusals: one line, the plan untouched.
run here "컨벤션홀 9" --at "2024-10-26 14:05"
expect_rc 65 "an unknown room"
expect_err "planner: room '컨벤션홀 9': no session in PyCon Korea 2024 is in a room of that name (did you mean '컨벤션 홀 1', '컨벤션 홀 2', '컨벤션 홀 3'?)" \
	"names it, with what it may have meant"
run here "홀 2" --at "2024-10-26 12:05"
expect_rc 65 "nothing on in the room then"
expect_err "planner: nothing is on in room '홀 2' at 12:05 (see 'planner list --room ROOM')" "says so, with the time"
run here "홀" --at "2024-10-26 14:05"
expect_rc 65 "a name that fits several rooms"
expect_err "planner: room '홀': 3 sessions are on in rooms of that name at 14:05 (FRLLHZ, KJPMEM, FZTTQH); give more of the room's name, or 'planner add' the one you are in" \
	"names the sessions"
run here "홀 3" --at "2024-10-32 14:05"
expect_rc 64 "a bad --at"
run here
expect_rc 64 "no room"
expect_err "planner: here: no room given (see 'planner help here')" "says what is missing"
cmp -s "$planfile" "$tmp/before"; ok $? "none of them changed the plan"
run here --help
expect_out_match '^usage: planner here' "here --help"
done_testing
