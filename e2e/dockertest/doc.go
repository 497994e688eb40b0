// Package dockertest holds the multi-host fault tests of Polity's four-validator
// network in its docker-compose variant (docker/docker-compose.yml, started by
// docker/testnet.sh from the static polityd in a FROM-scratch image): a
// partition, a lost node, and a double-sign by a twin container on one
// validator's key, recorded and acted on.
//
// The tests need a Docker engine and docker compose (v2 plugin or v1
// docker-compose); without them they are skipped, unless POLITY_REQUIRE_DOCKER=1
// turns the skip into a failure (for CI). They are skipped under -short. They
// use the binary at $POLITYD_BIN (the Makefile exports it), else
// ../../build/polityd, which must be static (`make build`, CGO_ENABLED=0).
// They query the nodes at their container IPs when reachable, else (or with
// POLITY_DOCKERTEST_EXEC=1) through `docker exec <node> polityd ...`.
//
//	make build && go test -count=1 -v ./e2e/dockertest/
package dockertest
