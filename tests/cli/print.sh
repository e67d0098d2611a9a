#!/bin/sh
# planner print: golden text and Markdown day plans of both bundled timetables (plans made with
# planner pick), 80 columns and 60-line pages, escape codes only on a terminal, escaping of
# markup in text, Markdown, HTML and SVG, -o written whole, and the HTML in a real headless
# browser: one A4 landscape page per day, no script element, the data shown as text, screenshots.
# The PDF (pdfinfo, pdftotext: every title and speaker, nothing cut where there is room) and the
# PNG (its size, its pixels decoded), hostile titles inert in both; the SVG drawn by rsvg-convert
# and by ImageMagick's own renderer.
. "$(dirname "$0")/../lib.sh"
check="/usr/bin/python3 $top/tests/check_print.py"
data=$top/tests/data/print.json

# browser ARGS... URL: headless chromium with a new empty profile; stdout in $tmp/browser.out.
browser() {
	ud=$(mktemp -d "$tmp/chromium.XXXXXX")
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$ud" "$@" >"$tmp/browser.out" 2>"$tmp/browser.err"
	brc=$?
	rm -rf "$ud"
}
# pages PDF: the page count, from pdfinfo
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# text_ok FILE DESCRIPTION: 80 columns, no control characters, pages of at most 60 lines
text_ok() { $check text "$1" >"$tmp/check" 2>&1; ok $? "$2" || sed 's/^/#   /' "$tmp/check"; }

# No plan yet.
run print
expect_rc 66 "print without a plan"
expect_err "planner: no plan for PyCon Korea 2024 yet; make one with 'planner pick', or print the whole timetable with --all" \
	"print says how to make a plan"
"$PLANNER" add KJPMEM >/dev/null 2>&1
"$PLANNER" drop KJPMEM >/dev/null 2>&1
run print
expect_rc 66 "print with a plan emptied by hand"
expect_err "planner: your plan for PyCon Korea 2024 is empty; add sessions with 'planner add' or 'planner pick', or print the whole timetable with --all" \
	"print says the plan is empty (as export does)"
rm -rf "$tmp/data/planner"

# PyCon Korea 2024: keynotes and asyncio, a pinned talk in another room.
run pick --track asyncio
run pin SRKR79
run print
expect_rc 0 "print the 2024 plan"
expect_golden print-plan-2024.out "the 2024 plan as text: both days, room change, free time, alternative"
text_ok "$tmp/out" "the 2024 text fits 80 columns and 60-line pages"
[ "$(tr -cd '\f' <"$tmp/out" | wc -c)" -eq 1 ]; ok $? "in a pipe the second day starts a new page (one form feed)"
! grep -q "$(printf '\033')" "$tmp/out"; ok $? "no escape codes in a pipe"
run print --format markdown
expect_golden print-plan-2024.md "the 2024 plan as Markdown tables"
cmark-gfm --extension table "$tmp/out" >"$tmp/md.html"
$check markdown "$tmp/md.html" 5 >/dev/null 2>"$tmp/check"
ok $? "a Markdown parser reads two tables of five columns" || sed 's/^/#   /' "$tmp/check"
run print --all --day 2
expect_golden print-all-2024-day2.out "--all --day 2: every session of day 2, nothing planned marked"
text_ok "$tmp/out" "the whole day 2 fits 80 columns and 60-line pages"
run print --day 2024-10-26 -f md
expect_out_match '^## Sat 2024-10-26, day 1 of 2$' "--day takes a date"
! grep -q "2024-10-27" "$tmp/out"; ok $? "--day prints only that day"

# On a terminal: bold headings, no form feeds.
TERM=dumb script -qec "$PLANNER print" /dev/null >"$tmp/tty" 2>&1
grep -q "$(printf '\033')\[1m" "$tmp/tty"; ok $? "on a terminal the headings are bold"
! grep -q "$(printf '\f')" "$tmp/tty"; ok $? "on a terminal days are not split into pages"
NO_COLOR=1 TERM=dumb script -qec "$PLANNER print" /dev/null >"$tmp/tty" 2>&1
! grep -q "$(printf '\033')" "$tmp/tty"; ok $? "NO_COLOR: no escape codes on a terminal either"

# PyCon Korea 2014: one day, plenaries, sessions without a room.
run -s pyconkr-2014 pick --track asyncio --fill
run -s pyconkr-2014 print
expect_golden print-plan-2014.out "the 2014 plan as text: plenaries and a long day"
text_ok "$tmp/out" "the 2014 text fits 80 columns and 60-line pages"
run -s pyconkr-2014 print -f md
expect_golden print-plan-2014.md "the 2014 plan as Markdown"
run -s pyconkr-2014 print --all
text_ok "$tmp/out" "the whole 2014 timetable fits 80 columns and 60-line pages"
expect_out_match '^16:00-17:30    -                Hadoop & Python \[lightning\]$' \
	"a session without a room is listed with '-'"

# Escaping: markup, Markdown specials, control and BiDi characters in the timetable.
run -s "$data" pick --tag web --must x2 --break 11:00-11:30 --block "2025-08-16 16:00-17:00 dentist <3>"
expect_rc 0 "pick on the timetable full of markup"
run -s "$data" print
expect_golden print-escape.out "text: markup shown as it is, control and BiDi characters gone"
text_ok "$tmp/out" "the markup timetable fits 80 columns, no control characters"
run -s "$data" print -f md
expect_golden print-escape.md "Markdown: specials escaped"
cmark-gfm --extension table "$tmp/out" >"$tmp/md.html"
$check markdown "$tmp/md.html" 5 >/dev/null 2>"$tmp/check"
ok $? "Markdown: | in data does not split cells and markup makes no element" || sed 's/^/#   /' "$tmp/check"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/md.html"; ok $? "Markdown: the script title renders as text"

run -s "$data" print -f html -o "$tmp/esc.html"
expect_rc 0 "html -o"
! grep -qi '<script\|<img' "$tmp/esc.html"; ok $? "html: no script or img tag in the file"
grep -q '&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;' "$tmp/esc.html"
ok $? "html: the title is escaped"
! grep -Eq '<[a-z][^>]* (src|href)=|url\(|@import' "$tmp/esc.html"; ok $? "html: nothing to fetch (no src, href, url(), @import)"
! grep -q "$(printf '\357\277\276')" "$tmp/esc.html"; ok $? "html: U+FFFE dropped"
grep -q '@page{size:A4 landscape' "$tmp/esc.html"; ok $? "html: A4 landscape print CSS"
grep -q '<meta name="viewport" content="width=device-width, initial-scale=1">' "$tmp/esc.html"
ok $? "html: a viewport for phones"
browser --dump-dom "file://$tmp/esc.html"
[ "$brc" -eq 0 ] && cp "$tmp/browser.out" "$tmp/esc.dom"
$check dom "$tmp/esc.dom" '<script>alert(1)</script>' '</title><script>alert(2)</script>' \
	"</title><script>alert(3)</script> & \"quotes\" 'single' <img src=x onerror=alert(4)>" \
	'PrintCon 2025 <b>&</b> | *Friends*' 'Room <C> & "D"' 'dentist <3> (busy)' >"$tmp/check" 2>&1
ok $? "chromium's DOM: no script or img element, the markup is text" || sed 's/^/#   /' "$tmp/check"
grep -q '<title>PrintCon 2025 &lt;b&gt;&amp;&lt;/b&gt; | \*Friends\* · my plan</title>' "$tmp/esc.dom"
ok $? "chromium's DOM: the page title holds the escaped name"
browser --print-to-pdf="$tmp/esc.pdf" --no-pdf-header-footer "file://$tmp/esc.html"
[ "$(pages "$tmp/esc.pdf")" = 2 ]; ok $? "the markup timetable prints on 2 pages for its 2 days"
pdftotext -f 1 -l 1 "$tmp/esc.pdf" - 2>/dev/null | grep -q '<script>alert(1)</script>'
ok $? "the printed page shows <script>alert(1)</script> as text"

run -s "$data" print -f svg
expect_rc 0 "svg to standard output"
cp "$tmp/out" "$tmp/esc.svg"
xmllint --noout "$tmp/esc.svg" 2>"$tmp/check"; ok $? "svg: xmllint finds well-formed XML" || sed 's/^/#   /' "$tmp/check"
$check svg "$tmp/esc.svg" 2 '<script>alert(1)</script>' "</title><script>alert(3)</script> & \"quotes\"" \
	'Room <C> & "D"' 'PrintCon 2025 <b>&</b> | *Friends* · my plan' '큰 방 B' >"$tmp/check" 2>&1
ok $? "svg: two days, no script, CJK fonts, the markup is text" || sed 's/^/#   /' "$tmp/check"

# -o writes the whole file or nothing; the format follows the extension.
run print -o "$tmp/plan.md"
expect_rc 0 "-o FILE.md"
run print -f markdown
cmp -s "$tmp/out" "$tmp/plan.md"; ok $? "-o plan.md writes what --format markdown prints"
mkdir -p "$tmp/dir/plan.html" && : >"$tmp/dir/plan.html/keep"
run print -o "$tmp/dir/plan.html"
expect_rc 73 "-o onto a directory fails"
expect_err "planner: cannot write '$tmp/dir/plan.html': it is a directory" "... saying so, as export does"
[ "$(ls "$tmp/dir")" = plan.html ]; ok $? "a failed -o leaves no temporary file behind"
run print -o "$tmp/nodir/plan.html"
expect_rc 73 "-o into a missing directory"
run print -f jpeg
expect_err "planner: print: --format 'jpeg': expected text, markdown, html, svg, pdf or png (see 'planner help print')" \
	"an unknown format"
run print -f pdf --paper a3
expect_err "planner: print: --paper 'a3': expected a4 or letter (see 'planner help print')" "an unknown paper size"
run print --day 3
expect_rc 64 "--day past the last day"

# PDF: one A4 (or Letter) landscape page per day, every title and speaker found as text.
run pick --track asyncio
run print -f pdf -o "$tmp/plan.pdf"
expect_rc 0 "print -f pdf -o FILE"
[ "$(pages "$tmp/plan.pdf")" = 2 ]; ok $? "pdf: the 2024 plan is 2 pages, one per day"
pdfinfo "$tmp/plan.pdf" | grep -q '^Page size: *842 x 595 pts (A4)$'; ok $? "pdf: A4 landscape"
pdftotext -f 1 -l 1 "$tmp/plan.pdf" - | grep -q 'Sat 2024-10-26' && ! pdftotext -f 1 -l 1 "$tmp/plan.pdf" - | grep -q '2024-10-27'
ok $? "pdf: page 1 holds day 1 only"
pdftotext -f 2 -l 2 "$tmp/plan.pdf" - | grep -q 'Sun 2024-10-27'; ok $? "pdf: page 2 holds day 2"
run plan --json
cp "$tmp/out" "$tmp/plan.json"
pdftotext -raw "$tmp/plan.pdf" "$tmp/plan.txt"
$check texts "$tmp/plan.txt" "$tmp/plan.json" >/dev/null 2>"$tmp/check"
ok $? "pdf: every planned title and speaker is on the pages" || sed 's/^/#   /' "$tmp/check"
grep -q '★ planned' "$tmp/plan.txt" && grep -q 'room full? the alternative (dashed)' "$tmp/plan.txt" &&
	grep -q '13:00-13:40 · room full?' "$tmp/plan.txt"
ok $? "pdf: a legend, and the alternative labelled as such, not only coloured"
run print --all --day 1 -o "$tmp/all1.pdf"
[ "$(pages "$tmp/all1.pdf")" = 1 ]; ok $? "pdf: --all --day 1 is one page"
pdftotext -raw "$tmp/all1.pdf" "$tmp/all1.txt"
run list --day 1 --json
cp "$tmp/out" "$tmp/day1.json"
$check texts "$tmp/all1.txt" "$tmp/day1.json" >/dev/null 2>"$tmp/check"
ok $? "pdf: every title and speaker of 2024 day 1 (the 15-20 minute slots too)" || sed 's/^/#   /' "$tmp/check"
! grep -q '…' "$tmp/all1.txt"; ok $? "pdf: nothing of 2024 day 1 ends in '…': every box has room"
grep -q 'SpringBoot 하던 사람이 Django 찍먹 해 봄 : 저의 적응기를 공유합니다 — 이지훈' "$tmp/all1.txt"
ok $? "pdf: a 20-minute slot keeps time, title and speaker on one line"
run -s pyconkr-2014 print --all -o "$tmp/all2014.pdf"
[ "$(pages "$tmp/all2014.pdf")" = 1 ]; ok $? "pdf: the 2014 timetable is one page"
pdftotext -raw "$tmp/all2014.pdf" "$tmp/all2014.txt"
run -s pyconkr-2014 list --json
cp "$tmp/out" "$tmp/l2014.json"
$check texts "$tmp/all2014.txt" "$tmp/l2014.json" >/dev/null 2>"$tmp/check"
ok $? "pdf: every title and speaker of the 2014 timetable" || sed 's/^/#   /' "$tmp/check"
! grep -q '…' "$tmp/all2014.txt"; ok $? "pdf: nothing of 2014 ends in '…'"
grep -q '10:00-10:15 ★ 개회사 — 장혜식' "$tmp/all2014.txt"; ok $? "pdf: the 15-minute opening keeps its speaker"
run print --paper letter -o "$tmp/letter.pdf"
pdfinfo "$tmp/letter.pdf" | grep -q '^Page size: *792 x 612 pts (letter)$'; ok $? "pdf: --paper letter"
run print --day 2 -o "$tmp/day2.PDF"
[ "$(head -c 5 "$tmp/day2.PDF")" = "%PDF-" ] && [ "$(pages "$tmp/day2.PDF")" = 1 ]
ok $? "pdf: -o day2.PDF chooses the format from the extension; --day prints one page"
run print -f pdf -o -
[ "$(head -c 5 "$tmp/out")" = "%PDF-" ]; ok $? "pdf: -o - writes standard output"
: >"$tmp/kept.pdf" && chmod 640 "$tmp/kept.pdf" && ln -sf kept.pdf "$tmp/link.pdf"
run print -o "$tmp/link.pdf"
[ -L "$tmp/link.pdf" ] && [ "$(stat -c %a "$tmp/kept.pdf")" = 640 ] && [ "$(pages "$tmp/kept.pdf")" = 2 ]
ok $? "pdf: written through a symbolic link, the file's mode kept"

# PNG: a phone-portrait picture of one day.
run print --day 1 -o "$tmp/day1.png"
expect_rc 0 "png: print --day 1 -o day1.png"
$check png "$tmp/day1.png" 1080 1920 2>"$tmp/check"; ok $? "png: 1080 x 1920" || sed 's/^/#   /' "$tmp/check"
set -- $($check pixels "$tmp/day1.png")
[ "${3:-0}" -gt 100000 ] && [ "${4:-0}" -gt 100 ]; ok $? "png: not blank ($3 inked pixels, $4 colours)"
set -- $($check pixels "$tmp/day1.png" 0 0 1080 200)
[ "${3:-0}" -gt 5000 ]; ok $? "png: the heading is drawn at the top ($3 inked pixels)"
run print -o "$tmp/two.png"
expect_rc 64 "png: two days without --day is refused"
expect_err "planner: a png holds one day and there are 2 to print: say which with --day" "... saying how"
[ ! -e "$tmp/two.png" ]; ok $? "png: nothing written then"
run -s pyconkr-2014 print -f png -o "$tmp/2014.png"
set -- $($check pngsize "$tmp/2014.png")
[ "$1" = 1080 ] && [ "$2" -gt 1920 ]; ok $? "png: a longer day makes a taller picture (${2:-?} px)"

# Hostile titles: very long, control characters, markup: drawn as text, nothing interpreted (a
# NUL the loader refuses already).
/usr/bin/python3 - "$tmp/hostile.json" <<'PY'
import json, sys
long = "Very long title " * 150
doc = {"planner_format": 1,
       "conference": {"id": "hostile", "name": "Hostile <b>Con</b> &amp; \u001b[31m", "timezone": "UTC"},
       "rooms": [{"id": "a", "name": "<i>Room</i> \u0007A"}, {"id": "b", "name": "B"}],
       "sessions": [
           {"id": "h1", "title": long, "speakers": ["<span foreground=\"red\">S</span>"], "room": "a",
            "start": "2025-01-01T10:00", "end": "2025-01-01T10:15"},
           {"id": "h2", "title": "<b>bold</b> &lt; & \u001b[2J\u202eevil\u202c <markup>", "room": "b",
            "speakers": ["Tab\tNewline\nName"], "start": "2025-01-01T09:00", "end": "2025-01-01T18:00"}]}
json.dump(doc, open(sys.argv[1], "w"))
PY
run -s "$tmp/hostile.json" print --all -o "$tmp/hostile.pdf"
expect_rc 0 "hostile: a pdf is made"
pdftotext -raw "$tmp/hostile.pdf" "$tmp/hostile.txt"
grep -q '<b>bold</b> &lt; &' "$tmp/hostile.txt" && grep -q '<span foreground="red">S</span>' "$tmp/hostile.txt" &&
	grep -q 'Hostile <b>Con</b> &amp;' "$tmp/hostile.txt"
ok $? "hostile: markup is shown as text, not interpreted by Pango"
! grep -q "$(printf '\033\|\a')" "$tmp/hostile.txt" && ! grep -q "$(printf '\342\200\256')" "$tmp/hostile.txt"
ok $? "hostile: no control or BiDi characters drawn"
grep -q 'Very long title Very long.*…' "$tmp/hostile.txt" && [ "$(pages "$tmp/hostile.pdf")" = 1 ]
ok $? "hostile: a very long title in a 15-minute box is cut with '…', on its one page"
run -s "$data" print -o "$tmp/esc.pdf"
pdftotext -raw "$tmp/esc.pdf" "$tmp/esc.txt"
grep -q 'Escape red, evil and a noncharacter here' "$tmp/esc.txt" && grep -q '웹 보안 기초' "$tmp/esc.txt"
ok $? "hostile: a noncharacter (U+FFFE, which Cairo refuses) is dropped, and what follows it drawn"
run -s "$tmp/hostile.json" print --all -o "$tmp/hostile.png"
expect_rc 0 "hostile: a png is made"
$check png "$tmp/hostile.png" 1080 1920 2>"$tmp/check"; ok $? "hostile: the png is 1080 x 1920" || sed 's/^/#   /' "$tmp/check"

# The SVG as rsvg-convert and ImageMagick's own renderer (msvg:) draw it: the Hangul room names
# show in both, nothing either lacks (clip paths, patterns, tspans).
run -s "$data" print -f svg -o "$tmp/esc2.svg"
! grep -q '<clipPath\|<pattern\|<tspan\|url(#' "$tmp/esc2.svg"; ok $? "svg: no clip paths, patterns or tspans"
grep -q '^<svg [^>]*font-family="Noto Sans CJK KR">$' "$tmp/esc2.svg" && grep -q '<style>svg{font-family:"Noto Sans CJK KR", ' "$tmp/esc2.svg"
ok $? "svg: one family in the attribute, the CJK stack in a style sheet"
run print --day 1 -f svg -o "$tmp/day1.svg"
for r in rsvg im; do
	case $r in
	rsvg) rsvg-convert "$tmp/day1.svg" -o "$tmp/$r.png" && rsvg-convert "$tmp/esc2.svg" -o "$tmp/$r-esc.png" ;;
	im) convert "msvg:$tmp/day1.svg" -background white -flatten -depth 8 "png24:$tmp/$r.png" &&
		convert "msvg:$tmp/esc2.svg" -background white -flatten -depth 8 "png24:$tmp/$r-esc.png" ;;
	esac
	ok $? "svg: $r draws it"
	# the room names "컨벤션 홀 1/2/3" above the grid: with the Hangul lost only the digits are left
	set -- $($check pixels "$tmp/$r.png" 64 94 1036 18)
	[ "${3:-0}" -gt 600 ]; ok $? "svg in $r: the Hangul room names are drawn (${3:-?} inked pixels)"
	# the kept-free 11:00-11:30 of the markup plan (its --break), under its label: hatched in
	# light grey, not painted black
	set -- $($check pixels "$tmp/$r-esc.png" 100 290 900 20)
	[ "${4:-0}" -ge 2 ] && [ "${5:-999999}" -lt 200 ]
	ok $? "svg in $r: a kept-free time is hatched, not a black block (${4:-?} colours, ${5:-?} dark pixels)"
done

# A long English title, long words and a long speaker in a 20-minute box of a six-room grid, the
# next room empty then: in neither renderer does any of it land right of the box (below it is
# the band of the empty hours, drawn anyway).
/usr/bin/python3 - "$tmp/over.json" <<'PY'
import json, sys
rooms = [{"id": "r%d" % i, "name": "Room %d" % i} for i in range(6)]
other = [{"id": "o%d" % i, "title": "Other", "room": "r%d" % i,
          "start": "2025-01-01T%02d:00" % (9 + i % 2 * 8), "end": "2025-01-01T%02d:30" % (9 + i % 2 * 8)}
         for i in range(6) if i != 1]
long = {"id": "l1", "room": "r1", "start": "2025-01-01T10:00", "end": "2025-01-01T10:20",
        "title": "Supercalifragilisticexpialidocious WWWWWWWWWWWWWWWWWWWWWWWW Understanding "
                 "Asynchronous Programming With Python Generators And Coroutines In Depth",
        "speakers": ["Maximilian Alexander Wolfeschlegelsteinhausenbergerdorff"]}
json.dump({"planner_format": 1, "conference": {"id": "overcon", "name": "OverCon", "timezone": "UTC"},
           "rooms": rooms, "sessions": [long] + other}, open(sys.argv[1], "w"))
PY
run -s "$tmp/over.json" print --all -f svg -o "$tmp/over.svg"
rsvg-convert "$tmp/over.svg" -o "$tmp/over-rsvg.png" &&
	convert "msvg:$tmp/over.svg" -background white -flatten -depth 8 "png24:$tmp/over-im.png"
ok $? "svg: the long title's grid drawn by rsvg-convert and ImageMagick"
box=$($check svgbox "$tmp/over.svg" Supercalifragilisticexpialidocious)
for r in rsvg im; do
	set -- $box
	x=$(($1 + $3 + 2)) y=$2 h=$4
	set -- $($check pixels "$tmp/over-$r.png" $x $y 60 $h)
	[ "${3:-1}" -eq 0 ]; ok $? "svg in $r: nothing of the long title right of its box (${3:-?} inked pixels)"
	set -- $box
	set -- $($check pixels "$tmp/over-$r.png" $1 $2 $3 $4)
	[ "${3:-0}" -gt 1000 ]; ok $? "svg in $r: its text is drawn inside (${3:-?} inked pixels)"
done

# The 2024 plan in chromium: one A4 landscape page per day, and screenshots.
run print -f html -o "$tmp/plan.html"
browser --print-to-pdf="$tmp/plan.pdf" --no-pdf-header-footer "file://$tmp/plan.html"
[ "$(pages "$tmp/plan.pdf")" = 2 ]; ok $? "the 2024 plan prints on exactly 2 pages, one per day"
pdfinfo "$tmp/plan.pdf" | grep -q 'Page size: *841.9. x 59[45].* pts (A4)'; ok $? "the pages are A4 landscape"
pdftotext -f 1 -l 1 "$tmp/plan.pdf" - | grep -q 'Sat 2024-10-26' && ! pdftotext -f 1 -l 1 "$tmp/plan.pdf" - | grep -q '2024-10-27'
ok $? "page 1 holds day 1 only"
pdftotext -f 2 -l 2 "$tmp/plan.pdf" - | grep -q 'Sun 2024-10-27'; ok $? "page 2 holds day 2"
pdftotext -f 1 -l 1 "$tmp/plan.pdf" - | grep -q '우리 모두는 스팸에서 자유로울 권리가 있다'
ok $? "the Korean titles are on the printed page"
browser --screenshot="$tmp/plan.png" --window-size=1280,1000 "file://$tmp/plan.html"
$check png "$tmp/plan.png" 1280 1000 2>"$tmp/check"; ok $? "a desktop screenshot" || sed 's/^/#   /' "$tmp/check"
browser --screenshot="$tmp/phone.png" --window-size=390,844 "file://$tmp/plan.html"
$check png "$tmp/phone.png" 390 844 2>"$tmp/check"; ok $? "a phone screenshot" || sed 's/^/#   /' "$tmp/check"
if [ -n "${PRINT_SHOTS:-}" ]; then cp "$tmp/plan.png" "$tmp/phone.png" "$tmp/plan.pdf" "$PRINT_SHOTS/"; fi
run print --all -f html -o "$tmp/all.html"
browser --print-to-pdf="$tmp/all.pdf" --no-pdf-header-footer "file://$tmp/all.html"
pdftotext -raw -f 1 -l 1 "$tmp/all.pdf" "$tmp/all-chromium.txt"
$check texts "$tmp/all-chromium.txt" "$tmp/day1.json" >/dev/null 2>"$tmp/check"
ok $? "html printed by chromium: every title and speaker of day 1, short slots too" || sed 's/^/#   /' "$tmp/check"
! grep -q '…' "$tmp/all-chromium.txt"; ok $? "html printed by chromium: nothing of day 1 cut"
run -s pyconkr-2014 print -f html -o "$tmp/plan2014.html"
browser --print-to-pdf="$tmp/plan2014.pdf" --no-pdf-header-footer "file://$tmp/plan2014.html"
[ "$(pages "$tmp/plan2014.pdf")" = 1 ]; ok $? "the 2014 plan prints on exactly 1 page"

# A long day: 14 hours, 20 rooms, 840 sessions.
$check longday "$tmp/long.json" 20
run -s "$tmp/long.json" print --all
expect_rc 0 "print --all of a 14-hour day without a plan"
text_ok "$tmp/out" "the long day keeps to 80 columns and 60-line pages"
[ "$(tr -cd '\f' <"$tmp/out" | wc -c)" -gt 10 ]; ok $? "the long day goes on over many pages"
[ "$(grep -c "^$(printf '\f')LongCon · timetable, continued\$" "$tmp/out")" -eq "$(tr -cd '\f' <"$tmp/out" | wc -c)" ]
ok $? "every further page starts with the heading, 'continued'"
awk 'BEGIN { RS = "\f" } NR > 1 { split($0, l, "\n"); if (l[5] !~ /^[0-9][0-9]:[0-9][0-9]-/) bad++ } END { exit bad > 0 }' "$tmp/out"
ok $? "a session is never split over two pages"
run -s "$tmp/long.json" pick --tag web --travel 0
run -s "$tmp/long.json" print -f html -o "$tmp/long.html"
[ "$(grep -c 'class="rh"' "$tmp/long.html")" -lt 20 ] && grep -q 'other rooms\? not shown' "$tmp/long.html"
ok $? "a grid of 20 rooms shows only the plan's rooms, and says so"
run -s "$tmp/long.json" print --all -f html -o "$tmp/long-all.html"
[ "$(grep -c 'class="rh"' "$tmp/long-all.html")" -eq 20 ]; ok $? "--all shows all 20 rooms"
browser --print-to-pdf="$tmp/long.pdf" --no-pdf-header-footer "file://$tmp/long-all.html"
[ "$(pages "$tmp/long.pdf")" = 1 ]; ok $? "the 14-hour, 20-room day still prints on one page"
run -s "$tmp/long.json" print --all -o "$tmp/long.png"
expect_rc 64 "png: a day of 840 sessions with --all is too long for one picture"
expect_err_match "^planner: the day is too long for one picture \([0-9]+ pixels high\); print it as a pdf, or only the plan \(without --all\)$" "... saying what to do instead"
run -s "$tmp/long.json" print -o "$tmp/long.png"
set -- $($check pngsize "$tmp/long.png")
[ "${1:-0}" = 1080 ] && [ "${2:-0}" -gt 10000 ]; ok $? "png: the plan of that day (42 sessions) is one tall picture (${2:-?} px)"
run -s "$tmp/long.json" print --all -o "$tmp/long-cairo.pdf"
[ "$(pages "$tmp/long-cairo.pdf")" = 1 ]; ok $? "pdf: the whole 14-hour, 20-room day on one page"
run -s "$tmp/long.json" print -f svg
$check svg "$tmp/out" 1 'LongCon · my plan' >"$tmp/check" 2>&1; ok $? "the long day's SVG" || sed 's/^/#   /' "$tmp/check"

done_testing
