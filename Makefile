# twlab — `make run` starts the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libedit-dev pkg-config tmux iproute2 perl python3
LESSONS := $(CURDIR)/Lessons

.PHONY: all deps build run test lint bench clean

all: build

# Installs the system packages the build and the tests need (Debian). Nothing happens when all are there.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	@$(CURDIR)/.build/release/twlab --lessons $(LESSONS)

lint: build
	$(CURDIR)/.build/release/twlab lint $(LESSONS)

test: deps
	$(SWIFT) build --build-tests
	$(CURDIR)/.build/debug/twlab lint $(LESSONS)
	$(SWIFT) test --skip-build

bench: build
	@bash Tests/bench/bench.sh

clean:
	rm -rf .build
