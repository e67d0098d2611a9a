#!/bin/sh
# tests/run.sh: runs every test program (the C unit tests given as arguments, then
# tests/cli/*.sh), shows failures, and ends with the summary line "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
mkdir -p tests/out
pass=0 fail=0 broken=""
for t in "$@" tests/cli/*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	log=tests/out/$name.tap
	case "$t" in
	*.sh) sh "$t" >"$log" 2>&1 ;;
	*) "./$t" >"$log" 2>&1 ;;
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
[ -n "$broken" ] && echo "failing:$broken (logs in tests/out/)" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
