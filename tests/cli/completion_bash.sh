#!/bin/sh
# The bash completion (completions/planner.bash) driven as bash drives it: the script sourced,
# COMP_WORDS / COMP_CWORD set, _planner called, COMPREPLY checked — for every command and every
# option planner has (from `planner complete`, i.e. the real tables), and for live values.
. "$(dirname "$0")/../lib.sh"
script=$top/completions/planner.bash
mkdir -p "$tmp/cwd" && cd "$tmp/cwd" || exit 1
: >talks.json

# bcomp WORD...: completes the last WORD of "planner WORD..." (planner named by its path, as
# COMP_WORDS[0]); COMPREPLY one a line in $tmp/out.
bcomp() {
	bash -c '
		script=$1 prog=$2
		shift 2
		source "$script"
		COMP_WORDS=("$prog" "$@")
		COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		_planner
		status=$?
		(( ${#COMPREPLY[@]} )) && printf "%s\n" "${COMPREPLY[@]}"
		exit $status
	' bash "$script" "$PLANNER" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
has() { grep -Fxq -- "$1" "$tmp/out"; }
# expect_reply DESCRIPTION WORD...: COMPREPLY is exactly these words, in this order
expect_reply() {
	d=$1
	shift
	printf '%s\n' "$@" | diff - "$tmp/out" >"$tmp/diff"; ok $? "$d" || sed 's/^/#   /' "$tmp/diff" | head -10
}

bash -c 'source "$1" && complete -p planner' bash "$script" >"$tmp/out" 2>&1
expect_out_match '^complete -F _planner planner$' "complete -p: planner is completed by _planner"

# Every command planner has, and nothing else.
"$PLANNER" complete commands | cut -f1 >"$tmp/commands"
[ -s "$tmp/commands" ]; ok $? "planner complete commands lists commands"
bcomp ""
expect_rc 0 "_planner at the command position"
diff "$tmp/commands" "$tmp/out" >"$tmp/diff"; ok $? "planner <TAB> offers exactly the commands" ||
	sed 's/^/#   /' "$tmp/diff" | head
! has complete; ok $? "the hidden complete helper is not offered"
bcomp li
expect_reply "planner li<TAB> gives list" list
bcomp p
expect_reply "planner p<TAB> gives the commands starting with p" $(grep '^p' "$tmp/commands")

# Every option of every command, as the tables have them.
missing=""
while read -r cmd; do
	"$PLANNER" complete options "$cmd" | cut -f1 | grep '^--' >"$tmp/opts"
	bcomp "$cmd" --
	while read -r o; do
		has "$o" || missing="$missing $cmd:$o"
	done <"$tmp/opts"
	extra=$(grep -vxFf "$tmp/opts" "$tmp/out")
	[ -z "$extra" ] || missing="$missing $cmd:extra:$extra"
done <"$tmp/commands"
[ -z "$missing" ]; ok $? "planner CMD --<TAB> offers every option of every command, and only those" ||
	echo "#   missing:$missing"
bcomp --
expect_reply "planner --<TAB> offers the global options" --schedule --help --version
bcomp pick --tr
expect_reply "planner pick --tr<TAB>" --track --travel
bcomp pick --trav
expect_reply "planner pick --trav<TAB> is unique" --travel

# Live values from the bundled timetable, Korean included, escaped for bash.
bcomp pick --tag 웹
expect_reply "--tag 웹<TAB> completes a Korean tag with its space escaped" '웹\ 서비스'
bcomp list --track ""
has '웹\ 서비스' && has '오픈소스\ /\ 커뮤니티' && has '인공지능'
ok $? "--track offers the tags of the default timetable"
bcomp -s pyconkr-2014 list --track 파이썬
expect_reply "-s before the command chooses the timetable whose tracks are offered" '파이썬\ 일반' '파이썬\ 응용'
bcomp -s pyconkr-2014 list --room ""
expect_reply "--room offers the room names" '젬마홀\ B107' '계단강의실\ B121' B115
bcomp list --day ""
expect_reply "--day offers day numbers and dates" 1 2 2024-10-26 2024-10-27
bcomp list --day =
expect_reply "--day=<TAB> (split at '=' by bash) offers the days" 1 2 2024-10-26 2024-10-27
bcomp list --day = 2
expect_reply "--day=2<TAB> keeps to what was typed" 2 2024-10-26 2024-10-27
bcomp list --level ""
expect_reply "--level offers the levels" beginner intermediate advanced
bcomp pick --must SR
expect_reply "--must SR<TAB> completes a session id" SRKR79
bcomp add ""
[ "$(wc -l <"$tmp/out")" -eq 41 ] && has SRKR79 && has 8JXYDH
ok $? "planner add <TAB> offers every session with a time (41 of 43)"
bcomp pick --weight sp
expect_reply "--weight sp<TAB> gives speaker=" speaker=
bcomp help pi
expect_reply "planner help pi<TAB> offers commands" pick pin

# drop offers what is planned.
"$PLANNER" add SRKR79 KJPMEM >/dev/null 2>&1
bcomp drop ""
expect_reply "planner drop <TAB> offers the planned sessions" SRKR79 KJPMEM

# Timetable names and files for -s.
bcomp -s ""
has pyconkr-2014 && has pyconkr-2024 && has talks.json
ok $? "-s <TAB> offers the bundled timetables and files"
bcomp --schedule pyconkr-20
expect_reply "--schedule pyconkr-20<TAB>" pyconkr-2014 pyconkr-2024

# Nothing to offer: free text, an unknown command.
bcomp list --search ""
[ ! -s "$tmp/out" ]; ok $? "--search (free text) offers nothing"
bcomp frobnicate ""
[ ! -s "$tmp/out" ]; ok $? "an unknown command offers nothing"
expect_rc 0 "and is not an error"

# planner on $PATH when COMP_WORDS[0] is a bare name.
PATH=$(dirname "$PLANNER"):$PATH bash -c '
	source "$1"; COMP_WORDS=(planner li); COMP_CWORD=1; _planner; printf "%s\n" "${COMPREPLY[@]}"
' bash "$script" >"$tmp/out" 2>&1
expect_reply "planner found on \$PATH when typed as a bare name" list
done_testing
