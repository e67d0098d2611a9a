#!/usr/bin/python3
"""An independent checker of `planner team --json`: are the members' days attendable and their
sessions distinct, do they cover every pin, and is the total score the best k members can cover?
Recomputes the optimum with its own min-cost flow (Bellman-Ford on an explicit graph, no code
shared with planner's Dijkstra on an implicit one).  Exit 0 if the plan is optimal."""
import json
import os
import sys
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_plan import travel, walks_of  # noqa: E402  (the same walk rule, read once)


def best_total(cands, k, minutes, walks=None):
    """The most score k disjoint chains of attendable sessions cover, every pin covered."""
    use = [c for c in cands if not c["excluded"] and (c["score"] > 0 or c["pinned"])]
    use.sort(key=lambda c: (c["s"], c["e"], c["id"]))
    pin_bonus = sum(c["score"] for c in use) + 1
    n = len(use)
    # nodes: 0 source, 1 sink, 2+2i in, 3+2i out
    graph = {v: [] for v in range(2 + 2 * n)}

    def arc(u, v, cap, cost):
        graph[u].append([v, cap, cost, len(graph[v])])
        graph[v].append([u, 0, -cost, len(graph[u]) - 1])

    arc(0, 1, k, 0)
    for i, c in enumerate(use):
        arc(0, 2 + 2 * i, 1, 0)
        arc(2 + 2 * i, 3 + 2 * i, 1, -(c["score"] + (pin_bonus if c["pinned"] else 0)))
        arc(3 + 2 * i, 1, 1, 0)
        for j in range(i + 1, n):
            d = use[j]
            if c["e"] + travel(c, d, minutes, walks) <= d["s"]:
                arc(3 + 2 * i, 2 + 2 * j, 1, 0)
    total = 0
    for _ in range(k):
        dist = {v: None for v in graph}
        prev = {}
        dist[0] = 0
        for _ in range(len(graph)):
            changed = False
            for u in graph:
                if dist[u] is None:
                    continue
                for idx, (v, cap, cost, _) in enumerate(graph[u]):
                    if cap > 0 and (dist[v] is None or dist[u] + cost < dist[v]):
                        dist[v] = dist[u] + cost
                        prev[v] = (u, idx)
                        changed = True
            if not changed:
                break
        if dist[1] is None or dist[1] >= 0:
            break
        v = 1
        while v != 0:
            u, idx = prev[v]
            graph[u][idx][1] -= 1
            back = graph[u][idx][3]
            graph[v][back][1] += 1
            v = u
        total += dist[1]
    pins = sum(1 for c in use if c["pinned"])
    return -total - pins * pin_bonus


def main():
    plan = json.load(open(sys.argv[1], encoding="utf-8"))
    cands = plan["candidates"]
    for c in cands:
        c["s"] = datetime.fromisoformat(c["start"]).timestamp()
        c["e"] = datetime.fromisoformat(c["end"]).timestamp()
    by_id = {c["id"]: c for c in cands}
    minutes = plan["travel_minutes"]
    walks = walks_of(plan)
    errors, seen, score = [], set(), 0
    for m in plan["members"]:
        day = [by_id[i] for i in m["sessions"]]
        for c in day:
            if c["id"] in seen:
                errors.append(f"{c['id']} attended twice")
            seen.add(c["id"])
            score += c["score"]
            if c["excluded"]:
                errors.append(f"excluded {c['id']} chosen")
        day.sort(key=lambda c: (c["s"], c["e"]))
        for a, b in zip(day, day[1:]):
            if a["e"] + travel(a, b, minutes, walks) > b["s"]:
                errors.append(f"{m['name']}: {a['id']} then {b['id']} is not attendable")
    for c in cands:
        if c["pinned"] and c["id"] not in seen:
            errors.append(f"pinned {c['id']} missing")
    if score != plan["total_score"]:
        errors.append(f"total_score {plan['total_score']} but the sessions add up to {score}")
    best = best_total(cands, len(plan["members"]), minutes, walks)
    if score != best:
        errors.append(f"total {score}, but {best} is possible")
    for e in errors:
        print(e)
    sys.exit(1 if errors else 0)


main()
