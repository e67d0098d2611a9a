# bash completion for planner (installed as .../bash-completion/completions/planner).
#
# The candidates come from planner itself: `planner complete line bash WORD...` prints a directive
# line (":", ":files" or ":nospace") and the candidates for the last word, already escaped for
# bash.  It reads the cached or bundled timetable only, never the network.

_planner()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} directive line i
	local -a words=()

	# bash splits "--day=2" at '=' (COMP_WORDBREAKS): "--day = 2" is completed as "--day 2".
	for ((i = 1; i < COMP_CWORD; i++)); do
		[[ ${COMP_WORDS[i]} == "=" ]] && continue
		words+=("${COMP_WORDS[i]}")
	done
	[[ $cur == "=" ]] && cur=""
	words+=("$cur")

	# The planner being completed when it is named by a path, else the one on $PATH.
	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	if [[ $prog != */* || ! -x $prog ]]; then
		prog=planner
	fi

	COMPREPLY=()
	{
		IFS= read -r directive || return 0
		while IFS= read -r line; do
			# a prefix match on what was typed, as bash would do it
			[[ $line == "$cur"* ]] && COMPREPLY+=("$line")
		done
	} < <(command "$prog" complete line bash "${words[@]}" 2>/dev/null)

	case $directive in
	:files)
		local f
		while IFS= read -r f; do
			COMPREPLY+=("$f")
		done < <(compgen -f -- "$cur")
		compopt -o filenames 2>/dev/null
		;;
	:nospace)
		compopt -o nospace 2>/dev/null
		;;
	esac
	return 0
}

complete -F _planner planner
