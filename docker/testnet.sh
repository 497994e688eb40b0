#!/usr/bin/env bash
# docker/testnet.sh up|down|status|image
#
# The docker-compose variant of the four-validator network (see
# docker/README.md). `up` builds the FROM-scratch image around the static
# polityd, prepares the four homes on this host with the real polityd (init,
# `genesis constitution` with validators from ops, dev, fin and users at power
# 10 each, bootstrap mode off, config), creates the compose project on a
# private /24 bridge network with fixed IPs, copies each home into its node's
# volume and starts the nodes. `down` removes containers, network, volumes,
# the image and the prepared homes.
#
# Environment:
#   POLITYD_BIN           static polityd (default: <repo>/build/polityd, `make build`)
#   COMPOSE_PROJECT_NAME  compose project, prefix of container/network names (default polity-testnet)
#   POLITY_IMAGE          image tag (default polityd-scratch:<project>)
#   POLITY_NET            first three octets of the subnet, e.g. 10.213.7
#                         (default: a random free 10.x.y.0/24)
#   TESTNET_DIR           where homes are prepared (default ${TMPDIR:-/tmp}/<project>)
#   CHAIN_ID              default polity-local-1
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

BIN=${POLITYD_BIN:-$repo/build/polityd}
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-polity-testnet}
export POLITY_IMAGE=${POLITY_IMAGE:-polityd-scratch:$COMPOSE_PROJECT_NAME}
DIR=${TESTNET_DIR:-${TMPDIR:-/tmp}/$COMPOSE_PROJECT_NAME}
CHAIN_ID=${CHAIN_ID:-polity-local-1}
COMMUNITIES=(ops dev fin users)
N=${#COMMUNITIES[@]}

log() { echo "testnet: $*" >&2; }
die() { echo "testnet: error: $*" >&2; exit 1; }

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$here/docker-compose.yml" -p "$COMPOSE_PROJECT_NAME" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$here/docker-compose.yml" -p "$COMPOSE_PROJECT_NAME" "$@"
  else
    die "neither 'docker compose' nor 'docker-compose' is installed"
  fi
}

container() { echo "$COMPOSE_PROJECT_NAME-node$1"; }

build_image() {
  [ -x "$BIN" ] || die "polityd not found at $BIN (run 'make build' or set POLITYD_BIN)"
  local ctx="$DIR/image"
  rm -rf "$ctx"
  mkdir -p "$ctx/rootfs/tmp" "$ctx/rootfs/polity"
  chmod 1777 "$ctx/rootfs/tmp"
  cp "$here/Dockerfile" "$ctx/Dockerfile"
  ln -f "$BIN" "$ctx/polityd" 2>/dev/null || cp "$BIN" "$ctx/polityd"
  log "building image $POLITY_IMAGE (FROM scratch + $BIN)"
  docker build -q -t "$POLITY_IMAGE" "$ctx" >/dev/null 2>"$ctx/build.log" ||
    { cat "$ctx/build.log" >&2; die "docker build failed"; }
  rm -rf "$ctx"
  docker run --rm --network none "$POLITY_IMAGE" version >/dev/null 2>&1 ||
    die "$BIN does not run in a FROM-scratch image: it must be static (CGO_ENABLED=0, as 'make build' does)"
}

set_toml() { # file section key value: set key in [section] ("" = top level)
  local f=$1 sec=$2 key=$3 val=$4
  if [ -z "$sec" ]; then
    sed -i "0,/^\[/ s#^$key = .*#$key = $val#" "$f"
  else
    sed -i "/^\[$sec\]/,/^\[/ s#^$key = .*#$key = $val#" "$f"
  fi
  grep -q "^$key = $val\$" "$f" || die "could not set $key in $f"
}

prepare_homes() {
  local h i
  rm -rf "$DIR/homes"
  mkdir -p "$DIR/homes"
  local vals=()
  for ((i = 0; i < N; i++)); do
    h="$DIR/homes/node$i"
    "$BIN" init "node$i" --chain-id "$CHAIN_ID" --home "$h" --default-denom upolity >/dev/null 2>&1 ||
      die "polityd init node$i failed"
    vals+=(--validator "${COMMUNITIES[$i]},node$i,$h,10")
  done
  "$BIN" genesis constitution --home "$DIR/homes/node0" --keyring-backend test "${vals[@]}" \
    >"$DIR/keys.txt" 2>"$DIR/constitution.log" ||
    { cat "$DIR/constitution.log" >&2; die "polityd genesis constitution failed"; }
  for ((i = 1; i < N; i++)); do
    cp "$DIR/homes/node0/config/genesis.json" "$DIR/homes/node$i/config/genesis.json"
  done
  for ((i = 0; i < N; i++)); do
    h="$DIR/homes/node$i"
    local cfg="$h/config/config.toml" app="$h/config/app.toml"
    set_toml "$cfg" rpc laddr '"tcp://0.0.0.0:26657"'
    set_toml "$cfg" p2p laddr '"tcp://0.0.0.0:26656"'
    set_toml "$cfg" p2p addr_book_strict false
    set_toml "$cfg" p2p allow_duplicate_ip true
    set_toml "$cfg" consensus timeout_commit '"500ms"'
    set_toml "$cfg" consensus timeout_propose '"1s"'
    set_toml "$cfg" mempool reap_interval '"100ms"' # relay well within a 500ms block
    set_toml "$cfg" rpc pprof_laddr '""'
    set_toml "$app" api enable true
    set_toml "$app" api address '"tcp://0.0.0.0:1317"'
    set_toml "$app" api enabled-unsafe-cors true
    set_toml "$app" grpc address '"0.0.0.0:9090"'
    set_toml "$app" "" minimum-gas-prices '"0upolity"'
    cat >"$h/config/client.toml" <<EOT
chain-id = "$CHAIN_ID"
keyring-backend = "test"
keyring-default-keyname = ""
output = "text"
node = "tcp://127.0.0.1:26657"
broadcast-mode = "sync"
grpc-address = ""
grpc-insecure = false
EOT
  done
}

set_peers() { # POLITY_NET must be set
  local i j peers id
  local ids=()
  for ((i = 0; i < N; i++)); do
    ids+=("$("$BIN" comet show-node-id --home "$DIR/homes/node$i")")
  done
  for ((i = 0; i < N; i++)); do
    peers=""
    for ((j = 0; j < N; j++)); do
      [ "$i" = "$j" ] && continue
      peers+="${peers:+,}${ids[$j]}@$POLITY_NET.$((10 + j)):26656"
    done
    set_toml "$DIR/homes/node$i/config/config.toml" p2p persistent_peers "\"$peers\""
  done
}

create_project() { # creates network, volumes and containers on a free subnet
  local fixed=${POLITY_NET:-} attempt out
  for attempt in 1 2 3 4 5 6 7 8; do
    export POLITY_NET=${fixed:-10.$((200 + RANDOM % 50)).$((RANDOM % 256))}
    if out=$(compose up --no-start 2>&1); then
      return 0
    fi
    compose down -v --remove-orphans >/dev/null 2>&1 || true
    if [ -z "$fixed" ] && grep -qiE 'overlap|in use|conflict' <<<"$out"; then
      log "subnet $POLITY_NET.0/24 not free, trying another"
      continue
    fi
    echo "$out" >&2
    die "docker compose up --no-start failed"
  done
  die "no free 10.x.y.0/24 subnet found (set POLITY_NET)"
}

up() {
  command -v docker >/dev/null || die "docker is not installed"
  docker info >/dev/null 2>&1 || die "the Docker engine is not reachable (docker info failed)"
  mkdir -p "$DIR"
  build_image
  prepare_homes
  create_project
  set_peers
  echo "POLITY_NET=$POLITY_NET" >"$DIR/env"
  local i
  for ((i = 0; i < N; i++)); do
    docker cp "$DIR/homes/node$i/." "$(container "$i"):/polity" >/dev/null
  done
  compose start >/dev/null 2>&1 || { compose start; die "docker compose start failed"; }
  cat <<EOT
Polity docker testnet "$COMPOSE_PROJECT_NAME" ($CHAIN_ID) is starting.
  nodes:    $(for ((i = 0; i < N; i++)); do printf '%s (%s, %s.%d)  ' "$(container "$i")" "${COMMUNITIES[$i]}" "$POLITY_NET" $((10 + i)); done)
  network:  $COMPOSE_PROJECT_NAME-net ($POLITY_NET.0/24), image $POLITY_IMAGE
  homes:    $DIR/homes (keys of every role in node0's test keyring: $DIR/keys.txt)
  status:   COMPOSE_PROJECT_NAME=$COMPOSE_PROJECT_NAME $0 status
            docker exec $(container 0) polityd status
            docker exec $(container 0) polityd query community validators
  RPC/REST: http://$POLITY_NET.10:26657  http://$POLITY_NET.10:1317 (from a Linux host)
  logs:     docker logs -f $(container 0)
  stop:     COMPOSE_PROJECT_NAME=$COMPOSE_PROJECT_NAME $0 down
EOT
}

down() {
  # The subnet only matters for parsing the compose file here.
  export POLITY_NET=${POLITY_NET:-10.255.255}
  compose down -v --remove-orphans --timeout 10 || true
  # Whatever compose did not remove (e.g. after a failed `up`), by label.
  local p="label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" ids
  ids=$(docker ps -aq --filter "$p"); [ -z "$ids" ] || docker rm -f $ids >/dev/null || true
  ids=$(docker network ls -q --filter "$p"); [ -z "$ids" ] || docker network rm $ids >/dev/null || true
  ids=$(docker volume ls -q --filter "$p"); [ -z "$ids" ] || docker volume rm -f $ids >/dev/null || true
  docker rmi -f "$POLITY_IMAGE" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

status() {
  local i out
  for ((i = 0; i < N; i++)); do
    if out=$(docker exec "$(container "$i")" polityd status 2>&1); then
      printf '%s height %s app_hash %s\n' "$(container "$i")" \
        "$(grep -o '"latest_block_height":"[0-9]*"' <<<"$out" | cut -d'"' -f4)" \
        "$(grep -o '"latest_app_hash":"[0-9A-Fa-f]*"' <<<"$out" | cut -d'"' -f4)"
    else
      printf '%s down: %s\n' "$(container "$i")" "$(tail -n1 <<<"$out")"
    fi
  done
}

case "${1:-}" in
up) up ;;
down) down ;;
status) status ;;
image) mkdir -p "$DIR" && build_image && log "built $POLITY_IMAGE" ;;
*) die "usage: $0 up|down|status|image" ;;
esac
