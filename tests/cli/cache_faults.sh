#!/bin/sh
# The fetch cache under faults (tests/fail_write.c's $FAULT_AT): a re-fetch of a changed
# timetable stopped at every step that changes the cache in turn — killed there (SIGKILL), or
# failing there on a full disk — and a storm of concurrent fetches of a changing feed.  After
# each, the entry is one whole version: the feed is the old or the new timetable, and meta.json,
# the snapshot (what `list` reads) and the changes report describe that same one; and the next
# fetch always leaves the new version, its report, and nothing half-built beside it.
. "$(dirname "$0")/../lib.sh"
# the shim loads before an AddressSanitizer build's runtime (make asan)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
P=$PLANNER
cache=$XDG_CACHE_HOME/planner
entry=$cache/minicon

cp "$top/tests/data/mini.json" "$tmp/v1.json"
sed 's/"Opening keynote"/"Opening keynote (v2)"/; s/"Hall B"/"Hall B2"/' "$top/tests/data/mini.json" >"$tmp/v2.json"
"$P" -s "$tmp/v1.json" list >"$tmp/list1" 2>/dev/null
"$P" -s "$tmp/v2.json" list >"$tmp/list2" 2>/dev/null
! cmp -s "$tmp/list1" "$tmp/list2"; ok $? "two versions that list differently"

# The pristine cache: v1 fetched once (no report yet).
cp "$tmp/v1.json" "$tmp/feed.json"
"$P" fetch "$tmp/feed.json" >/dev/null 2>&1
cp -a "$cache" "$tmp/pristine"
# The report a whole re-fetch makes.
cp "$tmp/v2.json" "$tmp/feed.json"
"$P" fetch minicon >/dev/null 2>&1
"$P" -s minicon changes --json >"$tmp/report2.json" 2>/dev/null
/usr/bin/python3 -c "import json,sys; assert len(json.load(open(sys.argv[1]))['changes']) >= 1" "$tmp/report2.json"
ok $? "a whole re-fetch reports the changes"

# consistent: the entry is one version, every file agreeing with its feed; prints why not.
consistent() {
	if cmp -s "$entry/feed" "$tmp/v1.json"; then v=1
	elif cmp -s "$entry/feed" "$tmp/v2.json"; then v=2
	else echo "the feed is neither version"; return 1; fi
	"$P" -s minicon list >"$tmp/list" 2>"$tmp/list.err" || { echo "list fails: $(cat "$tmp/list.err")"; return 1; }
	cmp -s "$tmp/list" "$tmp/list$v" || { echo "the feed is v$v but list shows another"; return 1; }
	"$P" -s minicon changes --json >"$tmp/report.json" 2>/dev/null
	/usr/bin/python3 - "$entry" "$v" "$tmp/report.json" "$tmp/report2.json" 2>&1 <<'PY' || return 1
import json, os, sys
entry, v, got, want = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
meta = json.load(open(os.path.join(entry, "meta.json")))
if meta["feed_size"] != os.path.getsize(os.path.join(entry, "feed")):
    sys.exit("meta.json describes another feed")
key = lambda r: sorted((c["id"], tuple(c["kinds"])) for c in r["changes"])
if v == "1":
    if os.path.exists(os.path.join(entry, "changes.json")):
        sys.exit("v1 with a changes report")
elif key(json.load(open(got))) != key(json.load(open(want))):
    sys.exit("v2 with another report")
PY
}

# clean: nothing half-built beside the entry.
clean() { [ -z "$(ls -A "$cache" | grep '^\.minicon\.')" ]; }

# How many steps a re-fetch takes.
rm -rf "$cache" && cp -a "$tmp/pristine" "$cache"
cp "$tmp/v2.json" "$tmp/feed.json"
FAULT_MATCH=$cache FAULT_COUNT=$tmp/count LD_PRELOAD=$FAIL_WRITE_SO "$P" fetch minicon >/dev/null 2>&1
steps=$(cat "$tmp/count")
[ "$steps" -ge 10 ]; ok $? "a re-fetch takes $steps steps that change the cache"

for how in kill enospc; do
	bad="" step=1
	while [ "$step" -le "$steps" ]; do
		rm -rf "$cache" && cp -a "$tmp/pristine" "$cache"
		FAULT_MATCH=$cache FAULT_AT=$step FAULT_HOW=$how LD_PRELOAD=$FAIL_WRITE_SO \
			"$P" fetch minicon >/dev/null 2>"$tmp/fault.err"
		rc=$?
		why=$(consistent) || bad="$bad step $step: $why;"
		if [ "$how" = enospc ] && [ "$rc" -ne 0 ] && [ "$(wc -l <"$tmp/fault.err")" -ne 1 ]; then
			bad="$bad step $step: $(wc -l <"$tmp/fault.err") lines of error;"
		fi
		"$P" fetch minicon >/dev/null 2>&1 || bad="$bad step $step: the next fetch fails;"
		why=$(consistent) || bad="$bad step $step, next fetch: $why;"
		cmp -s "$entry/feed" "$tmp/v2.json" || bad="$bad step $step: the next fetch left v1;"
		clean || bad="$bad step $step: something half-built is left;"
		step=$((step + 1))
	done
	[ -z "$bad" ]; ok $? "a re-fetch stopped ($how) at each of its $steps steps: one whole version, and the next fetch converges" ||
		echo "#  $bad" | cut -c1-600
done

# A first fetch that fails on a full disk leaves no entry, so the retry gets the same name.
rm -rf "$cache"
cp "$tmp/v1.json" "$tmp/feed.json"
FAULT_MATCH=$cache FAULT_AT=12 FAULT_HOW=enospc LD_PRELOAD=$FAIL_WRITE_SO "$P" fetch "$tmp/feed.json" >/dev/null 2>&1
run fetch "$tmp/feed.json"
expect_rc 0 "a first fetch after one that failed on a full disk"
expect_out_match "^fetched minicon: " "... stores it under its own name, not minicon-2"
[ ! -e "$cache/minicon-2" ] && clean; ok $? "... and leaves nothing else"

# A storm: five fetches at once, twenty times, while the feed changes under them.
rm -rf "$cache"
cp "$tmp/v1.json" "$tmp/feed.json"
"$P" fetch "$tmp/feed.json" >/dev/null 2>&1
bad="" round=1
while [ "$round" -le 20 ]; do
	pids=""
	for i in 1 2 3 4 5; do
		cp "$tmp/v$(( (round + i) % 2 + 1 )).json" "$tmp/feed.new" && mv "$tmp/feed.new" "$tmp/feed.json"
		"$P" fetch minicon >/dev/null 2>&1 &
		pids="$pids $!"
	done
	wait $pids
	if cmp -s "$entry/feed" "$tmp/v1.json"; then v=1; else v=2; fi
	"$P" -s minicon list >"$tmp/list" 2>/dev/null
	cmp -s "$tmp/list" "$tmp/list$v" || bad="$bad round $round: list;"
	/usr/bin/python3 -c "
import json, os, sys
m = json.load(open(sys.argv[1] + '/meta.json'))
sys.exit(m['feed_size'] != os.path.getsize(sys.argv[1] + '/feed'))" "$entry" || bad="$bad round $round: meta.json;"
	clean || bad="$bad round $round: half-built;"
	round=$((round + 1))
done
[ -z "$bad" ]; ok $? "20 rounds of 5 concurrent fetches of a changing feed: one whole version each time" || echo "#  $bad"
cp "$tmp/v2.json" "$tmp/feed.json"
run fetch minicon
expect_rc 0 "a fetch after the storm"
cmp -s "$entry/feed" "$tmp/v2.json"; ok $? "... leaves what the source has"
done_testing
