#!/bin/sh
# The saved plan is never lost: planner killed with SIGKILL in the middle of saves always leaves
# the old or the new plan intact; a full disk (simulated by tests/fail_write.so) leaves the old
# plan intact and says so; two picks at once do not corrupt it.  The same for the cache: a fetch
# that fails on a full disk or is killed leaves a timetable that reads whole, and the next fetch
# still reports the changes.
. "$(dirname "$0")/../lib.sh"
plan=$XDG_DATA_HOME/planner/pyconkr-2024.plan.json
# The shim goes first in the library list; an ASan build must be told that is fine.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

valid_plan() { # the plan file parses and names the conference
	/usr/bin/python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); sys.exit(0 if p["conference"]=="pyconkr-2024" and p["sessions"] else 1)' "$plan" 2>/dev/null
}

run pick --track asyncio
expect_rc 0 "a first plan"
valid_plan; ok $? "the first plan is valid JSON with its sessions"

i=0 broken=0
while [ $i -lt 150 ]; do
	case $((i % 3)) in
	0) set -- --tag "웹 서비스" --fill ;;
	1) set -- --track asyncio ;;
	2) set -- --lang en --fill --travel 10 ;;
	esac
	"$PLANNER" pick "$@" >/dev/null 2>&1 &
	pid=$!
	# kill at a different moment each time: 0 to ~20 ms after the start
	/usr/bin/python3 -c "import time; time.sleep($((i % 21)) / 1000)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	valid_plan || broken=$((broken + 1))
	i=$((i + 1))
done
[ "$broken" -eq 0 ]; ok $? "150 picks killed with SIGKILL at random moments: the plan was intact every time ($broken broken)"
run plan
expect_rc 0 "planner plan reads the plan after the kills"

# A full disk: the write of the new plan fails half-way.
cp "$plan" "$tmp/before"
FAIL_WRITE_MATCH=.plan.json.tmp LD_PRELOAD=$FAIL_WRITE_SO run pick --keyword django
expect_rc 74 "a pick on a full disk fails"
expect_err_match "^planner: cannot write '.*pyconkr-2024.plan.json': No space left on device$" \
	"the full disk is reported, naming the file"
cmp -s "$tmp/before" "$plan"; ok $? "the old plan is intact after the failed save"
! ls "$XDG_DATA_HOME/planner" | grep -q '\.tmp\.'; ok $? "no temporary file is left behind"
FAIL_WRITE_MATCH=.plan.json.tmp LD_PRELOAD=$FAIL_WRITE_SO run add 9TBWQL
expect_rc 74 "a manual add on a full disk fails too"
cmp -s "$tmp/before" "$plan"; ok $? "and leaves the plan as it was"

# Concurrent edits: eight `planner add` at once, each adding another session.  Each waits for
# the others' read-modify-write, so no addition is lost.
run pick --track asyncio
! grep -q '"9TBWQL"\|"FHPM7Z"' "$plan"; ok $? "a fresh plan without the sessions about to be added"
pids=""
for id in 9TBWQL DWF3RR NSH8DH YPUH9X VVY9KZ D9LG9X TJPUV8 FHPM7Z; do
	"$PLANNER" add $id >/dev/null 2>&1 &
	pids="$pids $!"
done
failed=0
for p in $pids; do wait $p || failed=$((failed + 1)); done
[ "$failed" -eq 0 ]; ok $? "eight concurrent adds all succeed ($failed failed)"
run plan --json
lost=0
for id in 9TBWQL DWF3RR NSH8DH YPUH9X VVY9KZ D9LG9X TJPUV8 FHPM7Z; do
	grep -q "\"id\": \"$id\"" "$tmp/out" || lost=$((lost + 1))
done
[ "$lost" -eq 0 ]; ok $? "no concurrent addition was lost ($lost lost)"
valid_plan; ok $? "the plan is whole after the concurrent edits"

# A fetch whose snapshot cannot be written (a full disk) after the new feed went in: the old feed
# is put back, so that the next fetch still reports what changed.
cp "$top/tests/data/mini.json" "$tmp/feed.json"
run fetch "$tmp/feed.json"
entry=$XDG_CACHE_HOME/planner/minicon
cp "$entry/feed" "$tmp/feed.before"
sed 's/"Opening keynote"/"Opening keynote, moved up"/' "$top/tests/data/mini.json" >"$tmp/feed.json"
FAIL_WRITE_MATCH=model.snap.tmp LD_PRELOAD=$FAIL_WRITE_SO run fetch minicon
expect_rc 74 "a fetch on a full disk fails"
expect_err_match "^planner: cannot write '.*model.snap': No space left on device$" "... saying why, in one line"
cmp -s "$entry/feed" "$tmp/feed.before"; ok $? "... and the old feed is back in the cache"
[ ! -e "$entry/feed.old" ] && [ -z "$(ls -A "$XDG_CACHE_HOME/planner" | grep '^\.minicon\.')" ]
ok $? "... with no second copy or half-built version left behind"
run -s minicon list
grep -q "Opening keynote" "$tmp/out" && ! grep -q "moved up" "$tmp/out"
ok $? "the timetable still reads as before the failed fetch"
run fetch minicon
expect_rc 0 "the next fetch succeeds"
run -s minicon changes
expect_out_match "retitled +k1 +Opening keynote, moved up" "... and reports the change the failed one did not"

# What a fetch killed half-way leaves: its new version half-built beside the entry
# (".minicon.tmp.PID"), or, where the file system cannot swap two directories, the old version
# set aside (".minicon.old.PID") with the entry not yet back.  The next fetch removes the first
# and puts the second back; until then every command reads the entry whole.
cp "$top/tests/data/mini.json" "$tmp/feed.json"
run fetch minicon
dead=$(/usr/bin/python3 -c "
import os
pid = 4000000
while True:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print(pid); break
    except PermissionError:
        pass
    pid += 1")
mkdir "$XDG_CACHE_HOME/planner/.minicon.tmp.$dead"
sed 's/"Opening keynote"/"Opening keynote, killed"/' "$top/tests/data/mini.json" >"$XDG_CACHE_HOME/planner/.minicon.tmp.$dead/feed"
run -s minicon list
grep -q "Opening keynote" "$tmp/out" && ! grep -q "killed" "$tmp/out"
ok $? "a half-built version beside the entry is not read"
run fetch minicon
expect_rc 0 "a fetch after one killed half-way"
[ ! -e "$XDG_CACHE_HOME/planner/.minicon.tmp.$dead" ]; ok $? "... removes what the killed one left"
mv "$entry" "$XDG_CACHE_HOME/planner/.minicon.old.$dead"
run fetch minicon
expect_rc 0 "a fetch after one killed between setting the old version aside and putting the new one in place"
[ -e "$entry/meta.json" ] && [ ! -e "$XDG_CACHE_HOME/planner/.minicon.old.$dead" ]
ok $? "... puts the old version back first, then stores"
run -s minicon list
grep -q "Opening keynote" "$tmp/out"; ok $? "... and the timetable reads whole"

# Fetches killed with SIGKILL at random moments, between two versions of the timetable: the
# cached timetable always reads as one of them, and the next whole fetch leaves no feed.old.
cp "$top/tests/data/mini.json" "$tmp/v1.json"
sed 's/"Opening keynote"/"Opening keynote (v2)"/' "$top/tests/data/mini.json" >"$tmp/v2.json"
"$PLANNER" -s "$tmp/v1.json" list >"$tmp/list1" 2>/dev/null
"$PLANNER" -s "$tmp/v2.json" list >"$tmp/list2" 2>/dev/null
cp "$tmp/v1.json" "$tmp/feed.json"
run fetch minicon
expect_rc 0 "the cache holds the first version before the kills"
i=0 broken=0
while [ $i -lt 60 ]; do
	cp "$tmp/v$((i % 2 + 1)).json" "$tmp/feed.json"
	"$PLANNER" fetch minicon >/dev/null 2>&1 &
	pid=$!
	/usr/bin/python3 -c "import time; time.sleep($((i % 21)) / 1000)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$PLANNER" -s minicon list >"$tmp/out" 2>/dev/null
	{ cmp -s "$tmp/out" "$tmp/list1" || cmp -s "$tmp/out" "$tmp/list2"; } || broken=$((broken + 1))
	i=$((i + 1))
done
[ "$broken" -eq 0 ]; ok $? "60 fetches killed with SIGKILL at random moments: the cached timetable read whole every time ($broken broken)"
run fetch minicon
expect_rc 0 "a whole fetch after the kills"
run -s minicon list
cmp -s "$tmp/out" "$tmp/list2" && [ -z "$(ls -A "$XDG_CACHE_HOME/planner" | grep '^\.minicon\.')" ]
ok $? "... leaves the last version cached, and nothing half-built beside it"

done_testing
