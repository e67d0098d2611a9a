#!/bin/sh
# Installs what planner needs to build and test, from Debian's packages, when it can (as root, or
# with passwordless sudo); otherwise prints the exact apt-get line and fails.
#   tools/deps.sh          build and test dependencies
#   tools/deps.sh build    only what building needs
set -u

build="gcc make pkg-config libcurl4-openssl-dev libjansson-dev libical-dev libutf8proc-dev libexpat1-dev"
# planner print --format pdf|png: Pango on Cairo (headers at build time; the libraries are loaded
# when a PDF or PNG is drawn).
build="$build libcairo2-dev libpango1.0-dev"
test_pkgs="python3 valgrind mandoc man-db zsh fish openssl"
# planner print: a real browser for the HTML (pages, DOM, screenshots), CJK fonts for it, PDF
# tools, an XML parser for the SVG and a Markdown parser for the tables.
test_pkgs="$test_pkgs chromium fonts-noto-cjk poppler-utils libxml2-utils cmark-gfm"
# planner print -f svg as other programs draw it: rsvg-convert, and ImageMagick's own renderer.
test_pkgs="$test_pkgs librsvg2-bin imagemagick"
# planner export: real calendar programs that read the .ics (tests/cli/export.sh).
test_pkgs="$test_pkgs python3-icalendar khal calcurse"
# planner push: a real CalDAV server (tests/cli/push.sh).
test_pkgs="$test_pkgs radicale"
# make fuzz: clang with the libFuzzer and sanitizer runtimes, llvm for the symbolizer (stack
# traces with lines).
test_pkgs="$test_pkgs clang libclang-rt-14-dev llvm"
# tests/cli/hostile.sh: peak memory (/usr/bin/time) and the files a run opens (strace).
test_pkgs="$test_pkgs time strace"

case "${1:-all}" in
build) want=$build ;;
*) want="$build $test_pkgs" ;;
esac

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || status=""
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "planner: missing packages:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "planner: missing packages; run:" >&2
	echo "    sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "planner: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q $missing >/dev/null 2>&1; then
	# The package lists may be missing or stale on a new machine.
	$sudo apt-get update -q >/dev/null 2>&1
	if ! $sudo apt-get install -y -q $missing >/dev/null; then
		echo "planner: could not install:$missing; run:" >&2
		echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
		exit 1
	fi
fi
