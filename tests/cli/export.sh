#!/bin/sh
# planner export: the .ics read by real, independent consumers run non-interactively —
# python3-icalendar (times compared with `planner list --json`, 09:40 Asia/Seoul), khal (import
# into a temporary vdir, `khal list` in Seoul, New York and UTC) and calcurse (the TZID export
# read in Berlin, and --utc, imported into temporary directories) — exporting twice with a timetable change in between (one event
# per session in khal, SEQUENCE raised only for what changed, STATUS:CANCELLED), and the
# command itself: default file name, -o - and FILE, the alarm and the config file's `alarm`,
# filters and --all, errors, a full disk that leaves the old file whole, the state file.
. "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
utf8() { LC_ALL=C.UTF-8 "$@"; }
umask 022
mkdir -p "$tmp/wd"
cd "$tmp/wd" || exit 1
conf=$tmp/conf.json
cp "$top/tests/data/export.json" "$conf"
state=$XDG_DATA_HOME/planner

# check_times ICS LIST.json CONF-ID: every VEVENT of ICS (read by python-icalendar) is a session
# of the listing, with its UID, DTSTART and DTEND the same instants, in a zone-aware time; prints
# the number of events.
cat >"$tmp/check_times.py" <<'PY'
import datetime, json, sys
import icalendar
ics, listing, conf = sys.argv[1:4]
cal = icalendar.Calendar.from_ical(open(ics, "rb").read())
sessions = {s["id"]: s for s in json.load(open(listing)) if s.get("start")}
events = cal.walk("VEVENT")
for e in events:
    sid, _, rest = str(e["UID"]).rpartition("@")
    assert rest == conf + ".planner", ("UID", str(e["UID"]))
    s = sessions[sid]
    for key, field in (("DTSTART", "start"), ("DTEND", "end")):
        t = e[key].dt
        assert t.tzinfo is not None and t.utcoffset() is not None, (sid, key, "floating")
        assert t == datetime.datetime.fromisoformat(s[field]), (sid, key, str(t), s[field])
print(len(events))
PY
check_times() { utf8 $py "$tmp/check_times.py" "$@" 2>"$tmp/pyerr"; }

# --- errors, before any plan ---
run export
expect_rc 66 "export without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick', or export the whole timetable with --all" \
	"it says how to make a plan, or to use --all"
[ -z "$(ls)" ]; ok $? "and writes no file"
run export --alarm 10x
expect_rc 64 "a bad --alarm"
expect_err "planner: --alarm '10x': expected 'none' or how long before the start, e.g. 10m, 90s, 1h, 1h30m or 1d (s, m, h, d; at most 7d)" \
	"names the value and what is accepted"
run export --all --room "홀 1" --lang en
expect_rc 66 "filters that together match nothing"
expect_err "planner: nothing to export: no sessions match" "say so"
run export --all --room "no such room"
expect_rc 65 "a room that matches nothing"
expect_err "planner: --room 'no such room': no session in PyCon Korea 2024 is in a room of that name; see 'planner rooms'" \
	"is named, with where to look"
[ -z "$(ls)" ]; ok $? "and no file is written"
run export --all a.ics b.ics
expect_rc 64 "two output files"
run export --all -o .
expect_rc 73 "a directory as the output"
expect_err "planner: cannot write '.': it is a directory" "says so"
run -s pyconkr-2014 add p21
run -s pyconkr-2014 drop p21
run -s pyconkr-2014 export
expect_rc 66 "an empty plan"
expect_err "planner: your plan for PyCon Korea 2014 is empty; add sessions with 'planner add' or 'planner pick', or export the whole timetable with --all" \
	"says how to fill it"
run export --all -o "$tmp/no/such/dir/x.ics"
expect_rc 73 "a directory that does not exist"
expect_err_match "^planner: cannot write '$tmp/no/such/dir/x.ics': No such file or directory$" "names the file and the cause"

# --- the bundled PyCon Korea 2024: a plan, the default file name, python-icalendar ---
run pick --track asyncio
run export
expect_rc 0 "export the plan"
expect_err "planner: wrote 6 events to pyconkr-2024.ics" "to CONFERENCE-ID.ics in the current directory"
[ "$(stat -c %a pyconkr-2024.ics)" = 644 ]; ok $? "a new file gets 0666 less the umask, like any document"
run list --json
cp "$tmp/out" "$tmp/list2024.json"
[ "$(check_times pyconkr-2024.ics "$tmp/list2024.json" pyconkr-2024)" = 6 ]
ok $? "python-icalendar reads 6 events at the instants the timetable says" || sed 's/^/#   /' "$tmp/pyerr"
utf8 $py - pyconkr-2024.ics >"$tmp/py" 2>&1 <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
e = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "F7MWSF@pyconkr-2024.planner"][0]
start = e["DTSTART"]
print(start.params["TZID"], start.dt.strftime("%Y-%m-%d %H:%M"), start.dt.tzinfo, start.dt.utcoffset())
print(str(e["SUMMARY"]), "|", str(e["LOCATION"]), "|", e["SEQUENCE"])
a = e.walk("VALARM")[0]
print(a["ACTION"], a["TRIGGER"].dt, "|", a["DESCRIPTION"])
print(cal["X-WR-CALNAME"], "|", cal["X-WR-TIMEZONE"], "|", cal["METHOD"], "|", cal["PRODID"])
PY
version=$("$PLANNER" version | sed 's/^planner //')
cat >"$tmp/want" <<EOF
Asia/Seoul 2024-10-26 09:40 Asia/Seoul 9:00:00
파이콘과 나의 10년 돌아보기 | 컨벤션 홀 2 | 0
DISPLAY -1 day, 23:50:00 | 09:40 컨벤션 홀 2: 파이콘과 나의 10년 돌아보기
PyCon Korea 2024 (my plan) | Asia/Seoul | PUBLISH | -//planner//planner $version//EN
EOF
diff -u "$tmp/want" "$tmp/py" >"$tmp/diff"; ok $? "python-icalendar: the keynote at 09:40 Asia/Seoul, its room, a 10-minute alarm" ||
	sed 's/^/#   /' "$tmp/diff"
grep -q '^TZID:Asia/Seoul' pyconkr-2024.ics && ! grep -q freeassociation pyconkr-2024.ics
ok $? "the VTIMEZONE is named Asia/Seoul, without libical's prefix"
[ "$(grep -c '^BEGIN:STANDARD' pyconkr-2024.ics)" = 1 ] && ! grep -q '^BEGIN:DAYLIGHT' pyconkr-2024.ics &&
	! grep -Eq '^TZOFFSET(FROM|TO):[+-][0-9]{6}' pyconkr-2024.ics
ok $? "one observance, +0900, no local mean time with seconds"
run export -o -
expect_rc 0 "-o - writes to standard output"
grep -v '^DTSTAMP' "$tmp/out" >"$tmp/a"; grep -v '^DTSTAMP' pyconkr-2024.ics >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"; ok $? "the same calendar as the file (but DTSTAMP)"
[ ! -s "$tmp/err" ]; ok $? "and nothing on stderr"
run export --ics mine.ics
[ "$rc" -eq 0 ] && [ -s mine.ics ]; ok $? "--ics FILE: the file as an argument"

# --all: every session with a time, in two zones, checked against the listing.
run export --all -o all2024.ics
expect_err_match "^planner: 2 sessions without a time left out$" "--all says what it left out"
[ "$(check_times all2024.ics "$tmp/list2024.json" pyconkr-2024)" = 41 ]
ok $? "--all: 41 events, each at the instants of the listing" || sed 's/^/#   /' "$tmp/pyerr"
feed=$top/tests/data/feeds/frab-cccamp2019-schedule.json
run -s "$feed" list --json
cp "$tmp/out" "$tmp/listcamp.json"
run -s "$feed" export --all -o camp.ics
[ "$(check_times camp.ics "$tmp/listcamp.json" camp2019)" = 79 ]
ok $? "a frab feed in Europe/Berlin: 79 events at the right instants" || sed 's/^/#   /' "$tmp/pyerr"
grep -q '^TZOFFSETTO:+0200' camp.ics && [ "$(grep -c '^TZOFFSETTO' camp.ics)" = 1 ]
ok $? "Berlin in August needs one observance, +0200"

# --- khal: import into a temporary vdir, list in three zones, import again after a change ---
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
klist() { # klist TZ FROM: three days of events as "HH:MM-HH:MM [CANCELLED ]title [location]"
	utf8 env TZ="$1" /usr/bin/khal -c "$tmp/khal/config" list \
		--format '{start-time}-{end-time} {status}{title} [{location}]' "$2" 3d >"$tmp/khal.out" 2>&1
}
run -s "$conf" pick --track asyncio
run -s "$conf" add t2 t4 t5
run -s "$conf" export -o first.ics
expect_rc 0 "export the ExportCon plan"
grep -q '^DESCRIPTION:ko\\, intermediate' first.ics && tr -d '\r\n ' <first.ics | grep -q 'alternative:t3asyncio실전(큰방B\\,10:30-11:10)'
ok $? "t1's DESCRIPTION names its alternative, as pick and print do"
kimport first.ics
ok $? "khal imports it" || sed 's/^/#   /' "$tmp/khal.imp"
[ "$(ls "$tmp/khal/cal" | wc -l)" -eq 5 ]; ok $? "khal's vdir has one file per event (5)"
klist Asia/Seoul 2025-08-16
cat >"$tmp/want" <<'EOF'
Saturday, 2025-08-16
09:30-10:15 Opening keynote [all rooms]
10:30-11:00 Commas, semicolons; and a back\slash [Hall A (1F, Main)]
11:30-12:00 비동기프로그래밍과함께하는아주긴제목의세션을만들어서줄접기를시험합니다 [큰 방 B (2F)]
Sunday, 2025-08-17
10:00-10:30 Red alert [Hall A (1F, Main)]
16:00-16:30 Closing: 다음에 또 만나요 [Room C; east, \ wing]
EOF
diff -u "$tmp/want" "$tmp/khal.out" >"$tmp/diff"; ok $? "khal list in Seoul: local times, titles and rooms unescaped" ||
	sed 's/^/#   /' "$tmp/diff"
klist America/New_York 2025-08-15
grep -qx 'Friday, 2025-08-15' "$tmp/khal.out" && grep -qx '20:30-21:15 Opening keynote \[all rooms\]' "$tmp/khal.out" &&
	grep -qx '03:00-03:30 Closing: 다음에 또 만나요 \[Room C; east, \\ wing\]' "$tmp/khal.out"
ok $? "khal list with TZ=America/New_York: the keynote on Friday 20:30 EDT, the closing at 03:00" ||
	sed 's/^/#   /' "$tmp/khal.out"
klist UTC 2025-08-16
grep -qx '00:30-01:15 Opening keynote \[all rooms\]' "$tmp/khal.out"
ok $? "khal list with TZ=UTC: 00:30" || sed 's/^/#   /' "$tmp/khal.out"

# The timetable changes: t2 moves to 13:00, t4 is retitled, t5 is dropped; export again.
utf8 $py - "$conf" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["sessions"]:
    if s["id"] == "t2":
        s["start"], s["end"] = "2025-08-16T13:00", "2025-08-16T13:30"
    if s["id"] == "t4":
        s["title"] = "Closing: 내년에 또 만나요"
d["sessions"] = [s for s in d["sessions"] if s["id"] != "t5"]
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)
PY
run -s "$conf" export -o second.ics
expect_err "planner: wrote 5 events (1 cancelled) to second.ics" "the second export counts the cancelled session"
seqs() { tr -d '\r' <"$1" | awk -F: '/^UID:/ { u = $2 } /^SEQUENCE:/ { print u, $2 }' | sort; }
cat >"$tmp/want" <<'EOF'
k1@exportcon-2025.planner 0
t1@exportcon-2025.planner 0
t2@exportcon-2025.planner 1
t4@exportcon-2025.planner 1
t5@exportcon-2025.planner 1
EOF
seqs second.ics | diff -u "$tmp/want" - >"$tmp/diff"; ok $? "SEQUENCE grew for the moved, retitled and cancelled sessions only" ||
	sed 's/^/#   /' "$tmp/diff"
tr -d '\r' <second.ics | awk '/^UID:t5@/ { on = 1 } on && /^STATUS:/ { print; exit }' | grep -qx 'STATUS:CANCELLED'
ok $? "the dropped planned session is STATUS:CANCELLED"
kimport second.ics
ok $? "khal imports the second export" || sed 's/^/#   /' "$tmp/khal.imp"
[ "$(ls "$tmp/khal/cal" | wc -l)" -eq 5 ]; ok $? "still 5 files in khal's vdir: same UID, replaced"
klist Asia/Seoul 2025-08-16
cat >"$tmp/want" <<'EOF'
Saturday, 2025-08-16
09:30-10:15 Opening keynote [all rooms]
10:30-11:00 Commas, semicolons; and a back\slash [Hall A (1F, Main)]
13:00-13:30 비동기프로그래밍과함께하는아주긴제목의세션을만들어서줄접기를시험합니다 [큰 방 B (2F)]
Sunday, 2025-08-17
10:00-10:30 CANCELLED Red alert [Hall A (1F, Main)]
16:00-16:30 Closing: 내년에 또 만나요 [Room C; east, \ wing]
EOF
diff -u "$tmp/want" "$tmp/khal.out" >"$tmp/diff"; ok $? "khal list: one event per session, moved, retitled, cancelled" ||
	sed 's/^/#   /' "$tmp/diff"
run -s "$conf" export -o third.ics
seqs second.ics >"$tmp/s2"; seqs third.ics | cmp -s "$tmp/s2" -; ok $? "an export with nothing changed keeps every SEQUENCE"

# --- calcurse: the TZID export, then --utc, imported into temporary directories ---
# calcurse ignores the VTIMEZONE and looks the TZID up in the system's zone database, so the plain
# IANA name matters: in Berlin the keynote (09:30 KST, 00:30 UTC) is at 02:30 CEST.
d=$tmp/calcurse-tzid
mkdir -p "$d/data" "$d/conf"
utf8 env TZ=Europe/Berlin calcurse -D "$d/data" -C "$d/conf" -i second.ics >"$tmp/cc.out" 2>&1
grep -q '^08/16/2025 @ 02:30 -> 08/16/2025 @ 03:15>[0-9a-f]* !Opening keynote$' "$d/data/apts"
ok $? "calcurse in Europe/Berlin reads TZID=Asia/Seoul right: the keynote at 02:30" ||
	sed 's/^/#   /' "$d/data/apts" "$tmp/cc.out"

run -s "$conf" export --utc -o utc.ics
! grep -q 'TZID' utc.ics && grep -q '^DTSTART:20250816T003000Z' utc.ics; ok $? "--utc writes UTC times and no TZID"
for z in Asia/Seoul UTC; do
	d=$tmp/calcurse-$(echo $z | tr / -)
	mkdir -p "$d/data" "$d/conf"
	utf8 env TZ=$z calcurse -D "$d/data" -C "$d/conf" -i utc.ics >"$tmp/cc.out" 2>&1
done
grep -q '^5 apps / 0 events / 0 todos / 0 skipped' "$tmp/cc.out"; ok $? "calcurse imports 5 appointments, skips none" ||
	sed 's/^/#   /' "$tmp/cc.out"
apts=$tmp/calcurse-Asia-Seoul/data/apts
grep -q '^08/16/2025 @ 09:30 -> 08/16/2025 @ 10:15>[0-9a-f]* !Opening keynote$' "$apts"
ok $? "calcurse in Seoul: the keynote 09:30-10:15, with its reminder (!)" || sed 's/^/#   /' "$apts"
grep -q '^08/16/2025 @ 00:30 -> 08/16/2025 @ 01:15>[0-9a-f]* !Opening keynote$' "$tmp/calcurse-UTC/data/apts"
ok $? "calcurse in UTC: 00:30-01:15" || sed 's/^/#   /' "$tmp/calcurse-UTC/data/apts"
grep -q '^08/16/2025 @ 10:30 -> 08/16/2025 @ 11:00>[0-9a-f]* !Commas, semicolons; and a back\\slash$' "$apts" &&
	grep -q '!비동기프로그래밍과함께하는아주긴제목의세션을만들어서줄접기를시험합니다$' "$apts"
ok $? "calcurse: escaped and folded titles read back whole" || sed 's/^/#   /' "$apts"
grep -q '^08/17/2025 @ 10:00 -> 08/17/2025 @ 10:30>[0-9a-f]* |Red alert$' "$apts" &&
	note=$(sed -n 's/^08\/17\/2025 @ 10:00.*>\([0-9a-f]*\) .*/\1/p' "$apts") &&
	grep -q '^Cancelled: the timetable no longer has this session.$' "$tmp/calcurse-Asia-Seoul/data/notes/$note"
ok $? "calcurse has no STATUS: the cancelled session has no reminder (|) and its note says so"
note=$(sed -n 's/^08\/16\/2025 @ 10:30.*>\([0-9a-f]*\) .*/\1/p' "$apts")
grep -q '^Line two; with a comma, here$' "$tmp/calcurse-Asia-Seoul/data/notes/$note" 2>/dev/null
ok $? "calcurse keeps the DESCRIPTION, line breaks and all, as the note"

# --- the alarm, from the option and the config file ---
run -s "$conf" export --all --alarm none -o -
! grep -q VALARM "$tmp/out"; ok $? "--alarm none: no VALARM"
run -s "$conf" export --all --alarm 1h30m -o -
[ "$(grep -c '^TRIGGER:-PT1H30M' "$tmp/out")" -eq 5 ]; ok $? "--alarm 1h30m: TRIGGER:-PT1H30M on every event"
mkdir -p "$XDG_CONFIG_HOME/planner"
echo "alarm = 1h" >"$XDG_CONFIG_HOME/planner/config"
run -s "$conf" export --all -o -
grep -q '^TRIGGER:-PT1H' "$tmp/out" && ! grep -q 'PT10M' "$tmp/out"; ok $? "the config file's alarm = 1h"
run -s "$conf" export --all --alarm 5m -o -
grep -q '^TRIGGER:-PT5M' "$tmp/out"; ok $? "--alarm wins over the config file"
rm "$XDG_CONFIG_HOME/planner/config"

# --- filters select sessions instead of the plan ---
run -s "$conf" export --day 2 -o day2.ics
[ "$(grep -c '^UID:' day2.ics)" -eq 1 ] && grep -q '^UID:t4@' day2.ics; ok $? "--day 2: the sessions of day 2 only"
grep -q '^X-WR-CALNAME:ExportCon 2025' day2.ics && ! grep -q 'my plan' day2.ics; ok $? "named after the conference"

# --- writing: a full disk, a device, a symbolic link ---
echo "old calendar" >full.ics
# tests/fail_write.so fails writes to the temporary file half-way, as a full disk does (under
# make asan the sanitizer's runtime must be told that a preloaded library comes first).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" FAIL_WRITE_MATCH=full.ics.tmp \
	LD_PRELOAD=$FAIL_WRITE_SO run -s "$conf" export -o full.ics
expect_rc 74 "an export on a full disk fails"
expect_err_match "^planner: cannot write 'full.ics': No space left on device$" "saying why"
[ "$(cat full.ics)" = "old calendar" ]; ok $? "the old file is whole"
! ls | grep -q '\.tmp\.'; ok $? "no temporary file is left behind"
# a pipe (as /dev/null or /dev/stdout would be a device) is written through, never replaced
mkfifo pipe.ics
timeout 20 cat pipe.ics >from-pipe.ics &
reader=$!
run -s "$conf" export -o pipe.ics
expect_rc 0 "export into a named pipe"
wait $reader
[ -p pipe.ics ]; ok $? "the pipe is still a pipe (written, not replaced)"
grep -q '^END:VCALENDAR' from-pipe.ics; ok $? "the reader at its other end got the whole calendar"
echo x >target.ics
ln -s target.ics link.ics
run -s "$conf" export -o link.ics
[ -L link.ics ] && grep -q '^BEGIN:VCALENDAR' target.ics; ok $? "a symbolic link stays a link; its target gets the calendar"

# --- the SEQUENCE memory ---
f=$state/exportcon-2025.exported
[ "$(head -1 "$f")" = "planner-export-state 2" ] && grep -q '^1 [0-9a-f]\{16\} pc [0-9]* [0-9]* t5 Red%20alert ' "$f"
ok $? "the state file keeps each session's sequence, hash, and how it was written"
echo garbage >"$f"
run -s "$conf" export -o after.ics
expect_rc 0 "a damaged state file does not stop an export"
expect_err_match "^planner: warning: .*exportcon-2025.exported:1: damaged export state: not a planner export state file; starting it again$" \
	"it is named in a warning"
[ "$(head -1 "$f")" = "planner-export-state 2" ]; ok $? "and written anew"
# a directory where the state file goes: said as what it is, and the export still written
cp "$f" "$tmp/state.saved"
rm "$f"
mkdir "$f"
run -s "$conf" export -o dir-state.ics
expect_rc 0 "a directory in the state file's place does not stop an export"
expect_err_match "^planner: warning: .*exportcon-2025.exported: is a directory; starting it again$" \
	"... it is named as a directory in a warning"
grep -q '^END:VCALENDAR' dir-state.ics; ok $? "... and the calendar is written"
rmdir "$f"
mv "$tmp/state.saved" "$f"
# the largest SEQUENCE (RFC 5545 3.8.7.4: an integer) is kept, not a reason to start again
printf 'planner-export-state 1\n2147483647 0000000000000000 t4\n' >"$f"
run -s "$conf" export -o - --all
expect_rc 0 "a state file with SEQUENCE 2147483647"
! grep -q warning "$tmp/err"; ok $? "... read without a warning"
tr -d '\r' <"$tmp/out" | awk '/^UID:t4@/ { on = 1 } on && /^SEQUENCE:/ { print; exit }' | grep -qx 'SEQUENCE:2147483647'
ok $? "... and the session's SEQUENCE stays at the largest, not wrapped around"
# the warning goes through the warning queue: a control character in it reaches the terminal inert
esc=$(printf '\033')
mkdir -p "$tmp/x${esc}[31m/planner"
echo garbage >"$tmp/x${esc}[31m/planner/exportcon-2025.exported"
run_sh "XDG_DATA_HOME='$tmp/x${esc}[31m' '$PLANNER' -s '$conf' export -o - --all"
expect_err_match "^planner: warning: .*damaged export state: not a planner export state file; starting it again$" \
	"a damaged state file under a strange path is named in a warning"
! grep -q "$esc" "$tmp/err"; ok $? "... with its escape character made inert"
# a calendar that did not get out is not remembered as sent
cp "$f" "$tmp/state.before"
sed 's/"title": "[^"]*"/"title": "Changed"/' "$conf" >"$tmp/changed.json"
"$PLANNER" -s "$tmp/changed.json" export --all -o - >&- 2>"$tmp/err"
rc=$?
expect_rc 74 "export to a closed standard output fails"
expect_err "planner: cannot write to standard output: Bad file descriptor" "... in one line"
cmp -s "$f" "$tmp/state.before"; ok $? "... and the state file is as it was"
"$PLANNER" -s "$tmp/changed.json" export --all -o - >/dev/full 2>"$tmp/err"
rc=$?
expect_rc 74 "export to a full disk through standard output fails"
expect_err "planner: cannot write to standard output: No space left on device" "... in one line"
cmp -s "$f" "$tmp/state.before"; ok $? "... and the state file is as it was"
done_testing
