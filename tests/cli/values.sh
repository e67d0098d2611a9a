#!/bin/sh
# A value of --tag, --lang, --level, --type, --room or --speaker that matches nothing in the
# timetable is an error with a suggestion (exit 65, as an unknown --track), for pick (the saved
# plan left exactly as it was), list (said on stderr, nothing listed) and export (no file).
. "$(dirname "$0")/../lib.sh"
mkdir -p "$tmp/wd"
cd "$tmp/wd" || exit 1
plan=$XDG_DATA_HOME/planner/pyconkr-2024.plan.json
run pick --tag "웹 서비스" --lang ko
expect_rc 0 "a plan to keep"
cp "$plan" "$tmp/plan.before"

# check OPTION VALUE MESSAGE: pick, list and export with it
check() {
	if [ "$1" != --room ]; then	# (pick has no --room)
		run pick "$1" "$2"
		expect_rc 65 "pick $1 $2"
		expect_err "planner: $3" "pick $1 $2: $3"
	fi
	cmp -s "$plan" "$tmp/plan.before" && [ ! -d "$XDG_DATA_HOME/planner/pyconkr-2024.plan.d" ]
	ok $? "pick $1 $2: the saved plan is as it was, and no version was kept"
	run list "$1" "$2"
	expect_rc 65 "list $1 $2"
	expect_err "planner: $3" "list $1 $2 says so on stderr"
	[ ! -s "$tmp/out" ]; ok $? "list $1 $2 lists nothing"
	run export --all "$1" "$2"
	expect_rc 65 "export --all $1 $2"
	[ -z "$(ls)" ]; ok $? "export $1 $2 writes no file"
}
check --tag 웹서비스 "--tag '웹서비스': no session in PyCon Korea 2024 has this tag (did you mean '웹 서비스'?)"
check --lang kr "--lang 'kr': no session in PyCon Korea 2024 is in this language (did you mean 'ko'?)"
check --level 고급 "--level '고급': no session in PyCon Korea 2024 is of this level; see 'planner list'"
check --type workshop "--type 'workshop': no session in PyCon Korea 2024 is of this type (it has 'keynote', 'talk', 'lightning', 'other')"
check --room "컨벤션홀 3" "--room '컨벤션홀 3': no session in PyCon Korea 2024 is in a room of that name (did you mean '컨벤션 홀 3'?)"
check --speaker "김광 현" "--speaker '김광 현': no session in PyCon Korea 2024 has a speaker of that name (did you mean '김광현'?)"
check --tag zzz "--tag 'zzz': no session in PyCon Korea 2024 has this tag; see 'planner tracks'"
# the same values, as the timetable writes them, match
run list --tag "웹 서비스" --lang ko --room "컨벤션 홀 2" --speaker 김광현 --type talk
expect_rc 0 "the right values match"
expect_out_match "김광현" "and list the session"
# a level or type that is not one at all stays a usage error
run pick --level expert2
expect_rc 64 "a word that is no level"
# the config file's values are not checked (they serve every conference): a plan is made
mkdir -p "$XDG_CONFIG_HOME/planner"
printf 'lang = xx\n' >"$XDG_CONFIG_HOME/planner/config"
run pick --tag "웹 서비스"
expect_rc 0 "a config value that this timetable does not have does not stop pick"
done_testing
