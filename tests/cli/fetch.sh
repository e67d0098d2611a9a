#!/bin/sh
# planner fetch, sources and changes against a real HTTP server on 127.0.0.1 (tests/http_server.py,
# an ephemeral port, killed at the end): the cache and its validators (a 304 keeps it), the
# default, every transport error with its one-line message and exit status, a failed or killed
# re-fetch leaving the cache byte-identical, a corrupt or stale snapshot rebuilt silently, the
# changes report of a changed timetable (planned sessions first), offline use after the server is
# gone, and the progress bar on a terminal only.  Nothing here reaches the internet.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
PY=/usr/bin/python3
export PLANNER_FETCH_TIMEOUT=5
srv=$tmp/srv
log=$tmp/requests.log
cache=$tmp/cache/planner
mkdir -p "$srv"
cp tests/data/mini.json "$srv/mini.json"
cp tests/data/xml/wafer-style.xml "$srv/schedule.xml"
size=$(wc -c <tests/data/mini.json)

# save_cache DIR / same_cache DIR: a copy of the whole cache, and whether it is still identical.
save_cache() { rm -rf "$1"; cp -a "$cache" "$1"; }
same_cache() { diff -r "$1" "$cache" >"$tmp/cachediff" 2>&1; }
last_request() { tail -n 1 "$log"; }
meta() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]] or "")' "$cache/$1/meta.json" "$2"; }

start_server "$tmp/port" --root "$srv" --log "$log"
http_pid=$last_pid
U=http://127.0.0.1:$port
[ -n "$port" ]; ok $? "the test server listens on an ephemeral port" || { done_testing; exit 1; }

# ---- a first fetch
run fetch "$U/feed/mini.json"
expect_rc 0 "fetch a timetable over HTTP"
[ "$(cat "$tmp/out")" = "fetched minicon: MiniCon 2025, 5 sessions over 2 days; now the default timetable" ]
ok $? "it says what it fetched and that it is now the default" || sed 's/^/#   /' "$tmp/out"
[ ! -s "$tmp/err" ]; ok $? "nothing on stderr (not a terminal: no progress bar)"
[ -f "$cache/minicon/feed" ] && [ -f "$cache/minicon/meta.json" ] && [ -f "$cache/minicon/model.snap" ]
ok $? "the cache holds feed, meta.json and model.snap under the conference id"
cmp -s tests/data/mini.json "$cache/minicon/feed"; ok $? "the feed is the bytes as served"
[ "$(cat "$cache/default")" = minicon ]; ok $? "the default is recorded in the cache directory"
[ "$(stat -c %a "$cache/minicon/feed")" = 600 ] && [ "$(stat -c %a "$cache/minicon")" = 700 ]
ok $? "cache files are private (0600 in a 0700 directory)"
grep -Eq "^GET /feed/mini.json inm=- ims=- ua=planner/[0-9.]+ ae=.*gzip" "$log"
ok $? "the request names planner and its version, accepts gzip, and is unconditional"
etag=$(meta minicon etag)
[ -n "$etag" ] && [ -n "$(meta minicon last_modified)" ] && [ "$(meta minicon url)" = "$U/feed/mini.json" ]
ok $? "meta.json keeps the URL, the ETag and the Last-Modified"
ls -a "$cache/minicon" | grep -q '\.tmp\.'; [ $? -ne 0 ]; ok $? "no temp file is left behind"

# ---- later commands read the cache
run -s tests/data/mini.json list
cp "$tmp/out" "$tmp/list-v1"
[ "$rc" -eq 0 ] && grep -q '^10:30-11:00  Hall A ' "$tmp/list-v1"; ok $? "(the file itself lists)"
requests=$(wc -l <"$log")
run list
expect_rc 0 "list with no -s uses the fetched timetable"
cmp -s "$tmp/list-v1" "$tmp/out"; ok $? "... and shows what the file itself shows"
[ "$(wc -l <"$log")" -eq "$requests" ]; ok $? "... without asking the server"
# The warm path reads the snapshot, never the feed: garble the feed in place, keeping its stamp.
touch -r "$cache/minicon/feed" "$tmp/stamp"
cp "$cache/minicon/feed" "$tmp/feed-v1"
head -c "$size" /dev/zero | tr '\0' x | dd of="$cache/minicon/feed" conv=notrunc 2>/dev/null
touch -r "$tmp/stamp" "$cache/minicon/feed"
run list
cmp -s "$tmp/list-v1" "$tmp/out" && [ ! -s "$tmp/err" ]
ok $? "list reads the snapshot, not the feed (a garbled feed with the same stamp goes unread)"
dd if="$tmp/feed-v1" of="$cache/minicon/feed" conv=notrunc 2>/dev/null
touch -r "$tmp/stamp" "$cache/minicon/feed"

# ---- sources
run sources
expect_rc 0 "sources"
grep -Eq "^\* minicon +MiniCon 2025 +5  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  $U/feed/mini.json\$" "$tmp/out"
ok $? "sources lists the fetched timetable, marked default, with conference, sessions, time, URL" ||
	sed 's/^/#   /' "$tmp/out"
grep -Eq '^  pyconkr-2024 +PyCon Korea 2024 +43  bundled ' "$tmp/out"
ok $? "sources lists the bundled timetables too"
run sources --json
"$PY" - "$tmp/out" "$U" <<'PY'
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
m = [e for e in v if e["name"] == "minicon"][0]
assert m["kind"] == "fetched" and m["default"] is True and m["sessions"] == 5, m
assert m["url"] == sys.argv[2] + "/feed/mini.json" and m["conference"]["name"] == "MiniCon 2025", m
assert m["fetched_at"].endswith("+00:00") and m["checked_at"], m
b = [e for e in v if e["name"] == "pyconkr-2024"][0]
assert b["kind"] == "bundled" and b["default"] is False and b["fetched_at"] is None, b
PY
ok $? "sources --json: kind, default, sessions, URL, fetch times"

# ---- fetching again: 304 keeps the cache
save_cache "$tmp/c1"
run fetch minicon
expect_rc 0 "fetch a fetched timetable again by name"
[ "$(cat "$tmp/out")" = "minicon is up to date: MiniCon 2025, 5 sessions over 2 days" ]
ok $? "it is up to date" || sed 's/^/#   /' "$tmp/out"
last_request | grep -qF "GET /feed/mini.json inm=$etag ims=$(meta minicon last_modified) ua="
ok $? "the request carried If-None-Match and If-Modified-Since" || last_request | sed 's/^/#   /'
cmp -s "$tmp/c1/minicon/feed" "$cache/minicon/feed" && cmp -s "$tmp/c1/minicon/model.snap" "$cache/minicon/model.snap"
ok $? "the 304 kept the feed and the snapshot byte for byte"
[ "$(meta minicon etag)" = "$etag" ]; ok $? "... and the validators"
run fetch "$U/feed/mini.json"
expect_rc 0 "fetch the same URL again"
[ "$(ls "$cache" | grep -cv '^default$')" -eq 1 ] && grep -q "minicon is up to date" "$tmp/out"
ok $? "the URL finds its cache entry: no second one"
run fetch --refresh minicon
last_request | grep -q "^GET /feed/mini.json inm=- ims=- "
ok $? "--refresh asks without validators"
grep -q "minicon is up to date" "$tmp/out"; ok $? "... and the same bytes are still up to date"
run fetch --name minicon "$U/feed/mini.json"
[ "$(cat "$tmp/out")" = "minicon is up to date: MiniCon 2025, 5 sessions over 2 days" ] &&
	[ "$(meta minicon fetched_at)" = "$(cat "$tmp/c1/minicon/meta.json" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["fetched_at"])')" ]
ok $? "--name with the name it has is the same entry, still up to date"

# ---- errors: one line naming the source and the cause, a sysexits status, the cache untouched
save_cache "$tmp/c2"
check() { # check STATUS 'exact message' DESCRIPTION FETCH-ARGS...
	st=$1 msg=$2 desc=$3
	shift 3
	run fetch "$@"
	expect_rc "$st" "$desc"
	expect_err "$msg" "$desc: one line"
	[ ! -s "$tmp/out" ]; ok $? "$desc: nothing on stdout"
}
check 66 "planner: fetch $U/status/404: HTTP 404" "HTTP 404" --name minicon "$U/status/404"
check 69 "planner: fetch $U/status/500: HTTP 500" "HTTP 500" --name minicon "$U/status/500"
check 76 "planner: fetch $U/loop: too many redirects (more than 5)" "a redirect loop" \
	--name minicon "$U/loop"
[ "$(grep -c ' /loop' "$log")" -eq 6 ]; ok $? "the loop is followed 5 times, then given up"
check 76 "planner: fetch $U/to-file: redirected to a URL planner does not follow (only http and https)" \
	"a redirect to a file: URL" --name minicon "$U/to-file"
check 76 "planner: fetch $U/bad-redirect: redirected to a malformed URL" \
	"a redirect to a malformed URL is the server's fault" --name minicon "$U/bad-redirect"
check 76 "planner: fetch $U/http09: received HTTP/0.9 when not allowed" \
	"a reply with no status line" --name minicon "$U/http09"
check 76 "planner: fetch $U/big-header: the server's reply is too large to read (libcurl: out of memory)" \
	"a reply header of 200 KB" --name minicon "$U/big-header"
keep_cache=$XDG_CACHE_HOME
XDG_CACHE_HOME=$tmp/cache-etag
run fetch --name huge-etag "$U/huge-etag/mini.json"
expect_rc 0 "a feed with a 100 KB ETag is fetched"
[ "$(wc -c <"$XDG_CACHE_HOME/planner/huge-etag/meta.json")" -lt 10000 ]
ok $? "... but the ETag is not kept, to be sent back and refused"
run fetch huge-etag
expect_rc 0 "... and it is fetched again"
XDG_CACHE_HOME=$keep_cache
check 76 "planner: fetch $U/truncated/mini.json: truncated body: got $size of $((size + 1000)) bytes" \
	"a truncated body" --name minicon "$U/truncated/mini.json"
check 65 "planner: fetch $U/big/3145728: body over the size limit of 1 MiB (see --max-size)" \
	"an announced body over --max-size" --max-size 1M --name minicon "$U/big/3145728"
check 65 "planner: fetch $U/big-nolength/3145728: body over the size limit of 1 MiB (see --max-size)" \
	"an unannounced body over --max-size" --max-size 1M --name minicon "$U/big-nolength/3145728"
printf '%2000s' x >"$tmp/big-local.json"
check 65 "planner: fetch $tmp/big-local.json: too large (2000 bytes; the limit is 1 KiB)" \
	"a local file over a --max-size below a MiB names the limit as given" --max-size 1k "$tmp/big-local.json"
check 65 "planner: fetch $U/page: the server sent text/html, not a timetable (1:1: not JSON, XML or iCalendar: it starts with \"<!DOCTYPE html>\")" \
	"an HTML page" --name minicon "$U/page"
printf '{"planner_format": 1, "conference": ' >"$srv/broken.json"
run fetch --name minicon "$U/feed/broken.json"
expect_rc 65 "a body that is not a timetable"
expect_err_match "^planner: $U/feed/broken.json:1:[0-9]+: " "... is the loader's message, naming the URL and the position"
start=$(date +%s)
PLANNER_FETCH_TIMEOUT=1 run fetch --name minicon "$U/drip"
expect_rc 75 "a slow drip past the timeout"
expect_err_match "^planner: fetch $U/drip: timed out after 1 second \([0-9]+ bytes received\)\$" "... one line"
[ $(($(date +%s) - start)) -le 10 ]; ok $? "... given up after about a second, not after the 5 hours the drip lasts"
check 64 "planner: fetch: --max-size: bad size 'lots' (a number of bytes, or with k, M or G: 64M) (see 'planner help fetch')" \
	"a bad --max-size" --max-size lots "$U/feed/mini.json"
check 64 "planner: fetch ftp://127.0.0.1/x.json: unsupported protocol 'ftp' (planner fetches http, https and file URLs)" \
	"another protocol" ftp://127.0.0.1/x.json
check 66 "planner: fetch no-such-thing: not a URL, a file or a fetched timetable" \
	"neither a URL, a file nor a fetched name" no-such-thing
check 64 "planner: bad name '../x' (1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-', and not 'default')" \
	"a name that could leave the cache" --name ../x "$U/feed/mini.json"
check 64 "planner: bad name 'default' (1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-', and not 'default')" \
	"the name of the file that names the default timetable" --name default "$U/feed/mini.json"
[ ! -e "$XDG_CACHE_HOME/planner/default" ] || [ -f "$XDG_CACHE_HOME/planner/default" ]
ok $? "... which is left alone"
sed 's/"id": "minicon"/"id": "default"/' "$top/tests/data/mini.json" >"$tmp/default.json"
keep_cache=$XDG_CACHE_HOME
XDG_CACHE_HOME=$tmp/cache-default
run fetch "$tmp/default.json"
expect_rc 0 "a conference whose id is 'default' is fetched"
expect_out_match "^fetched default-timetable: " "... under the name default-timetable"
run fetch "$tmp/default.json"
expect_out_match "^default-timetable is up to date" "... and fetched again under it"
run -s default-timetable days
expect_rc 0 "... and read back"
XDG_CACHE_HOME=$keep_cache
run fetch --tz Mars/Olympus --name minicon "$U/feed/mini.json"
expect_rc 64 "an unknown --tz is refused before anything is fetched"
expect_err_match "^planner: fetch: --tz: unknown time zone \"Mars/Olympus\"" "... naming it"
run fetch --format yaml --name minicon "$U/feed/mini.json"
expect_rc 64 "an unknown --format too"
same_cache "$tmp/c2"; ok $? "after all these failed re-fetches the cache is byte-identical" ||
	sed 's/^/#   /' "$tmp/cachediff" | head -5
[ -z "$(find "$cache" -name '*.tmp.*')" ]; ok $? "... with no temp file left"

# Connection failures with nothing cached are errors.
check 68 "planner: fetch http://no-such-host.invalid/x.json: cannot resolve host 'no-such-host.invalid'" \
	"a host that does not resolve" http://no-such-host.invalid/x.json
free=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
check 69 "planner: fetch http://127.0.0.1:$free/x.json: cannot connect: connection refused" \
	"a refused connection" "http://127.0.0.1:$free/x.json"
run fetch "https://127.0.0.1:$port/feed/mini.json"
expect_rc 76 "https to a server that does not speak TLS"
expect_err_match "^planner: fetch https://127.0.0.1:$port/feed/mini.json: TLS failure: .+" "... a TLS failure, one line"
if openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1; then
	start_server "$tmp/tlsport" --root "$srv" --tls "$tmp/cert.pem" "$tmp/key.pem"
	run fetch "https://127.0.0.1:$port/feed/mini.json"
	expect_rc 76 "a self-signed certificate"
	expect_err_match "^planner: fetch https://127.0.0.1:$port/feed/mini.json: TLS failure: .*certificate" \
		"... is refused: TLS peers are verified"
else
	ok 1 "openssl could make a test certificate"
fi
[ "$(ls "$cache" | grep -cv '^default$')" -eq 1 ]; ok $? "failed first fetches leave no cache entry"

# ---- bodies that load, however they come
run fetch --name htmlcopy "$U/html/mini.json"
expect_rc 0 "a timetable labelled text/html"
expect_err "planner: warning: fetch $U/html/mini.json: the server says the content type is text/html; it reads as a timetable all the same" \
	"... loads with a one-line warning"
run fetch --name debconf "$U/xml/schedule.xml"
expect_rc 0 "a frab schedule.xml labelled application/xml"
[ ! -s "$tmp/err" ]; ok $? "... loads, with no word about its content type" || sed 's/^/#   stderr: /' "$tmp/err"
run -s debconf list
expect_out_match "^10:00-10:45  Auditório .*Opening Ceremony" "... and lists its events"
run fetch --name gz "$U/gzip/mini.json"
expect_rc 0 "a gzip-encoded body"
cmp -s tests/data/mini.json "$cache/gz/feed"; ok $? "... is stored decoded"
run -s gz list
cmp -s "$tmp/list-v1" "$tmp/out"; ok $? "... and lists the same"
run -s "$U/redirect/mini.json" list
expect_rc 0 "-s with a new URL (through a redirect) fetches it on first use"
cmp -s "$tmp/list-v1" "$tmp/out"; ok $? "... and lists it"
[ "$(meta minicon-2 url)" = "$U/redirect/mini.json" ]
ok $? "... cached as minicon-2: another URL's entry of the same conference is not replaced"
requests=$(wc -l <"$log")
run -s "$U/redirect/mini.json" list
[ "$rc" -eq 0 ] && [ "$(wc -l <"$log")" -eq "$requests" ]; ok $? "... and read from the cache after"
run fetch --quiet tests/data/mini.json --name local --tz Asia/Seoul --format native
expect_rc 0 "a plain path can be fetched too (--quiet: no summary)"
[ ! -s "$tmp/out" ] && [ "$(meta local url)" = "$top/tests/data/mini.json" ]
ok $? "... recorded by its absolute path"
[ "$(meta local timezone)" = Asia/Seoul ] && [ "$(meta local format)" = native ]
ok $? "... with its --tz and --format, for the next fetches"
run fetch minicon
[ "$(cat "$tmp/out")" = "minicon is up to date: MiniCon 2025, 5 sessions over 2 days; now the default timetable" ]
ok $? "fetching minicon again makes it the default again" || sed 's/^/#   /' "$tmp/out"

# ---- progress bar: on a terminal, for a download that takes a moment
on_tty fetch --name slow "$U/slow/mini.json"
[ "$rc" -eq 0 ] && grep -q 'planner: fetching .*100%' "$tmp/tty"
ok $? "a slow download draws a progress bar on a terminal"
tail -c 4 "$tmp/tty" | od -An -c | grep -q '\\r 033   \[   K'; ok $? "... and clears it at the end"
on_tty fetch --quiet --name slow "$U/slow/mini.json"
[ "$rc" -eq 0 ] && [ ! -s "$tmp/tty" ]; ok $? "--quiet draws nothing"
on_tty fetch --name minicon "$U/feed/mini.json"
[ "$rc" -eq 0 ] && [ ! -s "$tmp/tty" ]; ok $? "a quick download draws nothing"

# ---- the timetable changes: the report
run add t1
expect_rc 0 "t1 goes into the plan"
"$PY" - tests/data/mini.json "$srv/mini.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = {x["id"]: x for x in d["sessions"]}
s["t1"]["start"], s["t1"]["end"] = "2025-08-16T11:00:00+09:00", "2025-08-16T11:30:00+09:00"
s["t3"]["room"] = "a"
s["k1"]["title"] = "Opening keynote: what is next"
d["sessions"] = [x for x in d["sessions"] if x["id"] != "t2"]
d["sessions"].append({"id": "n1", "title": "새 세션 New talk", "room": "b",
                      "start": "2025-08-17T11:00", "end": "2025-08-17T11:30"})
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
save_cache "$tmp/c3"
run fetch minicon
expect_rc 0 "fetch a changed timetable"
[ "$(last_request | cut -d' ' -f3)" = "inm=$etag" ]; ok $? "... asked with the old ETag"
sed 's/fetched [0-9-]* [0-9:]*$/fetched TIME/' "$tmp/out" >"$tmp/report"
cp "$tmp/report" "$tmp/out"
expect_golden fetch-changes.out "the changes report: cancelled, moved, room, retitled, added; planned first"
run changes
expect_rc 0 "changes"
sed 's/fetched [0-9-]* [0-9:]*$/fetched TIME/' "$tmp/out" >"$tmp/again"
tail -n +2 "$tmp/report" | cmp -s - "$tmp/again"; ok $? "changes shows the same report again"
run changes --json
"$PY" - "$tmp/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
c = {x["id"]: x for x in r["changes"]}
assert r["conference"] == "MiniCon 2025" and r["timezone"] == "Asia/Seoul", r
assert set(c) == {"t1", "t2", "t3", "k1", "n1"}, c.keys()
assert c["t1"]["kinds"] == ["moved"] and c["t1"]["planned"] is True, c["t1"]
assert c["t1"]["old"]["start"] == "2025-08-16T10:30:00+09:00" and c["t1"]["new"]["start"] == "2025-08-16T11:00:00+09:00"
assert c["t2"]["kinds"] == ["cancelled"] and c["t2"]["new"] is None
assert c["t3"]["kinds"] == ["room"] and c["t3"]["old"]["room"] == "큰 방 B" and c["t3"]["new"]["room"] == "Hall A"
assert c["k1"]["kinds"] == ["retitled"] and c["k1"]["old_title"] == "Opening keynote"
assert c["n1"]["kinds"] == ["added"] and c["n1"]["old"] is None
assert r["changes"][0]["id"] == "t1" and r["since"] < r["at"], (r["changes"][0]["id"], r["since"], r["at"])
PY
ok $? "changes --json: kinds, old and new times and rooms, the planned session first"
run list
grep -q ' n1 ' "$tmp/out" && ! grep -q ' t2 ' "$tmp/out"; ok $? "list shows the new version"
cp "$tmp/out" "$tmp/list-v2"
[ "$rc" -eq 0 ] && [ -s "$tmp/list-v2" ] && ! cmp -s "$tmp/list-v1" "$tmp/list-v2"; ok $? "(the two versions list differently)"
run fetch minicon
[ "$rc" -eq 0 ] && grep -q "is up to date" "$tmp/out"; ok $? "fetching again: up to date"
run changes
sed 's/fetched [0-9-]* [0-9:]*$/fetched TIME/' "$tmp/out" | cmp -s - "$tmp/again"
ok $? "an unchanged re-fetch keeps the last report"

# ---- a damaged or stale snapshot is rebuilt from the feed, silently
snap=$cache/minicon/model.snap
cp "$snap" "$tmp/good.snap"
"$PY" -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 1; open(p, "wb").write(b)' "$snap"
run list
cmp -s "$tmp/list-v2" "$tmp/out" && [ ! -s "$tmp/err" ]; ok $? "a flipped byte in the snapshot: list is the same, no message"
cmp -s "$tmp/good.snap" "$snap"; ok $? "... and the snapshot is rebuilt"
head -c 100 "$tmp/good.snap" >"$snap"
run list
cmp -s "$tmp/list-v2" "$tmp/out" && [ ! -s "$tmp/err" ] && cmp -s "$tmp/good.snap" "$snap"
ok $? "a truncated snapshot: the same, rebuilt"
"$PY" -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[8] = 99; open(p, "wb").write(b)' "$snap"
run list
cmp -s "$tmp/list-v2" "$tmp/out" && [ ! -s "$tmp/err" ] && cmp -s "$tmp/good.snap" "$snap"
ok $? "a snapshot of another format version: the same, rebuilt"
rm "$snap"
run list
cmp -s "$tmp/list-v2" "$tmp/out" && cmp -s "$tmp/good.snap" "$snap"; ok $? "a missing snapshot: rebuilt"
cp "$cache/minicon/feed" "$tmp/feed-v2"
cp tests/data/mini.json "$cache/minicon/feed"
run list
cmp -s "$tmp/list-v1" "$tmp/out" && [ ! -s "$tmp/err" ]; ok $? "a feed replaced under the snapshot: the stale snapshot is detected and rebuilt"
cp "$tmp/feed-v2" "$cache/minicon/feed"
run list
cmp -s "$tmp/list-v2" "$tmp/out"; ok $? "... both ways"

# ---- a fetch killed half-way damages nothing
save_cache "$tmp/c4"
PLANNER_FETCH_TIMEOUT=60 "$PLANNER" fetch --name minicon "$U/drip" >/dev/null 2>&1 &
victim=$!
sleep 1
kill -9 "$victim" 2>/dev/null
wait "$victim" 2>/dev/null
same_cache "$tmp/c4"; ok $? "a fetch killed during the download leaves the cache byte-identical" ||
	sed 's/^/#   /' "$tmp/cachediff" | head -5

# ---- offline: the server is gone
kill "$http_pid"
wait "$http_pid" 2>/dev/null
run list
cmp -s "$tmp/list-v2" "$tmp/out"; ok $? "offline, list works from the cache"
run -s "$U/feed/mini.json" list
cmp -s "$tmp/list-v2" "$tmp/out"; ok $? "offline, -s URL works from the cache"
save_cache "$tmp/c5"
run fetch minicon
expect_rc 0 "offline, fetching again keeps the cached copy"
expect_err_match "^planner: warning: fetch $U/feed/mini.json: cannot connect: connection refused; using the copy of 'minicon' fetched [0-9-]+ [0-9:]+\$" \
	"... with a one-line warning"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -s "$tmp/out" ]; ok $? "... and nothing else"
same_cache "$tmp/c5"; ok $? "... leaving the cache byte-identical"
run fetch --name minicon2 "$U/feed/mini.json"
expect_rc 69 "offline, a timetable that was never fetched is an error"

# ---- the default falls back when its entry disappears
rm -rf "$cache/minicon"
run list
expect_rc 0 "the default's cache entry removed"
head -n 1 "$tmp/out" | grep -q '^PyCon Korea 2024, times in Asia/Seoul$'; ok $? "... list falls back to the newest bundled timetable"
run changes
expect_rc 66 "changes with a bundled default"
expect_err "planner: no fetched timetable: the default is a bundled one, which never changes (see 'planner fetch')" \
	"... says why"

done_testing
