# Citadel front door. `make` builds, `make run` runs the demo, `make test`
# runs the whole suite (normal, ASan+UBSan and minimal-configuration builds),
# `make bench` compares with Mbed TLS and OpenSSL.

BUILD       ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_DEPS  := build-essential cmake python3 libssl-dev pkg-config
TEST_DEPS   := $(BUILD_DEPS) g++ valgrind
BENCH_DEPS  := $(BUILD_DEPS) libmbedtls-dev util-linux
CMAKE_FLAGS ?=

.PHONY: all deps run test test-release test-asan test-minimal build-o3 check-generated bench clean

all: $(BUILD)/release/Makefile
	@cmake --build $(BUILD)/release -j $(JOBS)

deps:
	@tools/deps.sh $(TEST_DEPS)

$(BUILD)/release/Makefile:
	@tools/deps.sh $(BUILD_DEPS)
	@cmake -S . -B $(BUILD)/release -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null

run: all
	@$(BUILD)/release/citadel_demo

test: deps check-generated test-release test-asan test-minimal build-o3
	@echo "All test configurations passed."

check-generated:
	@python3 tools/gen_identifier_table.py --check

test-release: all
	@echo "== ctest: release build (full configuration) =="
	@cd $(BUILD)/release && ctest --output-on-failure -j $(JOBS)

test-asan:
	@echo "== ctest: ASan+UBSan build (full configuration) =="
	@cmake -S . -B $(BUILD)/asan -DCMAKE_BUILD_TYPE=Debug -DCIT_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)/asan -j $(JOBS)
	@cd $(BUILD)/asan && ctest --output-on-failure -j $(JOBS)

test-minimal:
	@echo "== ctest: minimal configuration (SHA-256, HMAC, AES) =="
	@cmake -S . -B $(BUILD)/minimal -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCIT_CONFIG_FILE=$(CURDIR)/tests/configs/minimal.h >/dev/null
	@cmake --build $(BUILD)/minimal -j $(JOBS)
	@cd $(BUILD)/minimal && ctest --output-on-failure -j $(JOBS)

build-o3:
	@echo "== build: -O3 (CMAKE_BUILD_TYPE=Release), warnings as errors =="
	@cmake -S . -B $(BUILD)/o3 -DCMAKE_BUILD_TYPE=Release -DCIT_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)/o3 -j $(JOBS)

bench: all
	@tools/deps.sh $(BENCH_DEPS)
	@bench/run.sh $(BUILD)/release
	@echo "== secure storage: ITS set/get on both backends, persistent key open + first MAC =="
	@taskset -c 1 $(BUILD)/release/bench_storage 2>/dev/null || $(BUILD)/release/bench_storage

clean:
	rm -rf $(BUILD)
