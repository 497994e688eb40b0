#!/usr/bin/env bash
# make localnet-multi: four validators from four communities (ops, dev, fin,
# users; power 10 each, so each holds 25% < 1/3) on 127.0.0.1, in the
# foreground, with the power cap in force (bootstrap mode off).
#
# Node i lives in $LOCALNET_HOME/node<i> and listens on the default ports plus
# 100*i: node 0 has RPC 26657, REST 1317, gRPC 9090, P2P 26656; node 1 has
# RPC 26757, REST 1417, gRPC 9190, P2P 26756; and so on. Node 0's output goes
# to the terminal, the others' to $LOCALNET_HOME/node<i>.log. The default
# constitution's keys are in node 0's test keyring.
#
# Ctrl-C (or SIGTERM) stops every node. Every run starts a fresh chain unless
# KEEP=1 is set and the chain already exists. PORT_OFFSET=n moves every port
# up by n (the end-to-end test uses it to stay off the default ports).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-./build/polityd}
HOME_DIR=${LOCALNET_HOME:-$HOME/.polity-localnet-multi}
CHAIN_ID=${CHAIN_ID:-polity-local-1}
KEEP=${KEEP:-0}
export PORT_OFFSET=${PORT_OFFSET:-0}
COMMUNITIES=(ops dev fin users)
N=${#COMMUNITIES[@]}

home() { echo "$HOME_DIR/node$1"; }

exists=1
for i in $(seq 0 $((N - 1))); do
  [ -f "$(home "$i")/config/genesis.json" ] || exists=0
done

if [ "$KEEP" = 1 ] && [ "$exists" = 1 ]; then
  echo "Keeping the existing chain in $HOME_DIR"
else
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR"
  validators=()
  for i in $(seq 0 $((N - 1))); do
    "$BIN" init "node$i" --chain-id "$CHAIN_ID" --home "$(home "$i")" --default-denom upolity >/dev/null 2>&1
    # As on a real network: each operator hands over only its public key.
    "$BIN" comet show-validator --home "$(home "$i")" > "$HOME_DIR/node$i.pubkey.json"
    validators+=(--validator "${COMMUNITIES[$i]},node$i,$HOME_DIR/node$i.pubkey.json,10")
  done
  # The shipped dev constitution, with these four validators in place of its
  # one and the power cap in force; its windows are today's defaults.
  "$BIN" genesis constitution --example dev --output "$HOME_DIR/constitution.yaml"
  echo "Constitution $HOME_DIR/constitution.yaml; named keys in the test keyring of $(home 0):"
  "$BIN" genesis constitution --file "$HOME_DIR/constitution.yaml" --bootstrap=false \
    --voting-period 30s --comment-period 10s --ec-period 20s --forum-period 10s --advice-period 60s --review-period 60s \
    --home "$(home 0)" --keyring-backend test "${validators[@]}"
  for i in $(seq 1 $((N - 1))); do
    cp "$(home 0)/config/genesis.json" "$(home "$i")/config/genesis.json"
  done
  ids=()
  for i in $(seq 0 $((N - 1))); do
    ids+=("$("$BIN" comet show-node-id --home "$(home "$i")")")
  done
  for i in $(seq 0 $((N - 1))); do
    peers=()
    for j in $(seq 0 $((N - 1))); do
      [ "$i" = "$j" ] || peers+=("${ids[$j]}@127.0.0.1:$((26656 + 100 * j + PORT_OFFSET))")
    done
    scripts/configure-node.sh "$(home "$i")" "$CHAIN_ID" "$i" "$(IFS=,; echo "${peers[*]}")"
  done
fi

pids=() names=()
stopped=0
stop_all() {
  [ "$stopped" = 1 ] && return
  stopped=1
  trap - INT TERM
  local running=()
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && running+=("$pid")
  done
  [ ${#running[@]} -gt 0 ] || return 0
  echo
  echo "Stopping ${#running[@]} nodes (pids ${running[*]})..."
  for pid in "${running[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${running[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "All nodes stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

for i in $(seq 1 $((N - 1))); do
  "$BIN" start --home "$(home "$i")" >>"$HOME_DIR/node$i.log" 2>&1 &
  pids+=($!) names+=("node$i")
done
"$BIN" start --home "$(home 0)" &
pids+=($!) names+=(node0)
# the decisions explorer against node0 (docs/explorer.md), stopped with the nodes
EXPLORER_LISTEN=${EXPLORER_LISTEN:-127.0.0.1:$((8080 + PORT_OFFSET))}
"$BIN" explorer --node "tcp://127.0.0.1:$((26657 + PORT_OFFSET))" --rest "http://127.0.0.1:$((1317 + PORT_OFFSET))" \
  --listen "$EXPLORER_LISTEN" >>"$HOME_DIR/explorer.log" 2>&1 &
pids+=($!) names+=(explorer)

cat <<EOT

Polity localnet-multi ($CHAIN_ID): $N validators (${COMMUNITIES[*]}), bootstrap off.
EOT
for i in $(seq 0 $((N - 1))); do
  o=$((100 * i + PORT_OFFSET))
  where="log $HOME_DIR/node$i.log"
  [ "$i" = 0 ] && where="output below"
  echo "  node$i REST http://127.0.0.1:$((1317 + o))  RPC http://127.0.0.1:$((26657 + o))  gRPC 127.0.0.1:$((9090 + o))  ($where)"
done
echo "  explorer http://$EXPLORER_LISTEN  (log $HOME_DIR/explorer.log)"
cat <<EOT
Act as any role at once, e.g.:
  export POLITYD_HOME=$(home 0)
  $BIN query community validators
Ctrl-C stops every node.

EOT

# Run until every node has exited, reporting each one that stops on its own
# (the others keep running). A trapped signal interrupts wait and stops all.
alive=("${!pids[@]}")
while [ ${#alive[@]} -gt 0 ]; do
  running=()
  for k in "${alive[@]}"; do
    running+=("${pids[$k]}")
  done
  wait -n "${running[@]}" || true
  still=()
  for k in "${alive[@]}"; do
    if kill -0 "${pids[$k]}" 2>/dev/null; then
      still+=("$k")
    else
      echo "localnet-multi: ${names[$k]} (pid ${pids[$k]}) has exited; the other nodes keep running." >&2
    fi
  done
  alive=("${still[@]}")
done
