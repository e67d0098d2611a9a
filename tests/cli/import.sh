#!/bin/sh
# The importers end to end: `planner -s FEED list` (and --json) on copies of real feeds of every
# format (tests/data/feeds, provenance in tests/data/README.md) against golden files, with the
# warnings each feed deserves on stderr, and the one-line errors for what is not a timetable.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
feeds=tests/data/feeds

# golden NAME FILE 'exact stderr' DESCRIPTION: list and list --json of FILE match
# tests/golden/import-NAME.out and .json, and stderr is exactly the given lines ('' for none).
golden() {
	run -s "$feeds/$2" list
	expect_rc 0 "$4: list"
	expect_golden "import-$1.out" "$4: list matches the golden file"
	if [ -z "$3" ]; then
		[ ! -s "$tmp/err" ]; ok $? "$4: no warning" || sed 's/^/#   stderr: /' "$tmp/err"
	else
		expect_err "$3" "$4: the warning"
	fi
	run -s "$feeds/$2" list --json
	expect_rc 0 "$4: list --json"
	expect_golden "import-$1.json" "$4: list --json matches the golden file"
}

golden frab-camp2019 frab-cccamp2019-schedule.json '' "frab v1 (Camp 2019)"
golden democon pretalx-democon-schedule.json \
	"planner: warning: $feeds/pretalx-democon-schedule.json: the feed says time zone \"UTC\" but its times are at +01:00; the offsets win, times shown as Etc/GMT-1 (planner fetch --tz ZONE names the zone)" \
	"pretalx's frab export that says UTC but writes +01:00 (DemoCon)"
golden rc3 pretalx-rc3-schedule.json \
	"planner: warning: $feeds/pretalx-rc3-schedule.json: the feed names no time zone; its times are at +01:00, shown as Etc/GMT-1 (planner fetch --tz ZONE names the zone)" \
	"pretalx's frab export without a zone (rC3)"
golden c3voc2 c3voc-schedule-v2-example.json '' "c3voc schedule v2 (38C3)"
golden xml-31c3 frab-31c3-schedule.xml \
	"planner: warning: $feeds/frab-31c3-schedule.xml: the feed names no time zone; its times are at +01:00, shown as Etc/GMT-1 (planner fetch --tz ZONE names the zone)" \
	"frab schedule.xml (31C3)"
golden xml-lswt2019 lswt2019-schedule.xml \
	"planner: warning: $feeds/lswt2019-schedule.xml: the feed names no time zone; UTC assumed (planner fetch --tz ZONE names the zone)
planner: warning: $feeds/lswt2019-schedule.xml: 6 sessions have a missing or duplicate \"id\"; their ids are made from title, time and room
planner: warning: $feeds/lswt2019-schedule.xml: 1 session has no usable time and is kept unscheduled (first: \"Thinktank & Hackathon – “Artificial Intelligence for Smart …\": no \"duration\")" \
	"a static site's pentabarf-style schedule.xml (LSWT 2019): CDATA, one <person> with commas, an id in two rooms"
golden xml-pentabarf ../xml/pentabarf-fosdem-style.xml \
	"planner: warning: $feeds/../xml/pentabarf-fosdem-style.xml: the feed names no time zone; UTC assumed (planner fetch --tz ZONE names the zone)" \
	"old pentabarf schedule.xml (FOSDEM before 2022, hand-written): no date, guid or zone"
golden xml-wafer ../xml/wafer-style.xml '' \
	"wafer schedule.xml (DebConf, hand-written): UTC <date>, local <start>"
golden pyconkr-2024-pretalx pyconkr-2024-sessions.json \
	"planner: warning: $feeds/pyconkr-2024-sessions.json: the feed names no time zone; its times are at +09:00, shown as Etc/GMT-9 (planner fetch --tz ZONE names the zone)" \
	"pretalx talk records (PyCon Korea 2024)"
golden sessionize sessionize-demo-all.json \
	"planner: warning: $feeds/sessionize-demo-all.json: Sessionize times carry no time zone; UTC assumed (planner fetch --tz ZONE names the zone)" \
	"Sessionize All"
golden kielux kielux2020.ics \
	"planner: warning: $feeds/kielux2020.ics: 24 events carry METHOD, which belongs on the calendar, not in an event (ignored)
planner: warning: $feeds/kielux2020.ics: the feed names no time zone; UTC assumed (planner fetch --tz ZONE names the zone)" \
	"iCalendar (Kieler Linux Tage)"

# Conference nights: frab's day_start/day_end put a talk at 00:50 in the night of the day before.
run -s tests/data/frab-nights.json list
expect_rc 0 "frab days with nights: list"
expect_golden "import-frab-nights.out" "frab days with nights: list matches the golden file"
run -s tests/data/frab-nights.json list --json
expect_golden "import-frab-nights.json" "frab days with nights: list --json matches the golden file"
run -s tests/data/frab-nights.json days
printf '1  2019-08-21 Wed  4\n2  2019-08-22 Thu  4\n' | cmp -s - "$tmp/out"
ok $? "frab days with nights: two days, the nights in them" || sed 's/^/#   /' "$tmp/out"

# iCalendar folded in the middle of multi-byte characters (a Hangul syllable, an "é"): UTF-8 is
# checked on the unfolded text (RFC 5545 3.1), as libical reads it.
run -s tests/data/folded-utf8.ics list --json
expect_rc 0 "an .ics folded inside UTF-8 characters loads"
expect_out_match '"title": "파이썬으로 만드는 컨퍼런스 일정 도우미: 한글 제목이 길어서 옥텟 단위로 접히는 발표",' \
	"... the Korean title whole"
expect_out_match '"abstract": "Une présentation .*crème brûlée, déjà vu, été, Noël, à la française."$' \
	"... the French description whole"
# a fold that mends nothing: the byte after it is not the rest of the character
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:caf\303\r\n x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/broken.ics"
run -s "$tmp/broken.ics" list
expect_rc 65 "a character cut and never finished is still refused"
expect_err "planner: $tmp/broken.ics:5:12: not valid UTF-8" "... at its first byte"

# A Sessionize-derived app feed (sessions with "location", "speakerIds", "tags"; top-level
# speakers and rooms): read as Sessionize, with what it carries.
run -s tests/data/lookalike-sessionize.json list
expect_rc 0 "a Sessionize look-alike: list"
expect_golden import-lookalike-sessionize.out "... rooms from \"location\", speakers from \"speakerIds\""
expect_err "planner: warning: tests/data/lookalike-sessionize.json: Sessionize times carry no time zone; UTC assumed (planner fetch --tz ZONE names the zone)" \
	"... and only the usual warning"
run -s tests/data/lookalike-sessionize.json list --tag kotlin --json
[ "$(grep -c '"id": "10[47]"' "$tmp/out")" -eq 2 ]; ok $? "... tags from \"tags\": --tag kotlin finds both Kotlin talks"
run -s tests/data/lookalike-sessionize.json pick --tag kotlin --no-save
expect_out_match "^13:00-13:45    Hall B  107 .*Testing coroutines" "... and pick plans them"
# One whose sessions planner cannot read: said in one line, and pick says why nothing is planned.
run -s tests/data/lookalike-unreadable.json list
expect_rc 0 "a look-alike planner cannot read: list"
expect_err "planner: warning: tests/data/lookalike-unreadable.json: read as Sessionize, but none of its 2 sessions has a time or a room; they carry \"begin\", \"finish\", \"hall\", \"presenters\", which planner does not read" \
	"... one warning naming what it did not read"
run -s tests/data/lookalike-unreadable.json pick --type talk --no-save
expect_out_match "^nothing to plan: no session in the timetable has a time or a room$" \
	"pick says nothing has a time or a room, not that no session matches"
run -s tests/data/lookalike-unreadable.json pick --type keynote --no-save
expect_out_match "^nothing to plan: no session in the timetable has a time or a room$" "... whatever is asked"
run -s tests/data/lookalike-unreadable.json team ann bob --type talk --no-save
expect_out_match "^nothing to plan: no session in the timetable has a time or a room$" "... and so does team"

# The same talks as the bundled timetable made from the same file: same ids, times and rooms.
# (The header names the zone, and day numbers are shown only in the conference's own zone.)
run -s "$feeds/pyconkr-2024-sessions.json" list --tz Asia/Seoul
sed -e 1d -e 's/ (day [0-9]*)$//' "$tmp/out" >"$tmp/imported"
run list
sed -e 1d -e 's/ (day [0-9]*)$//' "$tmp/out" >"$tmp/bundled"
cmp -s "$tmp/bundled" "$tmp/imported"
ok $? "pretalx records shown in Asia/Seoul list exactly like the bundled PyCon Korea 2024" ||
	diff "$tmp/bundled" "$tmp/imported" | head -10 | sed 's/^/#   /'
[ "$(grep -c '^[0-9][0-9]:' "$tmp/imported")" -eq 41 ]; ok $? "all 41 scheduled talks are compared"

# Filters work on imported feeds as on any other.
run -s "$feeds/sessionize-demo-all.json" list --level advanced
expect_out_match "14019 .*Jackson's Session" "--level on Sessionize levels (categories)"
[ "$(grep '^[0-9][0-9]:' "$tmp/out" | awk '{print $4}' | sort | tr '\n' ' ')" = "14019 14020 14023 14025 14026 " ]
ok $? "exactly the 5 sessions whose Level is Advanced or Expert"
run -s "$feeds/frab-cccamp2019-schedule.json" list --track CCC --day 5
expect_out_match "^18:00-18:30  Curie .*Closing ceremony" "--track on frab tracks, --day on frab days"
run -s "$feeds/kielux2020.ics" list --room laboe --tz Europe/Berlin
[ "$(grep -c '^[0-9][0-9]:.*Laboe' "$tmp/out")" -eq 3 ]; ok $? "--room on .ics locations"

# schedule.xml: 31C3's 138 events on its 4 days, the speakers' opt-outs kept.
run -s "$feeds/frab-31c3-schedule.xml" days
[ "$(awk '{n += $4} END {print NR, n}' "$tmp/out")" = "4 138" ]; ok $? "31C3: 4 days holding all 138 events"
run -s "$feeds/frab-31c3-schedule.xml" list --day 3
[ "$(tail -n 1 "$tmp/out" | cut -c1-19)" = "00:15-02:15  Saal 1" ]
ok $? "31C3: the night belongs to its day (<day start end>): day 3 ends with the 00:15 Googlequiz" ||
	tail -n 2 "$tmp/out" | sed 's/^/#   /'
run -s "$feeds/frab-31c3-schedule.xml" list --json
[ "$(grep -c '"do_not_record": true' "$tmp/out")" = "$(grep -c '<optout>true</optout>' "$feeds/frab-31c3-schedule.xml")" ]
ok $? "31C3: every <recording><optout>true</optout> is do_not_record in --json"
links=$(grep -ci "<link href='https\?://" "$feeds/frab-31c3-schedule.xml")
count_links='import json, sys; print(sum(len(s["links"]) for s in json.load(open(sys.argv[1]))))'
[ "$links" -gt 100 ] && [ "$(/usr/bin/python3 -c "$count_links" "$tmp/out")" = "$links" ]
ok $? "31C3: every http(s) <link> is in --json's links"
expect_out_match '"title": "Maha kurz bei Breitband zu diesem Thema",' "... its text the title"
run fetch --tz Europe/Berlin --name links31c3 "$feeds/frab-31c3-schedule.xml"
run -s links31c3 list --json
[ "$(/usr/bin/python3 -c "$count_links" "$tmp/out")" = "$links" ]
ok $? "... and read back from the fetched timetable's snapshot"
run -s "$feeds/frab-31c3-schedule.xml" list --track "Hardware & Making" --day 2
expect_out_match "^17:30-18:00  Saal 2 .*Forging the USB armory" "31C3: --track (an entity in its name) and --day"
[ "$(grep -c '^[0-9][0-9]:' "$tmp/out")" -eq 7 ]; ok $? "... exactly the 7 events of that track on day 2"
run -s "$feeds/lswt2019-schedule.xml" list --json
expect_out_match '"Dr. Sebastian Tramp",' "LSWT: one <person> with a comma is two speakers"
# Old pentabarf: the zone the feed does not name comes from fetch --tz, with no warning.
run fetch --tz Europe/Brussels --name fosdem2019 tests/data/xml/pentabarf-fosdem-style.xml
expect_rc 0 "pentabarf with fetch --tz"
[ ! -s "$tmp/err" ]; ok $? "... and no warning" || sed 's/^/#   stderr: /' "$tmp/err"
run -s fosdem2019 list --json
expect_out_match '"start": "2019-02-02T09:30:00[+]01:00"' "... the day's date and the local start, in Brussels"
# wafer without <time_zone_name>: the UTC <date> beside the local <start> gives the offset.
sed '/time_zone_name/d' tests/data/xml/wafer-style.xml >"$tmp/wafer-nozone.xml"
run -s "$tmp/wafer-nozone.xml" list
expect_out_match "^10:00-10:45  Auditório .*Opening Ceremony" "wafer without a zone: shown at the local start"
expect_err "planner: warning: $tmp/wafer-nozone.xml: the feed names no time zone; its times are at -03:00, shown as Etc/GMT+3 (planner fetch --tz ZONE names the zone)" \
	"... at the offset between <date> and <start>, said once"
# ... or from the feed's own <time_zone_name>, with no warning.
sed 's|<city>Brussels</city>|<time_zone_name>Europe/Brussels</time_zone_name>|' \
	tests/data/xml/pentabarf-fosdem-style.xml >"$tmp/zoned.xml"
run -s "$tmp/zoned.xml" list --json
expect_out_match '"start": "2019-02-02T09:30:00[+]01:00"' "pentabarf with <time_zone_name>: read in that zone"
[ ! -s "$tmp/err" ]; ok $? "... and no warning" || sed 's/^/#   stderr: /' "$tmp/err"
# --format names XML too; a format of another syntax is refused in one line.
run -s "$feeds/lswt2019-schedule.xml" --format xml days
run fetch --format xml --name lswt "$feeds/lswt2019-schedule.xml"
expect_rc 0 "fetch --format xml"
run fetch --format frab --name lswt2 "$feeds/lswt2019-schedule.xml"
expect_rc 65 "fetch --format frab of an XML file"
expect_err "planner: $top/$feeds/lswt2019-schedule.xml: an XML file, not frab (JSON)" "... says what it is"
run fetch --format xml --name mini2 tests/data/mini.json
expect_rc 65 "fetch --format xml of JSON"
expect_err "planner: $top/tests/data/mini.json: a JSON file, not xml (XML)" "... says what it is"

# XML is recognised after a byte-order mark and blank lines, and with a DOCTYPE that declares
# nothing; an event without a title is refused at its position.
{ printf '\357\273\277\n  \n'; cat tests/data/xml/pentabarf-fosdem-style.xml; } >"$tmp/bom.xml"
run -s "$tmp/bom.xml" days
expect_rc 0 "schedule.xml after a BOM and blank lines"
expect_out_match "^2  2019-02-03 Sun  1" "... is read as XML"
printf '<!DOCTYPE schedule>\n<schedule><day date="2025-05-01"><room name="A">\n<event id="1"><start>10:00</start><duration>00:30</duration><title>T</title></event></room></day></schedule>\n' >"$tmp/doctype.xml"
run -s "$tmp/doctype.xml" list --json
expect_rc 0 "a DOCTYPE that declares nothing"
expect_out_match '"start": "2025-05-01T10:00:00[+]00:00"' "... and the day's date with the start"
printf '<?xml version="1.0"?>\n<schedule><day date="2025-05-01"><room name="A">\n  <event id="7"><start>10:00</start></event></room></day></schedule>\n' >"$tmp/notitle.xml"
run -s "$tmp/notitle.xml" list
expect_rc 65 "an event without a title"
expect_err "planner: $tmp/notitle.xml:3:3: event \"7\": no <title>" "... is refused at the event's position"

# A BOM before an .ics is fine.
printf '\357\273\277' >"$tmp/bom.ics"; cat "$feeds/kielux2020.ics" >>"$tmp/bom.ics"
run -s "$tmp/bom.ics" list --json
expect_rc 0 "an .ics with a byte-order mark"
[ "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$tmp/out")" = 24 ]
ok $? "and all 24 events are read"

# What is not a timetable: one line each, naming the file and what it is.
printf '\n<!DOCTYPE html>\n<html><body>Not Found</body></html>\n' >"$tmp/page.json"
run -s "$tmp/page.json" list
expect_rc 65 "an HTML page"
expect_err "planner: $tmp/page.json:2:1: not JSON, XML or iCalendar: it starts with \"<!DOCTYPE html>\"" \
	"an HTML page is not JSON, XML or iCalendar, with the position"
printf '{"model": "x", "pk": 1}' >"$tmp/obj.json"
run -s "$tmp/obj.json" list
expect_rc 65 "JSON of an unknown shape"
expect_err "planner: $tmp/obj.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: top-level keys are \"model\", \"pk\"" \
	"JSON of an unknown shape names its top-level keys"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' >"$tmp/empty.ics"
run -s "$tmp/empty.ics" list --json
expect_rc 0 "a calendar without events is an empty timetable"
expect_out_match '^\[' "listed as an empty array"

# Sessions a feed gives no id get one made from their title, time and room ("x" + 12 hex digits).
# Plans and exported calendars keep those ids, so they must never change: the golden file holds
# the ids planner 0.1.0 made for the same feeds (tests/data/noid/: feeds of four formats with
# their ids taken out).
: >"$tmp/ids"
for f in "$top"/tests/data/noid/*; do
	echo "# ${f##*/}" >>"$tmp/ids"
	"$PLANNER" -s "$f" list --json 2>/dev/null | /usr/bin/python3 -c \
		'import json, sys; [print(s["id"] + "\t" + s["title"]) for s in json.load(sys.stdin)]' >>"$tmp/ids"
done
cp "$tmp/ids" "$tmp/out"
expect_golden import-generated-ids.txt "the ids made for sessions without one are the same as ever"
[ "$(grep -c '^x[0-9a-f]\{12\}	' "$tmp/ids")" -eq 71 ]; ok $? "all 71 sessions of the four feeds got a made id"

done_testing
