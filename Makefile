# Polity: the two set-up commands are `make localnet` and `make test`.
BUILD_DIR ?= $(CURDIR)/build
BIN       := $(BUILD_DIR)/polityd
GO        ?= go
LDFLAGS   := -X github.com/cosmos/cosmos-sdk/version.Name=polity \
             -X github.com/cosmos/cosmos-sdk/version.AppName=polityd \
             -X github.com/cosmos/cosmos-sdk/version.Version=$(shell git describe --tags --always --dirty 2>/dev/null || echo dev) \
             -X github.com/cosmos/cosmos-sdk/version.Commit=$(shell git rev-parse HEAD 2>/dev/null)
export POLITYD_BIN := $(BIN)

# SECP256K1=libsecp256k1 builds the SDK's optional cgo signature check
# (bitcoin-core's libsecp256k1, compiled from the SDK's sources; needs gcc and
# the static C library), statically linked like the default build. It
# verifies a signature in about 50 us against 125 us and commits about 11%
# more votes per second under load (docs/benchmarks.md). The default stays
# pure Go: any host builds it, and the same commit builds the same binary,
# which operators compare before an upgrade (docs/decisions.md).
SECP256K1 ?= go
ifeq ($(SECP256K1),libsecp256k1)
BUILD_ENV   := CGO_ENABLED=1
BUILD_FLAGS := -tags libsecp256k1_sdk,netgo,osusergo
LDFLAGS     += -X github.com/cosmos/cosmos-sdk/version.BuildTags=libsecp256k1_sdk,netgo,osusergo \
               -linkmode external -extldflags -static
else ifeq ($(SECP256K1),go)
BUILD_ENV   := CGO_ENABLED=0
BUILD_FLAGS :=
else
$(error SECP256K1 must be go or libsecp256k1, not $(SECP256K1))
endif

.PHONY: all build install localnet localnet-multi localnet-docker demo test test-unit cover e2e bench loadtest sim proto-gen proto-check proto-tools docker-image clean

all: build

build:
	$(BUILD_ENV) $(GO) build -trimpath $(BUILD_FLAGS) -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/polityd

install:
	$(BUILD_ENV) $(GO) install -trimpath $(BUILD_FLAGS) -ldflags '$(LDFLAGS)' ./cmd/polityd

# One validator with the default constitution, in the foreground (KEEP=1 keeps the chain).
localnet: build
	BIN=$(BIN) scripts/localnet.sh

# The POLICY story (proposal, comment, advice, Board answer, ratification),
# then an independent review and an Empowered Community veto, against a
# running `make localnet`.
demo:
	BIN=$(BIN) scripts/demo-governance.sh

# Four validators from four communities on 127.0.0.1, in the foreground.
localnet-multi: build
	BIN=$(BIN) scripts/localnet-multi.sh

# Every test: unit, keeper, end-to-end against real nodes, docker fault tests.
test: build
	$(GO) test -count=1 -timeout 40m ./...
	POLITY_SECP256K1=libsecp256k1 CGO_ENABLED=1 $(GO) test -count=1 -tags libsecp256k1_sdk ./internal/secp256k1compat/

test-unit:
	$(GO) test -count=1 -short ./...

# The unit and keeper tests with coverage: per-package statement coverage, and
# a failure if any x/*/keeper package is below 80% (scripts/cover.sh).
cover:
	GO=$(GO) COVER_OUT=$(BUILD_DIR)/cover.out scripts/cover.sh

e2e: build
	$(GO) test -count=1 -timeout 40m ./e2e/...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./x/... ./benchmarks/...

# The load benchmark (not part of make test): Polity against the stock SDK
# node of $$STOCK_BENCH_DIR (default ../shared/bench), alternated run by run;
# table, Polity/stock ratios and build/loadtest.csv. docs/benchmarks.md.
# LOADTEST_FLAGS passes options, e.g. LOADTEST_FLAGS='-d 60s -runs 3 -profile'.
loadtest: build
	$(GO) run ./cmd/polity-load -polityd $(BIN) $(LOADTEST_FLAGS)

# The long simulation: SIM_SEEDS seeds of SIM_BLOCKS blocks of about
# SIM_BLOCK_SIZE random operations, every invariant checked after every block.
sim:
	SIM_LONG=1 $(GO) test -count=1 -timeout 2h -run 'TestAppSimulationLong' -v ./app/

proto-tools:
	$(GO) install github.com/bufbuild/buf/cmd/buf@v1.75.0
	$(GO) install github.com/cosmos/gogoproto/protoc-gen-gocosmos@v1.7.2
	$(GO) install github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway@v1.16.0
	$(GO) install github.com/grpc-ecosystem/grpc-gateway/protoc-gen-swagger@v1.16.0

# Regenerates x/*/types/*.pb.go, *.pb.gw.go and docs/openapi/openapi.yaml.
proto-gen:
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" GO=$(GO) scripts/protocgen.sh

# Fails if the committed generated code or OpenAPI document differ from what
# proto/ generates (needs make proto-tools). `make test` checks the OpenAPI
# document against the gateway routes without the tools (docs/openapi).
proto-check: proto-gen
	git diff --exit-code -- x docs/openapi

# The FROM-scratch image, and the four-validator docker-compose network (docker/README.md).
docker-image: build
	docker/testnet.sh image

localnet-docker: build
	docker/testnet.sh up

clean:
	rm -rf $(BUILD_DIR)
