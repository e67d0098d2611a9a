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
PKGS      = libcurl jansson libical libutf8proc expat pangocairo

WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wwrite-strings
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: src/store/fetch.c loads it (dlopen) when a command fetches, so that the
# other commands do not pay for loading it and the dozens of libraries it needs (~10 ms a start).
# Pango and Cairo are not linked either: src/output/print_cairo.c loads them when a PDF or PNG is
# drawn (or the SVG's text is measured); they and GLib, HarfBuzz, fontconfig and FreeType would
# cost every command ~3 ms at start-up.
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(filter-out libcurl pangocairo,$(PKGS)) 2>/dev/null)
DEFS      = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPLANNER_VERSION='"$(VERSION)"' \
            -DPLANNER_DATADIR='"$(DATADIR)"' -Iinclude
ALL_CFLAGS = $(CFLAGS) $(WARN) $(WERROR) $(DEFS) $(PKG_CFLAGS) $(CPPFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS      = $(PKG_LIBS) -ldl -lm

# Every build goes into its own folder: BUILD=build (the default; ./planner on top, as the README
# says), build/asan, build/coverage, build/fuzz.  Objects mirror src/ under $(BUILD)/obj, with
# their header dependencies (-MMD) beside them.
BUILD    ?= build
OBJDIR    = $(BUILD)/obj
BIN       = $(if $(filter build,$(BUILD)),planner,$(BUILD)/planner)

# The source tree by stage, lowest first (tests/tree/layers.sh checks that no file includes a
# header of a later stage): base, model, import, store, plan, output, cmd, then src/main.c.
LAYERS    = base model import store plan output cmd
SRCS     := $(sort $(wildcard $(LAYERS:%=src/%/*.c))) src/main.c
OBJS     := $(SRCS:src/%.c=$(OBJDIR)/%.o)
# Everything but main.c: what unit tests, fuzzers and benchmarks link (the command table too, which
# the config keys and the replay of saved preferences read).
LIBOBJS  := $(filter-out $(OBJDIR)/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRCS := $(sort $(wildcard tests/bench_*.c))
BENCH_BINS := $(BENCH_SRCS:tests/%.c=$(BUILD)/tests/%)
SH_TESTS  := $(sort $(wildcard tests/tree/*.sh tests/cli/*.sh))
FAIL_WRITE = build/fail_write.so

.PHONY: all deps demo check asan valgrind coverage bench fuzz fuzz-bins fuzz-run \
        install uninstall clean

all: $(BIN) $(if $(filter build,$(BUILD)),,$(BUILD)/schedules)

$(BIN): $(OBJS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LIBS)

# A variant's planner finds the bundled timetables beside itself, as ./planner does.
$(BUILD)/schedules:
	@mkdir -p $(@D)
	ln -sfn $(abspath schedules) $@

$(OBJDIR)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -MMD -MP $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

$(BUILD)/tests/bench_%: tests/bench_%.c $(LIBOBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d) $(BENCH_BINS:=.d)

# The tests `make check` runs: all of them, or T=NAME alone (a unit test, T=test_text, or a shell
# test, T=list for tests/cli/list.sh).
ifdef T
TESTS    := $(filter $(BUILD)/tests/$(T) tests/%/$(T).sh tests/%/$(T),$(UNIT_BINS) $(SH_TESTS))
else
TESTS    := $(UNIT_BINS) $(SH_TESTS)
endif
RUN_TESTS = PLANNER=$(abspath $(BIN)) FAIL_WRITE_SO=$(abspath $(FAIL_WRITE)) \
            TEST_OUT=$(BUILD)/test-out sh tests/run.sh

check: deps
	@[ -n "$(TESTS)" ] || { echo "planner: no test named '$(T)' (tests/unit/$(T).c, tests/*/$(T).sh)" >&2; exit 1; }
	@$(MAKE) --no-print-directory all $(filter $(BUILD)/tests/%,$(TESTS)) $(FAIL_WRITE)
	@$(RUN_TESTS) $(TESTS)

# A full disk for the tests (LD_PRELOAD), built without sanitizers whatever CFLAGS say.
$(FAIL_WRITE): tests/fail_write.c
	@mkdir -p $(@D)
	cc -shared -fPIC -O2 -Wall -o $@ tests/fail_write.c -ldl

# The variants: each the same Makefile with its own BUILD folder and flags.
# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
	$(MAKE) --no-print-directory check BUILD=build/asan WERROR=-Werror \
	  CFLAGS='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined'

# The whole suite under valgrind (the ordinary build): memory errors and leaks fail it.
valgrind: deps
	@$(MAKE) --no-print-directory all $(filter $(BUILD)/tests/%,$(TESTS)) $(FAIL_WRITE)
	@VALGRIND=1 $(RUN_TESTS) $(TESTS)

# Line coverage of src/ by the whole suite, a line per file and the total (tools/coverage.sh).
coverage: deps
	$(MAKE) --no-print-directory check BUILD=build/coverage CFLAGS='-O0 -g --coverage' \
	  LDFLAGS=--coverage
	@sh tools/coverage.sh build/coverage/obj

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
	@sh tools/demo-done.sh ./planner

# Fuzzing (tests/fuzz/README.md): one libFuzzer harness per importer (tests/fuzz/fuzz_importer.c,
# once per format) and one per other parser (tests/fuzz/fuzz_<parser>.c), built with clang from
# the normal sources into build/fuzz; fuzz-run runs each for FUZZ_SECONDS, seeded from the test
# data and tests/fuzz/seeds/<target>/, with the regression inputs of tests/fuzz/regressions/.
FUZZ_FORMATS = native frab c3voc2 pretalx sessionize xml ics
FUZZ_PARSERS = snapshot plan config multistatus share topics venue
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_BINS = $(FUZZ_FORMATS:%=$(BUILD)/fuzz_%) $(FUZZ_PARSERS:%=$(BUILD)/fuzz_%)

$(FUZZ_FORMATS:%=$(BUILD)/fuzz_%): $(BUILD)/fuzz_%: tests/fuzz/fuzz_importer.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -DFUZZ_FORMAT='"$*"' $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

$(FUZZ_PARSERS:%=$(BUILD)/fuzz_%): $(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(ALL_LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

fuzz-bins: $(FUZZ_BINS)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-bins BUILD=build/fuzz CC=clang \
	  CFLAGS='$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link' LDFLAGS='-fsanitize=address,undefined'
	@echo "built build/fuzz/fuzz_{$$(echo $(FUZZ_FORMATS) $(FUZZ_PARSERS) | tr ' ' ,)}"

fuzz-run: fuzz
	@for t in $(FUZZ_FORMATS) $(FUZZ_PARSERS); do \
	  case " $(FUZZ_PARSERS) " in *" $$t "*) seeds=tests/fuzz/seeds/$$t ;; \
	  *) seeds="tests/data/feeds tests/data/bad schedules $$(ls -d tests/fuzz/seeds/$$t 2>/dev/null)" ;; esac; \
	  mkdir -p build/fuzz/corpus/$$t tests/fuzz/regressions/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build/fuzz/crash-$$t- \
	    build/fuzz/corpus/$$t tests/fuzz/regressions/$$t $$seeds \
	    >build/fuzz/$$t.log 2>&1 \
	    || { tail -n 40 build/fuzz/$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' build/fuzz/$$t.log | tr '\n' ' '; echo; \
	done

# What install puts in $(DATADIR)/schedules, and uninstall takes away.
DATA_FILES = $(wildcard schedules/*.json) schedules/topics.txt

# $(BIN): the variant's program when a variant's tests install it (make asan on a fresh clone)
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/schedules
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/planner
	install -m 644 planner.1 $(DESTDIR)$(MANDIR)/planner.1
	install -m 644 $(DATA_FILES) $(DESTDIR)$(DATADIR)/schedules/
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completions/planner.bash $(DESTDIR)$(BASHCOMPDIR)/planner
	install -m 644 completions/_planner $(DESTDIR)$(ZSHCOMPDIR)/_planner
	install -m 644 completions/planner.fish $(DESTDIR)$(FISHCOMPDIR)/planner.fish

# Only what install put there: with PREFIX=$HOME/.local, $(DATADIR) is ~/.local/share/planner,
# where your plans are kept too (XDG_DATA_HOME), and they stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/planner $(DESTDIR)$(MANDIR)/planner.1
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/schedules/,$(notdir $(DATA_FILES)))
	rmdir $(DESTDIR)$(DATADIR)/schedules $(DESTDIR)$(DATADIR) 2>/dev/null || :
	rm -f $(DESTDIR)$(BASHCOMPDIR)/planner $(DESTDIR)$(ZSHCOMPDIR)/_planner $(DESTDIR)$(FISHCOMPDIR)/planner.fish

clean:
	rm -rf planner build tests/out
