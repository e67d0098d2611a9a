#!/bin/sh
# bench_pick.sh: `planner pick` end to end on a 1000-session timetable against `planner days`
# (which loads the timetable and prints two lines) — what picking adds to loading should be a few
# milliseconds.  Then `planner pick --max-per-day N` at the limits (20 000 sessions, 2 000 rooms
# with floors and buildings, every session liked): with N from 20 to 1000 it should stay within
# about a second, as without a cap; and with walks set between buildings and rooms.  Prints the
# best of several runs of each.
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"

/usr/bin/python3 - "$tmp/big.json" <<'PY'
import json, random, sys
random.seed(7)
rooms = [{"id": f"r{i}", "name": f"Room {i}", "floor": f"{i % 4}F"} for i in range(60)]
tags = ["asyncio", "web", "data", "ml", "security", "testing", "packaging", "typing", "웹 서비스", "교육"]
sessions = []
for i in range(1000):
    day = i % 2
    start = 9 * 60 + random.randrange(0, 9 * 60, 10)
    length = random.choice([20, 30, 40, 50])
    h, m = divmod(start, 60); h2, m2 = divmod(start + length, 60)
    sessions.append({"id": f"s{i:04d}", "title": f"Session {i} about {random.choice(tags)}",
                     "speakers": [f"Speaker {i}"], "tags": random.sample(tags, 2),
                     "room": f"r{i % 60}", "language": random.choice(["en", "ko"]),
                     "start": f"2025-02-0{day + 1}T{h:02d}:{m:02d}", "end": f"2025-02-0{day + 1}T{h2:02d}:{m2:02d}"})
json.dump({"planner_format": 1, "conference": {"id": "bigcon", "name": "BigCon", "timezone": "Europe/Brussels"},
           "rooms": rooms, "sessions": sessions}, open(sys.argv[1], "w"))
PY

/usr/bin/python3 - "$tmp/limits.json" <<'PY'
import json, random, sys
random.seed(11)
# 20 buildings of 10 floors, 10 rooms a floor; a room in 50 without a building, one in 40 without
# a floor.  Day 3 is one of short sessions (1 to 5 minutes, chains hundreds long).
rooms = []
for i in range(2000):
    r = {"id": f"r{i}", "name": f"Room {i}"}
    if random.randrange(50): r["building"] = f"B{i // 100}"
    if random.randrange(40): r["floor"] = f"{i // 10 % 10}F"
    rooms.append(r)
sessions = []
for i in range(20000):
    day = i % 3
    if day < 2:
        start, length = 9 * 60 + random.randrange(0, 9 * 60, 5), random.randrange(10, 61)
    else:
        start, length = 8 * 60 + random.randrange(0, 14 * 60), random.randrange(1, 6)
    h, m = divmod(start, 60); h2, m2 = divmod(start + length, 60)
    sessions.append({"id": f"s{i:05d}", "title": f"Session {i}", "language": "en",
                     "room": f"r{random.randrange(2000)}",
                     "start": f"2025-03-0{day + 1}T{h:02d}:{m:02d}", "end": f"2025-03-0{day + 1}T{h2:02d}:{m2:02d}"})
json.dump({"planner_format": 1, "conference": {"id": "limits", "name": "Limits", "timezone": "UTC"},
           "rooms": rooms, "sessions": sessions}, open(sys.argv[1], "w"))
PY

best() { # best RUNS COMMAND...: the fastest wall time in milliseconds
	runs=$1; shift
	/usr/bin/python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
best = min((lambda t0: (subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(runs))
print(f"{best * 1000:.1f}")
PY
}
load=$(best 15 "$top/planner" -s "$tmp/big.json" days)
pick=$(best 15 "$top/planner" -s "$tmp/big.json" pick --tag asyncio --tag web --lang en --fill --no-save)
echo "planner days, 1000 sessions (load): $load ms"
echo "planner pick, 1000 sessions (load + solve + print): $pick ms"
/usr/bin/python3 -c "import sys; print(f'pick adds to loading: {float(sys.argv[2]) - float(sys.argv[1]):.1f} ms')" "$load" "$pick"
for n in 0 20 100 1000; do
	cap=""
	[ "$n" -eq 0 ] || cap="--max-per-day $n"
	# shellcheck disable=SC2086
	t=$(best 3 "$top/planner" -s "$tmp/limits.json" pick --lang en $cap --no-save)
	echo "planner pick ${cap:-(no cap)}, 20000 sessions in 2000 rooms with floors: $t ms"
done
# Walks set with 'planner rooms walk' (one between two buildings of 100 rooms each, one between
# two rooms): the solver is then given the walk between every two rooms.  Within a second or two.
"$top/planner" -s "$tmp/limits.json" rooms walk B1 B2 12 >/dev/null 2>&1
"$top/planner" -s "$tmp/limits.json" rooms walk r0 r1999 20 >/dev/null 2>&1
for n in 0 20; do
	cap=""
	[ "$n" -eq 0 ] || cap="--max-per-day $n"
	# shellcheck disable=SC2086
	t=$(best 3 "$top/planner" -s "$tmp/limits.json" pick --lang en $cap --no-save)
	echo "planner pick ${cap:-(no cap)}, 20000 sessions in 2000 rooms, walks set: $t ms"
done
