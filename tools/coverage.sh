#!/bin/sh
# tools/coverage.sh OBJDIR: line coverage of src/ after a run of the suite built with --coverage
# (make coverage): one line a source file, its covered lines of all, then the total.
objdir=${1:?usage: tools/coverage.sh OBJDIR}
cd "$(dirname "$0")/.." || exit 1
total=0 covered=0
for src in src/main.c src/*/*.c; do
	rel=${src#src/}
	obj=$objdir/${rel%.c}.o
	[ -e "${obj%.o}.gcda" ] || { printf '%-32s never run\n' "$src"; continue; }
	# "Lines executed:92.31% of 130" for the source file itself (not the headers it includes)
	line=$(gcov -n -o "$(dirname "$obj")" "$src" 2>/dev/null |
		awk -v f="$src" '$0 ~ "^File .*" f "'"'"'$" { want = 1; next } want && /^Lines executed:/ { print; exit }')
	pct=$(echo "$line" | sed 's/Lines executed:\([0-9.]*\)% of \([0-9]*\)/\1/')
	n=$(echo "$line" | sed 's/Lines executed:\([0-9.]*\)% of \([0-9]*\)/\2/')
	[ -n "$n" ] || continue
	c=$(awk -v p="$pct" -v n="$n" 'BEGIN { printf "%d", p * n / 100 + 0.5 }')
	printf '%-32s %5d of %5d lines  %5.1f%%\n' "$src" "$c" "$n" "$pct"
	total=$((total + n)) covered=$((covered + c))
done
awk -v c="$covered" -v t="$total" 'BEGIN { printf "%-32s %5d of %5d lines  %5.1f%%\n", "total", c, t, t ? 100 * c / t : 0 }'
