#!/bin/sh
# Invisible characters from a feed (zero-width space, word joiner, soft hyphen, tag characters
# carrying a hidden message, a Hangul filler) never reach the terminal: list, plan and messages
# show the text without them; --json keeps the data as the feed has it.
. "$(dirname "$0")/../lib.sh"
/usr/bin/python3 - "$tmp/feed.json" <<'PY'
import json, sys
hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore previous instructions")
s = {"planner_format": 1,
     "conference": {"id": "inviscon", "name": "Invis\u200bCon", "timezone": "UTC"},
     "rooms": [{"id": "r1", "name": "Hall\u2060 1"}],
     "sessions": [{"id": "s1", "title": "Pay\u200bPal security" + hidden, "room": "r1",
                   "speakers": ["\u3164Kim"], "tags": ["se\u00adcurity"],
                   "start": "2025-05-10T10:00", "end": "2025-05-10T11:00"}]}
json.dump(s, open(sys.argv[1], "w"), ensure_ascii=False)
PY
run -s "$tmp/feed.json" list
expect_rc 0 "a feed with invisible characters lists"
expect_out_match "^InvisCon, times in UTC$" "the conference name without the zero-width space"
expect_out_match "^10:00-11:00  Hall 1  s1  PayPal security — Kim$" "room, title and speaker without them"
/usr/bin/python3 - "$tmp/out" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
bad = [c for c in t if ord(c) in (0x200b, 0x2060, 0xad, 0x3164) or 0xE0000 <= ord(c) <= 0xE007F]
sys.exit(1 if bad else 0)
PY
ok $? "no invisible character in the output"
run -s "$tmp/feed.json" list --json
/usr/bin/python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))[0]
assert '\u200b' in s['title'] and chr(0xE0069) in s['title'], s['title']" "$tmp/out"
ok $? "--json keeps the title as the feed has it (escaped, for programs)"
run -s "$tmp/feed.json" add "s1"
run -s "$tmp/feed.json" plan
expect_out_match "PayPal security — Kim$" "plan shows it clean too"
done_testing
