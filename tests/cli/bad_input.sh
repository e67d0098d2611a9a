#!/bin/sh
# Bad timetables: each gives one line naming the input, the position and the problem, with the
# sysexits code, and nothing on stdout.
. "$(dirname "$0")/../lib.sh"
bad=tests/data/bad
cd "$top" || exit 1

check() { # check FILE STATUS 'exact message' DESCRIPTION
	run -s "$1" list
	expect_rc "$2" "$4"
	expect_err "$3" "$4: message"
	[ ! -s "$tmp/out" ]; ok $? "$4: nothing on stdout"
}

check $bad/malformed.json 65 \
	"planner: $bad/malformed.json:5:44: not valid JSON: string or '}' expected near '}'" \
	"malformed JSON (a trailing comma)"
check $bad/wrong-type.json 65 \
	"planner: $bad/wrong-type.json:6:44: session \"a\": \"speakers\" must be an array of strings, not a string" \
	"a string where an array belongs"
check $bad/missing-title.json 65 \
	"planner: $bad/missing-title.json:7:5: session \"b\": missing \"title\"" \
	"a session without its required title"
check $bad/end-before-start.json 65 \
	"planner: $bad/end-before-start.json:7:43: session \"abc\": end is before start" \
	"end before start"
check $bad/unknown-timezone.json 65 \
	"planner: $bad/unknown-timezone.json:3:55: unknown time zone \"Asia/Atlantis\"" \
	"an unknown time zone"
check $bad/duplicate-id.json 65 \
	"planner: $bad/duplicate-id.json:8:13: duplicate session id \"a\"" \
	"duplicate session ids (the second one is named)"
check $bad/invalid-utf8.json 65 \
	"planner: $bad/invalid-utf8.json:3:40: not valid JSON: unable to decode byte 0xc3 near '\"X '" \
	"invalid UTF-8"
check $bad/unknown-room.json 65 \
	"planner: $bad/unknown-room.json:6:40: session \"a\": unknown room \"hall-9\"" \
	"a session in a room that does not exist"
check $bad/bad-date.json 65 \
	"planner: $bad/bad-date.json:6:54: session \"a\": bad date \"2025-13-16T10:00\": month out of range" \
	"a date with month 13"
check $bad/empty.json 65 "planner: $bad/empty.json: empty file, not a timetable" "an empty file"
check $bad/not-an-object.json 65 \
	"planner: $bad/not-an-object.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: the top level is an array of numbers" \
	"a JSON array"
check $bad/unknown-shape.json 65 \
	"planner: $bad/unknown-shape.json: looks like none of planner, frab, c3voc v2, pretalx, Sessionize: top-level keys are \"events\", \"version\"" \
	"JSON of an unknown shape names its top-level keys"
check tests/data 66 "planner: tests/data: is a directory, not a timetable file" "a directory"
check $bad/no-such-file.json 66 "planner: $bad/no-such-file.json: No such file or directory" "a missing file"
check no-such-name 66 "planner: no timetable 'no-such-name': not a file or a bundled name" \
	"a name that is neither a file nor bundled"
check pyconkr-2023 66 \
	"planner: no timetable 'pyconkr-2023': not a file or a bundled name (did you mean 'pyconkr-2024'?)" \
	"a misspelt bundled name gets a suggestion"

# 70 MB: refused by size before anything is parsed.
head -c 73400320 /dev/zero | tr '\0' ' ' >"$tmp/big.json"
check "$tmp/big.json" 65 "planner: $tmp/big.json: too large (73400320 bytes; the limit is 64 MiB)" \
	"a 70 MB file"

# A BOM is fine; a NUL byte inside a string is not.
printf '\357\273\277' >"$tmp/bom.json"; cat tests/data/mini.json >>"$tmp/bom.json"
run -s "$tmp/bom.json" list
expect_rc 0 "a UTF-8 byte-order mark is accepted"
sed 's/"Hall A"/"Hall\\u0000A"/' tests/data/mini.json >"$tmp/nul.json"
check "$tmp/nul.json" 65 \
	"planner: $tmp/nul.json:5:38: a string holds a NUL character (\\u0000)" \
	"a NUL escape in a string"

# Sessions without times or rooms are kept, never dropped.
run -s tests/data/mini.json list --json
[ "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$tmp/out")" = 5 ]
ok $? "all 5 sessions of mini.json are listed, including the unscheduled one"

done_testing
