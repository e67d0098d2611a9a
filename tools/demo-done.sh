#!/bin/sh
# The end of `make demo`: where the planner just built is, and how to have `planner`, as the
# README's examples type it, on the PATH (make install PREFIX=$HOME/.local).  tests/cli/readme.sh
# checks that it offers the install the README's first lines name.
#   tools/demo-done.sh PLANNER
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
echo
echo "planner is built: $bin (run it here as ./planner)."
echo "The README's examples type 'planner'; to have it on your PATH, install it for you:"
echo
echo '    make install PREFIX=$HOME/.local'
echo
echo "puts it in ~/.local/bin, with its timetables in ~/.local/share/planner, the man page and"
echo "the shell completions (make uninstall PREFIX=\$HOME/.local takes them away)."
case ":$PATH:" in
*":$HOME/.local/bin:"* | *":$HOME/.local/bin/:"*) ;;
*) echo "~/.local/bin is not on your PATH yet: add it, e.g. export PATH=\"\$HOME/.local/bin:\$PATH\"" ;;
esac
