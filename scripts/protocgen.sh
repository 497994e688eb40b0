#!/usr/bin/env bash
# Regenerates the committed Go code and OpenAPI document from proto/ with buf
# and local plugins only: the buf schema registry is never contacted
# (third-party protos live in third_party/proto). Needs buf,
# protoc-gen-gocosmos, protoc-gen-grpc-gateway and protoc-gen-swagger on PATH
# (make proto-tools installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf .gen
buf generate --template buf.gen.gogo.yaml --path proto/polity
cp -r .gen/github.com/polity-chain/polity/* ./
rm -rf .gen

# OpenAPI: Polity's protos and the Cosmos SDK services the node's REST server
# also serves (app/services.go RegisterAPIRoutes), one merged document that
# polityd embeds and serves at /openapi.yaml and /swagger/.
rm -rf .gen-openapi
buf generate --template buf.gen.openapi.yaml --path proto/polity \
  --path third_party/proto/cosmos/auth/v1beta1/query.proto \
  --path third_party/proto/cosmos/bank/v1beta1/query.proto \
  --path third_party/proto/cosmos/bank/v1beta1/tx.proto \
  --path third_party/proto/cosmos/consensus/v1/query.proto \
  --path third_party/proto/cosmos/upgrade/v1beta1/query.proto \
  --path third_party/proto/cosmos/tx/v1beta1/service.proto \
  --path third_party/proto/cosmos/base/tendermint/v1beta1/query.proto \
  --path third_party/proto/cosmos/base/node/v1beta1/query.proto
${GO:-go} run ./scripts/openapi-merge .gen-openapi docs/openapi/openapi.yaml
rm -rf .gen-openapi

# The JSON Schema of a constitution file's params overrides follows the
# modules' Params protos (docs/constitution.params.schema.json).
${GO:-go} test ./app/constitution/file -run TestParamsSchemaMatchesProto -count=1 -args -update-params-schema >/dev/null
