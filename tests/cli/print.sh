#!/bin/sh
# planner print: golden text and Markdown day plans of both bundled timetables (plans made with
# planner pick), 80 columns and 60-line pages, escape codes only on a terminal, escaping of
# markup in text, Markdown, HTML and SVG, -o written whole, and the HTML in a real headless
# browser: one A4 landscape page per day, no script element, the data shown as text, screenshots.
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
run print -f pdf
expect_err "planner: print: --format 'pdf': expected text, markdown, html or svg (see 'planner help print')" \
	"an unknown format"
run print --day 3
expect_rc 64 "--day past the last day"

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
run -s "$tmp/long.json" print -f svg
$check svg "$tmp/out" 1 'LongCon · my plan' >"$tmp/check" 2>&1; ok $? "the long day's SVG" || sed 's/^/#   /' "$tmp/check"

done_testing
