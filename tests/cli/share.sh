#!/bin/sh
# Sharing a plan on the bundled PyCon Korea 2024 timetable: plan --ids, then import in another
# data directory gives the same plan; import of a plan file, of a pretalx-style starred .ics
# (matched by UID) and of a Sched-style one (by title and time), from a file, standard input
# and a URL (tests/http_server.py on 127.0.0.1); --dry-run; a list for another conference and
# a list nothing of which matches refused with the plan untouched; ids nobody has reported;
# compare as text and JSON.  Fixtures: tests/data/share/ (written for these tests, modelled on
# pretalx's and Sched's "my schedule" exports).
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
PY=/usr/bin/python3
export PLANNER_FETCH_TIMEOUT=5
A=$tmp/alice B=$tmp/bob C=$tmp/carol
plan_b=$B/planner/pyconkr-2024.plan.json
# as NAME ARGS...: runs planner with NAME's data directory
as() { d=$1; shift; XDG_DATA_HOME=$d run "$@"; }

# ---- plan --ids
as "$A" pick --tag "웹 서비스" --lang ko --break 12:00-13:00 --day 1
expect_rc 0 "alice picks a plan"
as "$A" plan --ids
expect_rc 0 "plan --ids"
expect_golden share-ids.out "a header naming the conference, then one id a line"
cp "$tmp/out" "$tmp/alice.ids"
head -n 1 "$tmp/out" | grep -Eq '^# planner plan: conference pyconkr-2024$'
ok $? "the header line reads as documented (no URL: the timetable is bundled)"
as "$A" plan --ids --json
expect_rc 64 "plan --ids --json: a usage error, not one of them ignored"
expect_err "planner: plan: --ids cannot be combined with --json (see 'planner help plan')" "... saying so"
as "$A" plan --ids --history
expect_rc 64 "plan --ids --history: the same"

# ---- round trip: the list imported by someone else gives the same plan
as "$B" import -n "$tmp/alice.ids"
expect_rc 0 "import --dry-run"
expect_out_match '^would add  F7MWSF 09:40-10:10 ' "it says what it would add"
[ ! -e "$plan_b" ]; ok $? "and saves nothing"
as "$B" import "$tmp/alice.ids"
expect_rc 0 "bob imports alice's list"
expect_golden share-import-ids.out "each session added, by id, and a summary"
[ -f "$plan_b" ]; ok $? "bob now has a plan"
XDG_DATA_HOME=$A "$PLANNER" plan --ids >"$tmp/a.ids"
XDG_DATA_HOME=$B "$PLANNER" plan --ids >"$tmp/b.ids"
cmp -s "$tmp/a.ids" "$tmp/b.ids"; ok $? "bob's plan --ids is alice's"
XDG_DATA_HOME=$A "$PLANNER" plan | tail -n +2 >"$tmp/a.plan"
XDG_DATA_HOME=$B "$PLANNER" plan | tail -n +2 >"$tmp/b.plan"
cmp -s "$tmp/a.plan" "$tmp/b.plan"; ok $? "and so is his plan, session for session"
"$PY" -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))["added"]))' "$plan_b" >"$tmp/added"
[ "$(cat "$tmp/added")" = "$(grep -v '^#' "$tmp/alice.ids" | tr '\n' ' ' | sed 's/ $//')" ]
ok $? "the imported sessions count as added by hand (a later update keeps them)" || cat "$tmp/added"
E=$tmp/erin
XDG_DATA_HOME=$E "$PLANNER" add SRKR79 >/dev/null 2>&1
XDG_DATA_HOME=$E "$PLANNER" import "$tmp/alice.ids" >/dev/null 2>&1
XDG_DATA_HOME=$E "$PLANNER" undo >/dev/null 2>&1
XDG_DATA_HOME=$E "$PLANNER" plan --ids >"$tmp/erin.ids"
printf '# planner plan: conference pyconkr-2024\nSRKR79\n' | cmp -s - "$tmp/erin.ids"
ok $? "undo takes an import back (plan history)" || sed 's/^/#   /' "$tmp/erin.ids"
as "$B" import "$tmp/alice.ids"
expect_rc 0 "importing the same list again"
expect_out_match '^6 of 6 matched \(6 by id\): 0 added, 6 already planned$' "adds nothing twice"

# ---- another planner's plan file, and standard input
as "$C" import "$A/planner/pyconkr-2024.plan.json"
expect_rc 0 "import of alice's plan file"
expect_out_match '^6 of 6 matched \(6 by id\): 6 added$' "all six matched by id"
rm -rf "$C"
XDG_DATA_HOME=$C run_sh "\"$PLANNER\" import - <\"$tmp/alice.ids\""
expect_rc 0 "import - reads standard input"
expect_out_match '^6 of 6 matched' "the same six"
rm -rf "$C"

# ---- pretalx and Sched exports of starred talks
as "$C" import tests/data/share/pretalx-starred.ics
expect_rc 0 "import of a pretalx starred .ics"
expect_golden share-import-pretalx.out "matched by the code in pretalx's UID; a withdrawn talk not found"
[ ! -s "$tmp/err" ]; ok $? "nothing on stderr"
as "$C" import tests/data/share/sched-starred.ics
expect_rc 0 "import of a Sched starred .ics"
expect_golden share-import-sched.out "matched by title and time; a moved talk and lunch not found"
expect_err "planner: warning: your plan has 1 conflict now; see 'planner conflicts'" \
	"the conflict it makes is pointed out"

# ---- refused: another conference, nothing that matches; the plan untouched
cp "$plan_b" "$tmp/plan.before"
printf '# planner plan: conference pyconkr-2014\nSRKR79\n' >"$tmp/other.ids"
as "$B" import "$tmp/other.ids"
expect_rc 65 "a list for another conference"
expect_err "planner: $tmp/other.ids: a plan for conference 'pyconkr-2014', not for 'pyconkr-2024' (choose its timetable with -s pyconkr-2014)" \
	"is refused in one line naming both"
[ ! -s "$tmp/out" ]; ok $? "before anything is said or done"
as "$B" compare "$tmp/other.ids"
expect_rc 65 "compare refuses it too"
printf 'NOPE01\nNOPE02\n\033[31mRED\n' >"$tmp/none.ids"
as "$B" import "$tmp/none.ids"
expect_rc 65 "a list of ids the timetable does not have"
expect_golden share-import-none.out "each one reported, made inert"
expect_err "planner: $tmp/none.ids: none of its 3 sessions is in PyCon Korea 2024" "and an error line"
cmp -s "$plan_b" "$tmp/plan.before"; ok $? "the saved plan is untouched"
i=0; : >"$tmp/many.ids"
while [ $i -lt 14 ]; do echo "GONE$i" >>"$tmp/many.ids"; i=$((i + 1)); done
echo F8DTZW >>"$tmp/many.ids"
as "$B" import -n "$tmp/many.ids"
expect_rc 0 "a list with many unknown ids and one known"
[ "$(grep -c '^not found' "$tmp/out")" -eq 10 ]; ok $? "lists the first ten unknown"
expect_out_match '^\.\.\. and 4 more not found$' "counts the rest"
expect_out_match '^1 of 15 matched \(1 by id\): 1 would be added, 14 not found in PyCon Korea 2024 \(nothing saved\)$' \
	"and sums up"
printf '<!DOCTYPE html>\n<html>\n' >"$tmp/page.html"
as "$B" import "$tmp/page.html"
expect_rc 65 "an HTML page"
expect_err "planner: $tmp/page.html: not a plan: a list of session ids, a plan file or an iCalendar file was expected" \
	"is not taken for a list"
printf '{"planner_plan": 1, "conf' >"$tmp/cut.plan.json"
as "$B" import "$tmp/cut.plan.json"
expect_rc 65 "a truncated plan file"
expect_err "planner: $tmp/cut.plan.json: not a plan planner can read: line 1 column 25: premature end of input near '\"conf'" \
	"says what is wrong with it, not to re-plan (it is not the user's own)"
as "$B" import "$tmp"
expect_rc 66 "a directory"
as "$B" import "$tmp/alice.ids" "$tmp/alice.ids"
expect_rc 64 "two files"
expect_err "planner: import: unexpected argument '$tmp/alice.ids' (see 'planner help import')" "is a usage error"
as "$B" import "$tmp/missing.ids"
expect_rc 66 "a file that is not there"
cmp -s "$plan_b" "$tmp/plan.before"; ok $? "the saved plan is still untouched"

# ---- limits: 20 000 ids, 64 KiB an id
awk 'BEGIN { for (i = 0; i <= 20000; i++) print "X" i }' >"$tmp/huge.ids"
as "$B" import -n "$tmp/huge.ids"
expect_rc 65 "a list of 20 001 ids"
expect_err "planner: $tmp/huge.ids:20001: more than 20000 session ids" "is refused at the id too many"
awk 'BEGIN { s = "x"; while (length(s) <= 65536) s = s s; print "F7MWSF"; print s }' >"$tmp/long.ids"
as "$B" import -n "$tmp/long.ids"
expect_rc 65 "a list with a line of 128 KiB"
expect_err "planner: $tmp/long.ids:2: a line of 131072 bytes is not a session id" "is refused, naming the line"
cmp -s "$plan_b" "$tmp/plan.before"; ok $? "the saved plan is still untouched"

# ---- the plan's lock: import waits for another planner changing the plan; --dry-run does not
rm -f "$tmp/held"
(exec 9>>"$plan_b.lock" && flock -x 9 && : >"$tmp/held" && exec sleep 30) &
holder=$!
pids="$pids $holder"
i=0
while [ ! -e "$tmp/held" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
XDG_DATA_HOME=$B PLANNER_LOCK_TIMEOUT=0.5 run import "$tmp/many.ids"
expect_rc 75 "import while another planner holds the plan gives up after the timeout"
cmp -s "$plan_b" "$tmp/plan.before"; ok $? "and leaves the plan as it was"
XDG_DATA_HOME=$B PLANNER_LOCK_TIMEOUT=0.5 run import -n "$tmp/many.ids"
expect_rc 0 "import --dry-run changes nothing, so takes no lock"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# ---- from a URL
mkdir -p "$tmp/srv"
cp "$tmp/alice.ids" "$tmp/srv/alice.ids"
start_server "$tmp/port" --root "$tmp/srv"
U=http://127.0.0.1:$port
rm -rf "$C"
as "$C" import "$U/feed/alice.ids"
expect_rc 0 "import from an http URL"
expect_out_match '^6 of 6 matched \(6 by id\): 6 added$' "the list as served"
# a timetable fetched from a URL: the header names it
cp tests/data/mini.json "$tmp/srv/mini.json"
UC=http://ann:secret@${U#http://}
XDG_CACHE_HOME=$tmp/cache2 XDG_DATA_HOME=$tmp/dave run -s "$UC/feed/mini.json" add t1
expect_rc 0 "a plan on a timetable fetched from a URL (with a user and password in it)"
XDG_CACHE_HOME=$tmp/cache2 XDG_DATA_HOME=$tmp/dave run -s "$UC/feed/mini.json" plan --ids
printf '# planner plan: conference minicon %s\nt1\n' "$U/feed/mini.json" | cmp -s - "$tmp/out"
ok $? "plan --ids names the URL in its header, without the password" || sed 's/^/#   /' "$tmp/out"
cp "$tmp/out" "$tmp/mini.ids"
as "$C" import "$tmp/mini.ids"
expect_rc 65 "that list, where another timetable is the default"
expect_err "planner: $tmp/mini.ids: a plan for conference 'minicon', not for 'pyconkr-2024' (choose its timetable with -s minicon, after 'planner fetch $U/feed/mini.json')" \
	"is refused, saying how to get its timetable"
as "$C" compare "http://ann:secret@${U#http://}/feed/alice.ids"
expect_out_match '^PyCon Korea 2024: my plan and alice.ids, times in Asia/Seoul$' "compare from a URL names its file"
as "$C" compare --json "http://ann:secret@${U#http://}/feed/alice.ids"
! grep -q secret "$tmp/out" "$tmp/err"; ok $? "and never shows a password in the URL"
grep -q "\"theirs\": \"$U/feed/alice.ids\"" "$tmp/out"; ok $? "its JSON names the URL without it"
as "$C" import "$U/status/404"
expect_rc 66 "a URL that answers 404"
expect_err "planner: fetch $U/status/404: HTTP 404" "says so in one line"

# ---- compare
as "$B" pick --speaker 이준범 --tag 교육 --fill --day 1
expect_rc 0 "bob makes his own plan for day 1"
XDG_DATA_HOME=$B run_sh "cd \"$tmp\" && \"$PLANNER\" compare alice.ids"
expect_rc 0 "compare with alice's list"
expect_golden share-compare.out "where the plans meet and where they part"
as "$B" compare --json tests/data/share/sched-starred.ics
expect_rc 0 "compare --json with a Sched export"
"$PY" - "$tmp/out" <<'PY' >"$tmp/check" 2>&1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["conference"] == "pyconkr-2024", d["conference"]
assert d["theirs_only"] == ["9TBWQL", "FHPM7Z", "LEHBKH"], d["theirs_only"]
assert d["both"] == [], d["both"]
assert sorted(d["not_found"]) == ["Django 버전 4.2로 올리기", "Lunch"], d["not_found"]
ids = {s["id"] for s in d["sessions"]}
named = set(d["both"] + d["mine_only"] + d["theirs_only"])
assert ids == named, (ids, named)
for slot in d["slots"]:
    assert slot["day"] in (1, 2) and (slot["both"] or slot["mine"] or slot["theirs"]), slot
    assert not slot["both"] or not (slot["mine"] or slot["theirs"]), slot
PY
ok $? "its JSON names each session once, in the right list" || sed 's/^/#   /' "$tmp/check"
expect_err "planner: warning: tests/data/share/sched-starred.ics: 2 of its sessions not found in PyCon Korea 2024 (Lunch, Django 버전 4.2로 올리기)" \
	"what it could not match is named in a warning"
rm -rf "$C"
as "$C" compare "$tmp/alice.ids"
expect_rc 66 "compare without a plan of one's own"
# ---- a team's plans (planner team): shared, compared and imported into, member by member
T=$tmp/team
as "$T" team 민지 지우 --tag "웹 서비스" --day 1
expect_rc 0 "a team of two plans day 1"
as "$T" plan --member 민지 --ids
expect_rc 0 "plan --member --ids"
XDG_DATA_HOME=$T "$PLANNER" plan --member 민지 --json >"$tmp/minji.json"
"$PY" -c 'import json, sys
print("# planner plan: conference pyconkr-2024")
for s in json.load(open(sys.argv[1]))["sessions"]: print(s["id"])' "$tmp/minji.json" | cmp -s - "$tmp/out"
ok $? "lists that member's plan" || sed 's/^/#   /' "$tmp/out"
cp "$tmp/out" "$tmp/minji.ids"
as "$T" compare --member 지우 --json "$tmp/minji.ids"
expect_rc 0 "compare --member"
"$PY" - "$tmp/out" "$tmp/minji.json" <<'PY' >"$tmp/check" 2>&1
import json, sys
d = json.load(open(sys.argv[1]))
minji = [s["id"] for s in json.load(open(sys.argv[2]))["sessions"]]
assert d["both"] == [], d["both"]
assert sorted(d["theirs_only"]) == sorted(minji), (d["theirs_only"], minji)
assert d["mine_only"], d
PY
ok $? "the team's two plans never meet (team covers each session once)" || sed 's/^/#   /' "$tmp/check"
as "$T" import --member 지우 "$tmp/minji.ids"
expect_rc 0 "import --member"
as "$T" compare --member 지우 "$tmp/minji.ids"
expect_out_match "^PyCon Korea 2024: 지우's plan and minji.ids, times in Asia/Seoul$" "names the member"
expect_out_match "^[0-9]+ sessions together, [0-9]+ only in mine, 0 only in theirs$" \
	"and 지우's plan now holds all of 민지's"
as "$T" import --member 없음 "$tmp/minji.ids"
expect_rc 66 "import into a member the team does not have"


done_testing
