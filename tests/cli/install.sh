#!/bin/sh
# make install / uninstall with PREFIX and DESTDIR: the binary, the man page, the bundled
# timetables with the topic list and the completions land where they belong, the installed binary
# finds its timetables and topics, and uninstall removes everything it put there.
. "$(dirname "$0")/../lib.sh"
root=$tmp/root
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$top" "$@" >"$tmp/make.out" 2>&1; }

mk install DESTDIR="$root" PREFIX=/usr
ok $? "make install DESTDIR=... PREFIX=/usr" || sed 's/^/#   /' "$tmp/make.out"
for f in usr/bin/planner usr/share/man/man1/planner.1 usr/share/planner/schedules/pyconkr-2024.json \
	usr/share/planner/schedules/pyconkr-2014.json usr/share/planner/schedules/topics.txt \
	usr/share/bash-completion/completions/planner \
	usr/share/zsh/site-functions/_planner usr/share/fish/vendor_completions.d/planner.fish; do
	[ -f "$root/$f" ]; ok $? "installs /$f"
done
[ -x "$root/usr/bin/planner" ]; ok $? "the installed binary is executable"

# The installed binary, run from elsewhere, finds PREFIX/share/planner/schedules.
(cd "$tmp" && "$root/usr/bin/planner" -s pyconkr-2014 days >"$tmp/out" 2>"$tmp/err"); rc=$?
expect_rc 0 "the installed planner runs from another directory"
expect_out_match "^1  2014-08-30 Sat  26$" "and finds the installed bundled timetables"
(cd "$tmp" && "$root/usr/bin/planner" -s pyconkr-2014 list --track asyncio >"$tmp/out" 2>"$tmp/err"); rc=$?
expect_rc 0 "the installed planner searches a topic"
expect_out_match " p3 .*Gevent" "with the installed topic list (asyncio finds the Gevent talk)"
MANPAGER=cat man -l "$root/usr/share/man/man1/planner.1" >"$tmp/out" 2>/dev/null
expect_out_match "personal conference schedule planner" "the installed man page renders"

mk uninstall DESTDIR="$root" PREFIX=/usr
ok $? "make uninstall"
left=$(find "$root" -type f | wc -l)
[ "$left" -eq 0 ]; ok $? "uninstall removes every installed file ($left left)"

# PREFIX=$HOME/.local, as make demo offers it: the planner on PATH is the installed one and
# runs, and its timetables share ~/.local/share/planner with your plans (XDG_DATA_HOME), which
# uninstall leaves alone.
home=$tmp/home
mk install PREFIX="$home/.local"
ok $? "make install PREFIX=\$HOME/.local" || sed 's/^/#   /' "$tmp/make.out"
[ "$(cd "$tmp" && PATH="$home/.local/bin:/usr/bin:/bin" command -v planner)" = "$home/.local/bin/planner" ]
ok $? "planner on PATH is ~/.local/bin/planner"
(cd "$tmp" && PATH="$home/.local/bin:/usr/bin:/bin" XDG_DATA_HOME="$home/.local/share" planner add F7MWSF) >"$tmp/out" 2>"$tmp/err"; rc=$?
expect_rc 0 "it runs from elsewhere and keeps a plan in ~/.local/share/planner"
[ -f "$home/.local/share/planner/pyconkr-2024.plan.json" ] && [ -f "$home/.local/share/planner/schedules/pyconkr-2024.json" ]
ok $? "the plan beside the installed timetables"
mk uninstall PREFIX="$home/.local"
ok $? "make uninstall PREFIX=\$HOME/.local" || sed 's/^/#   /' "$tmp/make.out"
[ -f "$home/.local/share/planner/pyconkr-2024.plan.json" ] && [ ! -e "$home/.local/share/planner/schedules" ] &&
	[ ! -e "$home/.local/bin/planner" ]
ok $? "uninstall removes the installed files and leaves your plan"
[ "$(find "$home" -type f | grep -v '/planner/pyconkr-2024\.plan' | wc -l)" -eq 0 ]
ok $? "nothing else is left" || find "$home" -type f | sed 's/^/#   /'

done_testing
