# Targets a newcomer can guess. `make run` serves the atlas on the embedded
# default data; `make test` runs every test, as CI does.

DB ?= mhatlas.db
ADDR ?= 127.0.0.1:8080
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: run build test test-go lint assets assets-check bench clean

run: build
	./bin/mhatlas serve --addr $(ADDR) --db $(DB)

build:
	go build -ldflags "-X main.version=$(VERSION)" -o bin/mhatlas ./cmd/mhatlas

# The whole suite: formatting and vet, the front-end assets against their
# lockfile, then every Go test (real SQLite, real HTTP, headless Chromium).
test: lint assets-check test-go

test-go:
	MHATLAS_REQUIRE_BROWSER=$${MHATLAS_REQUIRE_BROWSER-1} go test -count=1 ./...

lint:
	@test -z "$$(gofmt -l cmd internal data)" || (gofmt -l cmd internal data; echo "gofmt needed"; exit 1)
	go vet ./...

# Front-end libraries come from npm (web/package-lock.json) and are copied
# into internal/web/static/vendor, which is committed so that building the
# binary needs no Node.
assets:
	cd web && npm ci --no-audit --no-fund && npm run build

assets-check:
	cd web && npm ci --no-audit --no-fund && npm run check

bench:
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin test-artifacts
