#!/bin/sh
# The hidden `planner complete` helper behind the shell completions: its protocol (commands,
# options from the real tables, values, the directive line of `line`), Korean values, inert
# descriptions, the config's timetable, fetched timetables from the cache, and never the network
# (a URL that is not cached offers nothing, and no request reaches a real local server).
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1

# --help's commands are exactly `complete commands`; the helper itself is hidden.
run --help
sed -n '/^Commands:/,/^$/p' "$tmp/out" | awk 'NF >= 2 { print $1 }' >"$tmp/help-commands"
run complete commands
expect_rc 0 "complete commands"
cut -f1 "$tmp/out" | diff "$tmp/help-commands" - >"$tmp/diff"
ok $? "complete commands lists what --help lists" || sed 's/^/#   /' "$tmp/diff" | head
expect_out_match '^pick	choose the best non-overlapping plan' "each command with its summary"
! grep -q '^complete' "$tmp/out"; ok $? "complete itself is not listed"
"$PLANNER" --help | grep -q '^  complete '; [ $? -ne 0 ]; ok $? "--help does not list complete"
run help complete
expect_out_match '^usage: planner complete' "but 'planner help complete' explains it"

# Options: from the real tables, long then short, with descriptions from the help text.
run complete options list
expect_rc 0 "complete options list"
cut -f1 "$tmp/out" | tr '\n' ' ' >"$tmp/opts"
[ "$(cat "$tmp/opts")" = "--day --track --tag --room --level --lang --type --speaker --search --tz --json --help -d -t -r -l -q -h " ]
ok $? "list's options, long then short" || echo "#   $(cat "$tmp/opts")"
expect_out_match '^--day	only day N \(1, 2, \.\.\.\) or the date YYYY-MM-DD$' "an option's description is its help line"
run complete options
cut -f1 "$tmp/out" | tr '\n' ' ' >"$tmp/opts"
[ "$(cat "$tmp/opts")" = "--schedule --help --version -s -h -V " ]; ok $? "no command: the global options"
run complete options nosuch
expect_rc 64 "options of an unknown command"
# Every option the help text of a command names is in its table, and the reverse.
bad=""
for cmd in $("$PLANNER" complete commands | cut -f1); do
	"$PLANNER" complete options "$cmd" | cut -f1 | grep '^--' | grep -vx -- --help | sort >"$tmp/table"
	"$PLANNER" help "$cmd" | grep -o -- '--[a-z][a-z0-9-]*' | grep -vx -- --help | sort -u >"$tmp/helped"
	cmp -s "$tmp/table" "$tmp/helped" || bad="$bad $cmd:$(diff "$tmp/table" "$tmp/helped" | grep '^[<>]' | tr '\n' ' ')"
done
[ -z "$bad" ]; ok $? "each command's help names exactly the options it takes" || echo "#  $bad"

# Every option of every command has its description from the table, and the value and operand
# kinds come from the table too.
nodesc=""
[ "$("$PLANNER" complete commands | wc -l)" -ge 19 ]; ok $? "complete lists the commands"
for cmd in $("$PLANNER" complete commands | cut -f1); do
	"$PLANNER" complete options "$cmd" | awk -F'\t' 'NF < 2 || $2 == "" { print $1 }' >"$tmp/nodesc"
	[ -s "$tmp/nodesc" ] && nodesc="$nodesc $cmd:$(tr '\n' ' ' <"$tmp/nodesc")"
done
[ -z "$nodesc" ]; ok $? "every option of every command has a description" || echo "#  $nodesc"
run complete options tracks
expect_out_match '^--json	the tracks and tags as JSON$' "--json is described for its command"
run complete line plain fetch ""
head -1 "$tmp/out" | grep -qx ':files'; ok $? "fetch SOURCE: fetched names and files"
run complete line plain print --output ""
head -1 "$tmp/out" | grep -qx ':files'; ok $? "print --output: files"
run complete line plain next --at ""
expect_out_match '^2024-10-26 13:00	' "next --at: times, as now's"
run complete line plain help ""
expect_out_match '^pick	' "help COMMAND: the commands"

# Values.
run complete values tags
expect_rc 0 "values tags"
expect_out_match '^웹 서비스	tag, 8 sessions$' "Korean tags with their counts"
run -s pyconkr-2014 complete values tracks
expect_out_match '^파이썬 일반	track, 6 sessions$' "-s chooses the timetable"
run complete values sessions
expect_out_match '^SRKR79	Sat 13:00 컨벤션 홀 1 — 우리 모두는 스팸에서 자유로울 권리가 있다$' \
	"session ids with day, time, room and title"
[ "$(wc -l <"$tmp/out")" -eq 41 ]; ok $? "every session with a time (41 of 43)"
run complete values days
printf '1\t2024-10-26 Sat\n2\t2024-10-27 Sun\n2024-10-26\tday 1, Sat\n2024-10-27\tday 2, Sun\n' |
	cmp -s - "$tmp/out"; ok $? "days: numbers and dates"
run complete values rooms
expect_out_match '^컨벤션 홀 2	room hall-2, 18 sessions$' "rooms by name, with id and count"
run complete values langs
printf 'ko\t35 sessions\nen\t8 sessions\n' | cmp -s - "$tmp/out"; ok $? "languages with counts"
run complete values timetables
printf 'pyconkr-2014\tbundled\npyconkr-2024\tbundled\n' | cmp -s - "$tmp/out"; ok $? "bundled timetable names"
run complete values zones
head -3 "$tmp/out" | cut -f1 | tr '\n' ' ' | grep -qx 'local Asia/Seoul UTC '; ok $? "zones: local, the conference's, UTC first"
grep -qx 'Europe/Berlin' "$tmp/out"; ok $? "then the zone names of the system"
run complete values weights
expect_out_match '^speaker=	points for a matching speaker \(default 4\)$' "weights with their defaults"
run complete values times
expect_out_match '^2024-10-26 13:00	' "times for --at"
run complete values config-keys
expect_out_match '^weight	' "config keys"
run complete values nosuch
expect_rc 64 "an unknown kind"
expect_err_match "unknown kind 'nosuch' \(known: commands, " "names the known kinds"

# line: a directive line, then the candidates for the last word.
run complete line plain pick --tag ""
expect_rc 0 "line"
head -1 "$tmp/out" | grep -qx ':'; ok $? "the first line is the directive"
sed -n 2p "$tmp/out" | grep -q '^웹 서비스	'; ok $? "then the candidates"
run complete line bash pick --tag ""
sed -n 2p "$tmp/out" | grep -qx '웹\\ 서비스'; ok $? "bash: escaped, no description"
run complete line plain -s ""
head -1 "$tmp/out" | grep -qx ':files'; ok $? "-s: timetables and files (:files)"
run complete line plain pick --weight ""
head -1 "$tmp/out" | grep -qx ':nospace'; ok $? "--weight: KIND= with no space after (:nospace)"
run complete line zsh list --room=컨벤션
expect_out_match '^--room=컨벤션 홀 1	' "--opt=VALUE: candidates keep the option"
run complete line plain list --tz UTC --day ""
[ "$(sed 1d "$tmp/out" | cut -f1 | tr '\n' ' ')" = "1 2 2024-10-26 2024-10-27 " ]
ok $? "earlier options and their values are skipped"
run complete line plain rooms ""
[ "$(sed 1d "$tmp/out" | tr '\n' ' ')" = "set unset walk " ]; ok $? "rooms: its actions first"
run complete line plain rooms set ""
expect_out_match '^컨벤션 홀 1	room hall-1, 12 sessions$' "rooms set: then the rooms"
run complete line bash rooms walk "컨벤션 홀 1" ""
expect_out_match '^컨벤션\\ 홀\\ 3$' "rooms walk: the second room too"
run complete line plain list -d ""
expect_out_match '^2	' "a short option's value"
run complete line plain pick -- --tr
[ "$(wc -l <"$tmp/out")" -eq 1 ]; ok $? "after --, no options"
run complete line plain nosuch ""
[ "$(cat "$tmp/out")" = ":" ]; ok $? "an unknown command: nothing"
run complete line plain complete ""
[ "$(cat "$tmp/out")" = ":" ]; ok $? "the hidden command completes nothing"
run complete line plain -s no-such-timetable list --tag ""
expect_rc 0 "a timetable that does not load"
[ "$(cat "$tmp/out")" = ":" ] && [ ! -s "$tmp/err" ]; ok $? "offers nothing, silently"
run complete line csh list ""
expect_rc 64 "an unknown shell"
run complete
expect_rc 64 "no request"

# Data is made inert: a tag with an escape sequence is not offered, titles are cleaned.
cat >"$tmp/evil.json" <<'EOF'
{ "planner_format": 1,
  "conference": { "id": "evil", "name": "Evil", "timezone": "UTC" },
  "rooms": [ { "id": "r", "name": "Room\u001b[2J" } ],
  "sessions": [
    { "id": "e1", "title": "Bad\u001b]0;title\u0007 one\nline two", "tags": ["ok", "x\u001b[31m"],
      "room": "r", "start": "2025-01-01T10:00Z", "end": "2025-01-01T11:00Z" } ] }
EOF
run -s "$tmp/evil.json" complete values labels
[ "$(cat "$tmp/out")" = "ok	tag, 1 session" ]; ok $? "a tag with control characters is left out"
run -s "$tmp/evil.json" complete values sessions
! grep -q "$(printf '\033')" "$tmp/out" && [ "$(wc -l <"$tmp/out")" -eq 1 ]
ok $? "descriptions have no control characters and stay on one line"

# The config's timetable is the one completed.
mkdir -p "$tmp/config/planner"
echo "schedule = pyconkr-2014" >"$tmp/config/planner/config"
run complete values rooms
expect_out_match '^젬마홀 B107	' "the config's schedule is used"
run -s pyconkr-2024 complete line plain -s pyconkr-2024 list --room ""
expect_out_match '^컨벤션 홀 1	' "-s on the line wins over the config"
rm "$tmp/config/planner/config"

# Never the network: a URL that is not cached offers nothing and is not fetched; once fetched,
# it is read from the cache.
mkdir -p "$tmp/srv"
cp tests/data/mini.json "$tmp/srv/mini.json"
start_server "$tmp/port" --root "$tmp/srv" --log "$tmp/requests.log"
url=http://127.0.0.1:$port/feed/mini.json
run complete line plain -s "$url" list --tag ""
[ "$(cat "$tmp/out")" = ":" ]; ok $? "a URL that is not cached offers nothing"
[ ! -s "$tmp/requests.log" ]; ok $? "and no request was made"
run -s "$url" complete values tags
expect_rc 69 "values for a URL that is not fetched: unavailable"
expect_err_match "is not fetched yet \(completion never uses the network\)" "and says why"
"$PLANNER" fetch -q "$url" >/dev/null 2>&1
reqs=$(wc -l <"$tmp/requests.log")
run complete line plain -s "$url" list --tag ""
expect_out_match '^asyncio	tag, 1 session$' "once fetched, its values come from the cache"
run complete values timetables
expect_out_match '^minicon	fetched: MiniCon 2025, 5 sessions$' "fetched timetables are named"
[ "$(wc -l <"$tmp/requests.log")" -eq "$reqs" ]; ok $? "still no request"
run complete line plain list --tag ""
expect_out_match '^asyncio	' "the fetched default timetable is completed"
done_testing
