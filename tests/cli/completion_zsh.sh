#!/bin/sh
# The zsh completion (completions/_planner): its function run with `words` and CURRENT set and
# compadd recording what it is given (every command and option planner has, from `planner
# complete`, i.e. the real tables; live values with descriptions), then real interactive zsh
# (zpty, compinit) completing a few lines end to end.
. "$(dirname "$0")/../lib.sh"
export HOME="$tmp/home" PATH="$(dirname "$PLANNER"):$PATH"
mkdir -p "$HOME" "$tmp/cwd" && cd "$tmp/cwd" || exit 1
: >talks.json

# The harness: compadd prints each match with its display string and whether a suffix was
# suppressed (-S ''); _files prints a marker.
cat >"$tmp/harness.zsh" <<'EOF'
compadd() {
	local -a vals disp
	local nosuffix=0
	while (( $# )); do
		case $1 in
		-S) [[ -z $2 ]] && nosuffix=1; shift 2 ;;
		-V|-J|-X) shift 2 ;;
		-d) disp=("${(@P)2}"); shift 2 ;;
		-a) shift; vals=("${(@P)1}"); shift ;;
		-l) shift ;;
		*) shift ;;
		esac
	done
	local i
	for (( i = 1; i <= ${#vals}; i++ )); do
		print -r -- "${vals[i]}	${disp[i]}	$nosuffix"
	done
}
_files() { print -r -- "<files>"; }
fpath=("$1" $fpath)
autoload -Uz _planner
shift
words=("$@")
CURRENT=$#
_planner
EOF
# zcomp WORD...: completes the last word of "planner WORD..."; "VALUE<TAB>DISPLAY<TAB>NOSUFFIX"
# a line in $tmp/out, the values alone in $tmp/values.
zcomp() {
	zsh -f "$tmp/harness.zsh" "$top/completions" planner "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	cut -f1 "$tmp/out" >"$tmp/values"
}
has() { grep -Fxq -- "$1" "$tmp/values"; }
expect_values() { # expect_values DESCRIPTION VALUE...: exactly these, in this order
	d=$1
	shift
	printf '%s\n' "$@" | diff - "$tmp/values" >"$tmp/diff"; ok $? "$d" || sed 's/^/#   /' "$tmp/diff" | head -10
}

"$PLANNER" complete commands | cut -f1 >"$tmp/commands"
zcomp ""
expect_rc 0 "_planner at the command position"
diff "$tmp/commands" "$tmp/values" >"$tmp/diff"; ok $? "planner <TAB> offers exactly the commands" ||
	sed 's/^/#   /' "$tmp/diff" | head
grep -q '^list	list -- list sessions, filtered' "$tmp/out"; ok $? "commands are shown with their summaries"

missing=""
while read -r cmd; do
	"$PLANNER" complete options "$cmd" | cut -f1 | grep '^--' >"$tmp/opts"
	zcomp "$cmd" --
	while read -r o; do
		has "$o" || missing="$missing $cmd:$o"
	done <"$tmp/opts"
	extra=$(grep -vxFf "$tmp/opts" "$tmp/values")
	[ -z "$extra" ] || missing="$missing $cmd:extra:$extra"
done <"$tmp/commands"
[ -z "$missing" ]; ok $? "planner CMD -<TAB> offers every option of every command, and only those" ||
	echo "#   missing:$missing"

zcomp pick --tag ""
has "웹 서비스" && has "오픈소스 / 커뮤니티"; ok $? "--tag offers the Korean tags unescaped (compadd quotes them)"
grep -q '^웹 서비스	웹 서비스 -- tag, 8 sessions	0$' "$tmp/out"; ok $? "a tag is shown with its session count"
zcomp -s pyconkr-2014 pick --track ""
expect_values "-s chooses the timetable whose tracks are offered" \
	"데이터 / 바이오 파이썬" "파이썬 일반" "파이썬 응용" "라이트닝 토크"
zcomp pick --avoid ""
grep -q '^8JXYDH	8JXYDH -- Sat 13:00 컨벤션 홀 2 — 『S』SDLC' "$tmp/out"
ok $? "session ids are shown with day, time, room and title"
zcomp list --day=""
expect_values "--day=<TAB> completes in the same word" --day=1 --day=2 --day=2024-10-26 --day=2024-10-27
zcomp pick --weight ""
grep -q '^speaker=	.*	1$' "$tmp/out"; ok $? "--weight KIND= leaves no space after the '='"
zcomp -s ""
has pyconkr-2014 && has "<files>"; ok $? "-s offers timetable names and files"
zcomp list --search ""
[ ! -s "$tmp/out" ]; ok $? "--search (free text) offers nothing"

# Real zsh: compinit finds _planner on $fpath (#compdef) and completes the line; a widget bound
# to ^X writes the edited line to a file.
cat >"$tmp/zpty.zsh" <<'EOF'
zmodload zsh/zpty || exit 2
out=$1 fp=$2
shift 2
zpty -b z 'LC_ALL=C.UTF-8 zsh -f -i'
zpty -w z "PS1='%% '; fpath=($fp \$fpath); autoload -Uz compinit; compinit -u -D; bindkey -e"
zpty -w z "dump() { print -r -- \"\$BUFFER\" >>| $out; BUFFER=; }; zle -N dump; bindkey '^X' dump"
for line in "$@"; do
	zpty -w -n z "$line"$'\t\C-x'
done
for (( i = 0; i < 600; i++ )); do
	[[ -f $out && $(wc -l <$out) -ge $# ]] && break
	sleep 0.1
	while zpty -r -t z chunk; do :; done
done
zpty -d z
EOF
zsh -f "$tmp/zpty.zsh" "$tmp/lines" "$top/completions" \
	"planner pick --trav" "planner list --tag 웹" "planner -s pyconkr-2014 list --room 젬" \
	"planner help confl" >"$tmp/zpty.log" 2>&1
printf '%s\n' "planner pick --travel " "planner list --tag 웹\\ 서비스 " \
	"planner -s pyconkr-2014 list --room 젬마홀\\ B107 " "planner help conflicts " |
	diff - "$tmp/lines" >"$tmp/diff" 2>&1
ok $? "interactive zsh completes options, Korean tags and rooms, and commands" ||
	sed 's/^/#   /' "$tmp/diff" | head -12
done_testing
