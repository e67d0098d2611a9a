#!/bin/sh
# Topics (schedules/topics.txt, the config's `topic` lines): a word searched for finds its topic's
# other words in English and Korean — in list --search, a --track that names no track or tag, and
# pick --keyword — with why: naming the word that matched; a word that matches nothing is an
# error with suggestions; the topic list is read only when a search needs it, and a bad one is
# named with its line.
. "$(dirname "$0")/../lib.sh"
cfg=$XDG_CONFIG_HOME/planner
mkdir -p "$cfg"

# The same sessions whichever language the word is in.
run list --search 장고
expect_rc 0 "list --search 장고"
expect_golden list-search-django.out "finds the 5 Django talks, as --search django does"
run list --search django
expect_golden list-search-django.out "list --search django: the same 5"
run list --search 비동기 --json
/usr/bin/python3 -c 'import json, sys; print(" ".join(s["id"] for s in json.load(open(sys.argv[1]))))' \
	"$tmp/out" >"$tmp/ids"
grep -qx "F7MWSF DWF3RR D9LG9X" "$tmp/ids"; ok $? "--search 비동기 finds what mentions asyncio, aiohttp, ASGI" ||
	sed 's/^/#   /' "$tmp/ids"

# The headline: the ASGI talk whose abstract says 비동기 is in the asyncio plan (make demo).
run pick --track asyncio --no-save
expect_rc 0 "pick --track asyncio"
expect_golden pick-asyncio-2024.out "plans the ASGI/PyO3 talk and the aiohttp one beside the keynotes"
expect_err "planner: no track or tag 'asyncio' in PyCon Korea 2024; planning sessions that mention it or another word of its topic" \
	"the fallback to the topic is said in one line"
grep -q "D9LG9X" "$tmp/out" && grep -q "why: about asyncio: ASGI in the title (2 points)" "$tmp/out"
ok $? "why: names the word and where it was found"

run -s pyconkr-2014 list --track asyncio
expect_rc 0 "2014: list --track asyncio"
grep -q " p3 .*Gevent" "$tmp/out" && grep -q " p4 .*AsyncIO" "$tmp/out"
ok $? "finds the Gevent talk beside the AsyncIO one" || sed 's/^/#   /' "$tmp/out"

run pick --keyword 코루틴 --no-keynotes --no-save
expect_rc 0 "pick --keyword 코루틴"
expect_golden pick-keyword-topic.out "why: lines name the matched word and field, title beats abstract"

run pick --keyword 실무 --no-keynotes --no-save
grep -q "why: about 실무 in the tags (1.50 points)" "$tmp/out"
ok $? "a match in the tags earns three quarters of the keyword's points" || grep why "$tmp/out" | sed 's/^/#   /'

# An exact track or tag still wins over the topic.
run -s pyconkr-2014 list --track "파이썬 일반" --search asyncio
expect_rc 0 "a track name and a search"
[ ! -s "$tmp/err" ]; ok $? "the track is a track: no fallback said"

# A word that matches nothing says so, with close tracks and tags; the plan stays.
run pick --track asyncio
expect_rc 0 "a saved plan"
cp "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json" "$tmp/plan-before"
run list --search 웹서비스
expect_rc 65 "list --search that matches nothing"
expect_err "planner: --search '웹서비스': no session in PyCon Korea 2024 mentions it (did you mean '웹 서비스'?)" \
	"says so in one line and suggests the close tag"
run list --search asyncoi
expect_rc 65 "a misspelt topic"
expect_err "planner: --search 'asyncoi': no session in PyCon Korea 2024 mentions it (did you mean 'asyncio'?)" \
	"suggests the topic it is a typo of, when the timetable has something about it"
run pick --track asyncoi
expect_rc 65 "the same for a --track"
expect_err "planner: no track, tag or session matches 'asyncoi' (did you mean 'asyncio'?)" "suggests it too"
run pick --keyword 머신러닝x
expect_rc 65 "pick --keyword that matches nothing"
expect_err "planner: --keyword '머신러닝x': no session in PyCon Korea 2024 mentions it; see 'planner tracks'" \
	"says so"
cmp -s "$tmp/plan-before" "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json"
ok $? "the saved plan is left as it was"
run -s pyconkr-2014 list --search blockchain
expect_rc 65 "a topic word the timetable has nothing about"
expect_err "planner: --search 'blockchain': no session in PyCon Korea 2014 mentions it or another word of its topic; see 'planner tracks'" \
	"says its topic was tried too"

# The config file adds topics and words.
cat >"$cfg/config" <<'EOF'
# fairness in Korean and English
topic = fairness: 공정한, fair
topic = asyncio: PyPencil
EOF
run list --search fairness
expect_rc 0 "a topic of the config file"
grep -q "YPUH9X" "$tmp/out"; ok $? "finds its Korean word" || sed 's/^/#   /' "$tmp/out"
run pick --keyword fairness --no-keynotes --no-save
grep -q "why: about fairness: 공정한 in the title (2 points)" "$tmp/out"; ok $? "and why: names it" ||
	sed 's/^/#   /' "$tmp/out"
run list --track asyncio
grep -q "YPUH9X" "$tmp/out" && grep -q "D9LG9X" "$tmp/out"
ok $? "a config line adds a word to a bundled topic, which keeps its own"
printf 'topic = asyncio: anyio\ntopic = oops\n' >"$cfg/config"
run list
expect_rc 78 "a bad topic line in the config"
expect_err "planner: $cfg/config:2: topic \"oops\": expected \"NAME: WORD, WORD, ...\"" \
	"is named with the file and the line, before any command runs"
printf 'topic = web: ok, \n' >"$cfg/config"
run list
expect_err "planner: $cfg/config:1: topic \"web: ok,\": word 2 is empty (expected \"NAME: WORD, WORD, ...\")" \
	"an empty word"
rm "$cfg/config"

# The list is read only when a search needs it, from beside the binary (as the bundled
# timetables are), and a bad one is named with its line.
mkdir -p "$tmp/copy/schedules"
cp "$PLANNER" "$tmp/copy/planner"
cp "$top/schedules/pyconkr-2024.json" "$tmp/copy/schedules/"
printf 'asyncio: 비동기\n\nweb\n' >"$tmp/copy/schedules/topics.txt"
run_copy() { $PLANNER_WRAP "$tmp/copy/planner" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
run_copy list --tag "웹 서비스"
expect_rc 0 "no search: the topic list is not read"
run_copy list --search 비동기
expect_rc 65 "a search reads it"
expect_err "planner: $tmp/copy/schedules/topics.txt:3: expected \"NAME: WORD, WORD, ...\"" \
	"a bad line of the topic list is named with the file and the line"
printf 'asyncio: 비동기, ASGI\n' >"$tmp/copy/schedules/topics.txt"
run_copy list --search asyncio
grep -q "D9LG9X" "$tmp/out"; ok $? "the list beside the binary is the one used"
rm "$tmp/copy/schedules/topics.txt"
run_copy list --search 비동기
expect_rc 0 "without a topic list, words match as themselves"
grep -q "D9LG9X" "$tmp/out" && ! grep -q "F7MWSF" "$tmp/out"; ok $? "only what says 비동기"

done_testing
