# tests/lib.sh: a small TAP helper for the shell tests.  Source it, call the checks, end with
# done_testing.  Set UPDATE_GOLDEN=1 to rewrite golden files from the current output.
top=$(cd "$(dirname "$0")/../.." && pwd)
PLANNER=${PLANNER:-$top/planner}
# tests/fail_write.c built by make: fails writes half-way, as a full disk does (LD_PRELOAD)
FAIL_WRITE_SO=${FAIL_WRITE_SO:-$top/build/fail_write.so}
GOLDEN=$top/tests/golden
tmp=$(mktemp -d) || exit 1
# Background processes a test starts (start_server does; add others' pids to $pids) are killed
# when it ends, and its scratch folder removed.
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C NO_COLOR= XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
unset COLUMNS TZ
n=0 failed=0

ok() { # ok COND-STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
	return "$1"
}
# run [ARGS...]: runs planner (under $PLANNER_WRAP, e.g. valgrind, when set); stdout in $tmp/out,
# stderr in $tmp/err, status in $rc.
run() { $PLANNER_WRAP "$PLANNER" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# run_sh 'shell command': the same for a pipeline.
run_sh() { sh -c "$1" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
expect_rc() { # expect_rc STATUS DESCRIPTION
	[ "$rc" -eq "$1" ]; ok $? "$2 (exit $1)" || { echo "#   exit $rc"; sed 's/^/#   stderr: /' "$tmp/err" | head -5; }
}
expect_err() { # expect_err 'exact stderr line' DESCRIPTION: stderr is exactly this one line
	printf '%s\n' "$1" | cmp -s - "$tmp/err"; ok $? "$2" || sed 's/^/#   stderr: /' "$tmp/err" | head -5
}
expect_err_match() { # expect_err_match 'grep -E pattern' DESCRIPTION
	grep -Eq -- "$1" "$tmp/err"; ok $? "$2" || sed 's/^/#   stderr: /' "$tmp/err" | head -5
}
expect_out_match() { # expect_out_match 'grep -E pattern' DESCRIPTION
	grep -Eq -- "$1" "$tmp/out"; ok $? "$2" || head -5 "$tmp/out" | sed 's/^/#   stdout: /'
}
expect_golden() { # expect_golden NAME DESCRIPTION: stdout equals tests/golden/NAME
	[ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$tmp/out" "$GOLDEN/$1"
	diff -u "$GOLDEN/$1" "$tmp/out" >"$tmp/diff" 2>&1; ok $? "$2" || sed 's/^/#   /' "$tmp/diff" | head -20
}
done_testing() { echo "1..$n"; [ "$failed" -eq 0 ]; }

# start_server PORTFILE ARGS...: the test HTTP server (tests/http_server.py ARGS: --root DIR,
# --log FILE, --tls CERT KEY) on 127.0.0.1 in the background, killed when the test ends; waits
# until it has written its port to PORTFILE, then sets $port and $last_pid.
start_server() {
	_pf=$1
	shift
	rm -f "$_pf"
	/usr/bin/python3 "$top/tests/http_server.py" "$@" >"$_pf" &
	last_pid=$!
	pids="$pids $last_pid"
	_i=0
	while [ ! -s "$_pf" ] && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done
	port=$(cat "$_pf")
}
# on_tty ARGS...: runs planner ARGS with stderr on a pseudo-terminal (stdin and stdout not): what
# it drew there goes to $tmp/tty, its status to $rc.
on_tty() {
	/usr/bin/python3 - "$PLANNER" "$@" >"$tmp/tty" <<'PY'
import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
out = b""
while True:
    try:
        d = os.read(m, 4096)
    except OSError:
        break
    if not d:
        break
    out += d
p.wait()
sys.stdout.buffer.write(out)
sys.exit(p.returncode)
PY
	rc=$?
}
