# planner — a personal conference schedule planner for the terminal.
# Plain make: `make` builds ./planner, `make check` runs every test, `make demo` the main job.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/planner
MANDIR   ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

CC       ?= cc
CFLAGS   ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS      = libcurl jansson libical libutf8proc

WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wwrite-strings
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: src/fetch.c loads it (dlopen) when a command fetches, so that the other
# commands do not pay for loading it and the dozens of libraries it needs (~10 ms a start).
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS) $(WARN) $(WERROR) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DPLANNER_VERSION='"$(VERSION)"' -DPLANNER_DATADIR='"$(DATADIR)"' \
             -Iinclude $(PKG_CFLAGS) $(CPPFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS      = $(PKG_LIBS) -ldl -lm

SRCS     := $(sort $(wildcard src/*.c))
OBJS     := $(SRCS:.c=.o)
# The modules below the cli: what unit tests, fuzzers and benchmarks link.
LIBOBJS  := $(filter-out src/main.o src/cli.o src/cmd_%.o,$(OBJS))
HDRS     := $(wildcard include/*.h)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:.c=)
BENCH_SRCS := $(sort $(wildcard tests/bench_*.c))
BENCH_BINS := $(BENCH_SRCS:.c=)

.PHONY: all deps demo check check-unit check-cli asan valgrind bench fuzz fuzz-run install uninstall clean

all: planner

planner: $(OBJS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LIBS)

src/%.o: src/%.c $(HDRS)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The loaders' private header (src/import.h).
src/load.o src/import.o $(patsubst %.c,%.o,$(wildcard src/import_*.c)): src/import.h
# The print module's private header.
src/print.o $(patsubst %.c,%.o,$(wildcard src/print_*.c)): src/print_int.h

tests/unit/%: tests/unit/%.c tests/unit/tap.h tests/unit/rng.h $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

tests/bench_%: tests/bench_%.c tests/unit/rng.h $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

# Speed and memory targets: prints figures (tests/bench_*.c programs, then tests/bench_*.sh).
bench: all $(BENCH_BINS)
	@for b in $(BENCH_BINS); do ./$$b || exit 1; done
	@for s in tests/bench_*.sh; do [ ! -e "$$s" ] || sh "$$s" || exit 1; done

# Installs missing build and test dependencies with apt-get when it can; otherwise prints the
# exact command and fails.
deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	./planner pick --track asyncio --no-save

# Fuzzing (tests/fuzz/README.md): one libFuzzer harness per importer (tests/fuzz/fuzz_importer.c,
# once per format) and one per other parser (tests/fuzz/fuzz_<parser>.c), built with clang from
# the normal sources into build/fuzz; fuzz-run runs each for FUZZ_SECONDS, seeded from the test
# data and tests/fuzz/seeds/<target>/, with the regression inputs of tests/fuzz/regressions/.
FUZZ_FORMATS = native frab c3voc2 pretalx sessionize ics
FUZZ_PARSERS = snapshot plan config
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_DEFS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPLANNER_VERSION='"$(VERSION)"' \
            -DPLANNER_DATADIR='"$(DATADIR)"' -Iinclude

fuzz: deps
	@mkdir -p build/fuzz/obj
	@for f in $(patsubst src/%.o,%,$(LIBOBJS)); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(WARN) $(FUZZ_DEFS) $(PKG_CFLAGS) \
	    -c -o build/fuzz/obj/$$f.o src/$$f.c || exit 1; \
	done
	@for fmt in $(FUZZ_FORMATS); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(WARN) $(FUZZ_DEFS) -DFUZZ_FORMAT="\"$$fmt\"" \
	    -o build/fuzz/fuzz_$$fmt tests/fuzz/fuzz_importer.c build/fuzz/obj/*.o $(LIBS) || exit 1; \
	done
	@for p in $(FUZZ_PARSERS); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(WARN) $(FUZZ_DEFS) \
	    -o build/fuzz/fuzz_$$p tests/fuzz/fuzz_$$p.c build/fuzz/obj/*.o $(LIBS) || exit 1; \
	done
	@echo "built build/fuzz/fuzz_{$$(echo $(FUZZ_FORMATS) $(FUZZ_PARSERS) | tr ' ' ,)}"

fuzz-run: fuzz
	@for t in $(FUZZ_FORMATS) $(FUZZ_PARSERS); do \
	  case " $(FUZZ_PARSERS) " in *" $$t "*) seeds=tests/fuzz/seeds/$$t ;; \
	  *) seeds="tests/data/feeds tests/data/bad schedules" ;; esac; \
	  mkdir -p build/fuzz/corpus/$$t tests/fuzz/regressions/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/crash-$$t- \
	    build/fuzz/corpus/$$t tests/fuzz/regressions/$$t $$seeds \
	    >build/fuzz/$$t.log 2>&1 \
	    || { tail -n 40 build/fuzz/$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' build/fuzz/$$t.log | tr '\n' ' '; echo; \
	done

# A full disk for the tests (LD_PRELOAD), built without sanitizers whatever CFLAGS say.
tests/fail_write.so: tests/fail_write.c
	$(CC) -shared -fPIC -O2 -Wall -o $@ tests/fail_write.c -ldl

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS) tests/fail_write.so
	@sh tests/run.sh $(UNIT_BINS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in a separate build tree
# so that ordinary objects are not mixed with instrumented ones.
asan: deps
	@rm -rf build/asan && mkdir -p build/asan
	@git ls-files -co --exclude-standard | grep -v '^build/' | cpio -pdm --quiet build/asan 2>/dev/null || \
	  tar cf - --exclude=./build . | (cd build/asan && tar xf -)
	@$(MAKE) --no-print-directory -C build/asan clean
	$(MAKE) --no-print-directory -C build/asan check \
	  CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined' WERROR=-Werror

# The whole suite under valgrind: memory errors and leaks fail it.
valgrind: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS) tests/fail_write.so
	@VALGRIND=1 sh tests/run.sh $(UNIT_BINS)

install: planner
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/schedules
	install -m 755 planner $(DESTDIR)$(BINDIR)/planner
	install -m 644 planner.1 $(DESTDIR)$(MANDIR)/planner.1
	install -m 644 schedules/*.json $(DESTDIR)$(DATADIR)/schedules/
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completions/planner.bash $(DESTDIR)$(BASHCOMPDIR)/planner
	install -m 644 completions/_planner $(DESTDIR)$(ZSHCOMPDIR)/_planner
	install -m 644 completions/planner.fish $(DESTDIR)$(FISHCOMPDIR)/planner.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/planner $(DESTDIR)$(MANDIR)/planner.1
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(BASHCOMPDIR)/planner $(DESTDIR)$(ZSHCOMPDIR)/_planner $(DESTDIR)$(FISHCOMPDIR)/planner.fish

clean:
	rm -f planner src/*.o $(UNIT_BINS) $(BENCH_BINS) tests/fail_write.so
	rm -rf build tests/out
