#!/bin/sh
# Sessions that take no time (end == start: an iCalendar DTSTART without DTEND or DURATION, RFC
# 5545 3.6.1; DTEND equal to DTSTART; DURATION:PT0S; frab's duration "00:00") are sessions:
# listed and printed with their start only, planned by pick (taking no time: one as a talk ends
# and another starts fits between them, one inside a talk conflicts with it), added, pinned,
# shown in conflicts, and exported without DTEND (which calcurse and python3-icalendar read as
# an event at that instant).
. "$(dirname "$0")/../lib.sh"
ics=$top/tests/data/instants.ics
nights=$top/tests/data/frab-nights.json

run -s "$ics" list
expect_rc 0 "list (exit 0)"
[ ! -s "$tmp/err" ]; ok $? "no warning: nothing is kept unscheduled" || sed 's/^/#   /' "$tmp/err"
expect_golden instants-list.out "list: instants with their start only, the columns aligned"
run -s "$ics" list --json --search social
expect_out_match '"start": "2025-06-13T18:30:00\+02:00",' "--json: the social starts at 18:30"
expect_out_match '"end": "2025-06-13T18:30:00\+02:00",' "... and ends then"
run -s "$nights" list --day 2 --search photo
expect_out_match "^19:00        Curie .*Camp Photo" "frab's duration \"00:00\": a session at 19:00"

run -s "$ics" pick --tag Community --travel 5
expect_rc 0 "pick"
expect_golden instants-pick.out "pick: the photo between the opening and the next talk in its room, the social"
run -s "$ics" add gong@instant.example
expect_rc 0 "add an instant"
expect_out_match "^added gong@instant.example 09:30 Gong for the hackathon \(Room B\)$" "... said with its start"
expect_err "planner: warning: your plan has 1 conflict now; see 'planner conflicts'" \
	"... it happens during the opening: a conflict"
run -s "$ics" conflicts
expect_out_match "^  is on when gong@instant.example 09:30 Gong for the hackathon \(Room B\) happens$" \
	"conflicts: the opening is on when the gong happens"
run -s "$ics" pin social@instant.example
expect_rc 0 "pin an instant"
run -s "$ics" print
expect_golden instants-print.out "print: the plan with its instants"

run -s "$ics" now --at "2025-06-13 18:30"
expect_out_match "^Now:$" "now at 18:30: the social is on, at its instant"
expect_out_match "^  18:30        Garden .*Friday Night Social" "... shown with its start"
run -s "$ics" now --at "2025-06-13 18:00"
expect_out_match "^Next, in 30 min \(18:30\): go to Garden" "now at 18:00: the social is next"

run -s "$ics" export -o "$tmp/plan.ics"
expect_rc 0 "export"
awk '/^BEGIN:VEVENT/{e=""} {e=e $0 "\n"} /^END:VEVENT/{if (e ~ /social@/) printf "%s", e}' "$tmp/plan.ics" |
	tr -d '\r' >"$tmp/social"
grep -q '^DTSTART;TZID=Europe/Paris:20250613T183000$' "$tmp/social"; ok $? "export: the social's DTSTART"
if grep -q '^DTEND' "$tmp/social"; then r=1; else r=0; fi
ok $r "... and no DTEND (RFC 5545 3.8.2.2 wants DTEND later than DTSTART; 3.6.1: it ends then)"
/usr/bin/python3 - "$tmp/plan.ics" >"$tmp/py" 2>&1 <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    print(e.get('summary'), e.decoded('dtstart').strftime('%H:%M'), 'DTEND' in e)
PY
grep -qx "Friday Night Social 18:30 False" "$tmp/py"; ok $? "python3-icalendar reads the social at 18:30" ||
	sed 's/^/#   /' "$tmp/py"
d=$tmp/calcurse
mkdir -p "$d/data" "$d/conf"
env LC_ALL=C.UTF-8 TZ=Europe/Paris calcurse -D "$d/data" -C "$d/conf" -i "$tmp/plan.ics" >"$tmp/cc.out" 2>&1
grep -q '^5 apps / 0 events / 0 todos / 0 skipped' "$tmp/cc.out"; ok $? "calcurse imports the 5 events, skips none" ||
	sed 's/^/#   /' "$tmp/cc.out"
grep -q '^06/13/2025 @ 18:30 -> 06/13/2025 @ 18:30>.*!Friday Night Social$' "$d/data/apts"
ok $? "calcurse: the social at 18:30, taking no time" || sed 's/^/#   /' "$d/data/apts"

# Read back: an exported instant is an instant again.
run -s "$tmp/plan.ics" list --search social
expect_out_match "^18:30  .*Friday Night Social" "the exported file lists the social at 18:30"

done_testing
