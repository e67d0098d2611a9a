#!/bin/sh
# The config file ($XDG_CONFIG_HOME/planner/config): the default timetable, the display zone,
# pick's defaults (travel, preferences; the command line wins, kind by kind), saved plans that
# replay what they were made with, and bad lines reported as FILE:LINE with status 78.
. "$(dirname "$0")/../lib.sh"
cfg=$tmp/config/planner/config
mkdir -p "$tmp/config/planner"
conf() { printf '%s\n' "$@" >"$cfg"; }

# No config: as before.
run days
expect_out_match '^1  2024-10-26 Sat' "no config file: the newest bundled timetable"

# schedule: the default timetable; -s wins.
conf "# my conference" "schedule = pyconkr-2014"
run days
expect_rc 0 "days with schedule = pyconkr-2014"
expect_out_match '^1  2014-08-30 Sat  26$' "the config's timetable is the default"
run -s pyconkr-2024 days
expect_out_match '^1  2024-10-26 Sat' "-s wins over the config"
conf "" "schedule = pyconkr-2041"
run days
expect_rc 66 "a config timetable that does not exist"
expect_err "planner: $cfg:2: schedule: no timetable 'pyconkr-2041': not a file or a bundled name (did you mean 'pyconkr-2014'?)" \
	"names the config line"

# tz: the zone times are shown in; --tz wins.
conf "tz = UTC"
run list --day 1
expect_out_match '^PyCon Korea 2024, times in UTC$' "tz = UTC shows times in UTC"
expect_out_match '^00:40-01:10  컨벤션 홀 2  F7MWSF' "09:40 KST is 00:40 UTC"
run list --day 1 --tz Asia/Seoul
expect_out_match '^09:40-10:10  컨벤션 홀 2  F7MWSF' "--tz wins over the config"
run now --at "2024-10-26 00:45"
expect_out_match '^PyCon Korea 2024, 2024-10-26 Sat 00:45, times in UTC$' "now: --at and times in the config's zone"
expect_out_match '^  00:40-01:10  컨벤션 홀 2  F7MWSF' "the keynote is running at 00:45 UTC"

# travel and preferences: defaults for pick.
conf "travel = 10" "track = 웹 서비스" "lang = ko" "weight = speaker=10"
run pick --no-save
expect_rc 0 "pick with the config's preferences"
expect_out_match '^PyCon Korea 2024: plan for --travel 10 --track 웹 서비스 --lang ko --weight speaker=10$' \
	"the config's preferences are used, and shown"
expect_out_match 'travel 10 min between rooms$' "travel = 10"
run pick --no-save --travel 0 --tag 보안
expect_out_match '^PyCon Korea 2024: plan for --travel 0 --tag 보안 --track 웹 서비스 --lang ko --weight speaker=10$' \
	"a command-line option replaces only its own kind"
expect_out_match 'travel 0 min between rooms$' "--travel wins"
run pick --no-save --track 인공지능 --lang en --weight tag=5
expect_out_match '^PyCon Korea 2024: plan for --track 인공지능 --lang en --weight tag=5 --travel 10 --weight speaker=10$' \
	"--track and --lang replace the config's; a weight of another kind keeps the config's"
run pick --no-save --weight speaker=2
expect_out_match '^PyCon Korea 2024: plan for --weight speaker=2 --travel 10 --track 웹 서비스 --lang ko$' \
	"a weight of the same kind replaces the config's"

# A saved plan replays what it was made with, whatever the config says now.
run pick
expect_rc 0 "pick, saved"
conf "track = 인공지능"
run pick
expect_out_match '^PyCon Korea 2024: plan for --travel 10 --track 웹 서비스 --lang ko --weight speaker=10$' \
	"a pick with no options replays the saved plan's preferences"
run now --at "2024-10-26 13:10" --json
/usr/bin/python3 -c 'import json,sys; n=json.load(open(sys.argv[1]))["next"]; assert n["walk_minutes"] == 10, n' "$tmp/out"
ok $? "now: the walk takes the plan's travel time"

# One reader of the saved preferences: pick (replaying them), print and export choose the same
# "room full?" alternative for every planned session, and it depends on the preferences.
rm -f "$cfg"
run pick --track "웹 서비스" --weight speaker=10 --break 12:00-13:30 --travel 10 \
	--block "2024-10-27 14:00-15:00 dentist"
expect_rc 0 "pick with preferences, a break, a block and a travel time, saved"
"$PLANNER" pick --json --no-save >"$tmp/replay.json" 2>/dev/null
"$PLANNER" list --json >"$tmp/all.json"
"$PLANNER" print --format markdown >"$tmp/print.md"
"$PLANNER" export -o "$tmp/plan.ics" 2>/dev/null
alternatives() { # alternatives PICK-JSON PRINT-MD ICS LIST-JSON: (id, alternative) of the planned
	# sessions that have one, as pick, print and export show them
	/usr/bin/python3 - "$@" <<'PY'
import json, re, sys
pick, md, ics = sys.argv[1:4]
d = json.load(open(pick))
titles = {s["id"]: s["title"] for s in json.load(open(sys.argv[4]))}
by_title = {t: i for i, t in titles.items()}
want = {p["id"]: p["alternative"] for p in d["plan"] if p["alternative"]}
print("pick", d["preferences"], sorted(want.items()))
got = {}
for line in open(md):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 5 and cells[2] in by_title:
        alt = cells[4].split(": ", 1)[1] if ": " in cells[4] else ""
        if alt:
            got[by_title[cells[2]]] = by_title.get(alt, alt)
print("print", d["preferences"], sorted(got.items()))
text = re.sub(r"\r?\n[ \t]", "", open(ics, encoding="utf-8").read().replace("\r", ""))
got = {}
for ev in text.split("BEGIN:VEVENT")[1:]:
    uid = re.search(r"^UID:([^@]*)@", ev, re.M).group(1)
    m = re.search(r"\\nalternative: (\S+) ", ev)
    if m:
        got[uid] = m.group(1)
print("export", d["preferences"], sorted(got.items()))
PY
}
alternatives "$tmp/replay.json" "$tmp/print.md" "$tmp/plan.ics" "$tmp/all.json" >"$tmp/alts"
grep -q "^pick \['--track', '웹 서비스', '--weight', 'speaker=10', '--break', '12:00-13:30', '--travel', '10', '--block'" "$tmp/alts"
ok $? "a bare pick replays the saved preferences" || sed 's/^/#   /' "$tmp/alts"
[ "$(cut -d' ' -f2- "$tmp/alts" | sort -u | wc -l)" -eq 1 ] && grep -q "('[A-Z0-9]*', '[A-Z0-9]" "$tmp/alts"
ok $? "pick, print and export agree on every planned session's alternative" || sed 's/^/#   /' "$tmp/alts"
plan_file=$tmp/data/planner/pyconkr-2024.plan.json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["args"]=[]; d.pop("travel_minutes", None); json.dump(d, open(sys.argv[1], "w"))' "$plan_file"
"$PLANNER" print --format markdown >"$tmp/print-none.md"
! cmp -s "$tmp/print.md" "$tmp/print-none.md"
ok $? "print's alternatives and breaks come from the saved preferences (without them they differ)"
rm -f "$plan_file"

# A preference from the config that matches nothing says where it came from.
rm -f "$tmp/data/planner/pyconkr-2024.plan.json"
conf "" "" "track = zzzqqq"
run pick --no-save
expect_rc 65 "a config track that matches nothing"
expect_err "planner: no track, tag or session matches 'zzzqqq'; see 'planner tracks' (set in $cfg:3)" \
	"the error names the config line"
# ... the line of the very value that failed (prefs_resolve says which), whatever its case
conf "" "" "track = asyncio" "track = ZZZQQQ"
run pick --no-save
expect_rc 65 "a second config track that matches nothing"
expect_err "planner: no track, tag or session matches 'zzzqqq'; see 'planner tracks' (set in $cfg:4)" \
	"the error names its config line"
run pick --no-save --track zzzqqq
expect_err "planner: no track, tag or session matches 'zzzqqq'; see 'planner tracks'" \
	"a typed track that matches nothing names no config line"

# Bad lines: FILE:LINE, status 78 (EX_CONFIG), for every command that reads the config.
conf "schedule = pyconkr-2014" "# comment" "colour = red"
run list
expect_rc 78 "an unknown key"
expect_err "planner: $cfg:3: unknown key \"colour\" (known: schedule, tz, cacert, track, tag, keyword, speaker, level, lang, type, weight, break, max-per-day, travel, alarm, caldav-url, caldav-user, caldav-password-command, topic)" \
	"names the file, the line and the key"
run pick --no-save
expect_rc 78 "pick refuses a bad config too"
run now
expect_rc 78 "and now"
conf "travel = 5 minutes"
run pick --no-save
expect_err "planner: $cfg:1: travel \"5 minutes\": expected a whole number from 0 to 600" "a bad number"
conf "tz = Asia/Busan"
run list
expect_err "planner: $cfg:1: tz \"Asia/Busan\": unknown time zone (expected an IANA name like Asia/Seoul, or local)" \
	"an unknown zone"
conf "$(printf 'level = x\033]0;')"
run list
expect_err "planner: $cfg:1: level \"x0;\": expected beginner, intermediate or advanced (초급, 중급, 고급)" \
	"a value with an escape that never ends is quoted inert, and the message is whole"
conf "$(printf 'break = 12:00\033]x-13:00')"
run list
expect_err_match "^planner: $cfg:1: break \"12:00x-13:00\": .*[a-z]" "the same for a module's message"
conf "trak = web"
run tracks
expect_err "planner: $cfg:1: unknown key \"trak\" (did you mean \"track\"?)" "a near miss gets a suggestion"
conf "trav = 5"
run tracks
expect_err "planner: $cfg:1: unknown key \"trav\" (did you mean \"travel\"?)" \
	"of keys equally near (track, travel), the one that starts alike"
run --version
expect_rc 0 "--version does not need the config"
run help list
expect_rc 0 "nor does help"
rm "$cfg"
mkdir "$cfg"
run days
expect_rc 78 "a directory in place of the file"
expect_err "planner: $cfg: is a directory, not a config file" "is named"
rmdir "$cfg"

# $XDG_CONFIG_HOME unset: ~/.config/planner/config.
# a config that is no regular file, or too large: exit 78, never a hang
rm -f "$cfg"
mkfifo "$cfg"
timeout 20 "$PLANNER" days >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 78 "a FIFO as the config file is refused, not waited on"
expect_err "planner: $cfg: not a regular file, so not a config file" "... saying what it is"
rm -f "$cfg"
ln -s /dev/zero "$cfg"
run days
expect_rc 78 "a link to /dev/zero as the config file is refused"
rm -f "$cfg"
head -c 2000000 /dev/zero | tr '\0' '#' >"$cfg"
run days
expect_rc 78 "a config file over 1 MiB is a config error"
expect_err "planner: $cfg: too large (2000000 bytes; the limit is 1 MiB)" "... naming its size and the limit"
rm -f "$cfg"
mkdir -p "$tmp/home/.config/planner"
echo "schedule = pyconkr-2014" >"$tmp/home/.config/planner/config"
env -u XDG_CONFIG_HOME HOME="$tmp/home" "$PLANNER" days >"$tmp/out" 2>"$tmp/err"
expect_out_match '^1  2014-08-30 Sat' "without XDG_CONFIG_HOME: ~/.config/planner/config"
# a home that is not there is not made
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$tmp/no-such-home" \
	"$PLANNER" -s "$top/tests/data/mini.json" add k1 >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 73 "with \$HOME not a directory a plan cannot be saved"
expect_err "planner: \$HOME ('$tmp/no-such-home') is not a directory, and \$XDG_DATA_HOME is not set" \
	"... saying why"
[ ! -e "$tmp/no-such-home" ]; ok $? "... and the home is not created"
# A plan made by hand (add) saves no travel time: now, next and conflicts all take the config's.
# KJPMEM ends 14:40 in 컨벤션 홀 2, 8MW8NT starts 14:50 in 컨벤션 홀 1: 10 minutes, 30 needed.
rm -f "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json"
conf "travel = 30"
run add KJPMEM 8MW8NT
expect_err "planner: warning: your plan has 1 conflict now; see 'planner conflicts'" \
	"add: the config's travel time makes the walk a conflict"
run conflicts
expect_out_match "leaves 10 of the 30 min needed to walk to 8MW8NT" "conflicts uses the config's travel time"
run now --at "2024-10-26 14:35"
expect_out_match "30 needed" "now uses the same travel time"
conf "travel = 5"
run conflicts
expect_out_match "^no conflicts in your plan" "with travel = 5 the walk fits"

env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
	"$PLANNER" -s "$top/tests/data/mini.json" days >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 0 "with no \$HOME a timetable file is still read (no config file, as when it is missing)"
done_testing
