#!/usr/bin/env bash
# Regenerates the committed Go code from proto/ with buf and local plugins only:
# the buf schema registry is never contacted (third-party protos live in
# third_party/proto). Needs buf, protoc-gen-gocosmos and protoc-gen-grpc-gateway
# on PATH (make proto-tools installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf .gen
buf generate --template buf.gen.gogo.yaml --path proto/polity
cp -r .gen/github.com/polity-chain/polity/* ./
rm -rf .gen
