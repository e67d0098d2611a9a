#!/bin/sh
# Help, version, usage errors with hints, and the check that output really got written.
. "$(dirname "$0")/../lib.sh"

run --version
expect_rc 0 "--version"
expect_out_match '^planner [0-9]+\.[0-9]+\.[0-9]+$' "--version prints 'planner X.Y.Z'"
run version
expect_out_match '^planner [0-9]' "the version command"
run --help
expect_rc 0 "--help"
for c in list tracks rooms days help version; do
	grep -q "^  $c " "$tmp/out"; ok $? "--help lists the $c command"
done
run help list
expect_rc 0 "help list"
expect_out_match '^usage: planner list' "help list prints the usage of list"
cp "$tmp/out" "$tmp/help-list"
run list --help
cmp -s "$tmp/out" "$tmp/help-list"; ok $? "list --help prints the same as help list"
for c in tracks rooms days; do
	run $c -h
	expect_out_match "^usage: planner $c" "$c -h"
done

run
expect_rc 64 "no command at all"
expect_err_match '^usage: planner' "no command prints the usage on stderr"
run lsit
expect_rc 64 "an unknown command"
expect_err "planner: unknown command 'lsit' (did you mean 'list'?)" "an unknown command gets a suggestion"
run frobnicate
expect_err "planner: unknown command 'frobnicate' (see 'planner --help')" "no suggestion when nothing is close"
run help nosuch
expect_rc 64 "help for an unknown command"
expect_err "planner: help: unknown command 'nosuch' (see 'planner --help')" "... named"
run help lsit
expect_rc 64 "help for a misspelt command"
expect_err "planner: help: unknown command 'lsit' (did you mean 'list'?)" \
	"... gets the suggestion an unknown command gets"
run --bogus list
expect_rc 64 "an unknown global option"
expect_err "planner: unknown option '--bogus' (see 'planner --help')" "an unknown global option is named"
run list --dya 1
expect_rc 64 "an unknown option of list"
expect_err "planner: list: unknown option '--dya' (did you mean '--day'?) (see 'planner help list')" \
	"an unknown option gets a suggestion"
run list --day
expect_err "planner: list: option '--day' needs a value (see 'planner help list')" "a missing option value"
run list -x
expect_err "planner: list: unknown option '-x' (see 'planner help list')" "an unknown short option"
run list extra
expect_err "planner: list: unexpected argument 'extra' (see 'planner help list')" "a stray argument"
run list --day 3
expect_rc 64 "--day past the last day"
expect_err "planner: --day '3': PyCon Korea 2024 has 2 days (1 = 2024-10-26, 2 = 2024-10-27)" \
	"--day out of range names the days there are"
run list --day tomorrow
expect_err "planner: --day 'tomorrow': expected a day number or a date (YYYY-MM-DD)" "--day with a word"
run list --level 최고
expect_rc 64 "--level with an unknown level"
run list --type party-time
expect_rc 64 "--type with an unknown type"
run list --track zzzqqq
expect_rc 65 "--track that matches nothing at all"
expect_err "planner: no track, tag or session matches 'zzzqqq'; see 'planner tracks'" \
	"--track that matches nothing points at planner tracks"
run list --track 웹서비스
expect_err "planner: no track, tag or session matches '웹서비스' (did you mean '웹 서비스'?)" \
	"--track with a near miss suggests the real tag"

# Every command (from the command table, the hidden helper too): -h prints its usage and names
# every option of its table; an unknown option gets a suggestion; one that takes no operands
# refuses a stray argument.
"$PLANNER" complete commands | cut -f1 >"$tmp/commands"
echo complete >>"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 20 ]; ok $? "the command table has the commands"
nohelp="" nosuggest="" nostray="" operands=""
for c in $(cat "$tmp/commands"); do
	run "$c" -h
	{ [ "$rc" -eq 0 ] && head -1 "$tmp/out" | grep -q "^usage: planner $c"; } || nohelp="$nohelp $c"
	for o in $("$PLANNER" complete options "$c" | cut -f1 | grep -vx -e --help -e -h); do
		case $o in
		--*) grep -q -- "$o\([ =]\|\]\|\$\)" "$tmp/out" ;;
		*) grep -q -- "^  $o, --" "$tmp/out" ;;
		esac || nohelp="$nohelp $c:$o"
	done
	[ "$c" = complete ] && continue	# its words are other commands' options
	o=$("$PLANNER" complete options "$c" | cut -f1 | head -1)
	run "$c" "${o}x"
	[ "$rc" -eq 64 ] && printf "planner: %s: unknown option '%s' (did you mean '%s'?) (see 'planner help %s')\n" \
		"$c" "${o}x" "$o" "$c" | cmp -s - "$tmp/err" || nosuggest="$nosuggest $c"
	# the usage line without its options: an operand is what remains after the name
	if "$PLANNER" help "$c" | sed '/^$/,$d; s/\[--[^]]*\]//g; s/^usage: planner [a-z]*//; s/^ *//' |
		grep -q '[A-Z]'; then
		operands="$operands $c"
		continue
	fi
	run "$c" stray
	[ "$rc" -eq 64 ] && printf "planner: %s: unexpected argument 'stray' (see 'planner help %s')\n" "$c" "$c" |
		cmp -s - "$tmp/err" || nostray="$nostray $c"
done
[ -z "$nohelp" ]; ok $? "every command's -h prints its usage, naming every option of its table" ||
	echo "#   missing:$nohelp"
[ -z "$nosuggest" ]; ok $? "every command suggests the option meant by an unknown one" ||
	echo "#   failing:$nosuggest"
[ -z "$nostray" ]; ok $? "every command without operands refuses a stray argument" ||
	echo "#   failing:$nostray"
[ "$operands" = " rooms fetch team add drop pin unpin import compare here export push help" ]; ok $? "the commands that take operands" ||
	echo "#   $operands"
run version extra
expect_err "planner: version: unexpected argument 'extra' (see 'planner help version')" \
	"version refuses an argument too"
run add
expect_err "planner: add: no session id given (see 'planner help add')" "a missing operand"
run help list extra
expect_rc 64 "help takes one command"

"$PLANNER" list >/dev/full 2>"$tmp/err"; rc=$?
expect_rc 74 "a failed write to stdout is an error, not a success"
expect_err "planner: cannot write to standard output: No space left on device" "the write error is reported"
# Messages no other test reaches.
run -s
expect_rc 64 "-s without a value"
expect_err "planner: option '-s' needs a SOURCE" "... names what it needs"
run print -o ''
expect_rc 64 "print -o with an empty name"
expect_err "planner: print: -o needs a file name (see 'planner help print')" "... is refused"
run -s http://127.0.0.1:9/never.json changes
expect_rc 66 "changes of a URL never fetched"
expect_err "planner: 'http://127.0.0.1:9/never.json' has not been fetched" "... says so, without fetching"
run complete -h
expect_rc 0 "complete -h"
expect_out_match '^usage: planner complete commands' "... shows complete's usage"

done_testing
