#!/usr/bin/python3
"""Build the bundled timetables schedules/pyconkr-2024.json and
schedules/pyconkr-2014.json (planner native format, version 1; see
tools/FORMAT.txt) from the published source files.

usage: /usr/bin/python3 schedules/mkbundled.py [DATA_DIR]

DATA_DIR holds pyconkr-2024-sessions.json and pyconkr-2014-program-fixture.json
(default: ../shared/data relative to the repository root).  Standard library
only; the output is deterministic.  See schedules/README.md for provenance.
"""

import collections
import datetime
import html.parser
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data")

SRC_2024 = "pyconkr-2024-sessions.json"
SRC_2014 = "pyconkr-2014-program-fixture.json"

TYPES = {"talk", "keynote", "lightning", "tutorial", "workshop", "panel",
         "break", "social", "other"}
LEVELS = {None, "beginner", "intermediate", "advanced", "초급", "중급", "고급"}


# ---------------------------------------------------------------- helpers

def clean_text(s):
    """Plain text as published: CRLF/CR -> LF, trailing whitespace of every
    line and of the whole removed; empty -> None.  Nothing else changes
    (the 2024 texts are pretalx Markdown and are kept as such)."""
    if s is None:
        return None
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "\n".join(line.rstrip() for line in s.split("\n")).strip()
    return s or None


class _HTMLText(html.parser.HTMLParser):
    """HTML fragment -> plain text.  Tags are dropped; <br> is a line break;
    the end of a block (div, li, ul, ol, h1-h6, ...) ends the line; </p> also
    leaves a blank line; list items are prefixed "- " (indented two spaces
    per nesting level); entities are unescaped (convert_charrefs uses
    html.unescape); a link whose text is not its address keeps the address
    in parentheses after the text."""

    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "pre", "table", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.lists = 0
        self.links = []

    def _text(self):
        return "".join(self.out)

    def _newline(self):
        """End the current line unless already at the start of one."""
        t = self._text()
        if t and t.rsplit("\n", 1)[-1].strip():
            self.out.append("\n")

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self._newline()
            self.out.append("  " * max(self.lists - 1, 0) + "- ")
        elif tag in ("ul", "ol"):
            self.lists += 1
            self._newline()
        elif tag in self.BLOCKS:
            self._newline()
        elif tag == "a":
            self.links.append((dict(attrs).get("href"), len(self.out)))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.lists = max(self.lists - 1, 0)
            self._newline()
        elif tag == "p":
            self._newline()
            self.out.append("\n")
        elif tag in self.BLOCKS:
            self._newline()
        elif tag == "a" and self.links:
            href, at = self.links.pop()
            text = "".join(self.out[at:]).strip()
            if href and text.rstrip("/") != href.strip().rstrip("/"):
                self.out.append(" (%s)" % href.strip())

    def handle_data(self, data):
        self.out.append(data)


def html_to_text(s):
    if not s:
        return None
    p = _HTMLText()
    p.feed(s)
    p.close()
    t = p._text().replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = []
    for line in t.split("\n"):
        m = re.match(r"( *)(- .*)$", line)
        indent = m.group(1) if m else ""
        body = re.sub(r"[ \t]+", " ", line).strip()
        if body == "-":          # an empty list item
            body = ""
        lines.append(indent + body if body else "")
    t = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return t or None


def parse_time(s):
    return datetime.datetime.fromisoformat(s)


def natural(s):
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", s)]


def sort_sessions(sessions, rooms):
    order = {r["id"]: i for i, r in enumerate(rooms)}

    def key(s):
        r = s.get("room")
        rs = [] if r is None else ([r] if isinstance(r, str) else r)
        unscheduled = s.get("start") is None or not rs
        start = parse_time(s["start"]).isoformat() if s.get("start") else ""
        return (unscheduled, start, [order[x] for x in rs], natural(s["id"]))

    return sorted(sessions, key=key)


def room_list(s):
    r = s.get("room")
    return [] if r is None else ([r] if isinstance(r, str) else list(r))


# ---------------------------------------------------------- PyCon KR 2024

def build_2024(path):
    with open(path, encoding="utf-8") as f:
        recs = json.load(f)
    assert isinstance(recs, list) and len(recs) == 43, "expected 43 records"

    # Rooms as published in the slots ("컨벤션 홀 1/2/3", pretalx room ids 2/3/4).
    names = {}
    for r in recs:
        slot = r.get("slot") or {}
        if slot.get("room") is not None:
            name = slot["room"]["en"]
            names.setdefault(slot["room_id"], name)
            assert names[slot["room_id"]] == name, "room id/name mismatch"
    rooms, room_of = [], {}
    for rid in sorted(names):
        name = names[rid]
        m = re.fullmatch(r"컨벤션 홀 (\d)", name)
        assert m, "unexpected room name %r" % name
        room_of[rid] = "hall-" + m.group(1)
        rooms.append({"id": room_of[rid], "name": name})
    rooms.sort(key=lambda r: natural(r["id"]))
    assert [r["id"] for r in rooms] == ["hall-1", "hall-2", "hall-3"]

    type_map = {"Session": "talk", "Keynote": "keynote",
                "Lightning Talk": "lightning", "Closing": "other"}
    sessions, mismatch = [], []
    for r in recs:
        slot = r.get("slot") or {}
        start, end = slot.get("start"), slot.get("end")
        room = room_of[slot["room_id"]] if slot.get("room") is not None else None
        if start:       # the slot is the truth; note where `duration` disagrees
            mins = (parse_time(end) - parse_time(start)).total_seconds() / 60
            if mins != r["duration"]:
                mismatch.append((r["code"], r["duration"], int(mins)))
        stype = r["submission_type"]["en"]
        assert stype in type_map, "unknown submission type %r" % stype
        sessions.append({
            "id": r["code"],
            "title": r["title"],
            "abstract": clean_text(r.get("abstract")),
            "description": clean_text(r.get("description")),
            "speakers": [sp["name"] for sp in r["speakers"]],
            "track": None,      # the feed has no tracks (track is null everywhere)
            "tags": list(r.get("tags") or []),
            "type": type_map[stype],
            "level": None,      # the records state no level
            "language": r.get("content_locale"),
            "room": room,
            "start": start,
            "end": end,
        })
    doc = {
        "planner_format": 1,
        "conference": {
            "id": "pyconkr-2024",
            "name": "PyCon Korea 2024",
            "timezone": "Asia/Seoul",
            "url": "https://2024.pycon.kr",
        },
        "rooms": rooms,
        "sessions": sort_sessions(sessions, rooms),
    }
    return doc, mismatch


# ---------------------------------------------------------- PyCon KR 2014

def build_2014(path):
    with open(path, encoding="utf-8") as f:
        fixture = json.load(f)
    by = collections.defaultdict(dict)
    for o in fixture:
        by[o["model"].split(".")[-1]][o["pk"]] = o["fields"]
    programs = by["program"]
    assert len(programs) == 26, "expected 26 programs"
    assert len(by["room"]) == 3 and len(by["programdate"]) == 1

    rooms = []
    for pk in sorted(by["room"]):
        f = by["room"][pk]
        name, loc = f["name"].strip(), (f.get("location") or "").strip()
        room = {"id": "r%d" % pk,
                "name": loc if name == loc else " ".join(x for x in (name, loc) if x)}
        if loc.startswith("B1"):
            room["floor"] = "B1"
        rooms.append(room)
    all_rooms = [r["id"] for r in rooms]

    lightning_cats = {pk for pk, c in by["programcategory"].items()
                      if c.get("slug") == "lightning-talk" or "라이트닝" in c["name"]}
    assert lightning_cats == {4}, "lightning-talk category is %r" % lightning_cats
    ceremony = {"개회사", "폐회사", "참가자 등록", "BOF"}

    sessions = []
    for pk in sorted(programs):
        p = programs[pk]
        day = by["programdate"][p["date"]]["day"]
        start = end = None
        if p["times"]:
            times = [by["programtime"][t] for t in p["times"]]
            start = "%sT%s" % (day, min(t["begin"] for t in times))
            end = "%sT%s" % (day, max(t["end"] for t in times))
        prooms = ["r%d" % r for r in sorted(p["rooms"])]
        if not prooms:
            room = None
        elif prooms == all_rooms:
            room = all_rooms
        elif len(prooms) == 1:
            room = prooms[0]
        else:
            room = prooms
        if p["name"] in ceremony:
            stype = "other"
        elif p["name"].strip().lower() == "lightning talk" or p["category"] in lightning_cats:
            stype = "lightning"
        else:
            stype = "talk"
        cat = p["category"]
        sessions.append({
            "id": "p%d" % pk,
            "title": p["name"],
            "abstract": html_to_text(p.get("desc")),
            "description": None,
            "speakers": [by["speaker"][s]["name"] for s in p["speakers"]],
            "track": by["programcategory"][cat]["name"] if cat is not None else None,
            "tags": [],
            "type": stype,
            "level": None,
            "language": p.get("language") or None,
            "room": room,
            "start": start,
            "end": end,
        })
    doc = {
        "planner_format": 1,
        "conference": {
            "id": "pyconkr-2014",
            "name": "PyCon Korea 2014",
            "timezone": "Asia/Seoul",
            "url": "https://www.pycon.kr/2014/",
        },
        "rooms": rooms,
        "sessions": sort_sessions(sessions, rooms),
    }
    return doc


# ------------------------------------------------------------- validation

def validate(doc, n_sessions):
    assert doc["planner_format"] == 1
    c = doc["conference"]
    assert re.fullmatch(r"[a-z0-9-]+", c["id"]) and c["name"] and c["timezone"]
    room_ids = [r["id"] for r in doc["rooms"]]
    assert len(set(room_ids)) == len(room_ids), "duplicate room id"
    assert all(r["name"] for r in doc["rooms"])
    ss = doc["sessions"]
    assert len(ss) == n_sessions, "%s: %d sessions" % (c["id"], len(ss))
    ids = [s["id"] for s in ss]
    assert len(set(ids)) == len(ids), "duplicate session id"
    for s in ss:
        assert isinstance(s["title"], str) and s["title"].strip(), s["id"]
        assert s["type"] in TYPES and s["level"] in LEVELS, s["id"]
        assert all(isinstance(x, str) and x for x in s["speakers"]), s["id"]
        for r in room_list(s):
            assert r in room_ids, "%s: unknown room %s" % (s["id"], r)
        assert (s["start"] is None) == (s["end"] is None), s["id"]
        if s["start"] is not None:
            assert parse_time(s["start"]) < parse_time(s["end"]), s["id"]
    assert ss == sort_sessions(ss, doc["rooms"]), "not sorted"
    # no two sessions overlap in one room
    for a in range(len(ss)):
        for b in range(a + 1, len(ss)):
            x, y = ss[a], ss[b]
            if x["start"] and y["start"] and set(room_list(x)) & set(room_list(y)):
                assert not (parse_time(x["start"]) < parse_time(y["end"]) and
                            parse_time(y["start"]) < parse_time(x["end"])), \
                    "%s overlaps %s" % (x["id"], y["id"])


def scheduled(s):
    return s["start"] is not None and bool(room_list(s))


def days(doc):
    return sorted({s["start"][:10] for s in doc["sessions"] if s["start"]})


def summary(doc, path):
    ss = doc["sessions"]
    n_sched = sum(map(scheduled, ss))
    print("%s: %s, %d sessions (%d scheduled, %d unscheduled), %d rooms"
          % (os.path.relpath(path, REPO), doc["conference"]["name"], len(ss),
             n_sched, len(ss) - n_sched, len(doc["rooms"])))
    per_day = collections.Counter(s["start"][:10] if s["start"] else "(no time)" for s in ss)
    for d in sorted(per_day):
        print("  day  %-12s %3d" % (d, per_day[d]))
    per_room = collections.Counter()
    for s in ss:
        for r in room_list(s) or ["(no room)"]:
            per_room[r] += 1
    names = {r["id"]: r["name"] for r in doc["rooms"]}
    for r in [x["id"] for x in doc["rooms"]] + ["(no room)"]:
        if per_room[r]:
            print("  room %-12s %3d  %s" % (r, per_room[r], names.get(r, "")))
    print("  types: " + ", ".join("%s %d" % kv for kv in
                                  sorted(collections.Counter(s["type"] for s in ss).items())))


def write(doc, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(path, encoding="utf-8") as f:
        back = json.load(f)
    assert back == doc, "round trip changed " + path
    return back


def main(argv):
    data = argv[1] if len(argv) > 1 else DEFAULT_DATA
    out24 = os.path.join(HERE, "pyconkr-2024.json")
    out14 = os.path.join(HERE, "pyconkr-2014.json")

    doc24, mismatch = build_2024(os.path.join(data, SRC_2024))
    doc14 = build_2014(os.path.join(data, SRC_2014))
    doc24 = write(doc24, out24)
    doc14 = write(doc14, out14)

    validate(doc24, 43)
    sched = [s for s in doc24["sessions"] if scheduled(s)]
    unsched = [s for s in doc24["sessions"] if not scheduled(s)]
    assert len(sched) == 41 and len(unsched) == 2
    assert all(s["start"] is None and s["end"] is None and s["room"] is None for s in unsched)
    assert days(doc24) == ["2024-10-26", "2024-10-27"], days(doc24)
    assert all(s["start"].endswith("+09:00") for s in sched)
    assert [r["name"] for r in doc24["rooms"]] == ["컨벤션 홀 1", "컨벤션 홀 2", "컨벤션 홀 3"]

    validate(doc14, 26)
    assert days(doc14) == ["2014-08-30"], days(doc14)
    assert all(s["start"] for s in doc14["sessions"])
    assert sorted(s["id"] for s in doc14["sessions"] if s["room"] is None) == \
        ["p17", "p18", "p19", "p26"]
    assert [r["id"] for r in doc14["rooms"]] == ["r1", "r2", "r3"]
    assert all("<" not in (s["abstract"] or "") for s in doc14["sessions"])

    summary(doc24, out24)
    print("  slot differs from duration (slot used): %d talks" % len(mismatch))
    summary(doc14, out14)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
