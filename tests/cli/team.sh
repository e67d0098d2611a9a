#!/bin/sh
# planner team: k members cover the most together, exactly (an outside checker recomputes the
# optimum from --json with its own min-cost flow); greedy's counterexample; members' own pins and
# blocks; each member's saved plan read back by plan, print, now and next with --member; bad
# names, options and pins each answered with one line and nothing saved.
. "$(dirname "$0")/../lib.sh"
T=$top/tests/data/team.json
WANT="--tag t --weight tag=2 --speaker bee --weight speaker=3 --lang en --weight lang=1 --travel 0"
check() { /usr/bin/python3 "$top/tests/check_team.py" "$1" >"$tmp/check" 2>&1; }

# Greedy (the best day for a, then the best of the rest for b) covers 10 points; the optimum 12.
# shellcheck disable=SC2086
run -s "$T" team a b $WANT --json --no-save
expect_rc 0 "team --json"
cp "$tmp/out" "$tmp/small.json"
/usr/bin/python3 - "$tmp/small.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total_points"] == 12, d["total_points"]
assert sorted(sorted(m["sessions"]) for m in d["members"]) == [["A", "B"], ["C", "D"]], d["members"]
assert [m["name"] for m in d["members"]] == ["a", "b"]
assert {"id", "score", "start", "end", "room", "building", "floor"} <= set(d["candidates"][0])
PY
ok $? "greedy's counterexample: 12 points (A+B and C+D), not greedy's 10"
check "$tmp/small.json"; ok $? "the outside checker agrees it is optimal" || sed 's/^/#   /' "$tmp/check"
# The checker can tell: a plan that leaves C out is not optimal.
/usr/bin/python3 - "$tmp/small.json" "$tmp/worse.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for m in d["members"]:
    if "C" in m["sessions"]:
        m["sessions"].remove("C")
d["total_score"] -= next(c["score"] for c in d["candidates"] if c["id"] == "C")
json.dump(d, open(sys.argv[2], "w"))
PY
! check "$tmp/worse.json"; ok $? "the checker refuses a plan that is not optimal"
grep -q "but 12.. is possible\|is possible" "$tmp/check"; ok $? "and says what is possible"
# shellcheck disable=SC2086
run -s "$T" team a $WANT --json --no-save
/usr/bin/python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['total_points'] == 7" "$tmp/out"
ok $? "one member: the best day alone, 7 points"

# The bundled PyCon Korea 2024: 2 and 3 members, with travel between rooms; optimal each time.
for k in "a b" "a b c"; do
	# shellcheck disable=SC2086
	run team $k --tag "웹 서비스" --lang ko --travel 15 --json --no-save
	cp "$tmp/out" "$tmp/k.json"
	check "$tmp/k.json"; ok $? "pyconkr-2024, members $k, 15 min between rooms: optimal" || sed 's/^/#   /' "$tmp/check"
done
run team a b --keyword django --must KJPMEM --json --no-save
cp "$tmp/out" "$tmp/must.json"
check "$tmp/must.json"; ok $? "with --must: someone attends it, and the rest is optimal"
grep -q '"KJPMEM"' "$tmp/must.json"; ok $? "the pinned session is in a member's plan"

# Text, saved plans, and --member on plan, print, now and next.
run team alice bob 민수 --tag "웹 서비스" --lang ko
expect_rc 0 "team with three members saves their plans"
expect_golden team-3.out "each member's day, then the team's total"
expect_err_match "^planner: 민수's plan saved to .*/pyconkr-2024\.team/[^/]*\.plan\.json$" "each plan saved is named"
[ "$(ls "$tmp/data/planner/pyconkr-2024.team/" | grep -c 'plan\.json$')" -eq 3 ]; ok $? "three plan files"
[ ! -e "$tmp/data/planner/pyconkr-2024.plan.json" ]; ok $? "the user's own plan is left alone"
run plan --member bob
expect_rc 0 "plan --member bob"
expect_out_match "^PyCon Korea 2024: bob's plan, 4 sessions$" "bob's plan, as team chose it"
expect_out_match "SVQYWY" "with bob's sessions"
run plan --member alice --json
/usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
ids = [s['id'] for s in d['sessions']] if 'sessions' in d else [s['id'] for s in d['plan']]
assert 'KJPMEM' in ids and 'SVQYWY' not in ids, ids" "$tmp/out"
ok $? "plan --member alice --json: alice's sessions, not bob's"
run now --member alice --at "2024-10-26 14:45"
expect_out_match '^Next, in 5 min \(14:50\): stay in 컨벤션 홀 2$' "now --member alice: alice's next session"
run next -m bob --at "2024-10-26 14:45"
expect_out_match '14:50-15:10  컨벤션 홀 3  389SS8' "next -m bob: bob's"
run print --member bob --day 1
expect_rc 0 "print --member bob"
expect_out_match "Django 로 구현하는 EAV" "prints bob's day"
# export --member: the member's sessions, a file and a state of their own
(cd "$tmp" && "$PLANNER" export --member bob >"$tmp/out" 2>"$tmp/err"); rc=$?
expect_rc 0 "export --member bob"
expect_err_match "^planner: wrote 4 events to pyconkr-2024-bob\.ics$" "... to a file named after bob"
grep -q "X-WR-CALNAME:PyCon Korea 2024 (bob's plan)" "$tmp/pyconkr-2024-bob.ics" && grep -q "SVQYWY" "$tmp/pyconkr-2024-bob.ics" &&
	! grep -q "KJPMEM" "$tmp/pyconkr-2024-bob.ics"
ok $? "... with bob's sessions, not alice's"
[ -e "$tmp/data/planner/pyconkr-2024.team/bob.exported" ] && [ ! -e "$tmp/data/planner/pyconkr-2024.exported" ]
ok $? "... remembered for bob, not as the user's export"
run plan --member carol
expect_rc 66 "a member without a plan"
expect_err "planner: no plan for member 'carol' of PyCon Korea 2024; make one with 'planner team carol ...'" "says so"
# Picked again with no preferences: the saved ones apply, and the same plan comes back.
cp "$tmp/data/planner/pyconkr-2024.team/bob.plan.json" "$tmp/bob.before"
run team alice bob 민수
expect_out_match "^PyCon Korea 2024: team plan for alice, bob, 민수 — --tag 웹 서비스 --lang ko$" \
	"no preferences: the saved ones are used again"
run plan --member bob
expect_out_match "SVQYWY" "bob keeps his sessions"

# Members' own pins and blocks.
run team alice bob --tag "웹 서비스" --lang ko --member bob --pin KJPMEM --member alice \
	--block "2024-10-26 13:00-16:00 booth" --json --no-save
expect_rc 0 "members' pins and blocks"
/usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
from datetime import datetime
d = json.load(open(sys.argv[1]))
c = {x["id"]: x for x in d["candidates"]}
m = {x["name"]: x["sessions"] for x in d["members"]}
assert "KJPMEM" in m["bob"], m
for i in m["alice"]:
    s = datetime.fromisoformat(c[i]["start"]); e = datetime.fromisoformat(c[i]["end"])
    assert not (s.strftime("%F") == "2024-10-26" and s.strftime("%H:%M") < "16:00" and e.strftime("%H:%M") > "13:00"), i
PY
ok $? "bob attends his pin; alice nothing in her booth time"
run team alice bob --tag "웹 서비스" --member bob --pin KJPMEM --explain --no-save
expect_out_match "^This plan is the best possible" "--explain says when the plan is proven the best"

# Bad input: one line, non-zero, nothing saved.
rm -rf "$tmp/data/planner/pyconkr-2024.team"
run team alice alice
expect_rc 64 "a member named twice"
expect_err "planner: member 'alice' is named twice" "says so"
run team "a/b" c
expect_rc 64 "a name with a slash"
expect_err "planner: member name 'a/b' has a space, a slash or a control character" "says so"
run team
expect_rc 64 "no members"
run team alice --pin KJPMEM
expect_rc 64 "--pin without --member"
expect_err "planner: --pin 'KJPMEM': say whose with --member NAME before it" "says so"
run team alice bob --member carol --pin KJPMEM
expect_rc 64 "--member not in the team"
expect_err_match "^planner: --member 'carol': not one of the team" "says so"
run team alice bob --member alice --pin F7MWSF --member bob --pin F7MWSF
expect_rc 65 "one session pinned for two members"
expect_err "planner: session 'F7MWSF' is pinned for both alice and bob" "says so"
run team alice --must KJPMEM --must SVQYWY --must 8JXYDH
expect_rc 65 "three pins at once, one member"
expect_err_match "^planner: the pinned sessions need more than 1 member at once" "says so"
run team alice --member alice --pin NOSUCH
expect_rc 65 "an unknown pin"
run team alice --max-per-day 2
expect_rc 64 "--max-per-day is not a team option"
[ ! -e "$tmp/data/planner/pyconkr-2024.team" ]; ok $? "nothing was saved by the failures"
done_testing
