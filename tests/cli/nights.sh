#!/bin/sh
# Conference days with nights (a frab feed whose days run from 11:00 to 04:00): every command
# follows the conference day — days, list --day (by number and by date), --json's "day", pick
# --day, --break in the night, print's day pages, now at 01:30 — and a session that ends after
# midnight shows "(+1)" with the columns still aligned.
. "$(dirname "$0")/../lib.sh"
nights=$top/tests/data/frab-nights.json

run -s "$nights" days --json
expect_rc 0 "days --json"
[ "$(tr -d ' \n' <"$tmp/out")" = '[{"day":1,"date":"2019-08-21","weekday":"Wed","sessions":4,"start":"2019-08-21T11:00:00+02:00","end":"2019-08-22T04:00:00+02:00"},{"day":2,"date":"2019-08-22","weekday":"Thu","sessions":4,"start":"2019-08-22T11:00:00+02:00","end":"2019-08-23T04:00:00+02:00"}]' ]
ok $? "two conference days, each with its night, from 11:00 to 04:00" || sed 's/^/#   /' "$tmp/out"

run -s "$nights" list --day 1
expect_golden nights-list-day1.out "list --day 1: the night of day 1 (23:30 and 00:50) under day 1, (+1) aligned"
run -s "$nights" list --day 2019-08-21
expect_golden nights-list-day1.out "--day as the day's date: the same day, with its night"
run -s "$nights" list --day 2019-08-22
expect_out_match "^02:00-03:00 +Curie .*Late Night Concert" "--day 2019-08-22 is day 2, with its night of 08-23"
if grep -q "Night Talk" "$tmp/out"; then ok 1 "... without day 1's night"; else ok 0 "... without day 1's night"; fi
run -s "$nights" list --day 2019-08-23
expect_rc 64 "--day 2019-08-23 (a night, not a day): usage error"
expect_err "planner: --day '2019-08-23': Nights Camp has 2 days (1 = 2019-08-21, 2 = 2019-08-22)" \
	"... naming the days there are"
run -s "$nights" list --json --day 1
[ "$(grep -c '"day": 1,' "$tmp/out")" -eq 4 ]; ok $? "--json: the four sessions of day 1 say \"day\": 1"

# In another zone the headings are that zone's dates, with no day numbers.
run -s "$nights" list --tz UTC
expect_out_match "^2019-08-23 Fri$" "--tz UTC: calendar dates of that zone"
expect_out_match "^21:30-23:30  Curie" "--tz UTC: no (+1) where the session ends the same date there"

run -s "$nights" pick --day 1 --track Entertainment
expect_rc 0 "pick --day 1"
expect_out_match "^23:30-01:30 \(\+1\)    Curie .*Hacker Jeopardy" "pick --day 1 plans the night of day 1"
expect_out_match "^                    why: track entertainment" "... the notes under the mark column"
run -s "$nights" pick --track Entertainment --break 02:00-03:00
if grep -q "Late Night Concert" "$tmp/out"; then r=1; else r=0; fi
ok $r "--break 02:00-03:00 keeps the night of each day free (the 02:00 concert of day 2)"
run -s "$nights" pick --track Entertainment
expect_out_match "Late Night Concert" "without the break the concert is planned"
run -s "$nights" team ann bob --track Entertainment --no-save
expect_out_match "^23:30-01:30 \(\+1\)    Curie .*Hacker Jeopardy" "team: (+1) too"
expect_out_match "^                    why: track entertainment" "... the notes under the mark column"

run -s "$nights" print --day 1
expect_golden nights-print-day1.out "print --day 1: the day's page holds its night"
run -s "$nights" print --all --day 2 -o "$tmp/day2.svg"
expect_rc 0 "print --all --day 2 as SVG"
grep -q '>19:00-02:00 (+1) · nothing scheduled<' "$tmp/day2.svg"
ok $? "... the empty stretch into the night is labelled with (+1)"

run -s "$nights" now --at "2019-08-22 01:30"
expect_out_match "^Nights Camp, 2019-08-22 Thu 01:30 \(night of day 1\), times in Europe/Berlin$" \
	"now at 01:30: the night of day 1"
expect_out_match "^  00:50-01:35  Dijkstra .*Night Talk" "... and what is running"
run -s "$nights" now --at "2019-08-22 01:30" --json
expect_out_match '^  "day": 1,$' "now --json at 01:30: day 1"
run -s "$nights" now --at "2019-08-22 08:00" --json
expect_out_match '^  "day": null,$' "now --json between two days: no day"
run -s "$nights" now --at "2019-08-21 12:00"
expect_out_match "^Nights Camp, 2019-08-21 Wed 12:00 \(day 1\), times in Europe/Berlin$" "now at noon: day 1"

# Fetched, the timetable is read from its snapshot, which holds the zone's offset at every time a
# command shows, the last second of a session too (whether it ends on the next day): a warm list
# and pick open no zone rules, and show the same (+1).
run fetch --quiet "$nights"
expect_rc 0 "fetch the feed into the cache"
strace -f -qq -e trace=%file -o "$tmp/trace" "$PLANNER" list --day 1 >"$tmp/out" 2>"$tmp/err"
expect_golden nights-list-day1.out "from the snapshot: list --day 1 shows the same, (+1) included"
strace -f -qq -e trace=%file -o "$tmp/trace2" "$PLANNER" pick --day 1 --no-save >"$tmp/out" 2>&1
expect_out_match "^23:30-01:30 \(\+1\) .*Hacker Jeopardy" "... and so does pick"
grep -q 'model.snap' "$tmp/trace" && ! grep -q zoneinfo "$tmp/trace" "$tmp/trace2"
ok $? "... reading the snapshot and no zone file" || grep zoneinfo "$tmp/trace" "$tmp/trace2" | sed 's/^/#   /' | head -3

done_testing
