#!/bin/sh
# planner push against a real CalDAV server: Debian's radicale, started here on 127.0.0.1 with
# its own config (htpasswd users, storage in the test's directory, requests logged), stopped and
# wiped at the end.  Checked on the server's side: the files it stores, a REPORT of the events,
# the requests in its log.  Discovery from the server root (/.well-known/caldav), --create,
# a calendar URL taken as is, several calendars, one request for an unchanged push, deletes
# after a drop, the If-Match / 412 path and --force, SEQUENCE shared with export, and failures:
# a wrong password, a failing password command, a password in the URL, TLS (--cacert for a
# self-signed radicale), the server down (the state is left as it was and a rerun finishes the
# job); a 409 for a UID the calendar has under another name, a progress line on a terminal, an
# empty plan, a server that sends no ETag (a proxy that drops it: planner asks PROPFIND), and
# one that fails half-way (503 from the proxy: the next push sends the rest).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
# a home of the test's own: ~/.netrc is the test's
export PLANNER_FETCH_TIMEOUT=10 XDG_STATE_HOME="$tmp/state" HOME="$tmp/home"
mkdir -p "$HOME"
utf8() { LC_ALL=C.UTF-8 "$@"; }

srv=$tmp/radicale
store=$srv/storage/collection-root
log=$srv/log
mkdir -p "$srv"
: >"$log"
printf 'alice:secret\nbob:hunter2\n' >"$srv/users"
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat >"$srv/config" <<EOF
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $srv/users
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = $srv/storage
[web]
type = none
[logging]
level = info
mask_passwords = True
EOF
start_radicale() {
	"$PY" -m radicale -C "$srv/config" >>"$log" 2>&1 &
	rpid=$!
	pids="$pids $rpid"
	i=0 ready=$(grep -c 'Radicale server ready' "$log" 2>/dev/null)
	while [ $i -lt 100 ] && [ "$(grep -c 'Radicale server ready' "$log" 2>/dev/null)" = "${ready:-0}" ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
stop_radicale() { kill "$rpid"; wait "$rpid" 2>/dev/null; : >"$log.stopped"; }
start_radicale
grep -q 'Radicale server ready' "$log"; ok $? "radicale listens on 127.0.0.1:$port" ||
	{ sed 's/^/#   /' "$log" | tail -5; done_testing; exit 1; }
U=http://127.0.0.1:$port
cal=$store/alice/pyconkr-2024

# dav METHOD URL [FILE] [HEADER...]: a request as alice, by python; prints the status, then the
# body.
cat >"$tmp/dav.py" <<'PY'
import base64, os, sys, urllib.request, urllib.error
method, url = sys.argv[1:3]
data = open(sys.argv[3], "rb").read() if len(sys.argv) > 3 and sys.argv[3] else None
req = urllib.request.Request(url, data=data, method=method)
req.add_header("Authorization", "Basic " + base64.b64encode(os.environ.get("DAVAUTH", "alice:secret").encode()).decode())
for h in sys.argv[4:]:
    k, _, v = h.partition(": ")
    req.add_header(k, v)
try:
    r = urllib.request.urlopen(req)
    print(r.status)
    sys.stdout.write(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code)
PY
dav() { utf8 "$PY" "$tmp/dav.py" "$@"; }
# uids CALENDAR-URL: the UIDs of the events a REPORT (calendar-query) returns, sorted.
cat >"$tmp/report.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter></C:calendar-query>
EOF
uids() { dav REPORT "$1" "$tmp/report.xml" "Depth: 1" "Content-Type: application/xml" |
	grep -o 'UID:[^&<]*' | sed 's/\r$//' | sort; }
requests() { grep -c 'request for' "$log"; }
pw() { printf '%s\n' "$1" >"$tmp/pw"; }
pw secret
AUTH="--caldav-user alice --caldav-password-command"
PWCMD="cat $tmp/pw"

run pick
expect_rc 0 "a plan to push (the keynotes)"
ids=$("$PLANNER" plan --json | "$PY" -c 'import json,sys; print(" ".join(sorted(e["id"] for e in json.load(sys.stdin)["sessions"])))' 2>/dev/null)
[ -n "$ids" ]; ok $? "the plan's ids: $ids"
want_uids() { for i in $ids; do echo "UID:$i@pyconkr-2024.planner"; done | sort; }

# ---- usage
run push
expect_rc 64 "no URL and no caldav-url"
expect_err_match '^planner: push: no calendar: give its URL' "... says how to give one"
run push "http://alice:secret@127.0.0.1:$port/"
expect_rc 64 "a password in the URL is refused"
expect_err "planner: push http://127.0.0.1:$port/: no user name or password in the URL: set caldav-user and caldav-password-command, or use ~/.netrc" \
	"... in one line that does not show it"
run push ftp://127.0.0.1/x
expect_rc 64 "an ftp URL is refused"

# ---- discovery from the server root
n0=$(requests)
run push $AUTH "$PWCMD" "$U/"
expect_rc 66 "a server without calendars, no --create"
expect_err "planner: $U/: no calendar there; 'planner push --create' makes one" "... says so in one line"
grep -q "PROPFIND request for '/.well-known/caldav'" "$log"; ok $? "discovery asked /.well-known/caldav"
[ ! -e "$XDG_STATE_HOME/planner/caldav" ] || [ -z "$(ls "$XDG_STATE_HOME/planner/caldav" | grep -v lock)" ]
ok $? "... and kept no state"

run push --create $AUTH "$PWCMD" "$U/"
expect_rc 0 "push --create from the server root"
expect_err "planner: made the calendar $U/alice/pyconkr-2024/
planner: pushed to $U/alice/pyconkr-2024/: 4 new, 0 changed, 0 deleted, 0 unchanged" \
	"... made the calendar, named after the conference, and put 4 events in it"
[ "$(ls "$cal"/*.ics | wc -l)" -eq 4 ]; ok $? "radicale stores 4 files in collection-root/alice/pyconkr-2024/"
ls "$cal" | grep -Eqv '^[0-9a-f]{16}\.ics$'; [ $? -eq 1 ]; ok $? "... each named by a hash (no raw UID in a path)"
uids "$U/alice/pyconkr-2024/" >"$tmp/got"
want_uids | cmp -s - "$tmp/got"; ok $? "a REPORT returns the plan's events by UID" || sed 's/^/#   /' "$tmp/got"
! grep -l '^METHOD' "$cal"/*.ics >/dev/null; ok $? "no METHOD in a calendar object (RFC 4791 4.1)"
grep -q '^BEGIN:VTIMEZONE' "$cal"/*.ics && grep -q '^TZID:Asia/Seoul' "$cal"/*.ics
ok $? "each has the conference's VTIMEZONE"
utf8 "$PY" -c '
import glob, icalendar, sys
for f in glob.glob(sys.argv[1] + "/*.ics"):
    c = icalendar.Calendar.from_ical(open(f, "rb").read())
    assert len(c.walk("VEVENT")) == 1, f
' "$cal" 2>"$tmp/pyerr"; ok $? "python3-icalendar reads each as one event" || sed 's/^/#   /' "$tmp/pyerr"
grep -q "MKCALENDAR request for '/alice/pyconkr-2024/'" "$log"; ok $? "MKCALENDAR in the server's log"
grep -q "PUT request for '/alice/pyconkr-2024/[0-9a-f]*.ics'" "$log"; ok $? "PUTs of the events"
! grep -l secret "$log" "$XDG_STATE_HOME"/planner/caldav/*.state "$tmp/err" | sed "s/^/#   /" | grep .
ok $? "the password is in no log, state or message"

# the SEQUENCE memory is export's: an export now says what the calendar holds
run export -o "$tmp/plan.ics"
seq_server=$(grep -h '^SEQUENCE' "$cal"/*.ics | sort | uniq | tr -d '\r')
seq_export=$(grep '^SEQUENCE' "$tmp/plan.ics" | sort | uniq | tr -d '\r')
[ "$seq_server" = "SEQUENCE:0" ] && [ "$seq_export" = "SEQUENCE:0" ]; ok $? "export and push share UIDs and SEQUENCE"

# ---- nothing changed: one request
n0=$(requests)
run push $AUTH "$PWCMD" "$U/"
expect_rc 0 "push again with nothing changed"
expect_err "planner: $U/alice/pyconkr-2024/: calendar is up to date (4 events)" "... says the calendar is up to date"
[ $(( $(requests) - n0 )) -eq 1 ]; ok $? "... with exactly one request (radicale's log)" || echo "#   $(( $(requests) - n0 )) requests"
tail -n 3 "$log" | grep -q "PROPFIND request for '/alice/pyconkr-2024/' with depth '0'"; ok $? "... a PROPFIND of the calendar's ctag"

# the config file's keys
mkdir -p "$XDG_CONFIG_HOME/planner"
printf 'caldav-url = %s/\ncaldav-user = alice\ncaldav-password-command = %s\n' "$U" "$PWCMD" >"$XDG_CONFIG_HOME/planner/config"
run push
expect_rc 0 "push with caldav-url, caldav-user and caldav-password-command from the config file"
expect_err "planner: $U/alice/pyconkr-2024/: calendar is up to date (4 events)" "... the same calendar"

# ---- a drop: the event is deleted
first=${ids%% *}
"$PLANNER" drop "$first" >/dev/null
run push
expect_rc 0 "push after a drop"
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 0 new, 0 changed, 1 deleted, 3 unchanged" "... deletes one event"
[ "$(ls "$cal"/*.ics | wc -l)" -eq 3 ]; ok $? "radicale keeps 3 files"
uids "$U/alice/pyconkr-2024/" | grep -q "UID:$first@"; [ $? -eq 1 ]; ok $? "the dropped session is not in a REPORT"
grep -q "DELETE request for '/alice/pyconkr-2024/" "$log"; ok $? "a DELETE in the log"
"$PLANNER" add "$first" >/dev/null
run push
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 1 new, 0 changed, 0 deleted, 3 unchanged" "added again: PUT again"

# ---- an event edited behind planner's back: 412, named, the rest goes on
victim=$(grep -l "^UID:$first@" "$cal"/*.ics)
name=$(basename "$victim")
title=$(grep '^SUMMARY:' "$victim" | head -n 1 | sed 's/^SUMMARY://; s/\r$//; s/\\,/,/g')
sed 's/^SUMMARY:.*/SUMMARY:moved to the garden (edited on the phone)/' "$victim" >"$tmp/edited.ics"
[ "$(dav PUT "$U/alice/pyconkr-2024/$name" "$tmp/edited.ics" "Content-Type: text/calendar" | head -n 1)" = 201 ] ||
[ "$(dav PUT "$U/alice/pyconkr-2024/$name" "$tmp/edited.ics" "Content-Type: text/calendar" | head -n 1)" = 204 ]
ok $? "an event edited on the server (a PUT by another client)"
run push --alarm 5m
expect_rc 1 "push of changed events while one was changed on the server"
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 0 new, 3 changed, 0 deleted, 0 unchanged
planner: '$title' was changed on the server since the last push: left as it is (--force overwrites it)" \
	"... names it, and the others go"
grep -q 'edited on the phone' "$cal/$name"; ok $? "... the server keeps the other client's edit"
grep -q '^TRIGGER:-PT5M' "$(ls "$cal"/*.ics | grep -v "$name" | head -n 1)"; ok $? "... the others changed"
grep -q "PUT response status for '/alice/pyconkr-2024/$name' .*412" "$log"; ok $? "... the server answered 412 (If-Match)"
run push --alarm 5m
expect_rc 1 "... and again on the next push"
run push --alarm 5m --force
expect_rc 0 "push --force"
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 0 new, 1 changed, 0 deleted, 3 unchanged" "... overwrites it"
! grep -q 'edited on the phone' "$cal/$name"; ok $? "... the server has planner's version again"
run push --alarm 5m
expect_err "planner: $U/alice/pyconkr-2024/: calendar is up to date (4 events)" "then up to date"

# an event deleted on the server is put back; the state forgotten is rebuilt from a listing
dav DELETE "$U/alice/pyconkr-2024/$name" >/dev/null
rm -f "$XDG_STATE_HOME"/planner/caldav/*.state
run push --alarm 5m
expect_rc 0 "push without its state, one event deleted on the server"
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 1 new, 3 changed, 0 deleted, 0 unchanged" \
	"... puts it back and overwrites its own events"
[ "$(ls "$cal"/*.ics | wc -l)" -eq 4 ]; ok $? "... 4 files, no duplicate"

# ---- a calendar URL as is; several calendars; --calendar
run push --create $AUTH "$PWCMD" "$U/alice/work/"
expect_rc 0 "push --create to a calendar URL"
expect_err_match "^planner: made the calendar $U/alice/work/\$" "... MKCALENDAR at that URL"
[ "$(ls "$store/alice/work"/*.ics | wc -l)" -eq 4 ]; ok $? "... 4 events there"
rm -f "$XDG_STATE_HOME"/planner/caldav/*.where
run push $AUTH "$PWCMD" "$U/"
expect_rc 66 "a server with two calendars, none chosen (where the last push went forgotten)"
expect_err "planner: $U/: 2 calendars: 'pyconkr-2024', 'pyconkr-2024' (work); choose one with --calendar NAME" \
	"... names them (display names)"
run push --calendar work $AUTH "$PWCMD" "$U/"
expect_rc 0 "--calendar picks one by its path name"
run push --calendar nope $AUTH "$PWCMD" "$U/"
expect_rc 66 "--calendar with a name that is not there"
expect_err "planner: $U/: no calendar named 'nope' (there are 'pyconkr-2024', 'pyconkr-2024' (work)); 'planner push --create' makes it" \
	"... says which exist"

# --create without --calendar: a calendar of the conference's own, not the only one there
cat >"$tmp/mk.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Personal</D:displayname></D:prop></D:set></C:mkcalendar>
EOF
[ "$(DAVAUTH=bob:hunter2 dav MKCALENDAR "$U/bob/personal/" "$tmp/mk.xml" | head -n 1)" = 201 ]
ok $? "bob has one calendar of his own"
run push --create --caldav-user bob --caldav-password-command 'echo hunter2' "$U/"
expect_rc 0 "bob: push --create from the server root"
expect_err_match "^planner: made the calendar $U/bob/pyconkr-2024/\$" "... makes a calendar for the conference"
[ -z "$(ls "$store/bob/personal" | grep '\.ics$')" ]; ok $? "... and leaves his own alone"
run push --caldav-user bob --caldav-password-command 'echo hunter2' "$U/"
expect_err "planner: $U/bob/pyconkr-2024/: calendar is up to date (4 events)" "... where the next push goes"

# ~/.netrc: the password for a user (or the user and the password) without a password command
printf 'machine 127.0.0.1 login alice password secret\n' >"$HOME/.netrc"
chmod 600 "$HOME/.netrc"
mv "$XDG_CONFIG_HOME/planner/config" "$tmp/config.away"
run push --caldav-user alice "$U/alice/pyconkr-2024/"
expect_rc 0 "caldav-user and ~/.netrc's password"
run push "$U/alice/pyconkr-2024/"
expect_rc 0 "~/.netrc's user and password"
rm "$HOME/.netrc"
run push "$U/alice/pyconkr-2024/"
expect_rc 77 "no credentials at all"
expect_err "planner: $U/alice/pyconkr-2024/: the server refused the user name or password (HTTP 401); set caldav-user and caldav-password-command, or use ~/.netrc" \
	"... says where they go"
mv "$tmp/config.away" "$XDG_CONFIG_HOME/planner/config"

# ---- failures
run push $AUTH "$PWCMD" "$U/alice/pyconkr-2024/"
expect_rc 0 "(the calendar's URL given)"
printf 'caldav-url = %s/alice/pyconkr-2024/\ncaldav-user = alice\ncaldav-password-command = %s\n' "$U" "$PWCMD" >"$XDG_CONFIG_HOME/planner/config"
run push
expect_err "planner: $U/alice/pyconkr-2024/: calendar is up to date (4 events)" "caldav-url a calendar's URL"
st_before=$(cat "$XDG_STATE_HOME"/planner/caldav/*.state | md5sum)
pw wrong
run push
expect_rc 77 "a wrong password"
expect_err "planner: $U/alice/pyconkr-2024/: the server refused the user name or password (HTTP 401)" "... one line"
[ "$(cat "$XDG_STATE_HOME"/planner/caldav/*.state | md5sum)" = "$st_before" ]; ok $? "... the state unchanged" 
pw secret
run push --caldav-password-command 'echo locked >&2; exit 3'
expect_rc 77 "a password command that fails"
expect_err "locked
planner: caldav-password-command failed (exit 3)" "... its own message, then one line"
run push --caldav-password-command 'true'
expect_rc 77 "a password command that prints nothing"
expect_err "planner: caldav-password-command printed no password" "... one line"

# TLS: verified; --cacert trusts a self-signed server's certificate
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1
ok $? "a self-signed certificate (openssl)"
tport=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
awk -v p="$tport" -v d="$tmp" '/^hosts = / { print "hosts = 127.0.0.1:" p; print "ssl = True";
	print "certificate = " d "/cert.pem"; print "key = " d "/key.pem"; next } { print }' \
	"$srv/config" >"$srv/tls.config"
"$PY" -m radicale -C "$srv/tls.config" >"$srv/tls.log" 2>&1 &
pids="$pids $!"
i=0
while [ $i -lt 100 ] && ! grep -q 'Radicale server ready' "$srv/tls.log"; do sleep 0.1; i=$((i + 1)); done
run push --create "https://127.0.0.1:$tport/alice/tls/"
expect_rc 76 "https to a self-signed server"
expect_err_match "^planner: https://127.0.0.1:$tport/alice/tls/: TLS failure: .*certificate" \
	"... is a TLS failure, in one line"
run push --cacert "$tmp/no-such.pem" "https://127.0.0.1:$tport/alice/tls/"
expect_rc 66 "--cacert with a file that is not there"
expect_err "planner: --cacert '$tmp/no-such.pem': No such file or directory" "... says so before any request"
run push --create --cacert "$tmp/cert.pem" "https://127.0.0.1:$tport/alice/tls/"
expect_rc 0 "--cacert trusts its certificate"
run push --cacert "$tmp/cert.pem" "https://127.0.0.1:$tport/alice/tls/"
expect_err "planner: https://127.0.0.1:$tport/alice/tls/: calendar is up to date (4 events)" "... over TLS"

# a password over plain http to another host: a warning (0.0.0.0: not a loopback name, and
# nothing listens on the port)
free=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run push "http://0.0.0.0:$free/"
expect_rc 69 "a server that is not there"
expect_err "planner: warning: push http://0.0.0.0:$free/: the password goes over plain http, unencrypted; use https
planner: http://0.0.0.0:$free/.well-known/caldav: cannot connect: connection refused" \
	"... after a warning that the password would go over plain http"

# the server down: one line, the state as it was; once it is back, a rerun finishes the job
"$PLANNER" drop "$first" >/dev/null
st_before=$(cat "$XDG_STATE_HOME"/planner/caldav/*.state | md5sum)
stop_radicale
run push
expect_rc 69 "the server down"
expect_err "planner: $U/alice/pyconkr-2024/: cannot connect: connection refused" "... one line"
[ "$(cat "$XDG_STATE_HOME"/planner/caldav/*.state | md5sum)" = "$st_before" ]; ok $? "... the state unchanged"
start_radicale
run push
expect_rc 0 "the server back: push again"
expect_err "planner: pushed to $U/alice/pyconkr-2024/: 0 new, 0 changed, 1 deleted, 3 unchanged" "... finishes the job"
run push
expect_err "planner: $U/alice/pyconkr-2024/: calendar is up to date (3 events)" "... and the calendar is up to date"

# ---- same UID under another name: the server refuses it (409), the rest goes
run push
uid409=$(printf '%s\n' $ids | sed -n 2p)
"$PLANNER" drop "$uid409" >/dev/null
run push
expect_rc 0 "(one more dropped and pushed)"
"$PY" - "$tmp/plan.ics" "$uid409" >"$tmp/one.ics" <<'PY'
import sys
text = open(sys.argv[1], newline="").read()
head, _, rest = text.partition("BEGIN:VEVENT")
events = ["BEGIN:VEVENT" + e for e in rest.split("BEGIN:VEVENT")]
events[-1] = events[-1].replace("END:VCALENDAR\r\n", "")
mine = [e for e in events if "UID:%s@" % sys.argv[2] in e]
sys.stdout.write(head.replace("METHOD:PUBLISH\r\n", "") + mine[0] + "END:VCALENDAR\r\n")
PY
[ "$(dav PUT "$U/alice/pyconkr-2024/imported-by-hand.ics" "$tmp/one.ics" "Content-Type: text/calendar" | head -n 1)" = 201 ]
ok $? "the same event put into the calendar under another name (an import of an export)"
"$PLANNER" add "$uid409" >/dev/null
run push
expect_rc 1 "push of that session again"
expect_err_match "^planner: '.*': the calendar has this event under another name already \\(imported from a file\\?\\) \\(HTTP 409\\)\$" \
	"... names it: the calendar has it under another name"
dav DELETE "$U/alice/pyconkr-2024/imported-by-hand.ics" >/dev/null
run push
expect_rc 0 "once that copy is gone, the push goes through"

# ---- many events: a progress line on a terminal, none otherwise
many=$("$PLANNER" list --json | "$PY" -c 'import json,sys; print(" ".join([s["id"] for s in json.load(sys.stdin) if s.get("start")][:12]))')
"$PLANNER" add $many >/dev/null 2>&1
on_tty push
[ "$rc" -eq 0 ] && grep -q 'planner: pushing \[=*\] 100%  [0-9]* of [0-9]* events' "$tmp/tty"
ok $? "a push of many events draws a progress line on a terminal" || od -c "$tmp/tty" | head -5
grep -q 'planner: pushed to ' "$tmp/tty"; ok $? "... then says what it did"
"$PLANNER" drop $many >/dev/null 2>&1
run push
expect_rc 0 "and not when stderr is not a terminal"
! grep -q 'pushing' "$tmp/err"; ok $? "... no progress line"

# ---- an empty plan empties the calendar; no plan at all is an error
for i in $ids; do "$PLANNER" drop "$i" >/dev/null 2>&1; done
run push
expect_rc 0 "push of an empty plan"
expect_err_match "^planner: pushed to $U/alice/pyconkr-2024/: 0 new, 0 changed, [0-9]+ deleted, 0 unchanged\$" "... deletes every event"
[ -z "$(ls "$cal" | grep '\.ics$')" ]; ok $? "... the calendar is empty"
run -s pyconkr-2014 push
expect_rc 66 "no plan for the conference"
expect_err "planner: no plan for PyCon Korea 2014 yet; make one with 'planner pick'" "... says so"

# ---- a server that sends no ETag with a PUT: planner asks for it (PROPFIND getetag)
# A proxy in front of radicale that drops ETag from the replies to PUT.
cat >"$tmp/proxy.py" <<'PY'
import http.client, http.server, os, sys
upstream, failfile = int(sys.argv[1]), sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def handle_one(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else None
        # FAILFILE holds how many more PUTs go through before the server fails (503)
        if self.command == "PUT" and os.path.exists(failfile):
            left = int(open(failfile).read())
            open(failfile, "w").write(str(left - 1))
            if left <= 0:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        c = http.client.HTTPConnection("127.0.0.1", upstream)
        c.request(self.command, self.path, body, {k: v for k, v in self.headers.items() if k.lower() != "host"})
        r = c.getresponse()
        data = r.read()
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() in ("content-length", "transfer-encoding", "connection", "date", "server"):
                continue
            if k.lower() == "etag" and self.command == "PUT":
                continue
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_MKCALENDAR = do_REPORT = handle_one
    def log_message(self, *a):
        pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
"$PY" "$tmp/proxy.py" "$port" "$tmp/failafter" >"$tmp/pport" &
pids="$pids $!"
i=0
while [ ! -s "$tmp/pport" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
P=http://127.0.0.1:$(cat "$tmp/pport")
"$PLANNER" add $ids >/dev/null 2>&1
n0=$(requests)
run push --create $AUTH "$PWCMD" "$P/alice/noetag/"
expect_rc 0 "push through a server that sends no ETag"
[ "$(tail -n +$((n0 + 1)) "$log" | grep -c "PROPFIND request for '/alice/noetag/[0-9a-f]*.ics' with depth '0'")" -eq 4 ]
ok $? "... asks for each event's ETag (PROPFIND getetag)"
grep "^calendar $P/alice/noetag/" "$XDG_STATE_HOME"/planner/caldav/*.state >/dev/null &&
	! grep -h '^event ' $(grep -l "^calendar $P/alice/noetag/" "$XDG_STATE_HOME"/planner/caldav/*.state) | awk '{ print $5 }' | grep -qx -- -
ok $? "... and keeps them"
"$PLANNER" drop "$first" >/dev/null
run push $AUTH "$PWCMD" "$P/alice/noetag/"
expect_rc 0 "... so that a delete is conditional"
grep -q "DELETE response status for '/alice/noetag/[0-9a-f]*.ics' .*200" "$log"; ok $? "... and goes through"

# a server that fails half-way: what was done is kept, and the next push finishes the job
"$PLANNER" add "$first" >/dev/null
echo 2 >"$tmp/failafter"
run push --create $AUTH "$PWCMD" "$P/alice/halfway/"
expect_rc 69 "a server that fails (503) after two PUTs"
expect_err_match "^planner: $P/alice/halfway/[0-9a-f]{16}\.ics: HTTP 503\$" "... the failure, one line"
expect_err_match "^planner: 2 events pushed before that; 'planner push' again finishes the job\$" \
	"... and what was done"
[ "$(ls "$store/alice/halfway" | grep -c '\.ics$')" -eq 2 ]; ok $? "... 2 events on the server"
rm -f "$tmp/failafter"
run push $AUTH "$PWCMD" "$P/alice/halfway/"
expect_rc 0 "the server well again: push"
expect_err "planner: pushed to $P/alice/halfway/: 2 new, 0 changed, 0 deleted, 2 unchanged" \
	"... sends the other two only"
[ "$(ls "$store/alice/halfway" | grep -c '\.ics$')" -eq 4 ]; ok $? "... 4 events on the server"

# ---- planner update pushes too, where caldav-url is set
run update
expect_rc 0 "planner update with caldav-url set"
expect_out_match "^calendar: pushed to $U/alice/pyconkr-2024/: 4 new, 0 changed, 0 deleted, 0 unchanged\$" \
	"... pushes the plan to the calendar"
! grep -q 'nothing to bring up to date' "$tmp/out"; ok $? "... and does not say the calendar was left alone"
run update
expect_out_match "^calendar: $U/alice/pyconkr-2024/: calendar is up to date \\(4 events\\)\$" "... then it is up to date"
pw wrong
run update
expect_rc 77 "update, the server refusing the password"
expect_out_match "^calendar: failed: $U/alice/pyconkr-2024/: the server refused the user name or password \\(HTTP 401\\)\$" \
	"... says so on its calendar line"
pw secret

# ---- a team member's plan (planner team) to a calendar of its own
"$PLANNER" team alice bob --tag "웹 서비스" --lang ko >/dev/null 2>&1
run push --member bob --create $AUTH "$PWCMD" "$U/alice/bob-plan/"
expect_rc 0 "push --member bob"
n=$("$PLANNER" plan --member bob --json | "$PY" -c "import json,sys; d=json.load(sys.stdin); print(len(d['sessions']) if 'sessions' in d else len(d['plan']))")
[ "$(ls "$store/alice/bob-plan" | grep -c '\.ics$')" -eq "$n" ]; ok $? "... the server has bob's $n sessions"
run push --member bob $AUTH "$PWCMD" "$U/alice/bob-plan/"
expect_err_match "calendar is up to date" "... then it is up to date (bob's own state)"
run push --member carol $AUTH "$PWCMD" "$U/alice/bob-plan/"
expect_rc 66 "push --member of someone with no plan"

done_testing
