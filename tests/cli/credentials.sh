#!/bin/sh
# Credentials in a URL (https://user:password@host/...) are used, kept (the next fetch needs
# them) and never shown: not in error messages, warnings, the progress line, `sources` or
# `sources --json`.  A real HTTP server on 127.0.0.1 (tests/http_server.py); nothing here
# reaches the internet.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export PLANNER_FETCH_TIMEOUT=5
mkdir -p "$tmp/srv"
cp "$top/tests/data/mini.json" "$tmp/srv/mini.json"
"$PY" "$top/tests/http_server.py" --root "$tmp/srv" >"$tmp/port" &
pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$tmp/port")
U="http://ann:s3cret-pw@127.0.0.1:$port"
shown() { grep -q "s3cret\|ann:" "$tmp/out" "$tmp/err"; }

run fetch "$U/feed/mini.json"
expect_rc 0 "a fetch with credentials in the URL"
! shown; ok $? "... shows neither the user nor the password"
grep -q "s3cret-pw" "$tmp/cache/planner/minicon/meta.json"; ok $? "... and keeps them for the next fetch"
run sources
expect_out_match "http://127\.0\.0\.1:$port/feed/mini\.json" "sources shows the URL"
! shown; ok $? "... without the credentials"
run sources --json
! shown; ok $? "sources --json: without them too"
run fetch minicon
expect_rc 0 "a re-fetch by name uses the stored URL"
! shown; ok $? "... quietly"

run fetch "$U/status/404"
expect_rc 66 "an HTTP 404"
expect_err_match "^planner: fetch http://127\.0\.0\.1:$port/status/404: " "the message names the URL"
! shown; ok $? "... without the credentials"
run fetch "$U/html/mini.json"
! shown; ok $? "a warning about the content type: without them"
run fetch "http://ann:s3cret-pw@127.0.0.1:1/x.json"
expect_rc 69 "a server that is not there"
! shown; ok $? "... the message leaves the credentials out"
run fetch --nosuch "http://ann:s3cret-pw@127.0.0.1:1/x.json"
expect_rc 64 "a usage error that quotes the URL"
! shown; ok $? "... leaves them out too"
# The progress line, on a terminal.
"$PY" - "$PLANNER" "$U/slow/mini.json" >"$tmp/tty" <<'PY'
import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen([sys.argv[1], "fetch", "--name", "slow", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
out = b""
while True:
    try:
        chunk = os.read(m, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
p.wait()
sys.stdout.write(out.decode("utf-8", "replace"))
PY
grep -q "fetching http://127\.0\.0\.1" "$tmp/tty" && ! grep -q "s3cret\|ann:" "$tmp/tty"
ok $? "the progress line on a terminal shows the URL without them"
done_testing
