#!/usr/bin/python3
"""An independent checker of `planner pick --json`: is the chosen set feasible, and is its total
score the best any feasible set reaches?  Recomputes the optimum with its own O(n^2) dynamic
programme over the candidates (no code shared with planner).  Exit 0 if the plan is optimal."""
import json
import sys
from datetime import datetime


def travel(a, b, minutes, walks=None):
    if a["room"] == "*" or b["room"] == "*" or a["room"] == b["room"]:
        return 0
    if walks and ("r", frozenset((a["room"], b["room"]))) in walks:
        return walks[("r", frozenset((a["room"], b["room"])))] * 60
    ba, bb = a.get("building"), b.get("building")
    if walks and ba and bb and ba != bb and ("b", frozenset((ba, bb))) in walks:
        return walks[("b", frozenset((ba, bb)))] * 60
    t = minutes * 60
    if a.get("building") and b.get("building") and a["building"] != b["building"]:
        return 3 * t
    if a.get("floor") and b.get("floor") and a["floor"] != b["floor"]:
        return 2 * t
    return t


def walks_of(plan):
    """The walks the user set: {("r", two room ids) or ("b", two buildings): minutes}."""
    return {("r", frozenset(w["rooms"])) if "rooms" in w else ("b", frozenset(w["buildings"])):
            w["minutes"] for w in plan.get("walks", [])}


def main():
    plan = json.load(open(sys.argv[1], encoding="utf-8"))
    cands = plan["candidates"]
    for c in cands:
        c["s"] = datetime.fromisoformat(c["start"]).timestamp()
        c["e"] = datetime.fromisoformat(c["end"]).timestamp()
    by_id = {c["id"]: c for c in cands}
    T = plan["travel_minutes"]
    W = walks_of(plan)
    cap = plan["max_per_day"] or 10**9
    chosen = [by_id[i] for i in plan["chosen"]]
    chosen.sort(key=lambda c: (c["e"], c["s"]))
    errors = []
    for a, b in zip(chosen, chosen[1:]):
        if a["e"] + travel(a, b, T, W) > b["s"]:
            errors.append(f"{a['id']} then {b['id']} is not attendable")
    for c in cands:
        if c["pinned"] and c not in chosen:
            errors.append(f"pinned {c['id']} missing")
        if c["excluded"] and c in chosen:
            errors.append(f"excluded {c['id']} chosen")
    days = {}
    for c in chosen:
        days[c["day"]] = days.get(c["day"], 0) + 1
    if any(n > cap for n in days.values()):
        errors.append("per-day cap broken")
    total = sum(c["score"] for c in chosen)
    if total != plan["total_score"]:
        errors.append(f"total_score {plan['total_score']} but chosen sum {total}")

    # best[i][k]: the best (pins, score) of a feasible sequence ending with i, k items on i's day
    elig = [c for c in cands if not c["excluded"] and (c["score"] > 0 or c["pinned"])]
    elig.sort(key=lambda c: (c["e"], c["s"]))
    NEG = None
    kmax = min(cap, len(elig)) if elig else 0
    best = [[NEG] * (kmax + 1) for _ in elig]
    for i, c in enumerate(elig):
        own = (1 if c["pinned"] else 0, c["score"])
        best[i][1] = own
        for j in range(i):
            p = elig[j]
            if p["e"] + travel(p, c, T, W) > c["s"]:
                continue
            for k in range(1, kmax + 1):
                v = best[j][k]
                if v is None:
                    continue
                nk = k + 1 if p["day"] == c["day"] else 1
                if nk > kmax:
                    continue
                cand = (v[0] + own[0], v[1] + own[1])
                if best[i][nk] is None or cand > best[i][nk]:
                    best[i][nk] = cand
    npins = sum(1 for c in cands if c["pinned"])
    opt = 0
    for row in best:
        for v in row:
            if v is not None and v[0] == npins:
                opt = max(opt, v[1])
    if npins == 0:
        opt = max([opt] + [v[1] for row in best for v in row if v is not None])
    if total != opt:
        errors.append(f"not optimal: chosen total {total}, best possible {opt}")
    for e in errors:
        print("check_plan:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
