# Entropy Lab — a thin door to meson.
#   make run     install what is missing, build, open the window
#   make check   install what is missing, build, run every test (each window test
#                brings its own Xvfb and D-Bus session and stops them however it ends)

BUILD   ?= _build
MESON   ?= meson
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian/Ubuntu packages the build and the tests need.
BUILD_DEPS = meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-dev-bin \
             libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcairo2-dev libpango1.0-dev \
             libpng-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libimagequant-dev libgif-dev \
             gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly \
             gstreamer1.0-plugins-bad
TEST_DEPS  = xvfb xauth xdotool dbus dbus-x11 at-spi2-core python3 python3-mpmath \
             python3-numpy python3-matplotlib python3-sklearn python3-gi python3-pyatspi \
             gir1.2-atspi-2.0 desktop-file-utils appstream clang imagemagick ffmpeg python3-pil poppler-utils \
             openbox x11-utils

.PHONY: all deps test-deps build run check bench clean install

all: build

deps:
	@./tests/install-deps.sh $(BUILD_DEPS)

test-deps:
	@./tests/install-deps.sh $(BUILD_DEPS) $(TEST_DEPS)

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=debugoptimized

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

# Only the window and what it needs, not the tests and fuzzers.
run: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD) entropy-lab gsettings-compile-data
	./$(BUILD)/src/app/entropy-lab

bench: build
	./$(BUILD)/tests/bench/elab-bench
	/usr/bin/python3 tests/bench/export_bench.py ./$(BUILD)/src/cli/entropy-lab-cli

install: build
	$(MESON) install -C $(BUILD)

# The window journeys start their own Xvfb and D-Bus session (tests/app/e2e/
# session.py); the in-process widget tests use the one given here. The
# command-line tests unset DISPLAY to prove they need none.
check: test-deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)
	@status=0; \
	dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" \
	  $(MESON) test -C $(BUILD) --print-errorlogs --num-processes 2 || status=$$?; \
	/usr/bin/python3 tests/summary.py $(BUILD)/meson-logs/testlog.json || status=1; \
	exit $$status

clean:
	rm -rf $(BUILD)
