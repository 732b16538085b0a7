# arkiv — top-level Makefile (GNU make).
# Each directory adds its sources through a Makefile.local fragment
# (notmuch's pattern); objects go to $(O)/ so that a sanitizer flavour
# (O=build-asan SANITIZE=1) can live beside the normal build.

PREFIX  ?= /usr/local
DESTDIR ?=
O       ?= build
SANITIZE ?=

CC  ?= cc
CXX ?= c++
PKG_CONFIG ?= pkg-config

# Recursive (=) so that pkg-config runs only when a recipe needs the flags:
# `make deps` must work on a machine that lacks the -dev packages.
PKGS = xapian-core glib-2.0 gio-2.0 gmodule-no-export-2.0 json-glib-1.0 poppler-glib libmagic
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lmagic
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check)

WARN = -Wall -Wextra -Werror
OPT  = -O2 -g
ifneq ($(SANITIZE),)
OPT  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDSAN = -fsanitize=address,undefined
endif

ARKIV_CPPFLAGS = -D_GNU_SOURCE -Ilib -Iindexer -Isearch
ALL_CFLAGS   = -std=c11 $(WARN) $(OPT) $(ARKIV_CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS)
ALL_CXXFLAGS = -std=c++17 $(WARN) $(OPT) $(ARKIV_CPPFLAGS) $(PKG_CFLAGS) $(CXXFLAGS)
ALL_LDFLAGS  = $(LDSAN) $(LDFLAGS)

ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all check check-slow demo install clean deps unit-tests cli-tests check-asan format
all:

include lib/Makefile.local
include indexer/Makefile.local
include answer/Makefile.local
include search/Makefile.local
include tests/Makefile.local
include docs/Makefile.local
include bench/Makefile.local
include web/Makefile.local
# After lib, indexer, answer and web: it reuses their source lists.
include fuzz/Makefile.local

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.cc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c $< -o $@

deps:
	$(Q)scripts/deps.sh

# `check` and `demo` first make sure the Debian packages are there, then
# re-enter make so that pkg-config sees them.
# The second pass builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer (LeakSanitizer included) and runs the unit
# and end-to-end tests again: any finding fails the run.
check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory unit-tests cli-tests web-tests shard-tests hostile-tests \
	    bench-smoke
	$(Q)$(MAKE) --no-print-directory O=build-asan SANITIZE=1 all
	$(Q)$(MAKE) --no-print-directory O=build-asan SANITIZE=1 unit-tests cli-tests web-tests \
	    hostile-tests

# Slower reliability tests (docs/reliability.md): crash safety, disk
# full, concurrent readers (tests/test_crash.sh), and each fuzzer for a
# short while. .ci/run runs it after `check`.
check-slow: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory crash-tests
	$(Q)$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)
CHECK_FUZZ_SECONDS ?= 20

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)O=$(O) scripts/demo.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/arkiv $(DESTDIR)$(PREFIX)/lib/cgi-bin
	install -m 755 $(O)/arkiv $(DESTDIR)$(PREFIX)/bin/arkiv
	install -m 755 $(O)/web/arkiv.cgi $(DESTDIR)$(PREFIX)/lib/cgi-bin/arkiv.cgi
	install -m 644 lib/arkiv.h $(DESTDIR)$(PREFIX)/include/arkiv.h
	install -m 644 $(O)/libarkiv.a $(DESTDIR)$(PREFIX)/lib/libarkiv.a
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 data/councils.ini data/minutes.ini data/people.ini data/firstnames.txt \
	    $(DESTDIR)$(PREFIX)/share/arkiv/
	install -m 644 web/lighttpd.conf.in web/static/arkiv.css $(DESTDIR)$(PREFIX)/share/arkiv/

format:
	clang-format -i $$(git ls-files '*.c' '*.cc' '*.h')

clean:
	rm -rf build build-asan arkiv.db tests/tmp

-include $(shell find $(O) -name '*.d' 2>/dev/null)
