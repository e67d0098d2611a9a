#!/bin/sh
# planner pick and the saved plan: golden plans on both bundled timetables, optimality checked by
# an independent program, pins, breaks, blocks, caps, errors that save nothing, and the plan
# commands (plan, add, drop, pin, conflicts) including a timetable that changed under the plan.
. "$(dirname "$0")/../lib.sh"
plans=$XDG_DATA_HOME/planner

run pick --track asyncio
expect_rc 0 "pick --track asyncio on the bundled 2024 timetable"
expect_golden pick-asyncio-2024.out "the asyncio plan for 2024 (keynotes plus what mentions asyncio)"
expect_err_match "no track or tag 'asyncio' in PyCon Korea 2024; planning sessions that mention it" \
	"the keyword fallback is said on stderr"
[ -f "$plans/pyconkr-2024.plan.json" ]; ok $? "the plan is saved under XDG_DATA_HOME"
run -s pyconkr-2014 pick --track asyncio --fill --no-save
expect_golden pick-asyncio-2014-fill.out "--fill plans the whole 2014 day around the AsyncIO talk"
[ ! -f "$plans/pyconkr-2014.plan.json" ]; ok $? "--no-save saves nothing"
run pick --tag "웹 서비스" --lang ko --break 12:00-13:30 --explain --no-save
expect_golden pick-web-break-explain.out "a lunch break, Korean web talks, and --explain"

for args in "--track asyncio" "--tag 인공지능 --fill" "--keyword django --travel 30" \
	"--fill --max-per-day 3" "--speaker 이준범 --fill --must FRGQBQ --avoid 8JXYDH" \
	"--lang en --fill --travel 0" "--fill --block '2024-10-26 13:00-15:00 dentist' --weight keynote=0"; do
	# shellcheck disable=SC2086
	eval "run pick --no-save --json $args"
	/usr/bin/python3 "$top/tests/check_plan.py" "$tmp/out" >"$tmp/check" 2>&1
	ok $? "an independent checker finds pick $args optimal and feasible" || sed 's/^/#   /' "$tmp/check"
done
run -s pyconkr-2014 pick --no-save --json --fill --travel 10
/usr/bin/python3 "$top/tests/check_plan.py" "$tmp/out"; ok $? "the 2014 plan with plenaries is optimal too"

run pick --no-save --json --fill --max-per-day 3
/usr/bin/python3 -c 'import json,sys,collections
p=json.load(open(sys.argv[1])); d=collections.Counter(c["day"] for c in p["candidates"] if c["id"] in p["chosen"])
sys.exit(0 if d and max(d.values())==3 else 1)' "$tmp/out"
ok $? "--max-per-day 3 plans exactly 3 sessions a day when more would fit"

# Pins are kept by later picks; the saved preferences are reused when none are given.
run pin SRKR79
expect_rc 0 "pin a session"
run pick
expect_rc 0 "pick again with no preferences"
expect_out_match "^PyCon Korea 2024: plan for --track asyncio$" "pick again reuses the saved preferences"
expect_out_match "SRKR79" "pick again keeps the pinned session"
run plan
expect_golden plan-2024.out "plan shows the saved plan with the pin"
run conflicts
expect_out_match "^no conflicts in your plan" "a pick leaves no conflicts"
run add 8JXYDH
expect_rc 0 "add a session that overlaps the pinned one"
expect_err "planner: warning: your plan has 1 conflict now; see 'planner conflicts'" "add warns about the conflict"
run conflicts
expect_out_match "^  overlaps (SRKR79|8JXYDH) 13:00-13:40" "conflicts names the overlapping pair"
run drop 8JXYDH
expect_out_match "^dropped 8JXYDH$" "drop removes it"
run drop 8JXYDH
expect_rc 65 "dropping a session that is not planned"
run add NOPE99
expect_rc 65 "adding an unknown session"

# Errors save nothing.
cp "$plans/pyconkr-2024.plan.json" "$tmp/before"
run pick --must SRKR79 --must 8JXYDH
expect_rc 65 "pinned sessions that overlap"
expect_err "planner: pinned sessions \"SRKR79\" (우리 모두는 스팸에서 자유로울 권리가 있…, 13:00-13:40, 컨벤션 홀 1) and \"8JXYDH\" (『S』SDLC - Integrating AI for Proactiv…, 13:00-13:40, 컨벤션 홀 2) overlap by 40 minutes" \
	"the overlap error names both sessions, their times and rooms"
run pick --must KJPMEM --must Q8FHZH
expect_rc 65 "pins in overlapping slots of different lengths"
run pick --must F7MWSF --break 09:00-10:00
expect_err "planner: pinned session \"F7MWSF\" (파이콘과 나의 10년 돌아보기, 09:40-10:10, 컨벤션 홀 2) falls in break 09:00-10:00" \
	"a pin inside a break is named"
run pick --must SRKX79
expect_err "planner: --must 'SRKX79': no such session in PyCon Korea 2024 (did you mean 'SRKR79'?)" \
	"an unknown id gets a suggestion"
run pick --must SRKR --no-save --json
/usr/bin/python3 -c 'import json,sys; sys.exit(0 if "SRKR79" in json.load(open(sys.argv[1]))["chosen"] else 1)' "$tmp/out"
ok $? "the start of an id (4+ characters, unique) pins the session it names"
run pick --must MLLUJT
expect_err "planner: --must 'MLLUJT': the session is not scheduled (it has no time)" "an unscheduled pin"
run pick --break 12-13
expect_rc 64 "a malformed --break"
run pick --block "2024-10-26 25:00-26:00 x"
expect_rc 64 "a malformed --block"
run pick --weight track=lots
expect_err "planner: --weight 'track=lots': expected a number from 0 to 1000" "a bad weight"
run pick --travel -3
expect_rc 64 "a negative travel time"
run pick --track zzzqqq
expect_rc 65 "a track that matches nothing at all"
cmp -s "$tmp/before" "$plans/pyconkr-2024.plan.json"; ok $? "none of the failed picks touched the saved plan"

# A corrupt plan file is reported, not overwritten.
printf '{"planner_plan": 1, "conference": "pyconkr-20' >"$plans/pyconkr-2024.plan.json"
cp "$plans/pyconkr-2024.plan.json" "$tmp/corrupt"
run plan
expect_rc 65 "a truncated plan file"
expect_err_match "damaged plan file: .*run 'planner pick' to make a new plan; the file is left as it is" \
	"the message offers to re-pick"
run pick --track asyncio
expect_rc 65 "pick does not overwrite a damaged plan silently"
cmp -s "$tmp/corrupt" "$plans/pyconkr-2024.plan.json"; ok $? "the damaged file is left as it was"

# The timetable changes under a saved plan.
cp "$top/tests/data/mini.json" "$tmp/mini.json"
run -s "$tmp/mini.json" pick --fill
expect_rc 0 "pick on a small timetable"
sed -e 's/"2025-08-16T10:30", "end": "2025-08-16T11:00"/"2025-08-16T11:30", "end": "2025-08-16T12:00"/' \
    -e 's/"id": "t3",/"id": "t3-renamed",/' "$top/tests/data/mini.json" >"$tmp/mini.json"
run -s "$tmp/mini.json" plan
expect_golden plan-changed.out "plan tells which planned sessions moved and which were cancelled"
run -s "$tmp/mini.json" pick
expect_out_match "t3-renamed" "pick re-plans on the new timetable"
run -s "$tmp/mini.json" plan
! grep -q "CANCELLED\|MOVED" "$tmp/out"; ok $? "after re-planning nothing is reported as changed"

# sessions added by hand and then left out by a new pick are named
run -s "$top/tests/data/mini.json" pick --no-keynotes --keyword opening
run -s "$top/tests/data/mini.json" add t1 t3
run -s "$top/tests/data/mini.json" pick
expect_rc 0 "a new pick over sessions added by hand"
grep -q "^planner: 2 sessions of the previous plan are not in this one (t1, t3); 'planner pin ID' keeps a session through picks$" "$tmp/err"
ok $? "... names the sessions it left out, and how to keep them"
run -s "$top/tests/data/mini.json" pin t1
run -s "$top/tests/data/mini.json" pick
expect_rc 0 "a new pick with t1 pinned"
run -s "$top/tests/data/mini.json" plan
expect_out_match " t1 " "... keeps it"

# --must and --avoid take what add and pin take: a whole id or the unique start of one (4
# characters at least); a start that fits several ids is refused, as by add.
sed -e 's/"id": "t1"/"id": "talk-one"/' -e 's/"id": "t2"/"id": "talk-two"/' "$top/tests/data/mini.json" >"$tmp/prefix.json"
run -s "$tmp/prefix.json" pick --no-save --must talk
expect_rc 65 "--must with a start of several ids"
expect_err "planner: 'talk' is the start of several session ids; give more of it" "... says so, as add does"
run -s "$tmp/prefix.json" pick --no-save --must talk-o
expect_rc 0 "--must with the start of one id"
expect_out_match " talk-one " "... plans that session"

# --day plans one day: that day's sessions are replaced, the other days' kept.
rm -f "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json"
run pick --track asyncio
run pick --day 1 --no-keynotes --keyword django
expect_rc 0 "pick --day 1 over a plan of both days"
run plan
expect_out_match " 389SS8 " "day 1: the new picks"
! grep -q " F7MWSF " "$tmp/out"; ok $? "day 1: the old picks are gone"
expect_out_match " UCYB8G " "day 2: the plan's sessions are kept"
expect_out_match " F8DTZW " "... all of them"

done_testing
