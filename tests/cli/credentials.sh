#!/bin/sh
# Credentials in a URL (https://user:password@host/...) are used, kept (the next fetch needs
# them) and never shown: not in error messages, warnings, the progress line, `sources` or
# `sources --json`.  A real HTTP server on 127.0.0.1 (tests/http_server.py); nothing here
# reaches the internet.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
export PLANNER_FETCH_TIMEOUT=5
mkdir -p "$tmp/srv"
cp "$top/tests/data/mini.json" "$tmp/srv/mini.json"
start_server "$tmp/port" --root "$tmp/srv"
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
on_tty fetch --name slow "$U/slow/mini.json"
grep -q "fetching http://127\.0\.0\.1" "$tmp/tty" && ! grep -q "s3cret\|ann:" "$tmp/tty"
ok $? "the progress line on a terminal shows the URL without them"
done_testing
