# fish completion for planner (installed as .../fish/vendor_completions.d/planner.fish).
#
# The candidates come from planner itself: `planner complete line fish WORD...` prints a directive
# line (":", ":files" or ":nospace") and then VALUE<TAB>DESCRIPTION lines for the token under the
# cursor.  It reads the cached or bundled timetable only, never the network.

function __planner_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l prog $tokens[1]
    if not string match -q -- '*/*' $prog; or not test -x $prog
        set prog planner
    end
    set -l out (command $prog complete line fish $tokens[2..-1] $cur 2>/dev/null)
    or return
    test (count $out) -ge 1; or return
    if test (count $out) -ge 2
        printf '%s\n' $out[2..-1]
    end
    if test "$out[1]" = ":files"
        __fish_complete_path $cur
    end
end

complete -c planner -f -k -a '(__planner_complete)'
