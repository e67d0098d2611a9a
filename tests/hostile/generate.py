#!/usr/bin/python3
"""Writes the large hostile inputs of tests/hostile/cases into DIR (too big to keep in git).

    tests/hostile/generate.py DIR

Each file is named after what it holds; tests/cli/hostile.sh runs planner on them.
"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

HEAD = ('{"planner_format": 1, "conference": {"id": "big", "name": "Big", "timezone": "UTC"}, '
        '"rooms": [{"id": "a", "name": "A"}], "sessions": [')


def write(name, *parts):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for p in parts:
            f.write(p)


def native(sessions):
    return HEAD + ",".join(sessions) + "]}\n"


def ics(*events):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
            + "".join(events) + "END:VCALENDAR\r\n")


def vevent(uid, summary="x", extra=""):
    return ("BEGIN:VEVENT\r\nUID:%s\r\nSUMMARY:%s\r\nDTSTART:20250101T100000Z\r\n"
            "DTEND:20250101T110000Z\r\nLOCATION:A\r\n%sEND:VEVENT\r\n" % (uid, summary, extra))


# 100 000 levels of nesting.
write("nest-100000.json", '{"planner_format": 1, "x": ' + "[" * 100000 + "]" * 100000 + "}\n")
write("nest-100000.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "BEGIN:VEVENT\r\n" * 100000
      + "END:VEVENT\r\n" * 100000 + "END:VCALENDAR\r\n")

# 10^6 sessions: native (28 MB), a frab feed, and iCalendar.
write("sessions-1000000.json", native('{"id": "s%d", "title": "t"}' % i for i in range(1000000)))
write("sessions-1000000.frab.json",
      '{"schedule": {"conference": {"acronym": "big", "title": "Big", "days": [{"date": '
      '"2025-01-01", "rooms": {"A": [',
      ",".join(['{"title": "t"}'] * 1000000),
      "]}}]}}}\n")
write("sessions-1000000.ics", ics(*("BEGIN:VEVENT\r\nUID:%d\r\nEND:VEVENT\r\n" % i
                                     for i in range(1000000))))

# Huge strings: a 10 MB title and abstract (native), a 10 MB SUMMARY line (iCalendar).
TEN_MB = 10 * 1024 * 1024
write("title-10MB.json", native(['{"id": "a", "title": "' + "x" * TEN_MB + '"}']))
write("abstract-10MB.json", native(['{"id": "a", "title": "t", "abstract": "' + "x" * TEN_MB + '"}']))
write("title-10MB.ics", ics(vevent("a", "x" * TEN_MB)))
write("id-10MB.json", native(['{"id": "' + "\\u001b[2J" * (TEN_MB // 4) + '", "title": "t"}']))

# 50 MB of a valid timetable: 20 000 sessions (the most planner reads) one after the other in
# one room, each with a 2.5 kB abstract: every command must finish with it.
abstract = "lorem ipsum dolor sit amet " * 92
write("feed-50MB.json", native(
    '{"id": "s%d", "title": "Session %d", "abstract": "%s", "room": "a", '
    '"start": "2025-01-%02dT%02d:%02d", "end": "2025-01-%02dT%02d:%02d"}'
    % (i, i, abstract, 1 + i // 700, 8 + i % 700 // 50, i % 50, 1 + i // 700,
       8 + i % 700 // 50, i % 50 + 1)
    for i in range(20000)))

# JSON whose parse tree would not fit: 20 million empty objects in 60 MB.
write("values-20M.json", "[", ",".join(["{}"] * 20000000), "]\n")

# iCalendar beyond its limits: 2 million lines, a line with 10 000 parameters, 4 MB of
# CATEGORIES values on one line.
write("lines-2M.ics", ics(vevent("a", extra="X-A:1\r\n" * 2000000)))
write("params-10000.ics", ics(vevent("a", extra="X-A" + ";P=1" * 10000 + ":x\r\n")))
write("categories-4MB.ics", ics(vevent("a", extra="CATEGORIES:" + ",".join(["c"] * 2000000) + "\r\n")))

# 1 900 rooms whose names all make the same id (frab), and 3 000 distinct rooms.
write("rooms-same-slug.frab.json",
      '{"schedule": {"conference": {"acronym": "r", "title": "R", "time_zone_name": "UTC", '
      '"rooms": [', ",".join('{"name": "A%s"}' % ("!" * (i % 50) + "?" * (i // 50))
                             for i in range(1900)),
      '], "days": [{"date": "2025-01-01", "rooms": {}}]}}}\n')
write("rooms-3000.frab.json",
      '{"schedule": {"conference": {"acronym": "r", "title": "R", "time_zone_name": "UTC", '
      '"rooms": [', ",".join('{"name": "Room %d"}' % i for i in range(3000)),
      '], "days": [{"date": "2025-01-01", "rooms": {}}]}}}\n')

# Sessionize: one session referring to 500 000 category items, all different.
write("categories-500000.sessionize.json",
      '{"sessions": [{"id": "1", "title": "t", "categoryItems": [',
      ",".join(str(i) for i in range(500000)),
      ']}], "categories": [{"title": "Tags", "items": [',
      ",".join('{"id": %d, "name": "c%d"}' % (i, i) for i in range(500000)),
      ']}], "rooms": [], "speakers": []}\n')

# Bytes that are not text, small but kept out of git: NUL bytes and invalid UTF-8 inside strings.
def raw(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


JSON_HEAD = (b'{"planner_format": 1, "conference": {"id": "h", "name": "H", "timezone": "UTC"}, '
             b'"rooms": [], "sessions": [{"id": "s1", "title": "')
JSON_TAIL = b'"}]}\n'
ICS_HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:"
ICS_TAIL = b"\r\nDTSTART:20250101T100000Z\r\nDTEND:20250101T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<schedule><conference><title>'
XML_TAIL = b'</title></conference></schedule>\n'
for name, bad in (("nul", b"a\x00b"), ("overlong", b"a\xc0\xafb"), ("surrogate-bytes", b"a\xed\xa0\x80b"),
                  ("above-10ffff", b"a\xf4\x90\x80\x80b"), ("truncated-sequence", b"a\xe2\x82")):
    raw(name + ".json", JSON_HEAD + bad + JSON_TAIL)
    raw(name + ".ics", ICS_HEAD + bad + ICS_TAIL)
    raw(name + ".xml", XML_HEAD + bad + XML_TAIL)

# ---- schedule.xml: nesting, counts, sizes, a file cut short, an empty one
XML_EVENT = ('<event guid="g%d" id="%d"><date>2025-01-01T10:00:00+00:00</date>'
             '<duration>00:30</duration><room>A</room><title>%s</title></event>\n')
write("nest-100000.xml", '<?xml version="1.0"?>\n<schedule>' + "<x>" * 100000 + "</x>" * 100000
      + "</schedule>\n")
write("sessions-1000000.xml", '<?xml version="1.0"?>\n<schedule><day date="2025-01-01">'
      '<room name="A">\n', "".join('<event id="%d"><title>x</title></event>\n' % i
                                   for i in range(1000000)), "</room></day></schedule>\n")
write("title-10MB.xml", '<?xml version="1.0"?>\n<schedule><day date="2025-01-01"><room name="A">\n',
      XML_EVENT % (1, 1, "t" * (10 << 20)), "</room></day></schedule>\n")
whole = ('<?xml version="1.0"?>\n<schedule><day date="2025-01-01"><room name="A">\n'
         + "".join(XML_EVENT % (i, i, "x") for i in range(10)) + "</room></day></schedule>\n")
write("truncated.xml", whole[:len(whole) // 2])
write("attributes-3000000.xml", '<?xml version="1.0"?>\n<schedule><day date="2025-01-01"><room name="A">'
      '<event id="1" ', " ".join('a%d="x"' % i for i in range(3000000)),
      '><title>t</title></event></room></day></schedule>\n')
write("empty.xml", "")
write("blank.xml", " \n\t\n")

# ---- iCalendar: time-zone rules, far dates, nesting, categories
# A VTIMEZONE is expanded by libical into every change from its DTSTART on: sub-yearly rules from
# the year 1 took gigabytes.  Events in 2500 keep the year libical expands to (and the messages)
# the same whatever today's date.
def vtimezone(tzid, *observances):
    return "BEGIN:VTIMEZONE\r\nTZID:%s\r\n%sEND:VTIMEZONE\r\n" % (tzid, "".join(observances))


def observance(kind, dtstart, offset_from, offset_to, rrule=None):
    return ("BEGIN:%s\r\nDTSTART:%s\r\nTZOFFSETFROM:%s\r\nTZOFFSETTO:%s\r\n%sEND:%s\r\n"
            % (kind, dtstart, offset_from, offset_to, "RRULE:%s\r\n" % rrule if rrule else "", kind))


def zoned_event(uid, tzid, day="25000701"):
    return ("BEGIN:VEVENT\r\nUID:%s\r\nSUMMARY:x\r\nDTSTART;TZID=%s:%sT100000\r\n"
            "DTEND;TZID=%s:%sT110000\r\nLOCATION:A\r\nEND:VEVENT\r\n" % (uid, tzid, day, tzid, day))


for freq in ("SECONDLY", "MINUTELY", "HOURLY", "DAILY"):
    write("tz-%s.ics" % freq.lower(), ics(
        vtimezone("Evil", observance("STANDARD", "00010101T000000", "+0100", "+0100", "FREQ=" + freq)),
        zoned_event("a", "Evil")))
BERLIN_RULES = (observance("DAYLIGHT", "00010325T020000", "+0100", "+0200", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
                observance("STANDARD", "00011028T030000", "+0200", "+0100", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
write("tz-yearly-from-year-1.ics", ics(vtimezone("Europe/Berlin", *BERLIN_RULES), zoned_event("a", "Europe/Berlin")))
write("tz-every-sunday.ics", ics(
    vtimezone("Evil", observance("STANDARD", "00010101T000000", "+0100", "+0100", "FREQ=YEARLY;BYDAY=SU")),
    zoned_event("a", "Evil")))
write("tz-many-rules.ics", ics(
    vtimezone("Evil", *(observance("STANDARD", "00010101T000000", "+0100", "+0100", "FREQ=YEARLY;BYMONTH=%d" % (1 + i % 12))
                        for i in range(30))),
    zoned_event("a", "Evil")))
# 1 001 VTIMEZONEs, and 100 000 (libical frees them in quadratic time: 50 000 took 11 s).
for n in (1001, 100000):
    write("zones-%d.ics" % n, ics(*("BEGIN:VTIMEZONE\r\nTZID:Z%d\r\nEND:VTIMEZONE\r\n" % i for i in range(n))))
write("tz-offset-9959.ics", ics(vtimezone("Evil", observance("STANDARD", "19700101T000000", "+0100", "+9959")),
                                zoned_event("a", "Evil")))

# 20 000 sessions in the year 9000 in Europe/Berlin: each time made libical expand the zone's
# rules again (minutes); in planner's format and in iCalendar with the file's own VTIMEZONE.
write("year-9000-20000.json",
      '{"planner_format": 1, "conference": {"id": "far", "name": "Far", "timezone": "Europe/Berlin"}, '
      '"rooms": [{"id": "a", "name": "A"}], "sessions": [',
      ",".join('{"id": "s%d", "title": "t", "room": "a", "start": "9000-%02d-%02dT10:%02d", '
               '"end": "9000-%02d-%02dT11:%02d"}' % (i, 1 + i // 1000 % 12, 1 + i % 28, i % 60,
                                                     1 + i // 1000 % 12, 1 + i % 28, i % 60)
               for i in range(20000)), "]}\n")
write("year-9000-20000.ics", ics(
    vtimezone("Europe/Berlin", *BERLIN_RULES),
    *(zoned_event("s%d" % i, "Europe/Berlin", "9000%02d%02d" % (1 + i // 1000 % 12, 1 + i % 28))
      for i in range(20000))))
write("year-9999.json",
      '{"planner_format": 1, "conference": {"id": "far", "name": "Far", "timezone": "Europe/Berlin"}, '
      '"rooms": [{"id": "a", "name": "A"}], "sessions": [{"id": "s1", "title": "t", "room": "a", '
      '"start": "9999-12-30T10:00", "end": "9999-12-30T11:00"}]}\n')

# A VEVENT inside a VEVENT (line 11 of the file).
write("vevent-in-vevent.ics", ics(
    "X-WR-TIMEZONE:UTC\r\nBEGIN:VEVENT\r\nUID:outer\r\nSUMMARY:x\r\nDTSTART:20250101T100000Z\r\n"
    "DTEND:20250101T110000Z\r\nLOCATION:A\r\n" + vevent("inner") + "END:VEVENT\r\n"))

# CATEGORIES: 700 values on one line (libical reads 500 of a line), 1 001 on two lines, 20 MB of
# lines of 500 in one event, and 1 100 events of 1 000 (1.1 million values in all).
def categories(prefix, n):
    return "CATEGORIES:" + ",".join("%s%d" % (prefix, i) for i in range(n)) + "\r\n"


write("categories-700.ics", ics("X-WR-TIMEZONE:UTC\r\n", vevent("a", extra=categories("c", 700))))
write("categories-1001.ics", ics("X-WR-TIMEZONE:UTC\r\n",
                                 vevent("a", extra=categories("c", 600) + categories("d", 401))))
write("categories-20MB.ics", ics(vevent("a", extra=categories("c", 500) * (20 * 1024 * 1024 // 2400))))
write("categories-1100x1000.ics", ics("X-WR-TIMEZONE:UTC\r\n",
                                      *(vevent("e%d" % i, extra=categories("c", 1000)) for i in range(1100))))
