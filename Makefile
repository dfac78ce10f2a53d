# Clerk — make targets. `make site` builds the example; `make test` runs the tests.
SWIFT ?= swift
CONTENT ?= Content
OUT ?= build
CLERK := .build/release/clerk

.PHONY: all build deps pdf-setup search-setup test-setup test site pdf check check-site bench profile fuzz format clean

all: build

## Installs the system libraries Clerk links against, and poppler-utils (the
## audit reads PDF text with pdftotext), when they are missing (as root, with
## apt-get), or says exactly what to install.
deps:
	@if ! pkg-config --exists libcmark-gfm jemalloc zlib 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ] \
	    || [ ! -x /usr/bin/pdftotext ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing libcmark-gfm-dev (cmark-gfm, the markdown parser), libjemalloc-dev (the allocator), zlib1g-dev (zlib, which the audit reads the search index with) and poppler-utils (pdftotext, which the audit reads PDFs with)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev zlib1g-dev pkg-config poppler-utils >/dev/null; \
	  else \
	    echo "Clerk needs cmark-gfm, jemalloc, zlib and pdftotext. Install them with:"; \
	    echo "  sudo apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev zlib1g-dev pkg-config poppler-utils"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

## WeasyPrint (PyPI 70.0) in .venv-pdf, with the fonts and libraries it needs,
## and the engine script as .venv-pdf/bin/clerk-weasyprint.
pdf-setup:
	bash tools/pdf-setup.sh

## Pagefind (PyPI 1.5.2, extended) in .venv-search: the site's search index.
search-setup:
	bash tools/search-setup.sh

## The real parsers the tests check outputs with (feed reader, calendar
## parser, JSON Schema validator) in .venv-test.
test-setup:
	bash tools/venv-setup.sh .venv-test tools/requirements-test.txt 'import feedparser, icalendar, jsonschema'

test: deps pdf-setup search-setup test-setup
	$(SWIFT) build -c release
	CLERK_REQUIRE_PDF=1 CLERK_REQUIRE_SEARCH=1 $(SWIFT) test

## Builds the example archive in Content/ and says where to look.
site: build pdf-setup search-setup
	$(CLERK) build $(CONTENT) --out $(OUT)
	@echo "Open $(OUT)/public/index.html (public site) or $(OUT)/non-public/index.html (members and officers)."

## The example's agenda packs as PDF (part of `make site`).
pdf: site

## Builds the example, then checks every page with axe-core in headless
## Chromium (WCAG 2.2 AA) and the Nu HTML checker: 0 violations, 0 errors;
## and searches both trees over HTTP in the browser (public finds public
## text and never exempt text; non-public finds both).
check-site: site
	bash tools/check-site-setup.sh
	.venv-tools/bin/python tools/check_site.py $(OUT)/public $(OUT)/non-public

## Everything CI runs: the test suite and the site checks.
check: test check-site

## The speed figures of the full, no-op and one-item rebuilds (medium) and the large build, each beside its target (PRESETS=medium for a quick run).
bench: build
	PRESETS="$(or $(PRESETS),medium large)" bash tools/bench.sh

## Where a full build of the medium bench archive spends its CPU, by part (perf).
profile: build
	bash tools/profile.sh

## Fuzzes ItemText.read and the markdown parser (libFuzzer + ASan) for FUZZ_SECONDS each; see Fuzz/run.sh.
fuzz: deps
	SWIFT=$(SWIFT) bash Fuzz/run.sh $(or $(FUZZ_SECONDS),60)

format:
	@if command -v swift-format >/dev/null; then swift-format format -i -r Sources Tests; \
	else $(SWIFT) format -i -r Sources Tests; fi

clean:
	rm -rf .build $(OUT)
