#!/bin/sh
# planner list / tracks / rooms / days on the bundled timetables: golden output, filters, Korean
# alignment by display width, inert control characters, --tz and --json.
. "$(dirname "$0")/../lib.sh"
mini=$top/tests/data/mini.json

# Display width of the widest line of a file (East Asian wide and fullwidth count two).
maxwidth() {
	/usr/bin/python3 -c 'import sys, unicodedata as u
print(max((sum(2 if u.east_asian_width(c) in "WF" else 0 if u.combining(c) else 1 for c in l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0))' "$1"
}

run list
expect_rc 0 "list with no timetable named uses the newest bundled one"
expect_golden list-pyconkr-2024.out "list on pyconkr-2024 matches the golden file"
run -s pyconkr-2014 list
expect_golden list-pyconkr-2014.out "list on pyconkr-2014 (plenaries in all rooms, roomless lightning talks)"
run -s "$top/schedules/pyconkr-2014.json" list
expect_golden list-pyconkr-2014.out "a timetable given by path reads the same as by bundled name"

run list --day 2 --lang en
expect_golden list-day2-en.out "--day 2 --lang en"
run list --day 2024-10-27 --lang EN
expect_golden list-day2-en.out "--day as a date, --lang ignores case"
run list --tag "웹 서비스" --room "홀 3"
expect_golden list-tag-room.out "--tag and --room (a part of the room name) together"
run list --search DJANGO
expect_golden list-search-django.out "--search ignores case"
run list --speaker 이준범
expect_golden list-speaker.out "--speaker matches a part of a speaker's name"
run list --type keynote
expect_golden list-keynotes.out "--type keynote"

run list --track asyncio
expect_rc 0 "--track with no such track or tag falls back to a text search"
expect_err "planner: no track or tag 'asyncio' in PyCon Korea 2024; showing sessions that mention it or another word of its topic" \
	"the fallback is said in one line on stderr"
expect_out_match "F7MWSF" "the fallback finds the session whose description mentions asyncio"
run -s pyconkr-2014 list --track "데이터 / 바이오 파이썬"
expect_rc 0 "--track matches a category of 2014 as a track"
[ ! -s "$tmp/err" ]; ok $? "no fallback message when the track exists"
[ "$(grep -c '^[0-9][0-9]:' "$tmp/out")" -eq 6 ]; ok $? "--track lists exactly the 6 sessions of that track"

nfd=$(printf '\341\204\222\341\205\241\341\206\253\341\204\200\341\205\256\341\206\250\341\204\213\341\205\245')
run -s "$mini" list --search "$nfd"
expect_out_match "^10:30-11:00 +Hall A|t3" "decomposed Hangul typed by the user finds composed text"
run -s "$mini" list --search 한국어
expect_out_match "t3" "composed Hangul finds a title the feed wrote decomposed"
run -s "$mini" list --level intermediate
expect_out_match "t1" "--level intermediate matches a session whose level is 중급"
[ "$(grep -c '^[0-9][0-9]:' "$tmp/out")" -eq 1 ]; ok $? "--level intermediate lists only that session"

run -s "$mini" list
expect_golden list-mini.out "control characters and BiDi overrides from the data are shown inert"
! grep -q "$(printf '\033')" "$tmp/out"; ok $? "no escape character reaches the terminal"
! grep -q "$(printf '\342\200\256')" "$tmp/out"; ok $? "no right-to-left override reaches the terminal"
expect_out_match "^Not scheduled$" "a session without time or room is kept, under Not scheduled"

COLUMNS=60 run list --day 1
expect_golden list-columns60.out "COLUMNS=60 cuts long titles with an ellipsis"
[ "$(maxwidth "$tmp/out")" -le 60 ]; ok $? "every line fits 60 display columns (Hangul counts two)"
COLUMNS=60 run -s pyconkr-2014 list
[ "$(maxwidth "$tmp/out")" -le 60 ]; ok $? "2014 lines fit 60 display columns too"
/usr/bin/python3 - "$tmp/out" <<'PY'
import sys, unicodedata as u
w = lambda s: sum(2 if u.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l for l in open(sys.argv[1], encoding="utf-8") if l[2:3] == ":"]
# the id column starts at the same display column on every row, whatever the room's script
starts = {w(l[:l.index("  p") + 2]) for l in rows}
sys.exit(0 if len(starts) == 1 and len(rows) == 26 else 1)
PY
ok $? "columns after Korean room names line up by display width"

run -s "$mini" list --tz UTC
expect_out_match "^00:30-01:15 +all rooms +k1" "--tz UTC shows the 09:30 KST keynote at 00:30"
run -s "$mini" list --tz Mars/Base
expect_rc 64 "--tz with an unknown zone"

run list --json
expect_rc 0 "list --json"
/usr/bin/python3 - "$tmp/out" <<'PY'
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
need = {"id", "title", "start", "end", "room", "track", "tags", "type", "level", "language", "speakers"}
assert len(v) == 43, len(v)
assert all(need <= set(s) for s in v)
k = next(s for s in v if s["id"] == "F7MWSF")
assert k["start"] == "2024-10-26T09:40:00+09:00" and k["end"] == "2024-10-26T10:10:00+09:00", k
assert k["room"] == "컨벤션 홀 2" and k["type"] == "keynote" and k["language"] == "ko"
assert sum(1 for s in v if s["start"] is None) == 2
PY
ok $? "--json: 43 sessions with the documented fields and ISO 8601 times with offset"
run -s "$mini" list --json --tz UTC
/usr/bin/python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); assert v[0]["start"]=="2025-08-16T00:30:00+00:00", v[0]; assert "\x1b" in v[2]["title"] or "\x1b" in "".join(s["title"] for s in v)' "$tmp/out"
ok $? "--json keeps the data as it is (escaped by JSON), times in the --tz zone"

run tracks
expect_golden tracks-pyconkr-2024.out "tracks lists the tags with counts"
run -s pyconkr-2014 tracks --json
expect_golden tracks-pyconkr-2014.json "tracks --json lists 2014's categories as tracks"
run rooms
expect_golden rooms-pyconkr-2024.out "rooms with session counts"
# a feed's room list names rooms that hold nothing (c3voc v2 here, frab's "rooms" alike)
run -s "$top/tests/data/feeds/c3voc-schedule-v2-example.json" rooms
printf 'saal-1       Saal 1       1\nsaal-zigzag  Saal ZIGZAG  1\n\n3 more rooms hold no session: Saal GLITCH, Stage HUFF, Stage YELL\n' |
	cmp -s - "$tmp/out"
ok $? "rooms shows the rooms that hold sessions, and counts the others on a line" || sed 's/^/#   /' "$tmp/out"
run -s "$top/tests/data/feeds/c3voc-schedule-v2-example.json" rooms --json
[ "$(grep -c '"sessions": 0' "$tmp/out")" -eq 3 ]; ok $? "rooms --json lists them all, the empty ones with 0"
run days
expect_golden days-pyconkr-2024.out "days with session counts"
run -s pyconkr-2014 days --json
expect_golden days-pyconkr-2014.json "days --json"

done_testing
