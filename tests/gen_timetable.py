#!/usr/bin/python3
"""tests/gen_timetable.py: writes a large made-up timetable in planner's native format, for
benchmarks (FOSDEM-size by default: 1000 sessions in 60 rooms over 2 days, about 2 MB).

    gen_timetable.py [--sessions N] [--rooms N] [--days N] OUT.json

Deterministic (a fixed seed): the same arguments give the same bytes.  Standard library only.
"""
import argparse
import json
import random

WORDS = ("asyncio django rust kernel database compiler testing security web embedded graphics "
         "network storage python 파이썬 데이터 분석 머신러닝 웹 보안 community design cloud "
         "performance memory scheduler packaging documentation accessibility").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--rooms", type=int, default=60)
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(20250201)
    rooms = [{"id": "r%02d" % i, "name": "Room %s.%d" % ("KHUJ"[i % 4], 100 + i),
              "building": "Building %s" % "KHUJ"[i % 4]} for i in range(a.rooms)]
    sessions = []
    per_room_day = max(1, a.sessions // (a.rooms * a.days) + 1)
    n = 0
    for day in range(a.days):
        for r in range(a.rooms):
            minute = 9 * 60
            for _ in range(per_room_day):
                if n == a.sessions:
                    break
                length = rng.choice((15, 20, 25, 30, 40, 50))
                start, end = minute, minute + length
                minute = end + rng.choice((0, 5, 10))
                date = "2025-02-%02d" % (1 + day)
                sessions.append({
                    "id": "e%05d" % n,
                    "title": sentence(rng, rng.randint(3, 9)).capitalize(),
                    "subtitle": sentence(rng, 5) if rng.random() < 0.3 else None,
                    "abstract": " ".join(sentence(rng, 12) + "." for _ in range(rng.randint(8, 20))),
                    "speakers": ["Speaker %d" % rng.randint(1, 1500) for _ in range(rng.randint(1, 3))],
                    "track": "Track %d" % (r % 40),
                    "tags": [rng.choice(WORDS) for _ in range(rng.randint(0, 3))],
                    "type": rng.choice(("talk", "talk", "talk", "lightning", "workshop")),
                    "language": rng.choice(("en", "en", "en", "ko")),
                    "room": rooms[r]["id"],
                    "start": "%sT%02d:%02d" % (date, start // 60, start % 60),
                    "end": "%sT%02d:%02d" % (date, end // 60, end % 60),
                    "url": "https://example.org/event/%d" % n,
                })
                n += 1
    doc = {"planner_format": 1,
           "conference": {"id": "benchcon-2025", "name": "BenchCon 2025", "timezone": "Europe/Brussels"},
           "rooms": rooms, "sessions": sessions}
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
