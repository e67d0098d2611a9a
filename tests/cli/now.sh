#!/bin/sh
# planner now and planner next, always with --at (never the real clock): the planned session on
# now and how long it has left, the next one with how long until it starts and the walk there
# (room change, travel time, a tight change), what is running when nothing planned is, what starts
# next in a break, before and after the conference, without a plan, --json, --tz, bad --at.
. "$(dirname "$0")/../lib.sh"
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$tmp/out"; }

# Without a plan: what is running, and a hint.
run now --at "2024-10-26 13:10"
expect_rc 0 "now without a plan"
expect_golden now-noplan.out "now without a plan: what is running, and how to make a plan"
run next --at "2024-10-26 13:10"
expect_rc 66 "next without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick'" "says so"
run plan
expect_rc 66 "plan without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick'" "says so, in the same words"

# A plan made by hand: keynote (hall 2), 13:00 hall 1, 14:00 hall 2, 14:50 hall 2; day 2 keynote.
"$PLANNER" add F7MWSF SRKR79 KJPMEM EPHPMW UCYB8G >/dev/null 2>&1
run now --at "2024-10-26 13:10"
expect_rc 0 "now during a planned session"
expect_golden now-1310.out "the session on now, then the next one with the room change"
run next --at "2024-10-26 13:10"
expect_golden next-1310.out "next: only the next planned session"
run now --at "2024-10-26 14:45"
expect_out_match '^Next, in 5 min \(14:50\): stay in 컨벤션 홀 2$' "the next one in the same room: stay"
run now --at "2024-10-26 13:45"
expect_out_match '^Nothing planned or running now\.$' "between sessions, nothing on"
expect_out_match '^Next, in 15 min \(14:00\): go to 컨벤션 홀 2, from 컨벤션 홀 1 \(5 min walk; 10 min to spare\)$' \
	"the walk counts from now once the last session is over"
run now --at "2024-10-26 11:30"
expect_out_match '^Next, in 1 h 30 min \(13:00\): go to 컨벤션 홀 1, from 컨벤션 홀 2 \(5 min walk; 85 min to spare\)$' \
	"lunch: the walk to the next planned session"
! grep -q '^  13:00-13:40  컨벤션 홀 2' "$tmp/out"; ok $? "the plan's next is shown, not everything that starts then"
run now --at "2024-10-27 11:30"
expect_golden now-lunch.out "a break with nothing more planned: what starts next in the timetable"
run now --at "2024-10-26 09:00"
expect_out_match '^Next, in 40 min \(09:40\): 컨벤션 홀 2$' "the first session of the day: no walk"
run now --at "2024-10-26 16:00"
expect_out_match '^Next, in 17 h 40 min \(2024-10-27 09:40\): 컨벤션 홀 2$' "tomorrow's first session, with its date"
run now --at "2024-10-20 08:00"
expect_out_match '^Next, in 6 days \(2024-10-26 09:40\): 컨벤션 홀 2$' "days before the conference"
run now --at "2024-10-27 10:30"
expect_out_match '^Nothing planned now\.  Running:$' "nothing planned now, something running"
expect_out_match '^Nothing more planned\.$' "and nothing more planned"
run next --at "2024-10-27 10:30"
expect_rc 0 "next with nothing more planned"
expect_out_match '^Nothing more planned in PyCon Korea 2024\.$' "says so"
run now --at "2024-10-28 09:00"
expect_out_match '^PyCon Korea 2024 is over: its last session ended 2024-10-27 18:30\.$' "after the conference"

# A tight change: more travel than the gap.
mkdir -p "$tmp/config/planner"
echo "travel = 30" >"$tmp/config/planner/config"
run now --at "2024-10-26 13:30"
expect_out_match '^Next, in 30 min \(14:00\): go to 컨벤션 홀 2, from 컨벤션 홀 1 — only 20 min to walk \(30 needed\)$' \
	"a change with too little time to walk is flagged"
rm "$tmp/config/planner/config"

# Two planned sessions at once.
"$PLANNER" add 8JXYDH >/dev/null 2>&1
run now --at "2024-10-26 13:10"
expect_out_match '^Now, 2 planned sessions at once:$' "overlapping planned sessions are both shown"
"$PLANNER" drop 8JXYDH >/dev/null 2>&1

# JSON.
run now --at "2024-10-26 13:10" --json
expect_rc 0 "now --json"
json 'd["at"] == "2024-10-26T13:10:00+09:00" and d["planned"] and not d["over"]'
ok $? "at, planned, over"
json '[s["id"] for s in d["now"]] == ["SRKR79"] and d["now"][0]["minutes_left"] == 30'
ok $? "now: the planned session with minutes_left"
json 'd["next"]["id"] == "KJPMEM" and d["next"]["minutes_until"] == 50 and d["next"]["from"] == "SRKR79"'
ok $? "next: id, minutes_until, from"
json 'd["next"]["room_change"] and d["next"]["from_room"] == "컨벤션 홀 1" and d["next"]["room"] == "컨벤션 홀 2"'
ok $? "next: the room change"
json 'd["next"]["walk_minutes"] == 5 and d["next"]["spare_minutes"] == 15 and not d["next"]["overlap"]'
ok $? "next: walk and spare minutes"
json 'sorted(s["id"] for s in d["running"]) == ["8JXYDH", "SRKR79", "SVQYWY"]'
ok $? "running: everything on at 13:10"
json '[s["start"] for s in d["upcoming"]] == ["2024-10-26T14:00:00+09:00"] * 3'
ok $? "upcoming: the sessions that start next"
# (8JXYDH, in the room before and after, was dropped above: dropped sessions are never the
# alternative)
json 'd["now"][0]["alternative"]["id"] == "SVQYWY" and d["next"]["alternative"]["id"] == "FRLLHZ"'
ok $? "now and next: each with its room-full alternative"
run next --at "2024-10-26 13:10" --json
json 'd["id"] == "KJPMEM" and d["minutes_until"] == 50'
ok $? "next --json: the next session"
json 'd["alternative"]["id"] == "FRLLHZ" and d["alternative"]["room"] == "컨벤션 홀 1"'
ok $? "next --json: its alternative"
run now --at "2024-10-26 14:45" --json
json 'd["now"] == [] and d["next"]["id"] == "EPHPMW" and d["next"]["alternative"]["id"] == "8MW8NT"'
ok $? "between sessions: the next one's alternative (no preferences: the timetable's first)"
run next --at "2024-10-28 10:00" --json
[ "$(cat "$tmp/out")" = "null" ]; ok $? "next --json with nothing more planned: null"

# The alternative is the one pick and print show, under the plan's saved preferences: the same
# EPHPMW at 14:50, but now 389SS8 (웹 서비스, as asked) beats 8MW8NT.
run pick --tag "웹 서비스" --lang ko --day 1
expect_out_match '^               room full\? 389SS8 Django 로 구현하는 EAV 모델링과 CQRS \(컨벤션 홀 3\)$' \
	"pick: EPHPMW's alternative is 389SS8"
run next --at "2024-10-26 14:45"
expect_out_match '^               room full\? 389SS8 Django 로 구현하는 EAV 모델링과 CQRS \(컨벤션 홀 3\)$' \
	"next names the same alternative, in the same words"
run now --at "2024-10-26 14:55" --json
json 'd["now"][0]["id"] == "EPHPMW" and d["now"][0]["alternative"]["id"] == "389SS8"'
ok $? "now: the alternative of the session on now, by the saved preferences"
"$PLANNER" undo >/dev/null 2>&1

# --at and --tz.
run now --at "2024-10-26T04:10Z"
expect_out_match '^PyCon Korea 2024, 2024-10-26 Sat 13:10 \(day 1\), times in Asia/Seoul$' "--at with an offset"
run now --at "2024-10-26 06:10" --tz Europe/Berlin
expect_out_match '^PyCon Korea 2024, 2024-10-26 Sat 06:10, times in Europe/Berlin$' "--at is in the --tz zone"
expect_out_match '^  06:00-06:40  컨벤션 홀 1  SRKR79' "and times are shown in it"
run now --at 13:10
expect_rc 0 "--at HH:MM (today)"
expect_out_match '^PyCon Korea 2024, [0-9]{4}-[0-9]{2}-[0-9]{2} [A-Z][a-z]{2} 13:10, times in Asia/Seoul$' \
	"is today at that time"
run now --at "26 Oct 13:10"
expect_rc 64 "a bad --at"
expect_err "planner: --at '26 Oct 13:10': expected \"YYYY-MM-DD HH:MM\" or HH:MM" "names the format"
run now --at "2024-10-26 13:10"
cp "$tmp/out" "$tmp/at1"
run now --at " 2024-10-26   13:10 "
expect_rc 0 "--at with spaces around it and several between the date and the time"
cmp -s "$tmp/out" "$tmp/at1"; ok $? "... is the same moment"
run now --at 24:00
expect_rc 64 "--at 24:00"
run now --at "2024-02-30 10:00"
expect_rc 64 "--at on a day that does not exist"
run now extra
expect_err "planner: now: unexpected argument 'extra' (see 'planner help now')" "a stray argument"
run now --help
expect_out_match '^usage: planner now' "now --help"
done_testing
