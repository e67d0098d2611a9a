#!/bin/sh
# Ids on screen can be typed back: a long id is cut to the column, but never shorter than what
# tells it from every other id (frab's guids that share their first characters show whole
# enough); an id typed in another case is found when that leaves one (`add kjpmem`).
. "$(dirname "$0")/../lib.sh"
/usr/bin/python3 - "$tmp/feed.json" <<'PY'
import json, sys
s = {"planner_format": 1, "conference": {"id": "idcon", "name": "IdCon", "timezone": "UTC"},
     "rooms": [{"id": "r1", "name": "Hall 1"}],
     "sessions": [{"id": "2019-debconf-talk-%04d-%s" % (i, "abcdefgh"[i % 8]), "title": "Talk %d" % i,
                   "room": "r1", "start": "2025-05-10T%02d:00" % (9 + i), "end": "2025-05-10T%02d:45" % (9 + i)}
                  for i in range(6)] +
                 [{"id": "SHORT1", "title": "Short", "room": "r1", "start": "2025-05-10T16:00", "end": "2025-05-10T16:30"},
                  {"id": "Twin", "title": "Twin upper", "room": "r1", "start": "2025-05-10T17:00", "end": "2025-05-10T17:30"},
                  {"id": "twin", "title": "Twin lower", "room": "r1", "start": "2025-05-10T18:00", "end": "2025-05-10T18:30"}]}
json.dump(s, open(sys.argv[1], "w"))
PY
run -s "$tmp/feed.json" list
expect_rc 0 "list of ids that share their first 20 characters"
grep '^[0-9][0-9]:' "$tmp/out" | awk '{ print $4 }' | grep debconf >"$tmp/shown"
[ "$(sort -u "$tmp/shown" | wc -l)" -eq 6 ]; ok $? "the six long ids are shown six different ways"
bad=""
while read -r shown; do
	typed=${shown%…}
	"$PLANNER" -s "$tmp/feed.json" add "$typed" >/dev/null 2>&1 || bad="$bad $typed"
done <"$tmp/shown"
[ -z "$bad" ]; ok $? "each as shown (without the ellipsis) can be typed back" || echo "#   not found:$bad"
run -s "$tmp/feed.json" plan
[ "$(grep -c 'Talk' "$tmp/out")" -eq 6 ]; ok $? "... and added the six sessions"
run -s "$tmp/feed.json" add short1
expect_rc 0 "an id typed in another case"
run -s "$tmp/feed.json" plan
expect_out_match "SHORT1 +Short" "... is found"
run -s "$tmp/feed.json" add TWIN
expect_rc 65 "a case-folded id that two ids share"
expect_err_match "TWIN" "... is refused, naming what was typed"
run add kjpmem
expect_rc 0 "add kjpmem on the bundled timetable"
run plan
expect_out_match "KJPMEM +ko +FastAPI" "... adds KJPMEM"
done_testing
