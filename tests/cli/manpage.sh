#!/bin/sh
# The manual, planner.1: mandoc finds nothing to warn about, it has the sections a manual needs,
# and it documents every command and every option planner really has (from `planner complete`,
# i.e. the command and option tables), every global option and every config file key.
. "$(dirname "$0")/../lib.sh"
man=$top/planner.1

mandoc -T lint -W warning "$man" >"$tmp/lint" 2>&1
status=$?
[ $status -eq 0 ] && [ ! -s "$tmp/lint" ]; ok $? "mandoc -T lint -W warning planner.1 is clean" ||
	sed 's/^/#   /' "$tmp/lint" | head -20
mandoc -T utf8 "$man" >"$tmp/rendered" 2>&1
[ -s "$tmp/rendered" ]; ok $? "it renders"

for s in NAME SYNOPSIS DESCRIPTION COMMANDS CONFIGURATION ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
	grep -qx ".Sh $s" "$man"; ok $? "section $s"
done

# What the COMMANDS list documents for each command: the heading of its item (".It Cm plan Op
# Fl -json", or the lines of an ".It Xo ... .Xc" heading) and the .It lines of the lists inside
# the item, into $tmp/items/COMMAND.
mkdir -p "$tmp/items"
awk -v dir="$tmp/items" '
	function out(line) { for (n in names) print line >> (dir "/" n) }
	/^\.Sh / { sec = substr($0, 5); depth = 0; next }
	sec != "COMMANDS" { next }
	/^\.Bl/ { depth++; next }
	/^\.El/ { depth--; next }
	depth == 1 && /^\.It/ {
		split("", names)
		heading = ($0 ~ /^\.It Xo/)
		if ($2 == "Cm") names[$3] = 1
		out($0)
		next
	}
	heading && /^\.Xc/ { heading = 0; next }
	heading {
		if ($1 == ".Cm") names[$2] = 1
		out($0)
		next
	}
	depth >= 2 && /^\.It/ { out($0) }
' "$man"

"$PLANNER" complete commands | cut -f1 >"$tmp/commands"
[ -s "$tmp/commands" ]; ok $? "planner lists its commands"
undocumented=""
for cmd in $(cat "$tmp/commands"); do
	[ -s "$tmp/items/$cmd" ] || { undocumented="$undocumented $cmd"; continue; }
	"$PLANNER" complete options "$cmd" | cut -f1 >"$tmp/opts"
	while read -r o; do
		case $o in --help | -h) continue ;; esac
		# documented: named by an .It line of the command's item (its heading or its list)
		grep -Eq "(^|[ ])Fl ${o#-}([ ,]|\$)" "$tmp/items/$cmd" ||
			undocumented="$undocumented $cmd:$o"
	done <"$tmp/opts"
done
[ -z "$undocumented" ]; ok $? "every command and every option is documented in COMMANDS" ||
	echo "#   missing:$undocumented"
grep -q 'Ar command Fl -help' "$man"; ok $? "COMMAND --help is documented once, for every command"

"$PLANNER" complete options | cut -f1 >"$tmp/opts"
missing=""
while read -r o; do
	awk '/^\.Sh DESCRIPTION/ { on = 1; next } /^\.Sh / { on = 0 } on && /^\.It/' "$man" |
		grep -Eq "(^|[ ])Fl ${o#-}([ ,]|\$)" || missing="$missing $o"
done <"$tmp/opts"
[ -z "$missing" ]; ok $? "every global option is documented in DESCRIPTION" || echo "#   missing:$missing"

"$PLANNER" complete values config-keys | cut -f1 >"$tmp/keys"
[ "$(wc -l <"$tmp/keys")" -ge 10 ]; ok $? "planner lists its config keys"
# The keys the CONFIGURATION list names: the words after Cm in its .It (and .It Xo) headings,
# "Cm track , tag , keyword" naming three.
awk '/^\.Sh CONFIGURATION/ { on = 1; next } /^\.Sh / { on = 0 }
	on && /^\.It Xo/ { xo = 1 }
	on && (xo || /^\.It/) {
		for (i = 1; i <= NF; i++) {
			if ($i != "Cm" && $i != ".Cm") continue
			for (j = i + 1; j <= NF && $j !~ /^[A-Z][a-z]$/; j++) if ($j != ",") print $j
		}
	}
	/^\.Xc/ { xo = 0 }' "$man" >"$tmp/man-keys"
missing=""
while read -r k; do
	grep -qx -- "$k" "$tmp/man-keys" || missing="$missing $k"
	grep -q "^| \`$k" "$top/README.md" || missing="$missing README:$k"
done <"$tmp/keys"
[ -z "$missing" ]; ok $? "every config key is documented in CONFIGURATION and in README.md" ||
	echo "#   missing:$missing"

# The man page names the files planner really uses.
for f in '$XDG_CONFIG_HOME/planner/config' '$XDG_DATA_HOME/planner/'; do
	grep -qF "$f" "$man"; ok $? "FILES names $f"
done
grep -q '^\.It 78$' "$man"; ok $? "EXIT STATUS lists 78, a bad config file"
done_testing
