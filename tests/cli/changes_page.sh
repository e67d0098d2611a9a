#!/bin/sh
# A re-fetch that changed much says so in a screenful: every change to the plan first, then at
# most 15 of the others and how many more there are; `planner changes` lists them all.
. "$(dirname "$0")/../lib.sh"
feed=$tmp/camp.json
cp "$top/tests/data/feeds/frab-cccamp2019-schedule.json" "$feed"
run fetch "$feed"
expect_rc 0 "a frab feed fetched"
total=$("$PLANNER" list --json | /usr/bin/python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
# Two sessions in the plan: the last two of the timetable, so that the plan comes first only
# because it is the plan.
"$PLANNER" list --json | /usr/bin/python3 -c "import json,sys; print(' '.join(s['id'] for s in json.load(sys.stdin)[-2:]))" >"$tmp/planned"
# shellcheck disable=SC2046
"$PLANNER" add $(cat "$tmp/planned") >/dev/null 2>&1
/usr/bin/python3 - "$feed" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for day in d["schedule"]["conference"]["days"]:
    for evs in day["rooms"].values():
        for e in evs:
            e["title"] = "(retitled) " + e["title"]
json.dump(d, open(sys.argv[1], "w"))
PY
run fetch "$feed"
expect_rc 0 "a re-fetch where every session was retitled"
[ "$(grep -c '^[ *] retitled' "$tmp/out")" -eq 17 ]; ok $? "it shows 17 changes of $total: the 2 planned and 15 others"
[ "$(grep -c '^\* retitled' "$tmp/out")" -eq 2 ] && [ "$(grep -m2 '^[ *] ' "$tmp/out" | grep -c '^\*')" -eq 2 ]
ok $? "... the planned ones first"
expect_out_match "^  \.\.\. and $((total - 17)) more; 'planner changes' lists them all$" "... then how many more there are"
[ "$(wc -l <"$tmp/out")" -le 22 ]; ok $? "... in a screenful ($(wc -l <"$tmp/out") lines)"
run changes
expect_rc 0 "planner changes"
[ "$(grep -c '^[ *] retitled' "$tmp/out")" -eq "$total" ]; ok $? "... lists all $total"
done_testing
