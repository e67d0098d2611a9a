#!/usr/bin/python3
"""Checks that text from a hostile feed stays inert in what planner writes (tests/cli/hostile.sh).

    check.py terminal FILE...      no control characters but line feed, tab and form feed, no
                                   C1 controls, no BiDi controls (also checks stderr captures)
    check.py json FILE             the terminal check, and FILE is JSON whose strings still hold
                                   the feed's C1 and BiDi characters (written as \\u escapes)
    check.py tty FILE              a terminal session's bytes: only planner's own SGR escapes
                                   (ESC [ digits m), none of the feed's sequences
    check.py html FILE             parsed as HTML: no element or attribute the feed could have
                                   smuggled in (script, img, svg, on* handlers ...); the feed's
                                   markup is there as text
    check.py svg FILE              parsed as XML: the same for SVG
    check.py ics FILE N            parsed by python3-icalendar: exactly N VEVENTs, none of them
                                   the one the titles try to inject, the titles' text kept
Prints what is wrong and exits 1.
"""
import html.parser
import re
import sys
import xml.etree.ElementTree as ET

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
FORBIDDEN = {"script", "iframe", "object", "embed", "img", "svg", "math", "base", "form", "input",
             "foreignobject", "image", "use", "animate", "set", "a", "link", "title"}
PAYLOAD = "</title><script>alert(1)</script>"


def fail(msg):
    print(msg)
    sys.exit(1)


def bad_chars(text):
    return [hex(ord(c)) for c in text
            if (ord(c) < 0x20 and c not in "\n\t\f") or 0x7f <= ord(c) <= 0x9f or c in BIDI]


def terminal(paths):
    for p in paths:
        data = open(p, "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            fail("%s: not UTF-8 (%s)" % (p, e))
        bad = bad_chars(text)
        if bad:
            fail("%s: %d control or BiDi characters, first %s" % (p, len(bad), bad[:5]))


def json_file(path):
    import json
    terminal([path])
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except ValueError as e:
        fail("%s: not JSON (%s)" % (path, e))
    found = []

    def walk(v):
        if isinstance(v, str):
            found.extend(c for c in v if 0x80 <= ord(c) <= 0x9f or c in BIDI)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)
    walk(doc)
    if not found:
        fail("%s: the feed's C1 and BiDi characters are lost, not escaped" % path)


def tty(path):
    text = open(path, "rb").read().decode("utf-8", "replace")
    text = re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")
    bad = bad_chars(text)
    if bad:
        fail("%s: %d control or BiDi characters besides SGR, first %s" % (path, len(bad), bad[:5]))


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.bad = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value and "javascript:" in value.lower()):
                self.bad.append("%s %s=%r" % (tag, name, value))

    def handle_data(self, data):
        self.text.append(data)


def check_html(path):
    p = Tags()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    # one <title> is the page's own
    tags = list(p.tags)
    if "title" in tags:
        tags.remove("title")
    bad = [t for t in tags if t in FORBIDDEN] + p.bad
    if bad:
        fail("%s: smuggled markup: %s" % (path, bad[:5]))
    text = "".join(p.text)
    if PAYLOAD not in text:
        fail("%s: the title's markup is not shown as text" % path)


def check_svg(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail("%s: not well-formed XML: %s" % (path, e))
    bad = []
    for el in root.iter():
        name = el.tag.rsplit("}", 1)[-1].lower()
        if name in FORBIDDEN - {"svg", "title", "a"}:
            bad.append(name)
        for attr, value in el.attrib.items():
            if attr.rsplit("}", 1)[-1].lower().startswith("on"):
                bad.append("%s %s" % (name, attr))
    if bad:
        fail("%s: smuggled markup: %s" % (path, bad[:5]))
    if PAYLOAD not in "".join(root.itertext()):
        fail("%s: the title's markup is not shown as text" % path)


def check_ics(path, n):
    import icalendar
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    if len(events) != n:
        fail("%s: %d VEVENTs, not %d" % (path, len(events), n))
    for e in events:
        if "evil" in str(e.get("UID")):
            fail("%s: the injected event is there" % path)
        summary = str(e.get("SUMMARY"))
        if not summary.startswith("Title ") or "BEGIN:VEVENT" not in summary:
            fail("%s: SUMMARY %r lost the title's text" % (path, summary[:80]))


kind, args = sys.argv[1], sys.argv[2:]
if kind == "terminal":
    terminal(args)
elif kind == "json":
    json_file(args[0])
elif kind == "tty":
    tty(args[0])
elif kind == "html":
    check_html(args[0])
elif kind == "svg":
    check_svg(args[0])
elif kind == "ics":
    check_ics(args[0], int(args[1]))
else:
    fail("unknown check " + kind)
