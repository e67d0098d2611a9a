#!/bin/sh
# planner rooms, and the venue: rooms set/unset/walk keep floors, buildings and walks per
# conference in the venue file (atomically, under its lock; a typo leaves it untouched), a fetch
# of a new version keeps them over the timetable's own; rooms (and --json), list, print and now
# show where rooms are; pick and team weigh the walks (checked by check_plan.py and
# check_team.py), and pick --explain names the walk that keeps a session out.
. "$(dirname "$0")/../lib.sh"
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$tmp/out"; }
venue=$tmp/data/planner/pyconkr-2024.venue.json

run rooms
expect_rc 0 "rooms with nothing set"
expect_golden rooms-plain.out "rooms: id, name, sessions (no place column when none is known)"
[ ! -e "$venue" ]; ok $? "listing writes no venue file"

# Typos and mistakes: an error with a suggestion, and no file.
run rooms set "컨벤션 흘 1" --floor 3
expect_rc 65 "a room that does not exist"
expect_err "planner: rooms set '컨벤션 흘 1': no room of that name in PyCon Korea 2024 (did you mean '컨벤션 홀 1'?)" \
	"... says so, with the nearest name"
[ ! -e "$venue" ]; ok $? "... and writes nothing"
run rooms set 홀 --floor 3
expect_rc 65 "a part of a name that fits several rooms"
expect_err "planner: rooms set '홀': 3 rooms of PyCon Korea 2024 match ('컨벤션 홀 1', '컨벤션 홀 2', '컨벤션 홀 3'); say which" \
	"... names them"
run rooms set "홀 1"
expect_rc 64 "set with neither --floor nor --building"
expect_err "planner: rooms: set: give --floor, --building or both (see 'planner help rooms')" "... says what it needs"
run rooms set
expect_rc 64 "set without a room"
run rooms set "홀 1" --floor ""
expect_rc 64 "an empty floor"
run rooms frobnicate
expect_rc 64 "an unknown action"
expect_err_match "unknown action 'frobnicate' \(expected set, unset or walk\)" "... says which there are"
run rooms walk "홀 1" "홀 3" ten
expect_rc 64 "walk minutes that are not a number"
run rooms walk "홀 1" "컨벤션 홀 1" 4
expect_rc 64 "a walk from a room to itself"
run rooms --floor 3
expect_rc 64 "--floor without set"

# Set floors as an attendee would (Korean names, a part of the name will do).
run rooms set "홀 1" --floor 3
expect_rc 0 "rooms set by a part of the name"
expect_err "planner: venue saved to $venue" "... says where it is kept"
expect_out_match '^컨벤션 홀 1 \(hall-1\): floor 3$' "... and what the room is now"
run rooms set hall-2 --floor 1 --building 수원컨벤션센터
expect_rc 0 "rooms set by id, floor and building"
run rooms set "컨벤션 홀 3" --floor 1
expect_rc 0 "rooms set by the whole name"
run rooms
expect_golden rooms-floors.out "rooms: floors and buildings in a column of their own"
run rooms --json
json 'd[0]["floor"] == "3" and d[1]["building"] == "수원컨벤션센터" and d[2]["walks"] == []'
ok $? "rooms --json: floor, building and walks"

# Walks, typo included.
cp "$venue" "$tmp/venue.before"
run rooms walk "홀 2" "컨벤션 홀 9" 12
expect_rc 65 "a walk to a room that does not exist"
expect_err_match "rooms walk '컨벤션 홀 9': no room of that name in PyCon Korea 2024 \(did you mean" "... suggests one"
cmp -s "$venue" "$tmp/venue.before"; ok $? "... and leaves the venue file as it was"
run rooms walk "홀 2" "홀 3" 12
expect_rc 0 "a walk between two rooms"
expect_out_match '^walk between 컨벤션 홀 2 and 컨벤션 홀 3: 12 min$' "... says it"
run rooms walk "홀 3" "홀 2" 12
expect_rc 0 "the same walk the other way"
run rooms --json
json 'd[1]["walks"] == [{"to": "hall-3", "minutes": 12}] and d[2]["walks"] == [{"to": "hall-2", "minutes": 12}]'
ok $? "... is one walk, either way"
run rooms
expect_out_match '^  컨벤션 홀 2 and 컨벤션 홀 3: 12 min$' "rooms lists the walks"

# pick weighs them: the walk from hall 2 to hall 3 (12 min) keeps two talks apart that leave 10.
run pick --tag "웹 서비스" --lang ko --break 12:00-13:00 --day 1 --explain --no-save
expect_rc 0 "pick with floors and a walk"
expect_golden rooms-pick-explain.out "pick: where each room is; --explain names the walk, not a talk it does not overlap"
grep -A1 '^  KJPMEM' "$tmp/out" | tail -n 1 | grep -q '^    the walk to 389SS8 (14:50-15:10, 컨벤션 홀 3): 12 min from 컨벤션 홀 2'
ok $? "KJPMEM is kept out by the walk, not 'beaten by' a talk it does not overlap"
run pick --tag "웹 서비스" --lang ko --json --no-save
expect_rc 0 "pick --json with a walk"
json 'd["walks"] == [{"rooms": ["hall-2", "hall-3"], "minutes": 12}]'; ok $? "... lists it"
/usr/bin/python3 "$top/tests/check_plan.py" "$tmp/out"; ok $? "... and check_plan.py finds the plan optimal under it"
run pick --tag "웹 서비스" --lang ko --travel 10 --json --no-save
/usr/bin/python3 "$top/tests/check_plan.py" "$tmp/out"; ok $? "... with --travel 10 too (floors x2, the walk as set)"
run team jisu minjun --tag "웹 서비스" --lang ko --json --no-save
expect_rc 0 "team with a walk"
/usr/bin/python3 "$top/tests/check_team.py" "$tmp/out"; ok $? "... the team plan is the best under it (check_team.py)"

# The plan, shown where the rooms are.
"$PLANNER" pick --tag "웹 서비스" --lang ko --break 12:00-13:00 >/dev/null 2>&1
run print --day 1
expect_golden rooms-print.out "print: the floor and building under the room"
run print --day 1 -f svg
expect_out_match '컨벤션 홀 2 \(floor 1, 수원컨벤션센터\)' "print svg: the grid's headings say where"
run print --day 1 -f html
expect_out_match '컨벤션 홀 3 \(floor 1\)' "print html: the same"
run now --at "2024-10-26 13:25"
expect_out_match '^Next, in 35 min \(14:00\): go to 컨벤션 홀 2 \(floor 1, 수원컨벤션센터\), from 컨벤션 홀 3 \(floor 1\) \(12 min walk; 8 min to spare\)$' \
	"now: where the next room is, and the walk set to it"
run here "홀 1" --at "2024-10-26 13:10"
expect_out_match '^next: 14:00 [A-Z0-9]+ in 컨벤션 홀 2 \(floor 1, 수원컨벤션센터\), ' "here: the next room with its floor, as now shows it"
"$PLANNER" undo >/dev/null 2>&1
run list --day 1 --room "홀 1"
expect_out_match '^13:00-13:40  컨벤션 홀 1 \(floor 3\)  SRKR79' "list: the floor after the room"
run list --day 1 --json
json 'all(x["floor"] == "3" and x["building"] is None for x in d if x["room"] == "컨벤션 홀 1")'
ok $? "list --json: floor and building of a session's room"

# Removing: a walk, then a room's settings.
run rooms walk "홀 2" "홀 3" none
expect_rc 0 "a walk removed"
expect_out_match 'none set now' "... says the rule applies again"
run rooms unset "홀 1"
expect_rc 0 "rooms unset"
run rooms --json
json 'd[0]["floor"] is None and d[1]["floor"] == "1" and all(r["walks"] == [] for r in d)'
ok $? "... back to the timetable's, the others kept"

# Buildings: a walk between two buildings is every pair of their rooms; one between rooms wins.
"$PLANNER" rooms set "홀 1" --building 본관 >/dev/null 2>&1
run rooms walk 본관 수원 7
expect_rc 0 "a walk between two buildings (by a part of the name)"
expect_out_match '^walk between building 본관 and building 수원컨벤션센터: 7 min$' "... names them"
run rooms --json
json 'd[0]["walks"] == [{"to": "hall-2", "minutes": 7}]'; ok $? "... applies to their rooms"
run rooms walk 본관 "홀 3" 4
expect_rc 65 "a walk between a building and a room"
"$PLANNER" rooms walk "홀 1" "홀 2" 2 >/dev/null 2>&1
run rooms --json
json 'd[0]["walks"] == [{"to": "hall-2", "minutes": 2}]'; ok $? "a walk between rooms wins over their buildings'"

# A damaged venue file stops the commands with its name, and is left alone.
cp "$venue" "$tmp/venue.good"
printf '{"planner_venue": 1, "rooms": [{"floor": 3}]}' >"$venue"
run list
expect_rc 65 "a damaged venue file"
expect_err "planner: $venue: damaged venue file: room 1: expected an id, and texts or null for name, floor and building (mend or remove it; it is left as it is)" \
	"... names the file and the problem"
sed 's/"conference": "pyconkr-2024"/"conference": "pyconkr-2014"/' "$tmp/venue.good" >"$venue"
run rooms
expect_rc 65 "a venue file of another conference"
expect_err "planner: $venue: the venue file is for conference \"pyconkr-2014\", not \"pyconkr-2024\" (mend or remove it; it is left as it is)" \
	"... is refused, named"
cp "$tmp/venue.good" "$venue"

# Without a data directory there is no venue file to read; one cannot be written.
env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME "$PLANNER" rooms >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "no \$HOME: rooms lists the timetable's"
env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME "$PLANNER" rooms set "홀 1" --floor 2 \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 73 "no \$HOME: rooms set cannot keep it"
expect_err_match 'XDG_DATA_HOME' "... and says why"

# Forgetting what is not set says so and writes nothing.
"$PLANNER" rooms unset "홀 2" >/dev/null 2>&1
cp "$venue" "$tmp/venue.before"
run rooms unset "홀 2"
expect_rc 0 "rooms unset of a room with nothing set"
expect_out_match '^컨벤션 홀 2: nothing set, nothing to forget$' "... says so"
cmp -s "$venue" "$tmp/venue.before"; ok $? "... and leaves the venue file as it was"
"$PLANNER" rooms walk "홀 1" "홀 3" none >/dev/null 2>&1
cp "$venue" "$tmp/venue.before"
run rooms walk "홀 1" "홀 3" none
expect_rc 0 "rooms walk ... none where no walk is set"
expect_out_match "^walk between 컨벤션 홀 1 and 컨벤션 홀 3: none was set \(the travel time's rule applies\)$" "... says so"
cmp -s "$venue" "$tmp/venue.before"; ok $? "... and leaves the venue file as it was"

# A fetched timetable: its own floors are the defaults, the venue file's survive a new version.
cp "$top/tests/data/mini.json" "$tmp/mini.json"
"$PLANNER" fetch "$tmp/mini.json" >/dev/null 2>&1
run rooms
expect_out_match '^b +큰 방 B +2F +3$' "a fetched timetable's own floor"
run rooms set "hall a" --floor 1
expect_rc 0 "rooms set on a fetched timetable (a case-folded name)"
sed 's/Opening keynote/Opening keynote (moved)/' "$tmp/mini.json" >"$tmp/mini2.json"
mv "$tmp/mini2.json" "$tmp/mini.json"
"$PLANNER" fetch minicon >/dev/null 2>&1
run list --day 1
expect_out_match '^09:30-10:15  all rooms .*Opening keynote \(moved\)' "the new version is read"
expect_out_match '^10:30-11:00  Hall A \(floor 1\)' "... with the floor set before"
expect_out_match '^10:30-11:00  큰 방 B \(2F\)' "... and the timetable's own for the other room"
[ -e "$tmp/data/planner/minicon.venue.json" ] && [ -e "$venue" ]; ok $? "one venue file a conference"

done_testing
