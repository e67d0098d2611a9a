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

done_testing
