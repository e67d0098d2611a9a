#!/bin/sh
# tests/run.sh: runs the tests given as arguments (C unit test programs and shell tests, as
# `make check` lists them), shows failures, and ends with the summary line "N passed, N failed".
# Logs go to $TEST_OUT (default tests/out); planner is $PLANNER (default ./planner).
# With VALGRIND=1 every unit test and every planner run goes through valgrind, and any memory
# error or leak it reports fails the run.
cd "$(dirname "$0")/.." || exit 1
out=${TEST_OUT:-tests/out}
mkdir -p "$out"
wrap=""
if [ "${VALGRIND:-}" = 1 ]; then
	rm -rf "$out/valgrind" && mkdir -p "$out/valgrind"
	wrap="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --suppressions=$(pwd)/tests/valgrind.supp --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --log-file=$(cd "$out" && pwd)/valgrind/%p.log"
	export PLANNER_WRAP="$wrap"
fi
pass=0 fail=0 broken=""
for t in "$@"; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	log=$out/$name.tap
	case "$t" in
	*.sh) sh "$t" >"$log" 2>&1 ;;
	*) $wrap "./$t" >"$log" 2>&1 ;;
	esac
	status=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if ! grep -q '^1\.\.[0-9]' "$log" || { [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; }; then
		f=$((f + 1))   # crashed or stopped before its plan line: count the program as failed
		echo "$name: exited $status before finishing" >&2
	fi
	pass=$((pass + p)) fail=$((fail + f))
	if [ "$f" -gt 0 ]; then
		broken="$broken $name"
		grep -A12 '^not ok ' "$log" | grep -v '^ok ' >&2
		tail -n 5 "$log" >&2
	fi
	printf '%-28s %4d passed, %d failed\n' "$name" "$p" "$f"
done
if [ -n "$wrap" ]; then
	bad=$(grep -l . "$out"/valgrind/*.log 2>/dev/null | wc -l)
	if [ "$bad" -gt 0 ]; then
		echo "valgrind reported errors in $bad runs:" >&2
		grep -h -A8 . $(grep -l . "$out"/valgrind/*.log | head -3) | head -40 >&2
		fail=$((fail + 1))
		broken="$broken valgrind"
	fi
	printf '%-28s %4d passed, %d failed\n' valgrind "$((bad == 0))" "$((bad > 0))"
	pass=$((pass + (bad == 0)))
fi
[ -n "$broken" ] && echo "failing:$broken (logs in $out/)" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
