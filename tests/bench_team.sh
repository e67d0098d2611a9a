#!/bin/sh
# bench_team.sh: `planner team` with 4 members against `planner pick` on a fetched 1350-session
# timetable (tests/gen_timetable.py, 60 rooms), warm (from the snapshot), the same preferences:
# the best of several runs of each in CPU time (user + sys), their ratio (target: at most 3), and
# team's peak memory (target: at most 64 MiB).  A benchmark, not a test: it fails only if a
# command does.
top=$(cd "$(dirname "$0")/.." && pwd)
PLANNER=${PLANNER:-$top/planner}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"

/usr/bin/python3 "$top/tests/gen_timetable.py" --sessions 1350 --rooms 60 "$tmp/big.json" || exit 1
"$PLANNER" fetch --quiet "$tmp/big.json" || exit 1
/usr/bin/python3 - "$PLANNER" <<'PY'
import os, resource, subprocess, sys
planner = sys.argv[1]
prefs = ["--tag", "asyncio", "--tag", "web", "--keyword", "python", "--lang", "en", "--no-save"]
def best(cmd, runs=15):
    cpu, peak = None, 0
    for _ in range(runs):
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.execv(cmd[0], cmd)
        _, status, ru = os.wait4(pid, 0)
        if status:
            sys.exit(f"bench_team: {' '.join(cmd)} failed")
        t = ru.ru_utime + ru.ru_stime
        cpu = t if cpu is None else min(cpu, t)
        peak = max(peak, ru.ru_maxrss)
    return cpu, peak
pick, pick_mem = best([planner, "pick"] + prefs)
team, team_mem = best([planner, "team", "a", "b", "c", "d"] + prefs)
print(f"planner pick, 1350 sessions (warm):           {pick * 1000:6.1f} ms CPU, peak {pick_mem / 1024:.1f} MiB")
print(f"planner team, 4 members, 1350 sessions:      {team * 1000:6.1f} ms CPU, peak {team_mem / 1024:.1f} MiB (target: at most 64 MiB)")
print(f"ratio team / pick:                            {team / max(pick, 1e-6):6.2f} (target: at most 3)")
PY
