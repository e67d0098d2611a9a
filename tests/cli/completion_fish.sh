#!/bin/sh
# The fish completion (completions/planner.fish) driven by fish itself: `complete -C"LINE"` prints
# what fish would offer for LINE — every command and option planner has (from `planner
# complete`, i.e. the real tables) and live values with their descriptions.
. "$(dirname "$0")/../lib.sh"
export HOME="$tmp/home" PATH="$(dirname "$PLANNER"):$PATH"
mkdir -p "$HOME" "$tmp/cwd" && cd "$tmp/cwd" || exit 1
: >talks.json

# fcomp 'LINE': fish's candidates for LINE, VALUE<TAB>DESCRIPTION a line, in $tmp/out.
fcomp() {
	fish --no-config -c 'source $argv[1]; complete -C$argv[2]' "$top/completions/planner.fish" "$1" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	cut -f1 "$tmp/out" >"$tmp/values"
}
has() { grep -Fxq -- "$1" "$tmp/values"; }
has_line() { grep -Fxq -- "$1" "$tmp/out"; }
expect_values() { # expect_values DESCRIPTION VALUE...: exactly these, in this order
	d=$1
	shift
	printf '%s\n' "$@" | diff - "$tmp/values" >"$tmp/diff"; ok $? "$d" || sed 's/^/#   /' "$tmp/diff" | head -10
}

"$PLANNER" complete commands >"$tmp/commands"
fcomp "planner "
expect_rc 0 "complete -C runs"
diff "$tmp/commands" "$tmp/out" >"$tmp/diff"; ok $? "planner <TAB> offers exactly the commands, with their summaries" ||
	sed 's/^/#   /' "$tmp/diff" | head

missing=""
for cmd in $(cut -f1 "$tmp/commands"); do
	"$PLANNER" complete options "$cmd" | cut -f1 | grep '^--' >"$tmp/opts"
	fcomp "planner $cmd --"
	while read -r o; do
		has "$o" || missing="$missing $cmd:$o"
	done <"$tmp/opts"
	extra=$(grep -vxFf "$tmp/opts" "$tmp/values")
	[ -z "$extra" ] || missing="$missing $cmd:extra:$extra"
done
[ -z "$missing" ]; ok $? "planner CMD --<TAB> offers every option of every command, and only those" ||
	echo "#   missing:$missing"

fcomp "planner pick --tr"
expect_values "planner pick --tr<TAB>" --track --travel
grep -q '^--travel	minutes to change rooms' "$tmp/out"; ok $? "options come with their descriptions"
fcomp "planner pick --tag 웹"
has_line "웹 서비스	tag, 8 sessions"; ok $? "--tag 웹<TAB>: a Korean tag with its session count"
fcomp "planner -s pyconkr-2014 list --track "
expect_values "-s chooses the timetable whose tracks are offered" \
	"데이터 / 바이오 파이썬" "파이썬 일반" "파이썬 응용" "라이트닝 토크"
fcomp "planner pick --must "
has_line "SRKR79	Sat 13:00 컨벤션 홀 1 — 우리 모두는 스팸에서 자유로울 권리가 있다"
ok $? "session ids come with day, time, room and title"
fcomp "planner pick --must=SR"
expect_values "--must=SR<TAB> keeps the option in the candidate" --must=SRKR79
fcomp "planner list --day "
has_line "2	2024-10-27 Sun" && has_line "2024-10-26	day 1, Sat"
ok $? "--day offers numbers and dates with descriptions"
fcomp "planner list --room 컨벤션"
expect_values "--room offers Korean room names" "컨벤션 홀 1" "컨벤션 홀 2" "컨벤션 홀 3"
fcomp "planner now --tz Asia/Se"
has Asia/Seoul; ok $? "--tz offers zone names"
fcomp "planner -s "
has pyconkr-2014 && has pyconkr-2024 && has talks.json
ok $? "-s offers the bundled timetables and files"
fcomp "planner list --search "
[ ! -s "$tmp/out" ]; ok $? "--search (free text) offers nothing, not even files"
"$PLANNER" pin 8JXYDH >/dev/null 2>&1
fcomp "planner drop "
expect_values "planner drop <TAB> offers the planned sessions" 8JXYDH

# The planner named by a path on the line is the one asked.
fish --no-config -c 'source $argv[1]; complete -C"$argv[2] li"' "$top/completions/planner.fish" "$PLANNER" \
	>"$tmp/out" 2>&1
cut -f1 "$tmp/out" >"$tmp/values"
expect_values "a planner named by its path completes too" list
done_testing
