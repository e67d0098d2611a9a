#!/bin/sh
# planner missed: the sessions you wanted and did not see, on a small frab feed with links (media
# sites, a title saying "Recording", a javascript: link the importer drops) and recording opt-outs
# (tests/data/missed-frab.json, RecCon 2025): wanted by the saved preferences, pinned or added
# by hand (the plan's history too), dropped by hand; missed by a conflict, a walk, a break, a
# drop; best first, --at, --all, --day, --json; the plan is only read.  And pick
# --prefer-unrecorded, a saved preference (replayed, in why:, shared with team).
. "$(dirname "$0")/../lib.sh"
F=$top/tests/data/missed-frab.json
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$tmp/out"; }

run -s "$F" missed
expect_rc 66 "missed without a plan"
expect_err "planner: no plan for RecCon 2025 yet; make one with 'planner pick'" "says how to make one"

# The plan: the Rust talks (2 points each) and the keynotes, lunch kept free.  Then by hand:
# Gardening added (a new pick leaves it out again: only the history remembers it), Knitting
# pinned and dropped, the kernel talk dropped.
"$PLANNER" -s "$F" pick --keyword rust --break 13:00-14:00 >/dev/null 2>&1 &&
	"$PLANNER" -s "$F" add 2120 >/dev/null 2>&1 &&
	"$PLANNER" -s "$F" pick >/dev/null 2>&1 &&
	"$PLANNER" -s "$F" pin 2020 >/dev/null 2>&1 &&
	"$PLANNER" -s "$F" drop 2020 1210 >/dev/null 2>&1
ok $? "a plan with picks, an add, a pin and drops"
plan=$XDG_DATA_HOME/planner/reccon25.plan.json
cp "$plan" "$tmp/plan.before"
ls "$XDG_DATA_HOME/planner/reccon25.plan.d" >"$tmp/hist.before"

# After the conference (the clock is past 2025): every session wanted and missed.
run -s "$F" missed
expect_rc 0 "missed after the conference"
expect_golden missed-reccon.out "what was wanted and missed, best first, with why and the video links"
[ ! -s "$tmp/err" ]; ok $? "nothing on stderr"
# each reason, in the golden's words
grep -q '^ *missed: conflicts with 1020 in Saal A: Rust on microcontrollers$' "$tmp/out"
ok $? "a conflict names the planned session, by the id the rows show, its room and its title"
grep -q '^ *missed: too little time for the 5 min walk from 1040 in Saal A: Fuzzing Rust parsers$' "$tmp/out"
ok $? "a walk too short names the session walked from and the minutes"
grep -q '^ *missed: in the time your plan keeps free (break 13:00-14:00)$' "$tmp/out"
ok $? "a break kept free"
grep -q '^ *missed: you dropped it from your plan$' "$tmp/out" &&
	grep -q '^ *missed: you dropped it for 2110 in Saal B: Rust for data science$' "$tmp/out"
ok $? "the two sessions dropped by hand, one of them for the planned session at its time"
grep -q '^ *wanted: you added it$' "$tmp/out"
ok $? "a session added by hand that a later pick left out is remembered from the history"
grep -q '^ *wanted: you pinned it$' "$tmp/out"
ok $? "a pinned session that was dropped"
grep -q '^ *not recorded: the speakers opted out$' "$tmp/out"
ok $? "a recording opt-out (do_not_record) is said"
! grep -q 'javascript\|example.org/slides\|media.ccc.de/v/reccon25-10[12]' "$tmp/out"
ok $? "only videos, of missed sessions: no slides, no javascript: link, no planned session's video"
grep -q '^ *video: https://www.youtube.com/watch?v=rc25x111$' "$tmp/out" &&
	grep -q '^ *video: https://archive.org/details/reccon25-113 (Aufzeichnung)$' "$tmp/out" &&
	grep -q '^ *video: https://tv.naver.com/v/2520202 (영상)$' "$tmp/out"
ok $? "videos on media sites and by their titles, URLs whole"
cmp -s "$plan" "$tmp/plan.before" && ls "$XDG_DATA_HOME/planner/reccon25.plan.d" | cmp -s - "$tmp/hist.before"
ok $? "missed only reads the plan and its history"

# Until a moment: the sessions that ended by then.
run -s "$F" missed --at "2025-08-16 14:00"
expect_rc 0 "missed --at"
expect_golden missed-reccon-1400.out "until 14:00 on day 1: three sessions"
run -s "$F" missed --at "2025-08-15 10:00"
expect_rc 0 "missed before the conference"
expect_out_match '^nothing missed so far \(--all also counts what is still to come\)$' "nothing yet, and --all"
run -s "$F" missed --at "2025-08-15 10:00" --all
expect_rc 64 "--at and --all together"
expect_err "planner: missed: --all and --at contradict each other: --all counts every session, --at those that ended by then (see 'planner help missed')" \
	"says why"
run -s "$F" missed --all --day 2
expect_rc 0 "missed --all --day 2"
[ "$(grep -c '^2025-08-17  ' "$tmp/out")" -eq 2 ] && ! grep -q '^2025-08-16' "$tmp/out"
ok $? "--day 2: only day 2's two sessions"
expect_out_match '^RecCon 2025: what you wanted and missed on day 2, also what is still to come, best first; times in Europe/Berlin$' \
	"the heading says the day and --all"
run -s "$F" missed --day 3
expect_rc 64 "a day the timetable does not have"
run -s "$F" missed --at "tomorrow"
expect_rc 64 "a malformed --at"
expect_err_match "^planner: --at 'tomorrow': expected" "says what --at takes"

# The long lines cut to the terminal, the URLs never.
COLUMNS=72 run -s "$F" missed
awk -v u='https://' 'NR > 1 && index($0, u) == 0 && length($0) > 0' "$tmp/out" >"$tmp/short"
/usr/bin/python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
sys.exit(0 if all(w(l.rstrip('\n')) <= 72 for l in open(sys.argv[1], encoding='utf-8')) else 1)" "$tmp/short"
ok $? "with COLUMNS=72 every line but the heading and a URL fits"
grep -q '^ *video: https://archive.org/details/reccon25-113 (Aufzeichnung)$' "$tmp/out"
ok $? "and a video's URL is whole"

# --json
run -s "$F" missed --json
expect_rc 0 "missed --json"
json "[m['id'][:4] for m in d['missed']] == ['1110', '1210', '1120', '1130', '2020', '2120']"
ok $? "--json: the same sessions in the same order"
json "[m['reason'] for m in d['missed']] == ['conflict', 'dropped', 'kept_free', 'walk', 'dropped', 'not_planned']"
ok $? "--json: the reasons"
json "d['missed'][0]['conflict'].startswith('1020') and d['missed'][3]['conflict'].startswith('1040') and d['missed'][1]['conflict'] is None and d['missed'][4]['conflict'].startswith('2110') and d['missed'][3]['walk_minutes'] == 5 and d['missed'][2]['kept_free'] == 'break 13:00-14:00'"
ok $? "--json: the planned session in conflict, the walk, the break"
json "d['missed'][0]['points'] == 2 and d['missed'][0]['why'] == 'about rust in the title' and d['missed'][4]['pinned'] and d['missed'][5]['added'] and not d['missed'][5]['pinned']"
ok $? "--json: points, why, pinned and added"
json "d['missed'][1]['do_not_record'] and d['missed'][1]['videos'] == [] and d['missed'][0]['videos'] == [{'title': '', 'url': 'https://www.youtube.com/watch?v=rc25x111'}]"
ok $? "--json: do_not_record and the videos"
json "d['conference'] == 'reccon25' and d['day'] is None and d['until'] is not None"
ok $? "--json: conference, day, until"
run -s "$F" missed --json --all --day 2
json "d['until'] is None and d['day'] == 2 and len(d['missed']) == 2"
ok $? "--json --all --day 2"

# An avoided session is not wanted; the walk counts from the plan's travel time.
run -s "$F" pick --avoid 1110 --travel 2
expect_rc 0 "pick --avoid 1110 --travel 2"
run -s "$F" missed --json
json "len(d['missed']) > 0"
ok $? "... something is missed (so the checks below look at a list)"
json "'1110' not in [m['id'][:4] for m in d['missed']]"
ok $? "a session avoided with pick --avoid is not missed"
json "'1130' not in [m['id'][:4] for m in d['missed']] or [m for m in d['missed'] if m['id'].startswith('1130')][0]['reason'] != 'walk'"
ok $? "with --travel 2 the 3 minutes to Saal B are enough"

# pick --prefer-unrecorded: the sessions the feed says will not be recorded, as a qualifier.
run -s "$F" pick --keyword rust --prefer-unrecorded --no-save --json
json "[c for c in d['candidates'] if c['id'].startswith('2110')][0]['points'] == 4 and [c for c in d['candidates'] if c['id'].startswith('1110')][0]['points'] == 2"
ok $? "--prefer-unrecorded: 2 more points for a talk not recorded"
json "[c for c in d['candidates'] if c['id'].startswith('2110')][0]['why'] == 'about rust in the title, not recorded'"
ok $? "and why says so"
json "not [c for c in d['candidates'] if c['id'].startswith('2120')] or [c for c in d['candidates'] if c['id'].startswith('2120')][0]['points'] == 0"
ok $? "with a keyword it refines: a session not about it earns nothing"
run -s "$F" pick --prefer-unrecorded --no-keynotes --no-save
expect_rc 0 "--prefer-unrecorded alone"
[ "$(grep -c 'why: not recorded (2 points)' "$tmp/out")" -eq 1 ] && [ "$(grep -c 'why:' "$tmp/out")" -eq 1 ] &&
	grep -q '  2110c0de-recc-4…  en  Rust for data science' "$tmp/out"
ok $? "alone it chooses by itself: the session not recorded (the other one was dropped by hand)"
[ ! -s "$tmp/err" ]; ok $? "no warning where the timetable marks sessions not to be recorded"
run pick --prefer-unrecorded --no-save
expect_rc 0 "--prefer-unrecorded on PyCon Korea 2024, which marks none"
expect_err "planner: warning: no session in PyCon Korea 2024 says it will not be recorded: --prefer-unrecorded adds no points" \
	"says it adds nothing there"
run -s "$F" pick --prefer-unrecorded --weight unrecorded=7 --no-keynotes --no-save
expect_out_match 'why: not recorded \(7 points\)' "--weight unrecorded=7"
"$PLANNER" -s "$F" pick --keyword rust --prefer-unrecorded >/dev/null 2>&1
run -s "$F" pick --no-save
expect_out_match '^RecCon 2025: plan for --keyword rust --prefer-unrecorded$' "a saved preference, replayed by a pick with none"
expect_out_match 'why: about rust in the title, not recorded \(4 points\)' "and scored again"
run -s "$F" missed --json
json "[(m['why'], m['points']) for m in d['missed'] if m['id'].startswith('1210')] == [('about rust in the title, not recorded', 4)]"
ok $? "missed scores with the saved --prefer-unrecorded too"
run -s "$F" team a b --keyword rust --prefer-unrecorded --no-save
expect_rc 0 "team takes --prefer-unrecorded"
expect_out_match 'why: about rust in the title, not recorded \(4 points\)' "and scores it as pick does"

# The command describes itself: --help, the command list, completion.
run --help
expect_out_match '^  missed +the sessions you wanted and missed, with their video links$' "planner --help lists missed"
run complete line bash missed --
grep -qx -- '--all' "$tmp/out" && grep -qx -- '--at' "$tmp/out" && grep -qx -- '--day' "$tmp/out"
ok $? "completion offers missed's options"
run complete line bash pick --weight un
grep -qx 'unrecorded=' "$tmp/out"; ok $? "completion offers --weight unrecorded="

done_testing
