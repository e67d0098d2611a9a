#!/bin/sh
# The source tree's layering: src/ has one folder a stage, lowest first — base, model, import,
# store, plan, output, cmd — and src/main.c on top.  A file may include the headers of its own
# stage and of lower ones, never of a later stage (include/NAME.h belongs to the stage whose
# folder holds NAME.c); a stage's private header (src/STAGE/NAME.h) is included from its folder
# only; and each outside library's header is included by the modules that wrap it, no others.
. "$(dirname "$0")/../lib.sh"
cd "$top" || exit 1
stages="base model import store plan output cmd"

rank() { # rank STAGE: its place in $stages (main is last)
	i=0
	for s in $stages main; do [ "$s" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done
	echo 99
}
stage_of() { # stage_of FILE: the folder under src/, or main
	case $1 in src/main.c) echo main ;; src/*/*) f=${1#src/}; echo "${f%%/*}" ;; *) echo "?" ;; esac
}

files=$(ls src/main.c src/*/*.c src/*/*.h include/*.h 2>/dev/null)
[ -n "$files" ]; ok $? "the tree has sources"
for s in $stages; do
	[ -d "src/$s" ]; ok $? "src/$s exists"
done
stray=$(ls src | grep -v -x -e main.c $(for s in $stages; do printf -- '-e %s ' "$s"; done))
[ -z "$stray" ]; ok $? "src/ holds only the stage folders and main.c" || echo "#   stray: $stray"

upward="" private="" orphan=""
for f in $files; do
	case $f in include/*)
		base=$(basename "$f" .h)
		src=$(ls src/*/"$base".c 2>/dev/null | head -n 1)
		[ -n "$src" ] || { orphan="$orphan $f"; continue; }
		from=$(stage_of "$src") ;;
	*) from=$(stage_of "$f") ;;
	esac
	# "NAME.h", and <NAME.h> too when it is one of ours (include/ is on the -I path)
	for h in $(sed -n -e 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' \
		       -e 's/^[ \t]*#[ \t]*include[ \t]*<\([^>]*\)>.*/<\1/p' "$f"); do
		dir=$(dirname "$f")
		case $h in "<"*)
			h=${h#<}
			[ -e "include/$h" ] || continue	# a system or library header
			dir=/nonexistent ;;		# <> never looks beside the file
		esac
		if [ -e "$dir/$h" ] && [ "${f#include/}" = "$f" ]; then
			# beside the file: a private header of the same folder, or main.c's cmd/cli.h
			target="$dir/$h"
			case $target in src/*/*/*) to=$(stage_of "$(echo "$target" | sed 's|/[^/]*/\.\./|/|')") ;;
			*) to=$(stage_of "$target") ;; esac
			case $h in ../*) private="$private $f:$h" ;; esac
		elif [ -e "include/$h" ]; then
			src=$(ls src/*/"$(basename "$h" .h)".c 2>/dev/null | head -n 1)
			[ -n "$src" ] || { orphan="$orphan include/$h"; continue; }
			to=$(stage_of "$src")
		else
			private="$private $f:$h"
			continue
		fi
		[ "$(rank "$to")" -le "$(rank "$from")" ] || upward="$upward $f($from)->$h($to)"
	done
done
[ -z "$upward" ]; ok $? "no file includes a header of a later stage" ||
	for u in $upward; do echo "#   $u"; done
[ -z "$private" ]; ok $? "private headers are included only from their own folder" ||
	echo "#   $private"
[ -z "$orphan" ]; ok $? "every public header belongs to a module in src/" || echo "#   $orphan"

# Outside libraries: which files may include each one's headers.
lib_ok() { # lib_ok HEADER-PATTERN FILE...: only these files include it
	pattern=$1
	shift
	found=$(grep -l -E "^[ \t]*#[ \t]*include[ \t]*<($pattern)" $files | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	[ "$found" = "$want" ]; ok $? "<$pattern> only in: $*" || echo "#   included by: $found"
}
lib_ok 'curl/' src/store/fetch.c
lib_ok 'jansson\.h' src/import/import.h src/store/cache.c src/store/plan.c src/store/venue_file.c
lib_ok 'libical/' src/base/tz.c src/import/import_ics.c src/output/ics.c
lib_ok 'utf8proc\.h' src/base/text.c
lib_ok 'expat\.h' src/import/import_xml.c src/store/caldav.c
lib_ok 'cairo|cairo-pdf|pango/|glib|glib-object' src/output/print_cairo.c
done_testing
