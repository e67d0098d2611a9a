#!/bin/sh
# Hostile input (tests/hostile/README.md): every case of tests/hostile/cases gives its exit status
# and its one-line message, finishes within 120 seconds and under a memory bound; every command
# finishes on the largest timetable planner reads; the feed's text stays inert on a terminal, in
# HTML, SVG and iCalendar; a zone name that is a path is never opened; damaged plan, cache and
# snapshot files are reported naming the file and how to recover, and are left as they were.
# (XML: an entity or DTD naming /etc/passwd is refused or not read, checked with strace.)
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
H=tests/hostile
G=$tmp/gen
PY=/usr/bin/python3
check="$PY $H/check.py"
if ! $PY $H/generate.py "$G" >"$tmp/gen.log" 2>&1; then
	sed 's/^/# /' "$tmp/gen.log"
	echo "Bail out! tests/hostile/generate.py failed"
	exit 1
fi

# The memory bound, in KiB: 1 GiB.  An ASan build needs more for the same work (shadow memory,
# redzones, the quarantine of freed blocks): 3 GiB for it.
max_kb=1048576
grep -q __asan_init "$PLANNER" && max_kb=3145728

# measure ARGS...: runs planner with a 120-second timeout under /usr/bin/time; stdout, stderr
# and status as run() leaves them, the peak RSS in $kb (KiB) and the time in $secs.  Inputs over
# 1 MB, and everything while $big is set, skip $PLANNER_WRAP: valgrind would take minutes on
# them and measure itself.
big=""
measure() {
	wrap=$PLANNER_WRAP
	[ -n "$big" ] && wrap=""
	for a in "$@"; do
		[ -f "$a" ] && [ "$(wc -c <"$a")" -gt 1000000 ] && wrap=""
	done
	/usr/bin/time -f '%M %e' -o "$tmp/time" timeout 120 $wrap "$PLANNER" "$@" \
		</dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -- $(tail -n 1 "$tmp/time")
	kb=${1:-0} secs=${2:-0}
}
# bounded DESCRIPTION: the last measure finished in time and under the memory bound.
bounded() {
	[ "$rc" -ne 124 ] && [ "$kb" -lt "$max_kb" ]
	ok $? "$1: bounded ($((kb / 1024)) MiB, $secs s)" || echo "#   exit $rc, $kb KiB"
}

# ---- the table
grep -v '^#' $H/cases | grep -v '^ *$' >"$tmp/cases"
while IFS= read -r line; do
	what=${line%% | *} rest=${line#* | }
	status=${rest%% | *} rest=${rest#* | }
	args=${rest%% | *} want=${rest#* | }
	args=$(printf '%s' "$args" | sed "s|{H}|$H|g; s|{G}|$G|g")
	want=$(printf '%s' "$want" | sed "s|{H}|$H|g; s|{G}|$G|g")
	measure $args
	expect_rc "$status" "$what"
	case $want in
	-) [ ! -s "$tmp/err" ]; ok $? "$what: nothing on stderr" || sed 's/^/#   stderr: /' "$tmp/err" | head -3 ;;
	~*) head -n 1 "$tmp/err" | grep -Eq -- "${want#\~}"; ok $? "$what: message" ||
		sed 's/^/#   stderr: /' "$tmp/err" | head -3 ;;
	*) expect_err "$want" "$what: message" ;;
	esac
	if [ "$status" -ne 0 ]; then
		[ ! -s "$tmp/out" ]; ok $? "$what: nothing on stdout"
	fi
	bounded "$what"
done <"$tmp/cases"

# ---- what the times come to
run -s $H/dst-berlin.json list --json
$PY -c 'import json,sys; v = {s["id"]: (s["start"], s["end"]) for s in json.load(open(sys.argv[1]))}
assert v["spring"] == ("2025-03-30T03:30:00+02:00", "2025-03-30T04:00:00+02:00"), v["spring"]
assert v["fall"] == ("2025-10-26T02:30:00+02:00", "2025-10-26T03:30:00+01:00"), v["fall"]' "$tmp/out"
ok $? "DST: 02:30 in the gap is read with the offset before it (03:30 CEST), 02:30 in the overlap is the first one (CEST)"
run -s $H/durations.frab.json list
grep -q '^14:00-15:00  Hall  ok  *fine$' "$tmp/out" && grep -q '^12:00        Hall  zero  *zero$' "$tmp/out" &&
	[ "$(grep -c '^unscheduled' "$tmp/out")" -eq 5 ]
ok $? "durations: the good session keeps its time, \"00:00\" is an instant, the five bad ones are kept unscheduled" ||
	sed 's/^/#   /' "$tmp/out"
run -s $H/numbers-for-strings.frab.json list --json
$PY -c 'import json,sys; v = json.load(open(sys.argv[1])); assert [s["id"] for s in v] == ["7", "g2"], v; assert v[0]["title"] == "42", v' "$tmp/out"
ok $? "frab: numbers for guid and title are read as text"
run -s $H/missing-refs.sessionize.json list --json
$PY -c 'import json,sys; v = json.load(open(sys.argv[1])); assert len(v) == 1 and v[0]["room"] in (None, "") and not v[0]["speakers"] and not v[0]["tags"], v' "$tmp/out"
ok $? "Sessionize: the session is kept, without the room, speaker and category that do not exist"

# ---- every command on the largest timetable: 20 000 sessions, 50 MB, one after the other
# (a plan of 20 000 sessions, as long as pick can make); fetched, as a user would
big=1
measure fetch "$G/feed-50MB.json" --name big
[ "$rc" -eq 0 ]; ok $? "20 000 sessions: planner fetch (exit 0)" || sed 's/^/#   /' "$tmp/err" | head -3
bounded "20 000 sessions: planner fetch"
for c in "pick --fill" plan "print" "print --all -f html -o $tmp/big.html" "now --at 2025-01-03T10:00" \
	"export -o $tmp/big.ics" conflicts "add s3" "list --search lorem"; do
	measure -s big $c
	[ "$rc" -eq 0 ]; ok $? "20 000 sessions: planner $c (exit 0)" || sed 's/^/#   /' "$tmp/err" | head -3
	bounded "20 000 sessions: planner $c"
done
# 20 000 sessions at the same hour, every one planned: 200 million conflicting pairs, counted,
# the first thousand shown
/usr/bin/python3 -c 'import json, sys
json.dump({"planner_format": 1, "conference": {"id": "same", "name": "Same", "timezone": "UTC"},
           "rooms": [{"id": "r%d" % i, "name": "R%d" % i} for i in range(2000)],
           "sessions": [{"id": "s%d" % i, "title": "T%d" % i, "room": "r%d" % (i % 2000),
                         "start": "2025-01-01T10:00", "end": "2025-01-01T11:00"} for i in range(20000)]},
          open(sys.argv[1], "w"))' "$tmp/same.json"
measure fetch "$tmp/same.json"
measure -s same add $(seq -f 's%.0f' 0 19999)
[ "$rc" -eq 0 ] && grep -q "your plan has 199990000 conflicts now" "$tmp/err"
ok $? "20 000 sessions at once: all added, the conflicts counted" || sed 's/^/#   /' "$tmp/err" | head -3
bounded "20 000 sessions at once: planner add"
measure -s same conflicts
[ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 2001 ] && [ "$(tail -n 1 "$tmp/out")" = "... and 199989000 more conflicts" ]
ok $? "20 000 sessions at once: planner conflicts shows the first thousand and counts the rest" ||
	tail -n 2 "$tmp/out" | sed 's/^/#   /'
bounded "20 000 sessions at once: planner conflicts"
big=""

# ---- a zone name that is a path opens nothing outside the zone database: no path with "..",
# no /etc/passwd (the zone files looked for are under /usr/share/zoneinfo/)
traced() { # traced DESCRIPTION SEEN ARGS...: planner ARGS under strace: SEEN (a file it must
	# have opened, to show the trace works) is there, and no path with ".." nor /etc/passwd
	what=$1 seen=$2
	shift 2
	strace -f -qq -e trace=%file -o "$tmp/trace" "$PLANNER" "$@" >/dev/null 2>&1
	grep -v execve "$tmp/trace" >"$tmp/calls"
	! grep -Eq '"(/etc/passwd|[^"]*\.\./)' "$tmp/calls" && grep -q "$seen" "$tmp/calls"
	ok $? "$what: nothing outside the zone database is opened for it" ||
		grep -E 'passwd|"[^"]*\.\./' "$tmp/calls" | sed 's/^/#   /' | head -5
}
for f in tz-path.json tz-path.frab.json tz-path.ics; do
	traced "$f" "$H/$f" -s $H/$f list
done
traced "--tz ../../etc/passwd" /usr/share/zoneinfo -s $H/tz-path.frab.json list --tz ../../etc/passwd
# XML entities and DTDs naming /etc/passwd: refused, or not read
for f in xxe-passwd.xml xxe-parameter.xml xxe-external-dtd.xml; do
	traced "$f" "$H/$f" -s $H/$f list
done
run -s $H/xxe-external-dtd.xml list --json
expect_out_match '"title": "not read: & ☺"' "an external DTD: the document's own entities and references still read"

# ---- terminal: escape sequences, C1 and BiDi controls in every field stay off the terminal
esc=$H/escapes.json
run -s $esc pick --fill
for c in "list" "list --search Title" "list --tag tag" "rooms" "tracks" "days" "pick --fill" \
	"pick --keyword Other --weight keyword=10 --track Track --explain" \
	"pick --keyword Other --track Track --weight track=10 --explain" "plan" \
	"now --at 2025-08-16T10:15" "next --at 2025-08-16T09:00" "print" "print --all" \
	"print -f md" "conflicts" "add s3" "pin s1" "drop s3" "list --day 9" "pick --track nothing-like-it"; do
	run -s $esc $c
	$check terminal "$tmp/out" "$tmp/err" >"$tmp/check"
	ok $? "escapes: planner $c writes nothing that controls a terminal" || sed 's/^/#   /' "$tmp/check"
done
for c in "list --json" "rooms --json" "tracks --json" "plan --json" "pick --fill --json" \
	"now --at 2025-08-16T10:15 --json" "next --at 2025-08-16T09:00 --json"; do
	run -s $esc $c
	$check json "$tmp/out" >"$tmp/check" && $check terminal "$tmp/err" >>"$tmp/check"
	ok $? "escapes: planner $c keeps the feed's text, its control characters escaped" ||
		sed 's/^/#   /' "$tmp/check"
done
run -s $esc pick --must s1 --must "$(printf 's2\033[2J\342\200\256')" --no-save
{ $check terminal "$tmp/out" "$tmp/err" && grep -q 'overlap by 30 minutes' "$tmp/err"; } >"$tmp/check"
ok $? "escapes: two pinned sessions that overlap are named inertly" || sed 's/^/#   /' "$tmp/check" "$tmp/err"
run fetch $esc --name esc
$check terminal "$tmp/out" "$tmp/err" >"$tmp/check"
ok $? "escapes: planner fetch says what it fetched inertly" || sed 's/^/#   /' "$tmp/check"
cp $esc "$tmp/esc2.json"
run fetch "$tmp/esc2.json" --name esc2
sed 's/tOther/tRenamed \\u001b]0;again\\u0007\\u202e/' $esc >"$tmp/esc2.json"
run fetch "$tmp/esc2.json" --name esc2
run -s esc2 changes
grep -q retitled "$tmp/out"; ok $? "escapes: the second fetch retitled a session"
$check terminal "$tmp/out" "$tmp/err" >"$tmp/check"
ok $? "escapes: planner changes and sources are inert" || sed 's/^/#   /' "$tmp/check"
# a planned session the feed then drops is shown from the plan's copy of it, also inert
esc3() { # esc3 DROP: escapes.json as conference esc3 (a plan of its own), without session DROP
	/usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
d["conference"]["id"] = "esc3"
d["sessions"] = [x for x in d["sessions"] if not x["id"].startswith(sys.argv[2])]
json.dump(d, open(sys.argv[3], "w"))' $esc "$1" "$tmp/esc3.json"
}
esc3 none
run fetch "$tmp/esc3.json" --name esc3
run -s esc3 pick --fill
grep -q 's2' "$tmp/out"; ok $? "escapes: session s2 is in the plan"
esc3 s2
run fetch "$tmp/esc3.json" --name esc3
run -s esc3 plan
{ $check terminal "$tmp/out" "$tmp/err" && grep -q 'CANCELLED: s2' "$tmp/out"; } >"$tmp/check"
ok $? "escapes: a cancelled session in planner plan is inert" || sed "s/^/#   /" "$tmp/check" "$tmp/out" "$tmp/err"
run sources
$check terminal "$tmp/out" "$tmp/err" >"$tmp/check"
ok $? "escapes: planner sources is inert" || sed 's/^/#   /' "$tmp/check"
run -s esc2 changes --json
$check json "$tmp/out" >"$tmp/check" && $check terminal "$tmp/err" >>"$tmp/check"
ok $? "escapes: planner changes --json keeps the feed's text, its control characters escaped" ||
	sed 's/^/#   /' "$tmp/check"
for c in list plan print "now --at 2025-08-16T10:15"; do
	TERM=xterm script -qec "$PLANNER -s $esc $c" /dev/null >"$tmp/tty" 2>&1
	$check tty "$tmp/tty" >"$tmp/check"
	ok $? "escapes: on a terminal, planner $c emits only its own colour codes" || sed 's/^/#   /' "$tmp/check"
done

run -s $esc export --all -o "$tmp/esc.ics"
tr -d '\r' <"$tmp/esc.ics" >"$tmp/esc-lf.ics"
{ $check terminal "$tmp/esc-lf.ics" && grep -q '^UID:s2%1B\[2J%E2%80%AE@esc\.planner$' "$tmp/esc-lf.ics"; } >"$tmp/check"
ok $? "escapes: planner export writes no control or BiDi character, the UID's as %XX" ||
	sed 's/^/#   /' "$tmp/check"

# what was typed is quoted inertly too: an unknown command or option, a bad value
for args in "$(printf '\033[31mbogus')" "list $(printf -- '--\033]0;x\007')" "list $(printf -- '-\033')" \
	"$(printf -- '-\033')" "help $(printf '\302\233')2J" "list --day $(printf '\342\200\256')9"; do
	run $args
	{ [ "$rc" -eq 64 ] && $check terminal "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; } >"$tmp/check"
	ok $? "escapes in the arguments: quoted inertly on one line (exit 64)" ||
		sed 's/^/#   /' "$tmp/check" "$tmp/err"
done

# ---- markup and iCalendar lines in every field (print.sh covers the title, speakers, rooms and
# the conference name in HTML and SVG; here every field at once, and the .ics)
mk=$H/markup.json
run -s $mk pick --fill
for c in "print -f html" "print --all -f html"; do
	run -s $mk $c -o "$tmp/p.html"
	$check html "$tmp/p.html" >"$tmp/check"
	ok $? "markup: planner $c: no element or handler from the feed, its markup shown as text" ||
		sed 's/^/#   /' "$tmp/check"
done
for c in "print -f svg" "print --all -f svg"; do
	run -s $mk $c -o "$tmp/p.svg"
	$check svg "$tmp/p.svg" >"$tmp/check"
	ok $? "markup: planner $c: well-formed, no element or handler from the feed" ||
		sed 's/^/#   /' "$tmp/check"
done
for c in "export" "export --all" "export --all --utc"; do
	run -s $mk $c -o "$tmp/p.ics"
	$check ics "$tmp/p.ics" 8 >"$tmp/check"
	ok $? "markup: planner $c: CR, LF and BEGIN:VEVENT in every field, one VEVENT per session" ||
		sed 's/^/#   /' "$tmp/check"
done

# ---- damaged state files: a clear message naming the file, and nothing overwritten
# The plan (pick.sh covers a truncated one).
run fetch tests/data/mini.json
run pick --fill
plan=$XDG_DATA_HOME/planner/minicon.plan.json
cp "$plan" "$tmp/good.plan"
for damage in empty garbage escape sessions travel twice; do
	case $damage in
	empty) : >"$plan" ;;
	garbage) head -c 300 /dev/urandom >"$plan" ;;
	# an escape sequence where jansson quotes the file ("near '...'") cannot eat the message
	escape) printf '\033" (run' >"$plan" ;;
	sessions) sed 's/"sessions": \[/"sessions": 5, "was": [/' "$tmp/good.plan" >"$plan" ;;
	travel) sed 's/"travel_minutes": [0-9]*/"travel_minutes": 99999999999/' "$tmp/good.plan" >"$plan" ;;
	twice) /usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
d["sessions"].append(dict(d["sessions"][0]))
json.dump(d, open(sys.argv[2], "w"))' "$tmp/good.plan" "$plan" ;;
	esac
	cp "$plan" "$tmp/damaged"
	fails=""
	for c in plan now print export "add t1" "drop k1" "pin k1" conflicts "pick --fill"; do
		case $c in
		export) run export -o "$tmp/x.ics" ;;
		*) run $c ;;
		esac
		[ "$rc" -eq 65 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
			grep -q "^planner: $plan: damaged plan file: .*(run 'planner pick' to make a new plan; the file is left as it is)$" "$tmp/err" ||
			fails="$fails $c"
	done
	[ -z "$fails" ]; ok $? "a plan file that is $damage: every command says so in one line naming it (exit 65)" ||
		{ echo "#   failing:$fails"; sed 's/^/#   /' "$tmp/err"; }
	cmp -s "$plan" "$tmp/damaged"; ok $? "a plan file that is $damage: left as it was"
done
cp "$tmp/good.plan" "$plan"
# Its saved preferences, replayed by a bare 'planner pick'.
for damage in "not a preference:\"--must\", \"k1\"" "unknown option:\"--bogus\"" \
	"end without the value of:\"--track\""; do
	sed "s/\"--fill\"/${damage#*:}/" "$tmp/good.plan" >"$plan"
	cp "$plan" "$tmp/damaged"
	run pick
	expect_rc 65 "a plan whose preferences $damage: pick fails"
	expect_err_match "^planner: $plan: damaged plan file: its preferences .*${damage%%:*} '--[a-z]*' \\(run 'planner pick' with your preferences" \
		"a plan whose preferences ${damage%%:*}: one line naming the file"
	cmp -s "$plan" "$tmp/damaged"; ok $? "a plan whose preferences ${damage%%:*}: left as it was"
done
cp "$tmp/good.plan" "$plan"

# The cache: a feed cut short under a stale snapshot.
entry=$XDG_CACHE_HOME/planner/minicon
head -c 300 tests/data/mini.json >"$entry/feed"
cp "$entry/feed" "$tmp/feed.cut"
cp "$entry/model.snap" "$tmp/snap.old"
run list
expect_rc 65 "a damaged cached feed"
expect_err "planner: $entry/feed:9:63: not valid JSON: '}' expected near end of file; the cached copy of 'minicon' is damaged: fetch it again with 'planner fetch $top/tests/data/mini.json'" \
	"a damaged cached feed: named, with the command that fetches it again"
cmp -s "$entry/feed" "$tmp/feed.cut" && cmp -s "$entry/model.snap" "$tmp/snap.old"
ok $? "a damaged cached feed: neither the feed nor the snapshot is overwritten"
run fetch "$top/tests/data/mini.json"
expect_rc 0 "fetching it again as the message says"
run list
expect_rc 0 "... and the timetable is back"
# meta.json damaged: said by sources and by a fetch of the name.
printf '{"url": ' >"$entry/meta.json"
run sources
expect_rc 0 "sources with a damaged meta.json"
expect_err_match "^planner: warning: the cache entry 'minicon' has no readable meta.json: $entry/meta.json:" \
	"sources names the damaged meta.json"
run fetch minicon
expect_rc 65 "fetching a name whose meta.json is damaged"
expect_err_match "^planner: fetch minicon: the cache does not say where it came from \($entry/meta.json:" \
	"... says so, naming the file"

# ---- conference ids that are no file names: every conference its own plan file, of a bounded name
ids="파이콘-2024 한국어-2024 a_b a+b $(printf 'x%.0s' $(seq 5000))"
before=$(ls "$XDG_DATA_HOME/planner" | grep -c '\.plan\.json$')
for id in $ids; do
	sed "s/\"id\": \"minicon\"/\"id\": \"$id\"/" tests/data/mini.json >"$tmp/id.json"
	run -s "$tmp/id.json" add k1
done
after=$(ls "$XDG_DATA_HOME/planner" | grep -c '\.plan\.json$')
[ $((after - before)) -eq 5 ]; ok $? "five conferences whose ids read alike when made safe: five new plan files"
[ -z "$(ls "$XDG_DATA_HOME/planner" | awk 'length > 80')" ]
ok $? "a 5000-character conference id makes a file name of at most 80 bytes"
sed 's/"id": "minicon"/"id": "a+b"/' tests/data/mini.json >"$tmp/id.json"
run -s "$tmp/id.json" plan
expect_rc 0 "the plan of a conference with an id that is no file name is found again"
expect_out_match "k1 " "... with its session"
abplan=$(ls "$XDG_DATA_HOME"/planner/a_b-*.plan.json)
cp "$plan" "$abplan"
cp "$abplan" "$tmp/other"
run -s "$tmp/id.json" plan
expect_rc 65 "a plan file of another conference is refused"
expect_err "planner: $abplan: the plan is for conference \"minicon\", not \"a+b\" (run 'planner pick' to make a new plan; the file is left as it is)" \
	"... naming the file and both conferences"
cmp -s "$abplan" "$tmp/other"; ok $? "... and left as it was"

done_testing
