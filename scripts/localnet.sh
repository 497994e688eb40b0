#!/usr/bin/env bash
# make localnet: one validator on 127.0.0.1 with the dev constitution file, in
# the foreground. Ctrl-C stops it. Every run starts a fresh chain unless
# KEEP=1 is set and a chain already exists in $LOCALNET_HOME.
#
# A single node is a single validator, which cannot meet the 1/3 power cap, so
# this chain runs in bootstrap mode (visible in `polityd q community params`).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-./build/polityd}
HOME_DIR=${LOCALNET_HOME:-$HOME/.polity-localnet}
CHAIN_ID=${CHAIN_ID:-polity-local-1}
KEEP=${KEEP:-0}

if [ "$KEEP" = 1 ] && [ -f "$HOME_DIR/config/genesis.json" ]; then
  echo "Keeping the existing chain in $HOME_DIR"
else
  rm -rf "$HOME_DIR"
  "$BIN" init node0 --chain-id "$CHAIN_ID" --home "$HOME_DIR" --default-denom upolity >/dev/null 2>&1
  # The chain's constitution is the shipped dev example (polityd genesis
  # constitution --example dev): today's default constitution with periods
  # for trying every flow by hand and for scripts/demo-governance.sh, long
  # where one must act inside them (votes and motions conclude as soon as
  # they are decided, Empowered Community actions as soon as their outcome is
  # certain, so a long period costs no waiting), short where one waits them
  # out (public comment, the community forum, the challenge window).
  # e2e/demo_test.go uses the same. CONSTITUTION=path starts from another file.
  CONSTITUTION=${CONSTITUTION:-}
  if [ -z "$CONSTITUTION" ]; then
    CONSTITUTION="$HOME_DIR/constitution.yaml"
    "$BIN" genesis constitution --example dev --output "$CONSTITUTION"
  fi
  echo "Constitution $CONSTITUTION; named keys in the test keyring of $HOME_DIR:"
  "$BIN" genesis constitution --file "$CONSTITUTION" --home "$HOME_DIR" --keyring-backend test
  scripts/configure-node.sh "$HOME_DIR" "$CHAIN_ID" 0
fi

cat <<EOT

Polity localnet ($CHAIN_ID): REST http://127.0.0.1:1317  RPC http://127.0.0.1:26657  gRPC 127.0.0.1:9090
Act as any role at once, e.g.:
  export POLITYD_HOME=$HOME_DIR
  $BIN query community communities
  $BIN tx community submit-motion dev motion.json --from dev-chair
Ctrl-C stops the node.

EOT
# the decisions explorer (docs/explorer.md), stopped with the node
EXPLORER_LISTEN=${EXPLORER_LISTEN:-127.0.0.1:8080}
"$BIN" explorer --node tcp://127.0.0.1:26657 --rest http://127.0.0.1:1317 --listen "$EXPLORER_LISTEN" \
  >>"$HOME_DIR/explorer.log" 2>&1 &
EXPLORER_PID=$!
echo "Decisions explorer: http://$EXPLORER_LISTEN (log $HOME_DIR/explorer.log)"
"$BIN" start --home "$HOME_DIR" &
NODE_PID=$!
stop() {
  trap - INT TERM
  kill -TERM "$NODE_PID" 2>/dev/null || true
  wait "$NODE_PID" 2>/dev/null || true
  kill -TERM "$EXPLORER_PID" 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
wait "$NODE_PID" || true
kill -TERM "$EXPLORER_PID" 2>/dev/null || true
