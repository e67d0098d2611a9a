#!/bin/sh
# bench_warm.sh: a fetched FOSDEM-size timetable (1000 sessions in 60 rooms, ~1.9 MB of native
# JSON made by tests/gen_timetable.py) read warm — from the cache's snapshot — against cold, the
# same file parsed on every run (planner -s FILE).  Prints the median and the best of several
# runs, end to end (process start included), one figure per line.  A benchmark, not a test: it
# fails only if a command does.
top=$(cd "$(dirname "$0")/.." && pwd)
PLANNER=${PLANNER:-$top/planner}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
unset COLUMNS

/usr/bin/python3 "$top/tests/gen_timetable.py" --sessions 1000 --rooms 60 "$tmp/fosdem.json" || exit 1
"$PLANNER" fetch --quiet "$tmp/fosdem.json" || exit 1

# time RUNS COMMAND...: "median best" wall time in milliseconds
time_ms() {
	runs=$1
	shift
	/usr/bin/python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
t = []
for _ in range(runs):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    t.append((time.perf_counter() - t0) * 1000)
print("%.1f %.1f" % (statistics.median(t), min(t)))
PY
}
show() { # show LABEL "median best"
	set -- "$1" $2
	printf '%-58s %6s ms (best %s ms)\n' "$1" "$2" "$3"
}

size=$(wc -c <"$tmp/fosdem.json")
snap=$(wc -c <"$tmp/cache/planner/benchcon-2025/model.snap")
echo "fetched timetable: 1000 sessions, feed $size bytes, snapshot $snap bytes"
show "process start (planner version)" "$(time_ms 30 "$PLANNER" version)"
show "warm: planner days (load the snapshot, 3 lines out)" "$(time_ms 30 "$PLANNER" days)"
show "warm: planner list (1000 rows out)" "$(time_ms 30 "$PLANNER" list)"
show "warm: planner list --room r07 (17 rows out)" "$(time_ms 30 "$PLANNER" list --room r07)"
show "cold: planner -s FILE days (parse the JSON feed)" "$(time_ms 15 "$PLANNER" -s "$tmp/fosdem.json" days)"
show "cold: planner -s FILE list" "$(time_ms 15 "$PLANNER" -s "$tmp/fosdem.json" list)"
