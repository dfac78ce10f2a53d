# Clerk — make targets. `make site` builds the example; `make test` runs the tests.
SWIFT ?= swift
CONTENT ?= Content
OUT ?= build
CLERK := .build/release/clerk

.PHONY: all build deps test site check bench format clean

all: build

## Installs the system libraries Clerk links against when they are missing
## (as root, with apt-get), or says exactly what to install.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing libcmark-gfm-dev (cmark-gfm, the markdown parser)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null; \
	  else \
	    echo "Clerk needs cmark-gfm. Install it with:"; \
	    echo "  sudo apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build -c release
	$(SWIFT) test

## Builds the example archive in Content/ and says where to look.
site: build
	$(CLERK) check $(CONTENT)

check: test site

format:
	@if command -v swift-format >/dev/null; then swift-format format -i -r Sources Tests; \
	else $(SWIFT) format -i -r Sources Tests; fi

clean:
	rm -rf .build $(OUT)
