#!/bin/sh
# The README's examples, read from README.md itself (no command or output is copied here, so an
# edit of the README that breaks an example fails this test):
# - the first lines are the set-up commands `make demo` and `make check`, then how to have a
#   `planner` the examples can run: `make demo` ends by offering the same `make install
#   PREFIX=$HOME/.local`, and doing it (HOME a fresh folder) gives a `planner` on PATH that prints
#   the first example's output;
# - transcripts (`    $ planner ...` and the output under it) run in README order, as one story,
#   in a fresh XDG environment (the DemoCon fetch transcripts in one of their own); their output is
#   compared with the README's: whole, or, where the README elides with a line `...`, the parts it
#   shows (in order, the first at the start, the last at the end); every line it shows counts (a
#   copy with any one line changed by a character must not match).  What the test provides for
#   them: a 100-column terminal, the moment `now` shows (--at), a local server for the URLs, the
#   two versions of DemoCon 2025 (tests/data/readme/), the plan and fetch time the re-fetch shows;
# - the story's prose examples: `planner export` and its message, `planner print --day 1 | lp`;
# - every other `planner ...` line of a code block runs and must exit 0 (its output is not shown);
# - `make ...` lines: `make -n` with the same arguments succeeds (the targets exist), and `make
#   demo` runs what its comment says;
# - what `planner update` says (DemoCon 2025 changing under an exported plan), compared as a
#   transcript;
# - the config file example loads, and the pick the prose says it makes is the one it makes; the
#   config and fetch error messages are the ones planner gives, and so are the messages for a
#   value that matches nothing (pick, list, export), for a shared plan of another conference and
#   for the JSON example with a session ending before it starts, and the warning for sessions with
#   no usable time; the push config lines load;
# - the JSON timetable example loads; the completion `source` lines load in their shells;
# - the source folders and files the Hacking section lists exist.
# The other lines of code blocks (messages about hostile inputs) are listed in a comment, not
# checked here.  The push examples run against a radicale on 127.0.0.1.  Nothing here reaches the
# internet.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
PY=/usr/bin/python3
readme=$top/README.md
data=$top/tests/data/readme
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export PLANNER_FETCH_TIMEOUT=10 TZ=UTC
# The README's list, pick and now transcripts show a 100-column terminal (their long lines are cut
# at 100 display columns with "…"); planner cuts to $COLUMNS in a pipe, so that is the width.
export COLUMNS=100
# ~ in the examples (`-o ~/pycon.ics`) is a home of the test's own.
export HOME="$tmp/home"
mkdir -p "$HOME" "$tmp/bin" "$tmp/srv" "$tmp/envs"

# `planner` in the examples is the planner under test; each run's exit status is logged, so that
# a pipeline (`planner print --day 1 | lp`) is judged by planner's status, not the last command's.
cat >"$tmp/bin/planner" <<EOF
#!/bin/sh
$PLANNER_WRAP "$PLANNER" "\$@"
s=\$?
echo \$s >>"$tmp/status"
exit \$s
EOF
# `lp` (the printer) is a stand-in that keeps what it was given.
cat >"$tmp/bin/lp" <<EOF
#!/bin/sh
cat >"$tmp/lp.out"
EOF
chmod +x "$tmp/bin/planner" "$tmp/bin/lp"
PATH=$tmp/bin:$PATH

# ---- the examples, from README.md
# extract.py writes $ex/list: one example a line, KIND<TAB>BLOCK<TAB>LINE<TAB>TEXT, in README order
# (KIND: first, transcript, planner, make, config, json, shell, path, text), and for a transcript
# the output the README shows in $ex/LINE.exp, for a config or JSON block its text in $ex/LINE.txt.
ex=$tmp/ex
mkdir -p "$ex"
cat >"$tmp/extract.py" <<'PY'
import re, sys
readme, ex = sys.argv[1], sys.argv[2]
lines = open(readme, encoding="utf-8").read().split("\n")
out = open(ex + "/list", "w", encoding="utf-8")
def emit(kind, block, lineno, text):
    out.write("%s\t%d\t%d\t%s\n" % (kind, block, lineno, text))
def write(name, body):
    with open(ex + "/" + name, "w", encoding="utf-8") as f:
        f.write(body)

# code blocks: indented by 4 after a blank line, or fenced
blocks = []   # (first line number, ["text", ...] dedented, fence language or None)
i = 0
while i < len(lines):
    l = lines[i]
    if l.startswith("```"):
        lang, body, i = l[3:].strip(), [], i + 1
        start = i + 1
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i]); i += 1
        blocks.append((start, body, lang)); i += 1
        continue
    if l.startswith("    ") and l.strip() and (i == 0 or not lines[i - 1].strip()):
        start, body = i + 1, []
        while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
            body.append(lines[i][4:]); i += 1
        while body and not body[-1].strip():
            body.pop()
        blocks.append((start, body, None))
        continue
    i += 1

# the first lines after the title: the set-up commands
first = [l for l in lines[1:] if l.strip()][:2]
emit("first", 0, 2, " | ".join(re.sub(r"\s+#.*", "", l).strip() for l in first))

at = None
for b, (start, body, lang) in enumerate(blocks, 1):
    if lang is not None:
        if lang == "json":
            write("%d.txt" % start, "\n".join(body) + "\n")
            emit("json", b, start, "")
        continue
    if any(l.startswith("$ ") for l in body):
        # a transcript: each `$ command` and the output under it
        k = 0
        while k < len(body):
            if not body[k].startswith("$ "):
                k += 1
                continue
            cmd, lineno, k = body[k][2:], start + k, k + 1
            exp = []
            while k < len(body) and not body[k].startswith("$ "):
                exp.append(body[k]); k += 1
            while exp and not exp[-1].strip():
                exp.pop()
            # now/next: the moment is the one the README's `now` shows in its first line
            # ("PyCon Korea 2024, 2024-10-26 Sat 13:25, times in ..."); `next` asks at the same one.
            w = cmd.split()
            if len(w) > 1 and w[1] in ("now", "next") and "--at" not in w:
                m = exp and re.match(r".*, (\d{4}-\d\d-\d\d) \w{3} (\d\d:\d\d)(?: \((?:night of )?day \d+\))?, times in ", exp[0])
                if m:
                    at = "%s %s" % m.groups()
                if at:
                    cmd += ' --at "%s"' % at
            write("%d.exp" % lineno, "\n".join(exp) + "\n")
            emit("transcript", b, lineno, cmd)
        continue
    if body and body[0].startswith("fetch: updated "):
        # what `planner update` says, step by step (checked on DemoCon 2025 below)
        write("%d.exp" % start, "\n".join(body) + "\n")
        emit("update", b, start, "")
        continue
    if body and all(re.match(r"[a-z-]+ = \S", l) for l in body):
        # config lines without the heading (the push settings): they load as a config file
        write("%d.txt" % start, "\n".join(body) + "\n")
        emit("config-lines", b, start, "")
        continue
    if body and body[0].startswith("# ~/.config/planner/config"):
        write("%d.txt" % start, "\n".join(body) + "\n")
        emit("config", b, start, "")
        continue
    for k, l in enumerate(body):
        s, lineno = l.strip(), start + k
        if not s or s.startswith("#"):
            continue
        if s.startswith("planner "):
            # `planner add 8JXYDH / planner drop 8JXYDH / planner pin SRKR79`: three commands
            for part in re.split(r" / (?=planner )", s):
                emit("planner", b, lineno, part)
        elif s.split()[0] == "make":
            emit("make", b, lineno, s)
        elif re.match(r"(source |fpath=)", s):
            m = re.search(r"#\s*(\w+)\s*$", s)
            emit("shell", b, lineno, (m.group(1) if m else "sh") + "\t" + re.sub(r"\s+#.*$", "", s))
        elif re.match(r"src/\S+(\s|$)", s):
            emit("path", b, lineno, s.split()[0])
        else:
            emit("text", b, lineno, s)

# examples in the prose that the tests below check
text = re.sub(r"\s+", " ", "\n".join(lines))
m = re.search(r"with the file above, `(planner [^`]*)` plans `([^`]*)`", text)
emit("config-pick", 0, 0, "%s\t%s" % m.groups() if m else "")
m = re.search(r"`(planner export)` writes `([^`]+)`[^(]*\(`(planner: [^`]+)`\)", text)
emit("story-export", 0, 0, "\t".join(m.groups()) if m else "")
m = re.search(r"`(planner print --day 1 \| lp)` prints the day on one A4 page", text)
emit("story-print", 0, 0, m.group(1) if m else "")
# "the example above as `talks.json`, with t1 starting at 11:30 instead:" and the error it gives
m = re.search(r"the example above as `([^`]+)`, with (\S+) starting at (\d\d:\d\d) instead: (planner: .*?) ## ", text)
emit("json-error", 0, 0, "\t".join(m.groups()) if m else "")
# the first lines after the set-up commands: how the newcomer gets `planner` ("`make install
# PREFIX=$HOME/.local` puts it in `~/.local/bin`")
intro = re.sub(r"\s+", " ", "\n".join(lines[:next(i for i, l in enumerate(lines) if l.startswith("## "))]))
m = re.search(r"`(make install PREFIX=[^`]+)` puts it in `([^`]+)`", intro)
emit("install", 0, 0, "%s\t%s" % m.groups() if m else "")
PY
"$PY" "$tmp/extract.py" "$readme" "$ex"
ok $? "the examples are read from README.md" || { done_testing; exit 1; }
count() { awk -F '\t' -v k="$1" '$1 == k' "$ex/list" | wc -l; }
[ "$(count transcript)" -ge 7 ] && [ "$(count planner)" -ge 30 ] && [ "$(count make)" -ge 10 ]
ok $? "the README has transcripts, planner lines and make lines ($(count transcript), $(count planner), $(count make))"
# (the loops below over the update example and the config lines check nothing when none is read)
[ "$(count update)" -ge 1 ] && [ "$(count config-lines)" -ge 1 ]
ok $? "the README has the update example and config lines without a heading ($(count update), $(count config-lines))"

# match.py [--mutants] EXPECTED ACTUAL: ACTUAL is EXPECTED; or, when EXPECTED has lines "...", it
# shows the parts between them in order, the first part at its start and the last at its end.  A
# line with "..." inside it (a message shortened in the README, a time that changes) matches a
# line that starts with what is before it and ends with what is after it.  --mutants also proves
# that every line EXPECTED shows is compared: EXPECTED with any one of its lines changed by one
# character must not match.
cat >"$tmp/match.py" <<'PY'
import difflib, sys
args = sys.argv[1:]
mutants = "--mutants" in args
args = [a for a in args if not a.startswith("--")]
exp = open(args[0], encoding="utf-8").read().split("\n")[:-1]
act = open(args[1], encoding="utf-8").read().split("\n")
if act and act[-1] == "":
    act.pop()
def same(e, a):
    if "..." in e and e != "...":
        pre, post = e.split("...", 1)
        return a.startswith(pre) and a.endswith(post) and len(a) >= len(pre) + len(post)
    return e == a
def matches(exp):
    if "..." not in exp:
        return len(exp) == len(act) and all(same(e, a) for e, a in zip(exp, act))
    parts, cur = [], []
    for l in exp:
        if l == "...":
            parts.append(cur); cur = []
        else:
            cur.append(l)
    parts.append(cur)
    def at(p, i):
        return i + len(p) <= len(act) and all(same(e, a) for e, a in zip(p, act[i:]))
    pos = 0
    for n, p in enumerate(parts):
        if n == 0:
            if not at(p, 0):
                return False
            pos = len(p)
        elif n == len(parts) - 1:
            if len(act) - len(p) < pos or not at(p, len(act) - len(p)):
                return False
        else:
            while pos <= len(act) and not at(p, pos):
                pos += 1
            if pos > len(act):
                return False
            pos += len(p)
    return True
if not matches(exp):
    sys.stdout.writelines("#   " + l + "\n" for l in list(difflib.unified_diff(exp, act, "README", "planner", lineterm=""))[:40])
    sys.exit(1)
if mutants:
    for i, l in enumerate(exp):
        if l == "...":
            continue
        k = len(l) // 2
        m = l[:k] + ("x" if l[k:k + 1] != "x" else "y") + l[k + 1:]
        if matches(exp[:i] + [m] + exp[i + 1:]):
            print("#   README line %d of the output still matches with one character changed: %s" % (i + 1, m))
            sys.exit(1)
PY

# ---- environments: XDG directories under $tmp/envs/NAME
use_env() {
	e=$tmp/envs/$1
	mkdir -p "$e/cache" "$e/data" "$e/config" "$e/work"
	export XDG_CACHE_HOME="$e/cache" XDG_DATA_HOME="$e/data" XDG_CONFIG_HOME="$e/config" \
		XDG_STATE_HOME="$e/state"
}
copy_env() { rm -rf "$tmp/envs/$2"; cp -a "$tmp/envs/$1" "$tmp/envs/$2"; use_env "$2"; }
# sh_run 'command line': runs it with sh in the environment's work folder; $tmp/out, $tmp/err,
# $rc (the shell's status) and $prc (0 when planner ran at least once and every run exited 0).
sh_run() {
	: >"$tmp/status"
	(cd "$e/work" && sh -c "$1") </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	prc=1
	[ -s "$tmp/status" ] && ! grep -qv '^0$' "$tmp/status" && prc=0
}

# ---- the fetch examples: a test server on 127.0.0.1 instead of the internet
# The README fetches https://example.org/.../NAME; here every such URL is
# http://127.0.0.1:PORT/feed/NAME (tests/http_server.py serving $tmp/srv).  DemoCon 2025 is the
# README's invented conference: tests/data/readme/democon-v1.json is the timetable a first fetch
# of a URL gets, democon-v2.json the changed one a later `planner fetch NAME` gets (Rust in the
# kernel moved, the lightning talks cancelled, Packaging Python in another room, a closing added).
# The plans the README's import and compare read from a URL are tests/data/readme/NAME too.
"$PY" "$top/tests/http_server.py" --root "$tmp/srv" >"$tmp/port" &
pids="$pids $!"
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
U=http://127.0.0.1:$(cat "$tmp/port")
[ -s "$tmp/port" ]; ok $? "the test server listens on 127.0.0.1" || { done_testing; exit 1; }
local_urls() { printf '%s\n' "$1" | sed "s#https://example\\.org/\\([^ ]*/\\)*\\([^ /]*\\)#$U/feed/\\2#g"; }
# serve_for 'command line': what the server has for it: v1 under the URL's name for a fetch of a
# URL, v2 under every name for a fetch of a timetable by name.
serve_for() {
	case "$1" in
	*"planner import "*http* | *"planner compare "*http*)
		# a plan someone shared: the file of that name in tests/data/readme/
		f=$(printf '%s\n' "$1" | sed 's#.*/feed/\([^ /]*\).*#\1#')
		cp "$data/$f" "$tmp/srv/$f" ;;
	*"planner fetch http"*)
		f=$(printf '%s\n' "$1" | sed 's#.*planner fetch [^ ]*/\([^ /]*\).*#\1#')
		cp "$data/democon-v1.json" "$tmp/srv/$f" ;;
	*"planner fetch "*)
		for f in "$tmp/srv"/*; do [ -e "$f" ] && cp "$data/democon-v2.json" "$f"; done ;;
	esac
}

# ---- the push examples: a CalDAV server on 127.0.0.1 instead of dav.example.org
# Debian's radicale (as tests/cli/push.sh starts it), started at the first `planner push`; the
# user "you", whose password ~/.netrc gives.  The examples run in README order on one server.
DAV=""
dav_up() {
	[ -n "$DAV" ] && return
	dsrv=$tmp/radicale
	mkdir -p "$dsrv"
	printf 'you:secret\n' >"$dsrv/users"
	dport=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
	printf '[server]\nhosts = 127.0.0.1:%s\n[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = %s\n[web]\ntype = none\n' \
		"$dport" "$dsrv/users" "$dsrv/storage" >"$dsrv/config"
	: >"$dsrv/log"
	"$PY" -m radicale -C "$dsrv/config" >>"$dsrv/log" 2>&1 &
	pids="$pids $!"
	i=0
	while [ $i -lt 100 ] && ! grep -q 'Radicale server ready' "$dsrv/log"; do sleep 0.1; i=$((i + 1)); done
	printf 'machine 127.0.0.1 login you password secret\n' >"$HOME/.netrc"
	chmod 600 "$HOME/.netrc"
	DAV=http://127.0.0.1:$dport
}

# ---- transcripts, in README order
# They run in one environment, the story: list, pick, now and next, print.  A transcript block
# that fetches (DemoCon 2025, another conference) runs in an environment of its own, as fetching
# makes that timetable the default, which the PyCon story after it does not expect.
# The README's output shows stdout and stderr as a terminal does; here the lines that start with
# "planner: " are compared with stderr and the others with stdout.  /home/you/.local/share,
# /home/you/.config and /home/you/.cache are the environment's XDG directories.
# When the output of a re-fetch stars sessions "in your plan", they are added to the plan first
# (`planner add`), and when it says "changed since the copy fetched DATE TIME", the cached copy is
# made to have been fetched then (its meta.json; TZ=UTC), as the test cannot wait for that moment.
use_env story
lastblock=""
tab=$(printf '\t')
while IFS="$tab" read -r kind block line cmd; do
	[ "$kind" = transcript ] || continue
	if [ "$block" != "$lastblock" ]; then
		lastblock=$block
		if awk -F '\t' -v b="$block" '$1 == "transcript" && $2 == b && $4 ~ /^planner fetch /' "$ex/list" | grep -q .; then
			use_env "fetch-$block"
		else
			use_env story
		fi
	fi
	exp=$ex/$line.exp
	sed -e "s#/home/you/\\.local/share#$XDG_DATA_HOME#g" -e "s#/home/you/\\.config#$XDG_CONFIG_HOME#g" \
		-e "s#/home/you/\\.cache#$XDG_CACHE_HOME#g" "$exp" >"$exp.all"
	grep '^planner: ' "$exp.all" >"$exp.err"
	grep -v '^planner: ' "$exp.all" >"$exp.out"
	run_cmd=$(local_urls "$cmd")
	serve_for "$run_cmd"
	for id in $(sed -n 's/^\* [a-z+]*  *\([^ ]*\) .*/\1/p' "$exp.all"); do
		"$PLANNER" add "$id" </dev/null >/dev/null 2>&1
	done
	since=$(sed -n 's/.* changed since the copy fetched \([0-9-]* [0-9:]*\)$/\1/p' "$exp.all")
	if [ -n "$since" ]; then
		name=$(printf '%s\n' "$cmd" | awk '{ print $NF }')
		"$PY" - "$XDG_CACHE_HOME/planner/$name/meta.json" "$since" <<'PY'
import calendar, json, sys, time
m = json.load(open(sys.argv[1]))
m["fetched_at"] = calendar.timegm(time.strptime(sys.argv[2], "%Y-%m-%d %H:%M"))
json.dump(m, open(sys.argv[1], "w"))
PY
	fi
	sh_run "$run_cmd"
	[ "$rc" -eq 0 ]; ok $? "README:$line: \$ $cmd (exit 0)" || sed 's/^/#   stderr: /' "$tmp/err" | head -5
	"$PY" "$tmp/match.py" --mutants "$exp.out" "$tmp/out"
	ok $? "README:$line: its output is what the README shows (every line it shows compared)"
	"$PY" "$tmp/match.py" --mutants "$exp.err" "$tmp/err"
	ok $? "README:$line: its messages (stderr) are what the README shows (every line compared)"
done <"$ex/list"

# ---- prose examples of the story, in the story's environment (its plan)
use_env story
IFS="$tab" read -r cmd file msg <<EOF
$(grep '^story-export' "$ex/list" | cut -f 4-)
EOF
[ -n "$cmd" ]; ok $? "the story says what \`planner export\` writes" || :
sh_run "$cmd"
[ "$prc" -eq 0 ] && [ -n "$file" ] && [ -s "$e/work/$file" ] && [ "$(cat "$tmp/err")" = "$msg" ]
ok $? "story: \`$cmd\` writes $file and says \"$msg\"" || sed 's/^/#   stderr: /' "$tmp/err"
cmd=$(grep '^story-print' "$ex/list" | cut -f 4-)
rm -f "$tmp/lp.out"
sh_run "$cmd"
[ -n "$cmd" ] && [ "$prc" -eq 0 ] && [ -s "$tmp/lp.out" ] && [ "$(wc -l <"$tmp/lp.out")" -le 60 ] &&
	! tr -d '\n' <"$tmp/lp.out" | grep -q "$(printf '\f')"
ok $? "story: \`$cmd\` gives lp one page (at most 60 lines, no form feed)"

# ---- the messages of "No silent overwrite": `planner: --tag 'VALUE': ...` is what pick, list
# and export say (exit 65) for that value, and pick leaves the saved plan as it was
awk -F '\t' '$1 == "text" && $4 ~ /^planner: --[a-z]+ '"'"'[^'"'"']*'"'"': no session in / { print $3 "\t" $4 }' "$ex/list" >"$tmp/valmsgs"
[ -s "$tmp/valmsgs" ]; ok $? "the README shows the messages for a value that matches nothing"
while IFS="$tab" read -r mline msg; do
	opt=$(printf '%s\n' "$msg" | sed "s/^planner: \(--[a-z]*\) '.*/\1/")
	val=$(printf '%s\n' "$msg" | sed "s/^planner: --[a-z]* '\([^']*\)'.*/\1/")
	for c in pick list export; do
		copy_env story "values-$c"
		cp "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json" "$tmp/plan.before"
		(cd "$e/work" && "$PLANNER" "$c" "$opt" "$val") </dev/null >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" -eq 65 ] && printf '%s\n' "$msg" | cmp -s - "$tmp/err" &&
			cmp -s "$tmp/plan.before" "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json"
		ok $? "README:$mline: planner $c $opt $val says so (exit 65), the plan as it was" ||
			sed 's/^/#   stderr: /' "$tmp/err" | head -3
	done
done <"$tmp/valmsgs"

# ---- the message for a shared plan of another conference: `planner import theirs.txt`, theirs.txt
# a list whose header names that conference and the URL of its timetable; nothing is saved
awk -F '\t' '$1 == "text" && $4 ~ /^planner: [^ ]+: a plan for conference / { print $3 "\t" $4 }' "$ex/list" >"$tmp/sharemsgs"
[ -s "$tmp/sharemsgs" ]; ok $? "the README shows the message for a plan of another conference"
while IFS="$tab" read -r mline msg; do
	f=$(printf '%s\n' "$msg" | sed 's/^planner: \([^ :]*\): .*/\1/')
	conf=$(printf '%s\n' "$msg" | sed "s/.* a plan for conference '\([^']*\)'.*/\1/")
	url=$(printf '%s\n' "$msg" | sed "s/.*after 'planner fetch \([^']*\)')\$/\1/")
	copy_env story share-msg
	printf '# planner plan: conference %s %s\nK1OPEN\n' "$conf" "$url" >"$e/work/$f"
	cp "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json" "$tmp/plan.before"
	(cd "$e/work" && "$PLANNER" import "$f") </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -ne 0 ] && printf '%s\n' "$msg" | cmp -s - "$tmp/err" &&
		cmp -s "$tmp/plan.before" "$XDG_DATA_HOME/planner/pyconkr-2024.plan.json"
	ok $? "README:$mline: planner import $f (a list for $conf) is refused so, nothing saved" ||
		sed 's/^/#   stderr: /' "$tmp/err" | head -3
done <"$tmp/sharemsgs"

# ---- what `planner update` says, step by step (the README's block "fetch: updated ...")
# DemoCon 2025 fetched from a URL; a plan of the Rust talks and the lightning talks (`pick
# --keyword rust --keyword lightning`: the keynote, three Rust talks, the lightning talks),
# exported to ~/pycon.ics; then the timetable changes (democon-v2.json: the lightning talks
# cancelled) and, fetched the day before as the README says, `planner update` runs.  Its output
# is compared as a transcript's is (the README elides the list of changes).
while IFS="$tab" read -r kind block line cmd; do
	[ "$kind" = update ] || continue
	use_env "update-$block"
	cp "$data/democon-v1.json" "$tmp/srv/update.json"
	: >"$tmp/status"
	(cd "$e/work" && planner fetch --quiet "$U/feed/update.json" && planner pick --keyword rust \
		--keyword lightning && planner export -o ~/pycon.ics) \
		</dev/null >"$tmp/out" 2>"$tmp/err"
	ok $? "README:$line: a plan of DemoCon 2025 exported to ~/pycon.ics, for \`planner update\`" ||
		sed 's/^/#   stderr: /' "$tmp/err" | head -3
	cp "$data/democon-v2.json" "$tmp/srv/update.json"
	sed -e "s#/home/you#$HOME#g" "$ex/$line.exp" >"$tmp/update.exp"
	since=$(sed -n 's/.* changed since the copy fetched \([0-9-]* [0-9:]*\)$/\1/p' "$tmp/update.exp")
	"$PY" - "$XDG_CACHE_HOME/planner/democon-2025/meta.json" "$since" <<'PY'
import calendar, json, sys, time
m = json.load(open(sys.argv[1]))
m["fetched_at"] = calendar.timegm(time.strptime(sys.argv[2], "%Y-%m-%d %H:%M"))
json.dump(m, open(sys.argv[1], "w"))
PY
	sh_run "planner update"
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]
	ok $? "README:$line: planner update (exit 0, nothing on stderr)" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
	"$PY" "$tmp/match.py" --mutants "$tmp/update.exp" "$tmp/out"
	ok $? "README:$line: what it says is what the README shows (every line compared)"
done <"$ex/list"

# ---- the other command lines of the code blocks
# Each code block runs in order in a copy of the story's environment (a saved plan for PyCon Korea
# 2024, the default timetable), so that `planner print` and `planner export` have a plan, and one
# block's fetch does not change the default of the next.  Each planner command must exit 0; a
# pipeline (`| lp`) is judged by planner's status.
lastblock=""
while IFS="$tab" read -r kind block line cmd; do
	case "$kind" in planner | shell | config) ;; *) continue ;; esac
	[ "$block" = "$lastblock" ] || { lastblock=$block; copy_env story "block-$block"; }
	case "$kind" in
	planner)
		run_cmd=$(local_urls "$cmd")
		case "$cmd" in *"planner push"*)
			dav_up
			run_cmd=$(printf '%s\n' "$run_cmd" | sed "s#https://dav\\.example\\.org#$DAV#g") ;;
		esac
		serve_for "$run_cmd"
		sh_run "$run_cmd"
		[ "$prc" -eq 0 ]; ok $? "README:$line: $cmd" || sed 's/^/#   stderr: /' "$tmp/err" | head -5 ;;
	shell)
		# completion: `source completions/planner.bash  # bash`, run by the shell the comment names
		sh=${cmd%%"$tab"*} line_cmd=${cmd#*"$tab"}
		(cd "$top" && "$sh" -c "$line_cmd") </dev/null >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]
		ok $? "README:$line: $line_cmd (in $sh)" || sed 's/^/#   stderr: /' "$tmp/err" | head -5 ;;
	config)
		# the config example, as $XDG_CONFIG_HOME/planner/config
		mkdir -p "$XDG_CONFIG_HOME/planner"
		cp "$ex/$line.txt" "$XDG_CONFIG_HOME/planner/config"
		sh_run "planner list"
		[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]
		ok $? "README:$line: the config example loads" || sed 's/^/#   stderr: /' "$tmp/err" | head -5
		# "with the file above, `planner pick --track asyncio` plans `--track asyncio --travel ...`"
		IFS="$tab" read -r pcmd plans <<EOF
$(grep '^config-pick' "$ex/list" | cut -f 4-)
EOF
		sh_run "$pcmd"
		[ "$rc" -eq 0 ] && [ -n "$plans" ] && head -n 1 "$tmp/out" | grep -qxF "PyCon Korea 2024: plan for $plans"
		ok $? "README: with the config example, \`$pcmd\` plans \`$plans\`" || head -n 1 "$tmp/out" | sed 's/^/#   /'
		# the config error messages: the example with line N made the bad line the message names
		awk -F '\t' '$1 == "text" && $4 ~ /^planner: \/home\/you\/\.config\/planner\/config:[0-9]+: / { print $3 "\t" $4 }' "$ex/list" >"$tmp/cfgmsgs"
		[ -s "$tmp/cfgmsgs" ]; ok $? "the README shows config error messages"
		while IFS="$tab" read -r mline msg; do
			# a config file whose line N (the message's) is the bad setting, after N-1 comment lines
			cn=$(printf '%s\n' "$msg" | sed 's#^.*/config:\([0-9]*\): .*#\1#')
			bad=$(printf '%s\n' "$msg" | sed -n -e 's/^.*\/config:[0-9]*: unknown key "\([^"]*\)".*/\1 = x/p' \
				-e 's/^.*\/config:[0-9]*: \([a-z-]*\) "\([^"]*\)": .*/\1 = \2/p')
			awk -v n="$cn" -v bad="$bad" 'BEGIN { for (i = 1; i < n; i++) print "#"; print bad }' \
				>"$XDG_CONFIG_HOME/planner/config"
			printf '%s\n' "$msg" | sed "s#/home/you/\\.config#$XDG_CONFIG_HOME#" >"$tmp/cfgmsg"
			sh_run "planner list"
			[ "$rc" -eq 78 ] && "$PY" "$tmp/match.py" "$tmp/cfgmsg" "$tmp/err"
			ok $? "README:$mline: config line $cn \"$bad\": $msg (exit 78)" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
		done <"$tmp/cfgmsgs"
		rm -f "$XDG_CONFIG_HOME/planner/config" ;;
	esac
done <"$ex/list"

# ---- the fetch failure messages: "planner: fetch https://example.org/x.json: CAUSE"
# Each is made to happen on 127.0.0.1 (or, for a host that does not resolve, with a name under
# .invalid, which never does), and the message must be the README's with that URL in place of
# https://example.org/x.json: HTTP N is /status/N; "cannot resolve host" a host under .invalid;
# "connection refused" a free port; "timed out" a server that sends a byte every 0.2 s, with
# PLANNER_FETCH_TIMEOUT=2 instead of 300 (the numbers are compared as numbers, not their values);
# "SSL certificate problem: self-signed certificate" an https server with a certificate made by
# openssl; "truncated body: got A of B bytes" a server that announces 1000 bytes more than a file
# of A bytes (the README's B - A must be those 1000); "too many redirects" a redirect loop; "over
# the size limit of 64 MiB" a body one byte larger; "sent text/html" an HTML page.  A message
# with no way here to make it happen fails.
use_env fetch-errors
free=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
tls=""
awk -F '\t' '$1 == "text" && $4 ~ /^planner: fetch https:\/\/example\.org\/x\.json: / { print $3 "\t" $4 }' "$ex/list" >"$tmp/fetchmsgs"
[ "$(wc -l <"$tmp/fetchmsgs")" -ge 5 ]; ok $? "the README shows fetch failure messages"
while IFS="$tab" read -r mline msg; do
	cause=${msg#planner: fetch https://example.org/x.json: }
	url="" numbers=0 expmsg=""
	timeout=10
	case "$cause" in
	"HTTP "*) url=$U/status/${cause#HTTP } ;;
	"cannot resolve host 'example.org'")
		url=http://no-such-host.invalid/x.json
		expmsg="planner: fetch $url: cannot resolve host 'no-such-host.invalid'" ;;
	"cannot connect: connection refused") url=http://127.0.0.1:$free/x.json ;;
	"timed out after "*) url=$U/drip timeout=2 numbers=1 ;;
	*"SSL certificate problem: self-signed certificate")
		if [ -z "$tls" ] && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
			-keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1; then
			"$PY" "$top/tests/http_server.py" --root "$tmp/srv" --tls "$tmp/cert.pem" "$tmp/key.pem" >"$tmp/tlsport" &
			pids="$pids $!"
			i=0
			while [ ! -s "$tmp/tlsport" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
			tls=https://127.0.0.1:$(cat "$tmp/tlsport")
		fi
		[ -n "$tls" ] && url=$tls/feed/x.json ;;
	"truncated body: got "*)
		a=$(printf '%s\n' "$cause" | sed -n 's/^truncated body: got \([0-9]*\) of \([0-9]*\) bytes$/\1/p')
		b=$(printf '%s\n' "$cause" | sed -n 's/^truncated body: got \([0-9]*\) of \([0-9]*\) bytes$/\2/p')
		if [ -n "$a" ] && [ "$((b - a))" -eq 1000 ]; then
			head -c "$a" /dev/zero | tr '\0' ' ' >"$tmp/srv/truncated.json"
			url=$U/truncated/truncated.json
		fi ;;
	"too many redirects"*) url=$U/loop ;;
	"body over the size limit of 64 MiB"*) url=$U/big/$((64 * 1024 * 1024 + 1)) ;;
	"the server sent text/html"*) url=$U/page ;;
	esac
	if [ -z "$url" ]; then
		ok 1 "README:$mline: $msg (the test has no way to make it happen)"
		continue
	fi
	[ -n "$expmsg" ] || expmsg="planner: fetch $url: $cause"
	PLANNER_FETCH_TIMEOUT=$timeout run fetch "$url"
	if [ "$numbers" = 1 ]; then
		printf '%s\n' "$expmsg" | sed -e 's/[0-9][0-9]*/N/g' -e 's/seconds/second/' >"$tmp/fetchmsg"
		sed -e 's/[0-9][0-9]*/N/g' -e 's/seconds/second/' "$tmp/err" >"$tmp/fetcherr"
	else
		printf '%s\n' "$expmsg" >"$tmp/fetchmsg"
		cp "$tmp/err" "$tmp/fetcherr"
	fi
	[ "$rc" -ne 0 ] && cmp -s "$tmp/fetchmsg" "$tmp/fetcherr"
	ok $? "README:$mline: $msg (as $url)" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
done <"$tmp/fetchmsgs"

# ---- the JSON timetable example loads
while IFS="$tab" read -r kind block line cmd; do
	[ "$kind" = json ] || continue
	cp "$ex/$line.txt" "$tmp/example.json"
	run -s "$tmp/example.json" list
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; ok $? "README:$line: the JSON timetable example loads" ||
		sed 's/^/#   stderr: /' "$tmp/err" | head -3
done <"$ex/list"

# ---- the error the JSON example gives with a session's start moved after its end
IFS="$tab" read -r jfile jid jstart jmsg <<EOF
$(grep '^json-error' "$ex/list" | cut -f 4-)
EOF
jline=$(awk -F '\t' '$1 == "json" { print $3; exit }' "$ex/list")
"$PY" - "$ex/$jline.txt" "$jid" "$jstart" "$tmp/$jfile" <<'PY'
import re, sys
text, sid, start = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3]
i = text.index('"id": "%s"' % sid)
j = text.index('"start": "', i) + len('"start": "')
text = text[:j] + re.sub(r"T\d\d:\d\d", "T" + start, text[j:], count=1)
open(sys.argv[4], "w", encoding="utf-8").write(text)
PY
(cd "$tmp" && "$PLANNER" -s "$jfile" list) </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
[ -n "$jmsg" ] && [ "$rc" -eq 65 ] && printf '%s\n' "$jmsg" | cmp -s - "$tmp/err"
ok $? "README: the JSON example with $jid starting at $jstart: $jmsg" || sed 's/^/#   stderr: /' "$tmp/err" | head -3

# ---- the warning for sessions with no usable time: a frab feed (tests/data/frab-nights.json)
# whose first N events have a bad duration, the first titled and timed as the message says; they
# are listed under "Not scheduled"
awk -F '\t' '$1 == "text" && $4 ~ /^planner: warning: [^ ]+: [0-9]+ sessions have no usable time / { print $3 "\t" $4 }' "$ex/list" >"$tmp/unschedmsgs"
[ -s "$tmp/unschedmsgs" ]; ok $? "the README shows the warning for sessions with no usable time"
while IFS="$tab" read -r mline msg; do
	"$PY" - "$top/tests/data/frab-nights.json" "$msg" "$tmp" <<'PY' >"$tmp/unsched.name"
import json, re, sys
m = re.match(r'planner: warning: (\S+): (\d+) sessions have no usable time and are kept unscheduled '
             r'\(first: "([^"]+)": bad duration "([^"]+)"\)$', sys.argv[2])
d = json.load(open(sys.argv[1], encoding="utf-8"))
evs = [e for day in d["schedule"]["conference"]["days"] for r in day["rooms"].values() for e in r]
if m:
    name, n, title, dur = m.group(1), int(m.group(2)), m.group(3), m.group(4)
    evs.sort(key=lambda e: e["date"])
    for k, e in enumerate(evs[:n]):
        e["duration"] = dur if k == 0 else "later"
    evs[0]["title"] = title
    json.dump(d, open(sys.argv[3] + "/" + name, "w", encoding="utf-8"))
    print(name, n)
PY
	read -r uname un <"$tmp/unsched.name"
	(cd "$tmp" && "$PLANNER" -s "$uname" list) </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ -n "$uname" ] && [ "$rc" -eq 0 ] && printf '%s\n' "$msg" | cmp -s - "$tmp/err" &&
		[ "$(sed -n '/^Not scheduled$/,$p' "$tmp/out" | grep -c '^unscheduled ')" -eq "$un" ]
	ok $? "README:$mline: $msg (and they are listed as not scheduled)" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
done <"$tmp/unschedmsgs"

# ---- config lines shown without their heading (the push settings) load as a config file
while IFS="$tab" read -r kind block line cmd; do
	[ "$kind" = config-lines ] || continue
	use_env "config-$block"
	mkdir -p "$XDG_CONFIG_HOME/planner"
	cp "$ex/$line.txt" "$XDG_CONFIG_HOME/planner/config"
	sh_run "planner list --day 1"
	[ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]
	ok $? "README:$line: these config lines load" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
done <"$ex/list"

# ---- make lines: each target exists (make -n with the same arguments), nothing long runs
unset MAKEFLAGS MAKELEVEL MFLAGS
while IFS="$tab" read -r kind block line full; do
	[ "$kind" = make ] || continue
	args=$(printf '%s\n' "$full" | sed -e 's/[[:space:]]*#.*//' -e 's/^make *//')
	# shellcheck disable=SC2086
	make -n -C "$top" $args </dev/null >"$tmp/out" 2>"$tmp/err"
	ok $? "README:$line: make -n $args (the targets exist)" || sed 's/^/#   stderr: /' "$tmp/err" | head -3
	# "make demo  # ..., runs: planner pick --track asyncio": it does
	runs=$(printf '%s\n' "$full" | sed -n 's/.*# .*runs: \(planner .*\)$/\1/p')
	if [ -n "$runs" ]; then
		grep -qF -- "$runs" "$tmp/out"; ok $? "README:$line: make $args runs $runs"
	fi
	# `make check T=list`: there is such a test (make -n does not run the recipe that says so)
	case " $args " in
	*" T="*)
		grep -q '^\[ -n "" \]' "$tmp/out"; [ $? -ne 0 ]
		ok $? "README:$line: make $args names a test" ;;
	esac
	# files the comment names (`# one test: tests/cli/list.sh (T=test_text: tests/unit/test_text.c)`)
	for f in $(printf '%s\n' "$full" | sed -n 's/^[^#]*#//p' | grep -o 'tests/[A-Za-z0-9_./-]*[A-Za-z0-9_]'); do
		[ -e "$top/$f" ]; ok $? "README:$line: $f exists"
	done
	# `make check  # ...; the last line is "N passed, N failed"`: tests/run.sh ends so
	last=$(printf '%s\n' "$full" | sed -n 's/.*# .*the last line is "\([^"]*\)".*/\1/p')
	if [ -n "$last" ]; then
		# (one quick test, so that the counts are real ones)
		TEST_OUT=$tmp/test-out sh "$top/tests/run.sh" tests/tree/layers.sh </dev/null 2>&1 |
			tail -n 1 >"$tmp/last"
		grep -Eqx "$(printf '%s\n' "$last" | sed 's/N/[0-9]+/g')" "$tmp/last" &&
			grep -Eqx '[1-9][0-9]* passed, 0 failed' "$tmp/last"
		ok $? "README:$line: the last line of tests/run.sh is \"$last\"" || sed 's/^/#   /' "$tmp/last"
	fi
done <"$ex/list"
first=$(awk -F '\t' '$1 == "first" { print $4 }' "$ex/list")
[ "$first" = "make demo | make check" ]; ok $? "the README's first lines are \`make demo\` and \`make check\`" ||
	echo "#   $first"

# ---- after `make demo`, the README's `planner ...` can run: its first lines say how (make
# install PREFIX=$HOME/.local, into ~/.local/bin); make demo ends by saying where planner is and
# offering that same command; and doing what they say gives a `planner` on PATH that runs the
# README's first example, from another folder, as the README shows it.
IFS="$tab" read -r icmd idir <<EOF
$(grep '^install' "$ex/list" | cut -f 4-)
EOF
[ -n "$icmd" ] && [ "$idir" = "~/.local/bin" ]
ok $? "the README's first lines say how to have \`planner\`: \`$icmd\` puts it in $idir"
demo_end=$(make -n --no-print-directory -C "$top" demo </dev/null 2>/dev/null | tail -n 1)
[ "$demo_end" = "sh tools/demo-done.sh ./planner" ]
ok $? "make demo ends by saying where planner is (tools/demo-done.sh)" || echo "#   $demo_end"
(cd "$top" && sh tools/demo-done.sh ./planner) </dev/null >"$tmp/demo.out" 2>&1
grep -qF "$top/planner" "$tmp/demo.out" && grep -qxF "    $icmd" "$tmp/demo.out"
ok $? "and offers the README's \`$icmd\`" || sed 's/^/#   /' "$tmp/demo.out"
newhome=$tmp/newcomer
mkdir -p "$newhome" "$tmp/elsewhere"
(cd "$top" && HOME=$newhome sh -c "$icmd" </dev/null >"$tmp/install.out" 2>&1)
ok $? "\`$icmd\` (HOME a fresh folder)" || tail -n 5 "$tmp/install.out" | sed 's/^/#   /'
first_ex=$(awk -F '\t' '$1 == "transcript" { print $3 "\t" $4; exit }' "$ex/list")
fline=${first_ex%%"$tab"*} fcmd=${first_ex#*"$tab"}
(cd "$tmp/elsewhere" && HOME=$newhome PATH="$newhome/.local/bin:/usr/bin:/bin" \
	XDG_DATA_HOME="$newhome/.local/share" XDG_CACHE_HOME="$newhome/.cache" \
	XDG_CONFIG_HOME="$newhome/.config" XDG_STATE_HOME="$newhome/.local/state" \
	sh -c "[ \"\$(command -v planner)\" = \"$newhome/.local/bin/planner\" ] && $fcmd") \
	</dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && "$PY" "$tmp/match.py" "$ex/$fline.exp" "$tmp/out"
ok $? "then \`$fcmd\` runs the installed planner from PATH and prints what README:$fline shows" ||
	sed 's/^/#   stderr: /' "$tmp/err" | head -3

# ---- the folders the Hacking section lists
while IFS="$tab" read -r kind block line dir; do
	[ "$kind" = path ] || continue
	[ -e "$top/$dir" ]; ok $? "README:$line: $dir exists"
done <"$ex/list"

# Messages no test here makes happen (hostile inputs; tests/cli/hostile.sh, bad_input.sh and the
# unit tests check them): listed, not run.
awk -F '\t' '$1 == "text" && $4 !~ /^planner: (fetch https:\/\/example\.org\/x\.json|\/home\/you\/\.config\/planner\/config:[0-9]+): / && $4 !~ /^planner: --[a-z]+ '"'"'[^'"'"']*'"'"': no session in / && $4 !~ /^planner: [^ ]+: a plan for conference / && $4 !~ /^planner: warning: [^ ]+: [0-9]+ sessions have no usable time / { print "# not checked here: README:" $3 ": " $4 }' "$ex/list" | grep -vF "$jmsg"
done_testing
