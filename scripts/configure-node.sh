#!/usr/bin/env bash
# configure-node.sh HOME CHAIN_ID INDEX [PEERS]
# Sets a local node's ports (node INDEX uses the default ports plus 100*INDEX,
# plus $PORT_OFFSET if set, all on 127.0.0.1), its persistent PEERS
# (comma-separated id@host:port), a sub-second block time (with the app-side
# mempool relaying to peers every 100ms, a fifth of it), the REST API with
# CORS, and a client.toml so that CLI commands need no extra flags.
set -euo pipefail
home=$1 chain_id=$2 i=$3 peers=${4:-}
off=$((i * 100 + ${PORT_OFFSET:-0}))
cfg="$home/config/config.toml" app="$home/config/app.toml"

sed -i \
  -e "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$((26657 + off))\"#" \
  -e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$((26656 + off))\"#" \
  -e "s#^proxy_app = .*#proxy_app = \"tcp://127.0.0.1:$((26658 + off))\"#" \
  -e "s#^pprof_laddr = .*#pprof_laddr = \"\"#" \
  -e "s#^prometheus_listen_addr = .*#prometheus_listen_addr = \"127.0.0.1:$((26660 + off))\"#" \
  -e "s#^timeout_commit = .*#timeout_commit = \"500ms\"#" \
  -e "s#^timeout_propose = .*#timeout_propose = \"1s\"#" \
  -e "s#^reap_interval = .*#reap_interval = \"100ms\"#" \
  -e "s#^persistent_peers = .*#persistent_peers = \"$peers\"#" \
  -e "s#^addr_book_strict = .*#addr_book_strict = false#" \
  -e "s#^allow_duplicate_ip = .*#allow_duplicate_ip = true#" \
  "$cfg"

sed -i \
  -e "/^\[api\]/,/^\[/ s#^enable = .*#enable = true#" \
  -e "/^\[api\]/,/^\[/ s#^address = .*#address = \"tcp://127.0.0.1:$((1317 + off))\"#" \
  -e "/^\[api\]/,/^\[/ s#^enabled-unsafe-cors = .*#enabled-unsafe-cors = true#" \
  -e "/^\[grpc\]/,/^\[/ s#^address = .*#address = \"127.0.0.1:$((9090 + off))\"#" \
  -e "s#^minimum-gas-prices = .*#minimum-gas-prices = \"0upolity\"#" \
  "$app"

cat > "$home/config/client.toml" <<EOT
chain-id = "$chain_id"
keyring-backend = "test"
keyring-default-keyname = ""
output = "text"
node = "tcp://127.0.0.1:$((26657 + off))"
broadcast-mode = "sync"
grpc-address = ""
grpc-insecure = false
EOT
