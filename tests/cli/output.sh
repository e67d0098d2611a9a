#!/bin/sh
# The one output writer (fsutil.h: write_output) as both `print -o` and `export -o` use it: a new
# file follows the umask, an existing regular file is replaced (a new inode) and keeps its mode,
# a symbolic link stays a link and its target is written (created when missing), a FIFO and a
# device are written through and stay what they are (/dev/full fails with "No space left on
# device"), `-` is standard output, a directory is refused, a full disk leaves the old file whole
# with no temporary behind, and stale temporaries of the file are removed, live ones kept.
. "$(dirname "$0")/../lib.sh"
conf=$top/tests/data/export.json
mkdir -p "$tmp/wd"
cd "$tmp/wd" || exit 1

# out CMD FILE: planner -s CONF CMD --all -o FILE (print as text, whatever the name)
out() {
	case $1 in
	print) run -s "$conf" print --all -f text -o "$2" ;;
	export) run -s "$conf" export --all -o "$2" ;;
	esac
}
# same CMD FILE: FILE holds what CMD writes to standard output (the export's DTSTAMP aside)
"$PLANNER" -s "$conf" print --all -f text >"$tmp/ref.print" 2>/dev/null
"$PLANNER" -s "$conf" export --all -o - 2>/dev/null | grep -v '^DTSTAMP:' >"$tmp/ref.export"
same() {
	if [ "$1" = export ]; then
		grep -v '^DTSTAMP:' "$2" | cmp -s - "$tmp/ref.export"
	else
		cmp -s "$2" "$tmp/ref.print"
	fi
}
# mode FILE: its permission bits, octal; kind FILE: what it is
mode() { stat -c %a "$1"; }
kind() { stat -c %F "$1"; }
[ -s "$tmp/ref.print" ] && grep -q '^END:VCALENDAR' "$tmp/ref.export"
ok $? "the reference outputs are there"

for cmd in print export; do
	# a new file: 0666 less the umask, not a private 0600
	(umask 027 && out $cmd "new-$cmd")
	[ "$(mode "new-$cmd")" = 640 ] && same $cmd "new-$cmd"; ok $? "$cmd: a new file follows the umask (027: 640)"
	(umask 002 && out $cmd "new2-$cmd")
	[ "$(mode "new2-$cmd")" = 664 ]; ok $? "$cmd: a new file follows the umask (002: 664)"

	# an existing file: replaced whole (another inode), its mode kept
	echo old >"keep-$cmd" && chmod 604 "keep-$cmd"
	ino=$(stat -c %i "keep-$cmd")
	out $cmd "keep-$cmd"
	expect_rc 0 "$cmd: over an existing file"
	[ "$(mode "keep-$cmd")" = 604 ] && [ "$(kind "keep-$cmd")" = "regular file" ]
	ok $? "$cmd: the file keeps its mode 604" || ls -l "keep-$cmd" | sed 's/^/#   /'
	same $cmd "keep-$cmd" && [ "$(stat -c %i "keep-$cmd")" != "$ino" ]
	ok $? "$cmd: ... and is replaced by a new one with the whole output"

	# a symbolic link: stays a link, its target is replaced (keeping its mode)
	echo old >"target-$cmd" && chmod 640 "target-$cmd"
	ln -s "target-$cmd" "link-$cmd"
	out $cmd "link-$cmd"
	[ -L "link-$cmd" ] && [ "$(readlink "link-$cmd")" = "target-$cmd" ] && same $cmd "target-$cmd" &&
		[ "$(mode "target-$cmd")" = 640 ]
	ok $? "$cmd: a symbolic link stays a link, its target gets the output and keeps its mode"
	# a link to a link in another directory, and a link to nothing yet
	mkdir -p "sub-$cmd" && ln -s "../link-$cmd" "sub-$cmd/chain" && echo old >"target-$cmd"
	out $cmd "sub-$cmd/chain"
	[ -L "sub-$cmd/chain" ] && [ -L "link-$cmd" ] && same $cmd "target-$cmd"
	ok $? "$cmd: a chain of relative links is followed to the end"
	ln -s "made-$cmd" "dangling-$cmd"
	(umask 022 && out $cmd "dangling-$cmd")
	[ -L "dangling-$cmd" ] && [ "$(kind "made-$cmd")" = "regular file" ] && same $cmd "made-$cmd" &&
		[ "$(mode "made-$cmd")" = 644 ]
	ok $? "$cmd: a link to a missing file stays a link and the file is made"

	# a FIFO: written through, still a FIFO, the reader gets everything
	mkfifo "pipe-$cmd"
	timeout 20 cat "pipe-$cmd" >"from-pipe-$cmd" &
	reader=$!
	out $cmd "pipe-$cmd"
	expect_rc 0 "$cmd: into a FIFO"
	wait $reader
	[ "$(kind "pipe-$cmd")" = fifo ] && same $cmd "from-pipe-$cmd"
	ok $? "$cmd: the FIFO stays a FIFO and its reader got the whole output"

	# devices: written through, never replaced (as root, a rename over /dev/full would work)
	out $cmd /dev/full
	expect_rc 74 "$cmd: -o /dev/full fails"
	expect_err "planner: cannot write '/dev/full': No space left on device" "$cmd: ... saying why"
	[ "$(kind /dev/full)" = "character special file" ] && [ "$(stat -c %t,%T /dev/full)" = 1,7 ]
	ok $? "$cmd: /dev/full is still the character device 1,7"
	ls /dev | grep -q '^full\.tmp\.'; [ $? -ne 0 ]; ok $? "$cmd: ... with no temporary beside it"
	out $cmd /dev/null
	expect_rc 0 "$cmd: -o /dev/null"
	[ "$(kind /dev/null)" = "character special file" ]; ok $? "$cmd: /dev/null stays a device"

	# -: standard output, no file named "-"
	out $cmd -
	expect_rc 0 "$cmd: -o -"
	[ ! -e ./- ] && same $cmd "$tmp/out"; ok $? "$cmd: -o - writes the output to standard output, no file '-'"
	"$PLANNER" -s "$conf" $cmd --all -o - >/dev/full 2>"$tmp/err"
	rc=$?
	expect_rc 74 "$cmd: -o - into a full standard output"
	expect_err "planner: cannot write to standard output: No space left on device" "$cmd: ... says so"

	# a directory: refused
	mkdir "dir-$cmd"
	out $cmd "dir-$cmd"
	expect_rc 73 "$cmd: onto a directory"
	expect_err "planner: cannot write 'dir-$cmd': it is a directory" "$cmd: ... says so"
	[ -z "$(ls "dir-$cmd")" ]; ok $? "$cmd: ... and leaves it empty"

	# a full disk: the old file whole, its mode kept, nothing left behind
	echo "old $cmd" >"full-$cmd" && chmod 644 "full-$cmd"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" FAIL_WRITE_MATCH="full-$cmd.tmp" \
		LD_PRELOAD=$FAIL_WRITE_SO out $cmd "full-$cmd"
	expect_rc 74 "$cmd: on a full disk"
	expect_err "planner: cannot write 'full-$cmd': No space left on device" "$cmd: ... says why"
	[ "$(cat "full-$cmd")" = "old $cmd" ] && [ "$(mode "full-$cmd")" = 644 ]
	ok $? "$cmd: ... and the old file is whole"
	[ -z "$(ls | grep "^full-$cmd\\.tmp\\.")" ]; ok $? "$cmd: ... with no temporary left"

	# stale temporaries: those of a process that is gone are removed, a live one's kept
	sh -c 'exit 0' &
	dead=$!
	wait $dead
	: >"tmps-$cmd.tmp.$dead" && : >"tmps-$cmd.tmp.$$" && : >"other-$cmd.tmp.$dead"
	out $cmd "tmps-$cmd"
	[ ! -e "tmps-$cmd.tmp.$dead" ] && [ -e "tmps-$cmd.tmp.$$" ] && [ -e "other-$cmd.tmp.$dead" ]
	ok $? "$cmd: the file's temporary of a gone process is removed; a live one's and another file's stay"
done
done_testing
