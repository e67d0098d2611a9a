#!/bin/sh
# Fetch errors whose cause is the server's reply or a wait, each one line with the status the
# manual gives: a malformed chunked encoding is a protocol error (76), an https URL on a port
# that never answers the TLS handshake says so and how long it really waited (75).  A raw
# socket server on 127.0.0.1 (Python standard library); nothing here reaches the internet.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
pid=""

server='import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
keep = []
while True:
    c, _ = s.accept()
    if sys.argv[1] == "silent":	# accepts, reads, never answers
        keep.append(c)
        continue
    c.recv(65536)
    c.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\nabc\r\n")
    c.close()
'
# serve MODE: a server that answers every connection the MODE way; sets $port.
serve() {
	[ -z "$pid" ] || kill "$pid" 2>/dev/null
	rm -f "$tmp/port"
	"$PY" -c "$server" "$1" >"$tmp/port" &
	pid=$!
	pids="$pids $pid"
	i=0
	while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	port=$(cat "$tmp/port")
}

serve chunked
run fetch "http://127.0.0.1:$port/x.json"
expect_rc 76 "a malformed chunked encoding is a protocol error"
expect_err_match "^planner: fetch http://127\.0\.0\.1:$port/x\.json: .*chunked" "... named in one line"
[ "$(wc -l <"$tmp/err")" -eq 1 ]; ok $? "... one line"

serve silent
PLANNER_FETCH_TIMEOUT=2 run fetch "https://127.0.0.1:$port/x.json"
expect_rc 75 "an https port that never answers the handshake"
expect_err_match "^planner: fetch https://127\.0\.0\.1:$port/x\.json: no TLS handshake: timed out after 2(\.[0-9])? seconds \(is the server speaking https on that port\?\)$" \
	"... says what it waited for, and for as long as it did"
PLANNER_FETCH_TIMEOUT=2 run fetch "http://127.0.0.1:$port/x.json"
expect_rc 75 "a plain http server that never replies"
expect_err_match "^planner: fetch http://127\.0\.0\.1:$port/x\.json: timed out after 2(\.[0-9])? seconds \(0 bytes received\)$" \
	"... says how long it really waited"
done_testing
