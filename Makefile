# twlab — `make run` starts the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# libedit-dev and pkg-config to build; tmux for the terminal tests; iproute2 (ss), util-linux
# (unshare, runuser, setpriv), perl (prove), python3 with PyYAML and tcpdump (reads the labs' pcap
# files) as independent tools the tests compare against; graphviz (dot) and asciinema to check
# exported diagrams and recordings. `make bench` also times with hyperfine and compares with jq.
APT_PACKAGES := libedit-dev pkg-config tmux iproute2 util-linux perl python3 python3-yaml graphviz asciinema tcpdump
BENCH_PACKAGES := hyperfine jq
LESSONS := $(CURDIR)/Lessons

.PHONY: all deps bench-deps install-packages build run test lint bench fuzz clean

all: build

# Installs the Debian packages the build and the tests need: apt-get update, then install only those
# missing. `dpkg -s` alone is not enough: a removed package keeps a "config-files" status.
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(APT_PACKAGES)"
	@pkg-config --exists libedit || { echo "pkg-config cannot find libedit: install libedit-dev." >&2; exit 1; }

bench-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"

install-packages:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "twlab needs the Swift 6 toolchain: install it from https://swift.org/install and put 'swift' on PATH." >&2; exit 1; }
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing (apt-get)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || \
	  { echo "Could not install$$missing. Install them by hand (apt-get install$$missing) and run make again." >&2; exit 1; }; \
	fi

# The Swift runtime and Foundation are linked in statically: the shell then starts in about half the
# time (no large shared libraries to load and relocate), well under Python's start-up.
# The static Foundation archive makes the linker print a warning about glibc's mktemp (in Foundation's
# own code, not twlab's); that one line is filtered out, every other line and the exit status are kept.
build: deps
	@set -o pipefail; $(SWIFT) build -c release --static-swift-stdlib 2>&1 \
	  | grep -v "warning: the use of \`mktemp' is dangerous"

run: build
	@$(CURDIR)/.build/release/twlab --lessons $(LESSONS)

lint: build
	$(CURDIR)/.build/release/twlab lint $(LESSONS)

test: deps
	$(SWIFT) build --build-tests
	$(CURDIR)/.build/debug/twlab lint $(LESSONS)
	$(SWIFT) test --skip-build

# The benchmarks time the release build a learner runs. The simulator's speed is read through the
# `_sim-bench` testing aid, which only a second release build with TWLAB_TESTING_AIDS has.
bench: bench-deps build
	@set -o pipefail; $(SWIFT) build -c release --static-swift-stdlib -Xswiftc -DTWLAB_TESTING_AIDS \
	  --scratch-path $(CURDIR)/.build-aids 2>&1 | grep -v "warning: the use of \`mktemp' is dangerous"
	@TWLAB_AIDS=$(CURDIR)/.build-aids/release/twlab bash Tests/bench/bench.sh

# Mutation fuzzing of every parser (not part of `make test`): FUZZ_SECONDS per target (default 60).
# Stops at the first trap, hang (> 5 s) or run above 512 MiB, with the reproducer saved in
# Tests/fuzz/findings/. See Tests/fuzz/fuzz.py.
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-tests
	python3 Tests/fuzz/fuzz.py --binary $(CURDIR)/.build/debug/twlab --seconds $(FUZZ_SECONDS) \
	  --proc-runner "$(SWIFT) test --skip-build --filter ProcNetTCPFuzzReplayTests"

clean:
	rm -rf .build .build-aids
