#!/usr/bin/python3
"""check_print.py: independent checks of `planner print` output, for tests/cli/print.sh.

    check_print.py text FILE             every line fits 80 columns (East Asian wide = 2), no
                                         control characters but newline and form feed, and every
                                         page (between form feeds) at most 60 lines; prints
                                         the number of pages
    check_print.py markdown HTML COLS    HTML is cmark-gfm's rendering of a Markdown day plan:
                                         every table row has COLS cells, and no element came from
                                         the data (only the tags a table, headings, paragraphs
                                         and emphasis make)
    check_print.py dom FILE TEXT...      FILE is a DOM chromium dumped: no script, img, iframe,
                                         object or embed element, no on* attribute, and each TEXT
                                         appears as text
    check_print.py svg FILE DAYS TEXT... FILE parses as XML, is SVG, DAYS panels high, has no
                                         script or foreignObject, no on* attribute, a CJK font
                                         stack, and each TEXT appears in its text
    check_print.py png FILE WIDTH HEIGHT FILE is a PNG of that size
    check_print.py pngsize FILE          prints the PNG's "WIDTH HEIGHT"
    check_print.py pixels FILE [X Y W H]  decodes the PNG (8-bit RGB or RGBA, zlib, no PIL) and
                                         prints "WIDTH HEIGHT INKED COLOURS DARK": the pixels of
                                         the region (default: all) that are not near white, the
                                         distinct colours, the pixels near black
    check_print.py svgbox FILE TEXT      prints "X Y W H" of the box (the first rect) of the
                                         session whose tooltip (<title>) holds TEXT, rounded
    check_print.py texts TEXT JSON       every title and speaker of the sessions in JSON (the
                                         output of `list --json`, or `plan --json`) is in TEXT
                                         (pdftotext's), blanks and line breaks ignored; speakers
                                         only of sessions with a room (the others are listed by
                                         title at the foot)
    check_print.py longday OUT ROOMS     writes a timetable with one 14-hour day of 20-minute
                                         sessions in ROOMS rooms, some in the first three tagged
                                         "web"
"""
import html.parser
import json
import struct
import sys
import unicodedata
import xml.etree.ElementTree as ET

FORBIDDEN = {"script", "img", "iframe", "object", "embed", "foreignobject"}


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


def check_text(path):
    data = open(path, encoding="utf-8").read()
    for i, line in enumerate(data.split("\n"), 1):
        for c in line:
            if (ord(c) < 32 and c != "\f") or 0x7f <= ord(c) < 0xa0 or 0x202a <= ord(c) <= 0x202e:
                fail("line %d: control character U+%04X" % (i, ord(c)))
        if width(line.replace("\f", "")) > 80:
            fail("line %d is %d columns: %s" % (i, width(line), line))
    pages = data.split("\f")
    for k, page in enumerate(pages, 1):
        n = len(page.rstrip("\n").split("\n"))
        if n > 60:
            fail("page %d has %d lines" % (k, n))
    print(len(pages))


class Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.bad, self.text, self.rows, self.cells = [], [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in FORBIDDEN:
            self.bad.append("element <%s>" % tag)
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.bad.append("attribute %s on <%s>" % (name, tag))
        if tag == "tr":
            self.cells = 0
        if tag in ("td", "th") and self.cells is not None:
            self.cells += 1

    def handle_endtag(self, tag):
        if tag == "tr":
            self.rows.append(self.cells)
            self.cells = None

    def handle_data(self, data):
        self.text.append(data)


def check_markdown(path, cols):
    p = Collect()
    p.feed(open(path, encoding="utf-8").read())
    allowed = {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "em", "strong"}
    extra = set(p.tags) - allowed
    if extra:
        fail("elements the data made: %s" % sorted(extra))
    if not p.rows or any(r != cols for r in p.rows):
        fail("table rows with other than %d cells: %s" % (cols, p.rows))
    print(len(p.rows))


def check_dom(path, needles):
    p = Collect()
    p.feed(open(path, encoding="utf-8").read())
    if p.bad:
        fail("active content in the DOM: %s" % p.bad)
    text = "".join(p.text)
    for n in needles:
        if n not in text:
            fail("not in the page's text: %r" % n)


def check_svg(path, days, needles):
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    if root.tag != ns + "svg":
        fail("root element is %s" % root.tag)
    if float(root.get("height")) != 794 * days:
        fail("height %s for %d days" % (root.get("height"), days))
    if "Noto Sans CJK KR" not in root.get("font-family", ""):
        fail("no CJK font stack: %r" % root.get("font-family"))
    texts = []
    for el in root.iter():
        local = el.tag.split("}")[-1].lower()
        if local in FORBIDDEN:
            fail("element <%s>" % local)
        for name in el.attrib:
            if name.lower().startswith("on"):
                fail("attribute %s" % name)
        if local in ("text", "title") and el.text:
            texts.append(el.text)
    text = "\n".join(texts)
    for n in needles:
        if n not in text:
            fail("not in the image's text: %r" % n)


def png_size(path):
    data = open(path, "rb").read(32)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        fail("not a PNG")
    return struct.unpack(">II", data[16:24])


def check_png(path, w, h):
    pw, ph = png_size(path)
    if (pw, ph) != (w, h):
        fail("PNG is %dx%d, not %dx%d" % (pw, ph, w, h))


def png_pixels(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    import zlib
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, idat, w = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                fail("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, ctype, interlace))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append(line)
        prev = line
    return w, h, [[tuple(r[x * bpp:x * bpp + 3]) for x in range(w)] for r in rows]


def pixels(path, region):
    w, h, rows = png_pixels(path)
    x0, y0, rw, rh = region if region else (0, 0, w, h)
    inked, dark, colours = 0, 0, set()
    for y in range(y0, min(y0 + rh, h)):
        for x in range(x0, min(x0 + rw, w)):
            p = rows[y][x]
            colours.add(p)
            if min(p) < 200:
                inked += 1
            if max(p) < 80:
                dark += 1
    print(w, h, inked, len(colours), dark)


def svgbox(path, needle):
    ns = "{http://www.w3.org/2000/svg}"
    for g in ET.parse(path).getroot().iter(ns + "g"):
        t = g.find(ns + "title")
        r = g.find(ns + "rect")
        if t is not None and r is not None and needle in (t.text or ""):
            x, y, w, h = (float(r.get(k)) for k in ("x", "y", "width", "height"))
            print("%d %d %d %d" % (round(x), round(y), round(w), round(h)))
            return
    fail("no session box with %r" % needle)


def texts(path, js):
    text = "".join(open(path, encoding="utf-8").read().split())
    data = json.load(open(js, encoding="utf-8"))
    sessions = data["sessions"] if isinstance(data, dict) else data
    missing = []
    for se in sessions:
        want = [se["title"]] + (se["speakers"] if se.get("room") else [])
        for t in want:
            if "".join(t.split()) not in text:
                missing.append(t)
    if missing or not sessions:
        fail("not in the text: %r" % missing)
    print(len(sessions))


def longday(out, nrooms):
    rooms = [{"id": "r%d" % i, "name": "Room %d 강의실" % (i + 1)} for i in range(nrooms)]
    sessions = []
    for r in range(nrooms):
        for k in range(14 * 3):
            m = 8 * 60 + k * 20
            sessions.append({
                "id": "s%d-%d" % (r, k),
                "title": "Session %d in room %d: 긴 제목 %s" % (k, r + 1, "가나다 " * (k % 5)),
                "speakers": ["발표자 %d" % k],
                "tags": ["web"] if r < 3 and (k + r) % 3 == 0 else [],
                "room": "r%d" % r,
                "start": "2025-09-01T%02d:%02d" % (m // 60, m % 60),
                "end": "2025-09-01T%02d:%02d" % ((m + 15) // 60, (m + 15) % 60),
            })
    doc = {"planner_format": 1,
           "conference": {"id": "longcon", "name": "LongCon", "timezone": "Europe/Berlin"},
           "rooms": rooms, "sessions": sessions}
    json.dump(doc, open(out, "w", encoding="utf-8"), ensure_ascii=False)


def main(argv):
    if len(argv) < 3:
        fail(__doc__)
    cmd, path = argv[1], argv[2]
    if cmd == "text":
        check_text(path)
    elif cmd == "markdown":
        check_markdown(path, int(argv[3]))
    elif cmd == "dom":
        check_dom(path, argv[3:])
    elif cmd == "svg":
        check_svg(path, int(argv[3]), argv[4:])
    elif cmd == "png":
        check_png(path, int(argv[3]), int(argv[4]))
    elif cmd == "pngsize":
        print("%d %d" % png_size(path))
    elif cmd == "pixels":
        pixels(path, [int(a) for a in argv[3:7]] if len(argv) > 6 else None)
    elif cmd == "svgbox":
        svgbox(path, argv[3])
    elif cmd == "texts":
        texts(path, argv[3])
    elif cmd == "longday":
        longday(path, int(argv[3]))
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
