#!/bin/sh
# planner export after the plan changed: every session an earlier plan export wrote that is no
# longer in the plan (dropped by hand, re-picked away, cancelled by the timetable) goes into the
# next export as STATUS:CANCELLED with a higher SEQUENCE, whatever the order of the commands;
# checked by importing each export into khal (a temporary vdir): no event of a session that left
# the plan stays active.  Re-exports keep it cancelled with the same SEQUENCE; adding it back
# makes it active again with a higher one.  The state file of version 1 is still read.
. "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
utf8() { LC_ALL=C.UTF-8 "$@"; }
mkdir -p "$tmp/wd"
cd "$tmp/wd" || exit 1

# khal_setup NAME: a fresh khal config with its own vdir ($tmp/NAME)
khal_setup() {
	mkdir -p "$tmp/$1/cal"
	cat >"$tmp/$1/config" <<EOF
[calendars]
[[planner]]
path = $tmp/$1/cal
type = calendar
[sqlite]
path = $tmp/$1/khal.db
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
EOF
}
kimport() { # kimport NAME FILE
	utf8 env TZ=Asia/Seoul /usr/bin/khal -c "$tmp/$1/config" import --batch "$2" >"$tmp/khal.imp" 2>&1
}
# kactive NAME FROM DAYS: the session ids khal shows as active (not cancelled), sorted
kactive() {
	utf8 env TZ=Asia/Seoul /usr/bin/khal -c "$tmp/$1/config" list --format '{status}{uid}' "$2" "$3" \
		>"$tmp/khal.out" 2>&1
	grep '@' "$tmp/khal.out" | grep -v '^CANCELLED' | sed 's/@.*//' | sort
}
kcancelled() { grep '^CANCELLED ' "$tmp/khal.out" | sed 's/^CANCELLED //; s/@.*//' | sort; }
# planned [-s CONF]: the ids of the saved plan, sorted
planned() { "$PLANNER" "$@" plan --json | utf8 $py -c 'import json,sys; print("\n".join(sorted(s["id"] for s in json.load(sys.stdin)["sessions"])))'; }
# field FILE ID NAME: the value of property NAME of the event of session ID in FILE
field() { tr -d '\r' <"$1" | awk -v u="UID:$2@" -v f="$3:" 'index($0, u) == 1 { on = 1 } on && /^END:VEVENT/ { exit } on && index($0, f) == 1 { print substr($0, length(f) + 1); exit }'; }

# --- the flow of the issue: drop UWB8FM, add NEWVMD, export, re-import: only the replacement ---
khal_setup k1
run pick --tag "웹 서비스" --lang ko
run export -o plan.ics
expect_rc 0 "export the plan"
kimport k1 plan.ics; ok $? "khal imports it" || sed 's/^/#   /' "$tmp/khal.imp"
run drop UWB8FM
run add NEWVMD
run export -o plan.ics
expect_rc 0 "export after drop and add"
expect_err "planner: wrote 12 events (1 no longer in your plan, cancelled) to plan.ics" "it counts the session that left the plan"
[ "$(field plan.ics UWB8FM STATUS)" = CANCELLED ] && [ "$(field plan.ics UWB8FM SEQUENCE)" = 1 ]
ok $? "the dropped session is STATUS:CANCELLED with SEQUENCE 1"
[ "$(field plan.ics UWB8FM SUMMARY)" = "Django 버전 4.2로 올리기" ]; ok $? "... with its title"
[ "$(field plan.ics UWB8FM DTSTART)" = "20241027T160000" ] || [ "$(field plan.ics UWB8FM 'DTSTART;TZID=Asia/Seoul')" = "20241027T160000" ]
ok $? "... at the time the calendar has it"
[ -z "$(field plan.ics NEWVMD STATUS)" ] && [ "$(field plan.ics NEWVMD SEQUENCE)" = 0 ]
ok $? "the added session is active, SEQUENCE 0"
kimport k1 plan.ics; ok $? "khal imports the second export" || sed 's/^/#   /' "$tmp/khal.imp"
kactive k1 2024-10-26 2d >"$tmp/active"
planned >"$tmp/want"
diff -u "$tmp/want" "$tmp/active" >"$tmp/diff"; ok $? "khal: the active events are exactly the plan's" || sed 's/^/#   /' "$tmp/diff"
[ "$(kcancelled)" = UWB8FM ]; ok $? "khal: UWB8FM is there only as cancelled" || sed 's/^/#   /' "$tmp/khal.out"
run export -o plan.ics
[ "$(field plan.ics UWB8FM STATUS)" = CANCELLED ] && [ "$(field plan.ics UWB8FM SEQUENCE)" = 1 ]
ok $? "exported again: still cancelled, with the same SEQUENCE"
[ "$(field plan.ics UWB8FM SUMMARY)" = "Django 버전 4.2로 올리기" ] && [ "$(field plan.ics UWB8FM LOCATION)" = "컨벤션 홀 2" ]
ok $? "... with its title and room as before" || field plan.ics UWB8FM SUMMARY | sed 's/^/#   /'
grep -q '^1 [0-9a-f]* pc [0-9]* [0-9]* UWB8FM Django%20' "$XDG_DATA_HOME/planner/pyconkr-2024.exported"
ok $? "the state keeps it (cancelled, with its title) for later exports"
run add UWB8FM
run export -o plan.ics
[ -z "$(field plan.ics UWB8FM STATUS)" ] && [ "$(field plan.ics UWB8FM SEQUENCE)" = 2 ]
ok $? "added back: active again, SEQUENCE 2"
kimport k1 plan.ics
kactive k1 2024-10-26 2d >"$tmp/active"
planned >"$tmp/want"
diff -u "$tmp/want" "$tmp/active" >"$tmp/diff"; ok $? "khal: active again" || sed 's/^/#   /' "$tmp/diff"
run export --all -o all.ics
run drop NEWVMD
run export -o - 
[ "$(tr -d '\r' <"$tmp/out" | grep -c '^STATUS:CANCELLED')" -eq 1 ]
ok $? "sessions only an --all export wrote are not cancelled by a plan export" ||
	tr -d '\r' <"$tmp/out" | grep -B12 '^STATUS:CANCELLED' | grep '^UID' | sed 's/^/#   /'

# --- the timetable changes, then pick, then export (and the other order): the same calendar ---
cp "$top/tests/data/export.json" "$tmp/conf.json"
change() { # t5 is cancelled, t2 moves over t3
	utf8 $py - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["sessions"]:
    if s["id"] == "t2":
        s["start"], s["end"] = "2025-08-16T10:30", "2025-08-16T11:10"
d["sessions"] = [s for s in d["sessions"] if s["id"] != "t5"]
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
}
for order in pick-first export-first; do
	export XDG_DATA_HOME="$tmp/data-$order"
	cp "$top/tests/data/export.json" "$tmp/$order.json"
	c=$tmp/$order.json
	khal_setup "k-$order"
	run -s "$c" pick --track asyncio
	run -s "$c" add t2 t4 t5
	run -s "$c" export -o "$order.ics"
	kimport "k-$order" "$order.ics"
	change "$c"
	if [ $order = export-first ]; then
		run -s "$c" export -o "$order.ics"
		kimport "k-$order" "$order.ics"
	fi
	run -s "$c" pick
	run -s "$c" export -o "$order.ics"
	expect_rc 0 "$order: export after the timetable changed and pick"
	for id in t2 t4 t5; do
		planned -s "$c" | grep -qx $id && continue
		[ "$(field "$order.ics" $id STATUS)" = CANCELLED ] || { echo "#   $id: $(field "$order.ics" $id STATUS)"; false; }
	done
	ok $? "$order: each session that left the plan is STATUS:CANCELLED"
	kimport "k-$order" "$order.ics"; ok $? "$order: khal imports it" || sed 's/^/#   /' "$tmp/khal.imp"
	kactive "k-$order" 2025-08-16 3d >"$tmp/active"
	planned -s "$c" >"$tmp/want"
	diff -u "$tmp/want" "$tmp/active" >"$tmp/diff"; ok $? "$order: khal's active events are exactly the plan's" ||
		sed 's/^/#   /' "$tmp/diff"
	kcancelled >"$tmp/cancelled-$order"
done
cmp -s "$tmp/cancelled-pick-first" "$tmp/cancelled-export-first" && [ -s "$tmp/cancelled-pick-first" ]
ok $? "the same events are cancelled in khal whatever the order" ||
	{ sed 's/^/#   pick-first: /' "$tmp/cancelled-pick-first"; sed 's/^/#   export-first: /' "$tmp/cancelled-export-first"; }

# --- a plan emptied by hand still cancels what the last export wrote ---
export XDG_DATA_HOME="$tmp/data-empty"
run pick --tag "웹 서비스" --lang ko --day 1
run export -o empty.ics
nev=$(tr -d '\r' <empty.ics | grep -c '^BEGIN:VEVENT')
run drop $(planned | tr '\n' ' ')
expect_rc 0 "drop every planned session"
run export -o empty.ics
expect_rc 0 "export the empty plan"
expect_err "planner: wrote $nev events ($nev no longer in your plan, cancelled) to empty.ics" "every event goes out cancelled"
[ "$(tr -d '\r' <empty.ics | grep -c '^STATUS:CANCELLED')" -eq "$nev" ]; ok $? "... each STATUS:CANCELLED"
rm "$XDG_DATA_HOME/planner/pyconkr-2024.exported"
run export -o empty.ics
expect_rc 66 "without the export state, an empty plan is still nothing to export"

# --- a version 1 state file (before this) is read; its sessions are not taken for plan ones ---
export XDG_DATA_HOME="$tmp/data-v1"
mkdir -p "$XDG_DATA_HOME/planner"
run pick --tag "웹 서비스" --lang ko
printf 'planner-export-state 1\n3 0000000000000000 UWB8FM\n' >"$XDG_DATA_HOME/planner/pyconkr-2024.exported"
run export -o v1.ics
expect_rc 0 "a version 1 state file"
! grep -q warning "$tmp/err"; ok $? "... is read without a warning"
[ "$(field v1.ics UWB8FM SEQUENCE)" = 4 ]; ok $? "... its sequences go on (UWB8FM changed: 4)"
head -1 "$XDG_DATA_HOME/planner/pyconkr-2024.exported" | grep -qx 'planner-export-state 2'
ok $? "... and it is written as version 2"
done_testing
