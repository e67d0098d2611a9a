#!/bin/sh
# The plan's history and hand edits: every change (pick, add, drop, pin, unpin, undo) keeps the
# plan it replaces in <conference-id>.plan.d/ (the last 30); `plan --history` lists them;
# `undo` steps back and says what it restored.  A session dropped by hand stays out of later
# picks until it is added or pinned again; `unpin` keeps a session but no longer forces it.  A
# plan file written before these (no "dropped" or "added") is read as before.
. "$(dirname "$0")/../lib.sh"
utf8() { LC_ALL=C.UTF-8 "$@"; }
dir=$XDG_DATA_HOME/planner
plan=$dir/pyconkr-2024.plan.json
hist=$dir/pyconkr-2024.plan.d
# js EXPR: EXPR of the saved plan file (as d), by python
js() { /usr/bin/python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print('"$1"')' "$plan"; }
ids() { "$PLANNER" plan --json | /usr/bin/python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["sessions"]))'; }

run undo
expect_rc 66 "undo without a plan"
expect_err "planner: nothing to undo: no earlier version of your plan for PyCon Korea 2024 (see 'planner plan --history')" \
	"says there is nothing to undo"
run pick --tag "웹 서비스" --lang ko
[ ! -d "$hist" ]; ok $? "the first plan keeps no version (there was none before)"
first=$(ids)
echo "$first" | grep -q UWB8FM; ok $? "UWB8FM is planned"

# --- drop sticks ---
run drop UWB8FM
expect_rc 0 "drop UWB8FM"
[ "$(ls "$hist")" = 000001.json ]; ok $? "the plan before the drop is kept as version 000001.json"
cmp -s "$hist/000001.json" "$tmp/none" 2>/dev/null; [ "$(grep -c UWB8FM "$hist/000001.json")" -ge 1 ]
ok $? "... and it has UWB8FM"
run pick
expect_rc 0 "pick again with the saved preferences"
versions=$(ls "$hist" | wc -l)
run pick
expect_rc 0 "the same pick once more"
[ "$(ls "$hist" | wc -l)" = "$versions" ]; ok $? "the same plan made again keeps no new version"
! ids | grep -q UWB8FM; ok $? "the dropped session stays out of the new pick"
run plan
expect_out_match "^Dropped by hand" "plan lists the sessions dropped by hand"
expect_out_match "^  UWB8FM 16:00-16:20 Django 버전 4.2로 올리기" "... UWB8FM among them"
run plan --json
/usr/bin/python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["dropped"] == ["UWB8FM"]' "$tmp/out"
ok $? "plan --json has them as dropped"
run pick --tag "웹 서비스" --lang ko --day 2
! ids | grep -q UWB8FM; ok $? "also with preferences typed again"
run pick --must UWB8FM
ids | grep -q UWB8FM; ok $? "--must brings it back"
[ "$(js 'd["dropped"]')" = "[]" ]; ok $? "... and takes it off the dropped list"
run drop UWB8FM
run add UWB8FM
run pick
ids | grep -q UWB8FM; ok $? "added again, a pick may choose it"

# --- unpin ---
run pin SRKR79
expect_rc 0 "pin SRKR79"
run unpin SRKR79
expect_rc 0 "unpin SRKR79"
expect_out_match "^unpinned SRKR79 \(still in your plan; a new pick may leave it out\)$" "says it stays in the plan"
ids | grep -q SRKR79; ok $? "... and it does"
[ "$(js '"SRKR79" in d["pinned"]')" = False ]; ok $? "it is no longer pinned"
cp "$plan" "$tmp/before"
run unpin SRKR79
expect_rc 65 "unpin a session that is not pinned"
expect_err "planner: 'SRKR79' is not pinned (see 'planner plan')" "says so"
cmp -s "$plan" "$tmp/before"; ok $? "the plan is left as it was"
run pick
! ids | grep -q SRKR79; ok $? "the next pick is free to leave it out"

# --- history and undo ---
run plan --history
expect_rc 0 "plan --history"
expect_out_match "^PyCon Korea 2024: your plan and its earlier versions, newest first$" "lists the versions"
expect_out_match "^  now  [0-9-]{10} [0-9:]{5}  +[0-9]+ sessions  --tag 웹 서비스 --lang ko$" "the plan now first"
expect_out_match "^    1  [0-9-]{10} [0-9:]{5}  +[0-9]+ sessions" "then version 1"
nv=$(ls "$hist" | grep -c '^[0-9]*\.json$')
[ "$(grep -c '^ *[0-9][0-9]*  ' "$tmp/out")" -eq "$nv" ]; ok $? "one line a kept version ($nv)"
before=$(ids)
cp "$plan" "$tmp/current"
n1=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["sessions"]))' "$hist/$(ls "$hist" | grep '^[0-9]' | tail -1)")
# a full disk: the plan is left whole, the version stays in the history
nbefore=$(ls "$hist" | grep -c '^[0-9]*\.json$')
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" FAIL_WRITE_MATCH=pyconkr-2024.plan.json.tmp \
	LD_PRELOAD=$FAIL_WRITE_SO run undo
expect_rc 74 "undo on a full disk fails"
expect_err_match "^planner: cannot write '.*pyconkr-2024.plan.json': No space left on device$" "... saying why, in one line"
cmp -s "$plan" "$tmp/current"; ok $? "... and the plan is as it was"
[ "$(ls "$hist" | grep -c '^[0-9]*\.json$')" -eq "$nbefore" ]; ok $? "... with every version still there"
run undo
expect_rc 0 "undo"
expect_out_match "^restored the plan of [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \($n1 sessions\)$" "says what it restored"
ids | grep -q SRKR79; ok $? "the plan before the last pick is back (SRKR79 in it)"
cmp -s "$hist/undone.json" "$tmp/current"; ok $? "the plan it replaced is kept as undone.json"
[ "$(ls "$hist" | grep -c '^[0-9]*\.json$')" -eq $((nv - 1)) ]; ok $? "the restored version left the history"
run undo
expect_rc 0 "undo again steps further back"
[ "$(js '"SRKR79" in d["pinned"]')" = True ]; ok $? "... to the plan with SRKR79 pinned"
# undo all the way back, then nothing more
i=0; while "$PLANNER" undo >/dev/null 2>&1; do i=$((i + 1)); [ $i -gt 40 ] && break; done
[ "$(ids)" = "$first" ]; ok $? "undo all the way gives the first plan back"
run undo
expect_rc 66 "then there is nothing to undo"

# --- at most 30 versions ---
for i in $(seq 1 35); do "$PLANNER" pin SRKR79 >/dev/null 2>&1; "$PLANNER" unpin SRKR79 >/dev/null 2>&1; done
[ "$(ls "$hist" | grep -c '^[0-9]*\.json$')" -eq 30 ]; ok $? "the newest 30 versions are kept" || ls "$hist" | sed 's/^/#   /' | tail -3
a=$(ls "$hist" | grep '^[0-9]*\.json$' | head -1); b=$(ls "$hist" | grep '^[0-9]*\.json$' | tail -1)
[ "$(expr "${b%.json}" - "${a%.json}")" -eq 29 ]; ok $? "numbered one after the other ($a to $b)"
! { ls "$dir"; ls "$hist"; } | grep -q 'tmp'; ok $? "no temporary file is left"

# --- a damaged version is skipped, never put in force ---
last=$(ls "$hist" | grep '^[0-9]' | tail -1)
echo garbage >"$hist/$last"
cp "$plan" "$tmp/before"
run undo
expect_rc 0 "undo past a damaged version"
expect_err_match "^planner: warning: .*$last: damaged plan file" "names the damaged version"
[ "$(js '"SRKR79" in d["pinned"]')" = False ]; ok $? "restores the one before it (SRKR79 not pinned)"
[ -f "$hist/$last.damaged" ] && [ ! -f "$hist/$last" ]; ok $? "the damaged one is put aside as $last.damaged"
run undo
expect_rc 0 "the next undo"
[ ! -s "$tmp/err" ]; ok $? "... does not trip on it again"

# --- a plan file from before (no dropped, no added) is read ---
rm -rf "$dir"
mkdir -p "$dir"
cat >"$plan" <<'EOF'
{"planner_plan":1,"conference":"pyconkr-2024","fingerprint":"0","made_at":"2024-10-20T10:00:00Z","travel_minutes":5,"args":["--tag","웹 서비스"],"pinned":[],"avoided":[],"sessions":[{"id":"UWB8FM","title":"Django 버전 4.2로 올리기","start":"2024-10-27T07:00:00Z","end":"2024-10-27T07:20:00Z","room":"컨벤션 홀 2"}]}
EOF
run plan
expect_rc 0 "an old plan file is read"
run drop UWB8FM
expect_rc 0 "and edited"
[ "$(js 'd["dropped"]')" = "['UWB8FM']" ]; ok $? "it gains the dropped list"
run undo
expect_out_match "^restored the plan of [0-9-]+ [0-9:]+ \(1 session\)$" "undo gives the old file back"
done_testing
