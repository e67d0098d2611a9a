#!/bin/sh
# planner update: against a real HTTP server on 127.0.0.1 (tests/http_server.py, an ephemeral
# port) serving a timetable that then changes: the fetch and its report, the re-plan with the
# saved preferences (pins, sessions added and dropped by hand kept as they are), the calendar
# written again where the last export went, imported into khal (no event of a session that left
# the plan stays active); each step on one line; a failed step gives a non-zero exit while the
# others still run; `undo` takes the new plan back.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
utf8() { LC_ALL=C.UTF-8 "$@"; }
export PLANNER_FETCH_TIMEOUT=5
srv=$tmp/srv
mkdir -p "$srv" "$tmp/wd"
cp "$top/tests/data/export.json" "$srv/conf.json"
cd "$tmp/wd" || exit 1
start_server "$tmp/port" --root "$srv"
http_pid=$last_pid
U=http://127.0.0.1:$port
mkdir -p "$tmp/khal/cal"
cat >"$tmp/khal/config" <<EOF
[calendars]
[[planner]]
path = $tmp/khal/cal
type = calendar
[sqlite]
path = $tmp/khal/khal.db
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
EOF
kimport() { utf8 env TZ=Asia/Seoul /usr/bin/khal -c "$tmp/khal/config" import --batch "$1" >"$tmp/khal.imp" 2>&1; }
kactive() {
	utf8 env TZ=Asia/Seoul /usr/bin/khal -c "$tmp/khal/config" list --format '{status}{uid}' 2025-08-16 3d \
		>"$tmp/khal.out" 2>&1
	grep '@' "$tmp/khal.out" | grep -v '^CANCELLED' | sed 's/@.*//' | sort
}
planned() { "$PLANNER" plan --json | utf8 $PY -c 'import json,sys; print("\n".join(sorted(s["id"] for s in json.load(sys.stdin)["sessions"])))'; }

# --- before anything: the bundled timetable, no plan ---
run update
expect_rc 66 "update without a plan"
expect_out_match "^fetch: nothing to fetch: the timetable is a bundled one, which does not change$" "the bundled timetable is not fetched"
expect_out_match "^plan: failed: no plan for PyCon Korea 2024 yet; make one with 'planner pick'$" "says there is no plan, on one line"

# --- the evening before: fetch, plan, export, import ---
run fetch "$U/feed/conf.json"
expect_rc 0 "fetch the timetable"
run pick --track asyncio
run add t2 t4 t5
run pin t1
run export -o cal.ics
expect_rc 0 "export the plan"
kimport cal.ics; ok $? "khal imports it" || sed 's/^/#   /' "$tmp/khal.imp"
run drop k1
expect_rc 0 "drop the keynote by hand"
planned >"$tmp/before"

# --- the programme changes overnight: t5 cancelled, t2 moved, a new asyncio talk n1 ---
utf8 $PY - "$srv/conf.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["sessions"]:
    if s["id"] == "t2":
        s["start"], s["end"] = "2025-08-16T13:00", "2025-08-16T13:30"
d["sessions"] = [s for s in d["sessions"] if s["id"] != "t5"]
d["sessions"].append({"id": "n1", "title": "asyncio 새 발표", "tags": ["asyncio"], "room": "c",
                      "start": "2025-08-17T11:00", "end": "2025-08-17T11:30"})
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
touch -d '+1 minute' "$srv/conf.json"
run update
expect_rc 0 "update"
cat >"$tmp/want" <<EOF
fetch: updated exportcon-2025: ExportCon 2025, 7 sessions over 2 days
EOF
head -1 "$tmp/out" | diff -u "$tmp/want" - >"$tmp/diff"; ok $? "step 1: the fetch, on one line" || sed 's/^/#   /' "$tmp/diff"
expect_out_match "^\* moved +t2 " "the changes report follows, the planned sessions starred"
expect_out_match "^\* cancelled +t5 " "... the cancelled one"
expect_out_match "^  added +n1 " "... the new one"
expect_out_match "^plan: planned again, 4 sessions; in: n1; out: t5$" "step 2: the re-plan, on one line"
expect_out_match "^calendar: wrote 6 events \(2 cancelled\) to $tmp/wd/cal.ics; import it again$" \
	"step 3: the calendar written where the last export went"
[ "$(grep -c '^[a-z]*: ' "$tmp/out")" -eq 3 ]; ok $? "three step lines" || sed 's/^/#   /' "$tmp/out"
planned | tr '\n' ' ' >"$tmp/ids"
[ "$(cat "$tmp/ids")" = "n1 t1 t2 t4 " ]; ok $? "the plan: the new talk in, the pin (t1) and the additions (t2, t4) kept, the keynote still dropped" ||
	sed 's/^/#   /' "$tmp/ids"
run plan --json
utf8 $PY -c 'import json,sys; d = json.load(open(sys.argv[1])); assert d["pinned"] == ["t1"] and d["dropped"] == ["k1"], (d["pinned"], d["dropped"])' "$tmp/out"
ok $? "pins and hand drops are kept"
kimport cal.ics; ok $? "khal imports the new calendar" || sed 's/^/#   /' "$tmp/khal.imp"
kactive >"$tmp/active"
planned | diff -u - "$tmp/active" >"$tmp/diff"; ok $? "khal: the active events are exactly the plan's" || sed 's/^/#   /' "$tmp/diff"
grep -qx 'CANCELLED t5@exportcon-2025.planner' "$tmp/khal.out" && grep -qx 'CANCELLED k1@exportcon-2025.planner' "$tmp/khal.out"
ok $? "khal: t5 (cancelled by the timetable) and k1 (dropped) are cancelled"

# --- nothing changed: the same, quickly ---
run update
expect_rc 0 "update again"
expect_out_match "^fetch: exportcon-2025 is up to date$" "the fetch says up to date"
expect_out_match "^plan: planned again, 4 sessions, the same ones$" "the plan is the same"
run undo
expect_rc 0 "undo after update"
expect_out_match "^restored the plan of .* \(4 sessions\)$" "undo steps back to the plan before the first update (the same plan made again is not a version)"
run update
expect_out_match "^plan: planned again, 4 sessions; in: n1; out: t5$" "and update brings it forward again"

# --- -o: another file ---
run update -o other.ics
expect_rc 0 "update -o FILE"
expect_out_match "^calendar: wrote 6 events \(2 cancelled\) to other.ics; import it again$" "writes there"
[ -f other.ics ]; ok $? "... the file is there"

# --- fetched by hand first: update still says what changed in the plan ---
utf8 $PY - "$srv/conf.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["sessions"]:
    if s["id"] == "t4":
        s["title"] = "Closing: 내년에 또 만나요"
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
touch -d '+2 minutes' "$srv/conf.json"
run fetch exportcon-2025
expect_rc 0 "planner fetch first"
run update
expect_rc 0 "then update"
expect_out_match "^fetch: exportcon-2025 is up to date$" "the fetch has nothing new"
expect_out_match "^\* retitled +t4 +Closing: 내년에 또 만나요" "but the plan's changes are shown, as the changes report shows them"
expect_out_match "^plan: planned again, 4 sessions, the same ones$" "and the plan is the same sessions"

# --- the server is gone: the fetch fails, the rest still runs, the exit is not 0 ---
kill "$http_pid"
wait "$http_pid" 2>/dev/null
run update
expect_rc 69 "update without the server"
expect_out_match "^fetch: failed: could not reach the server; using the copy fetched " "the fetch says it failed"
expect_out_match "^plan: planned again, 4 sessions, the same ones$" "the plan step still runs"
expect_out_match "^calendar: wrote " "and the calendar step"

# --- a plan never exported: the calendar step says so ---
rm -f "$XDG_DATA_HOME/planner/exportcon-2025.exported"
run update
expect_out_match "^calendar: nothing to bring up to date: your plan was never exported to a file" "never exported: nothing to write"
done_testing
