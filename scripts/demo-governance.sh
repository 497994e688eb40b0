#!/usr/bin/env bash
# demo-governance.sh: Polity's bottom-up pipeline in about a minute, against
# the chain `make localnet` runs (start it first, in another terminal).
#
#   1. the developers' supporting community (dev) proposes a POLICY, by motion
#   2. an account with no role posts a public comment (the open door)
#   3. the governments' advisory community (gov) gives consensus advice, by motion
#   4. the public comment period ends; the Board votes, but cannot conclude
#      while the advice is unanswered
#   5. the Board answers the advice by a RESOLUTION, ratified at once
#   6. the policy proposal is RATIFIED and dev's policy has a new version
#
# Every command is printed before it runs, then its outcome and the records it
# changed. The script exits non-zero if any step does not turn out as shown.
#
# Environment:
#   LOCALNET_HOME  the localnet's home, whose test keyring holds every role's key
#                  (default ~/.polity-localnet, as `make localnet`)
#   POLITYD_NODE   the node's CometBFT RPC (default: the node in
#                  $LOCALNET_HOME/config/client.toml; make localnet: tcp://127.0.0.1:26657)
#   BIN            the polityd binary (default build/polityd, else polityd on PATH)
#   CHAIN_ID       the chain id (default: client.toml's)
set -euo pipefail

HOME_DIR=${LOCALNET_HOME:-$HOME/.polity-localnet}
NODE=${POLITYD_NODE:-}
CHAIN=${CHAIN_ID:-}
if [ -z "${BIN:-}" ]; then
  BIN="$(cd "$(dirname "$0")/.." && pwd)/build/polityd"
  [ -x "$BIN" ] || BIN=$(command -v polityd || true)
fi

die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
[ -n "$BIN" ] && [ -x "$BIN" ] || die "no polityd binary: run \`make build\` or set BIN"
command -v jq >/dev/null || die "this demo needs jq (1.6 or later)"
[ -d "$HOME_DIR/keyring-test" ] || die "no test keyring in $HOME_DIR: start the chain with \`make localnet\` or set LOCALNET_HOME"
HOME_DIR=$(cd "$HOME_DIR" && pwd)
case $BIN in /*) ;; *) BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN") ;; esac

if [ -t 1 ]; then
  B=$'\e[1m' D=$'\e[2m' G=$'\e[32m' C=$'\e[36m' Y=$'\e[33m' R=$'\e[0m'
else
  B='' D='' G='' C='' Y='' R=''
fi

QFLAGS=(--home "$HOME_DIR" --output json)
TXFLAGS=(--home "$HOME_DIR" --keyring-backend test --gas 2000000 --yes --output json)
[ -n "$NODE" ] && QFLAGS+=(--node "$NODE") && TXFLAGS+=(--node "$NODE")
[ -n "$CHAIN" ] && TXFLAGS+=(--chain-id "$CHAIN")

# the proposal files are written to, and named from, a scratch directory
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
START=$SECONDS
STEP=0

step() {
  STEP=$((STEP + 1))
  printf '\n%s== %d. %s ==%s\n' "$B" "$STEP" "$1" "$R"
  shift
  for line in "$@"; do printf '%s\n' "$line"; done
}
say() { printf '%s%s%s\n' "$D" "$*" "$R"; }
show_cmd() { # print a command as one would type it, quoting what needs it
  local a line="polityd"
  for a in "$@"; do
    case $a in
      *\'*) line+=" $(printf '%q' "$a")" ;;
      *[!A-Za-z0-9_./:=@,-]* | '') line+=" '$a'" ;;
      *) line+=" $a" ;;
    esac
  done
  printf '\n%s$ %s%s\n' "$C" "$line" "$R"
}
show_file() { # show_file <label> <file>
  printf '%s%s:%s\n' "$D" "$1" "$R"
  jq . "$2" | sed 's/^/    /'
}
# record <jq filter> <polityd query args...>: print a record, trimmed by the filter.
record() {
  local filter=$1 out
  shift
  show_cmd query "$@"
  out=$("$BIN" query "$@" "${QFLAGS[@]}") || die "query $* failed"
  # unset fields (null, the zero time) are left out
  jq "($filter) | walk(if type == \"object\" then with_entries(select(.value != null and .value != \"0001-01-01T00:00:00Z\")) else . end)" \
    <<<"$out" | sed 's/^/    /'
}
q() { "$BIN" query "$@" "${QFLAGS[@]}"; }

# tx <polityd tx args...>: sign and broadcast, wait for the block, require
# success, print the Polity events. The result is left in $TX.
TX=''
tx() {
  show_cmd tx "$@"
  local out hash i
  out=$("$BIN" tx "$@" "${TXFLAGS[@]}") || die "polityd tx $* failed"
  if [ "$(jq -r .code <<<"$out")" != 0 ]; then
    die "refused: code $(jq -r .code <<<"$out") ($(jq -r .codespace <<<"$out")): $(jq -r .raw_log <<<"$out")"
  fi
  hash=$(jq -r .txhash <<<"$out")
  for i in $(seq 1 120); do
    if TX=$(q tx "$hash" 2>/dev/null); then break; fi
    [ "$i" = 120 ] && die "tx $hash was not included in a block within 60s"
    sleep 0.5
  done
  if [ "$(jq -r .code <<<"$TX")" != 0 ]; then
    die "tx $hash failed at height $(jq -r .height <<<"$TX"): code $(jq -r .code <<<"$TX") ($(jq -r .codespace <<<"$TX")): $(jq -r .raw_log <<<"$TX")"
  fi
  printf '  %sok%s: tx %s… in block %s\n' "$G" "$R" "${hash:0:10}" "$(jq -r .height <<<"$TX")"
  jq -r '.events[] | select(.type == "polity.community" or .type == "polity.proposals")
    | (.attributes | map(select(.key != "msg_index")) ) as $a
    | "  " + ([$a[] | select(.key == "action") | .value][0]) + ": "
      + ([$a[] | select(.key != "action" and .value != "") | "\(.key)=\(.value)"] | join(" "))' <<<"$TX"
}
# event <action> <key>: an attribute of a Polity event in the last tx.
event() {
  jq -r --arg a "$1" --arg k "$2" '[.events[] | select(.type == "polity.community" or .type == "polity.proposals")
    | select(any(.attributes[]; .key == "action" and .value == $a)) | .attributes[] | select(.key == $k) | .value][0] // empty' <<<"$TX"
}
# status_of <proposal-id>
status_of() { q proposals proposal "$1" | jq -r .proposal.status; }
# wait_status <proposal-id> <status> <seconds>
wait_status() {
  local deadline=$((SECONDS + $3)) s
  while :; do
    s=$(status_of "$1")
    [ "$s" = "$2" ] && return 0
    [ "$SECONDS" -ge "$deadline" ] && die "proposal $1 is $s after $3s, expected $2"
    sleep 0.5
  done
}
expect() { # expect <what> <got> <want>
  [ "$2" = "$3" ] || die "$1: got '$2', want '$3'"
  printf '  %scheck%s: %s = %s\n' "$G" "$R" "$1" "$3"
}
sha256() { if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi | cut -d' ' -f1; }
doc() { # doc <text> <uri>: a document reference {hash: SHA-256 of the text, uri}
  jq -n --arg h "$(printf '%s' "$1" | sha256)" --arg u "$2" '{hash: $h, uri: $u}'
}
PROPOSAL_VIEW='.proposal | {id, kind, originator, title, status, comment_end_time, board_vote_end_time,
  board_tally, board_eligible_weight, board_threshold, pending_advice, note, decided_height, registry_versions}'

"$BIN" status --home "$HOME_DIR" ${NODE:+--node "$NODE"} >/dev/null 2>&1 \
  || die "no node answers${NODE:+ at $NODE}: is \`make localnet\` running?"

printf '%sPolity governance demo%s: a policy goes from a community to the Board and into force.\n' "$B" "$R"
say "home $HOME_DIR, node ${NODE:-from client.toml}, binary $BIN"
PERIODS=$(q proposals params | jq -r '.params.kind_rules[] | select(.kind == "PROPOSAL_KIND_POLICY")
  | "public comment \(.public_comment_period), Board vote up to \(.board_rule.voting_period), threshold \(.board_rule.threshold) of all voting directors"')
say "POLICY procedure on this chain: $PERIODS"

# ---------------------------------------------------------------- 1
step "The developers' community proposes a policy" \
  "A POLICY proposal comes from a supporting community: dev-chair submits it as a motion of" \
  "the dev community; when dev's members pass the motion, the proposal opens for public comment."
jq -n --argjson d "$(doc "Polity dev policy: releases are tagged, signed and announced 14 days ahead." \
  "https://polity.example/dev/release-policy.md")" \
  '{title: "Release policy for node software", summary: "Releases are tagged, signed and announced two weeks ahead.",
    document: $d, messages: []}' >policy.json
show_file "policy.json" policy.json
tx proposals submit-proposal dev policy policy.json --from dev-chair
MOTION=$(event motion_submitted motion_id)
[ -n "$MOTION" ] || die "no motion_submitted event"
tx community vote "$MOTION" yes --from dev-chair
tx community vote "$MOTION" yes --from dev-member
PROPOSAL=$(event proposal_submitted proposal_id)
[ -n "$PROPOSAL" ] || die "motion $MOTION passed but opened no proposal"
record "$PROPOSAL_VIEW" proposals proposal "$PROPOSAL"
expect "proposal $PROPOSAL status" "$(status_of "$PROPOSAL")" PROPOSAL_STATUS_PUBLIC_COMMENT

# ---------------------------------------------------------------- 2
step "Anyone may comment: the open door" \
  "'outsider' holds no role on the chain. Comments are an open-door message, so it may post" \
  "one, paying the open-door fee; its standing is recorded as PUBLIC."
tx proposals comment "$PROPOSAL" "Please publish the signing keys before the first release." --from outsider --fees 1000upolity
record '.comments | map({id, author, role, text, height})' proposals comments "$PROPOSAL"
expect "comment role" "$(q proposals comments "$PROPOSAL" | jq -r '.comments[-1].role')" COMMENT_ROLE_PUBLIC

# ---------------------------------------------------------------- 3
step "The governments' advisory community gives consensus advice" \
  "Advisory communities advise the Board. gov-chair moves that gov give consensus advice on the" \
  "proposal; gov's two members pass the motion. The Board must answer before it can decide."
jq -n --arg p "$PROPOSAL" --argjson d "$(doc "Advice: require reproducible builds for every release." \
  "https://polity.example/gov/advice-reproducible-builds.md")" \
  '{title: "Advice on the release policy", summary: "Require reproducible builds.",
    messages: [{"@type": "/polity.proposals.v1.MsgSubmitAdvice", community_id: "gov", proposal_id: $p,
      title: "Require reproducible builds", document: $d, consensus: true}]}' >advice.json
show_file "advice.json (the authority is filled with gov's address)" advice.json
tx community submit-motion gov advice.json --from gov-chair
MOTION=$(event motion_submitted motion_id)
tx community vote "$MOTION" yes --from gov-chair
tx community vote "$MOTION" yes --from gov-member
ADVICE=$(event advice_submitted advice_id)
[ -n "$ADVICE" ] || die "motion $MOTION passed but gave no advice"
record '.advice | {id, community_id, proposal_id, title, consensus, status, deadline}' proposals advice "$ADVICE"
expect "advice $ADVICE status" "$(q proposals advice "$ADVICE" | jq -r .advice.status)" ADVICE_STATUS_PENDING

# ---------------------------------------------------------------- 4
END=$(q proposals proposal "$PROPOSAL" | jq -r .proposal.comment_end_time)
step "The public comment period ends; the Board votes" \
  "Waiting for the comment period to end at $END (block time)..."
wait_status "$PROPOSAL" PROPOSAL_STATUS_BOARD_VOTE 120
expect "proposal $PROPOSAL status" "$(status_of "$PROPOSAL")" PROPOSAL_STATUS_BOARD_VOTE
say "Four of the seven voting directors vote yes: a majority of all directors."
for d in director-dev director-ops director-fin director-users; do
  tx proposals board-vote "$PROPOSAL" yes --from "$d"
done
record "$PROPOSAL_VIEW" proposals proposal "$PROPOSAL"
expect "proposal $PROPOSAL status (the advice is unanswered)" "$(status_of "$PROPOSAL")" PROPOSAL_STATUS_BOARD_VOTE
say "The Board has its majority, but the vote cannot conclude while advice $ADVICE is unanswered."

# ---------------------------------------------------------------- 5
step "The Board answers the advice by resolution" \
  "A RESOLUTION is a Board decision with no comment period: director-dev submits it, the" \
  "directors vote, and it is ratified at once; its message records the answer to the advice."
jq -n --arg a "$ADVICE" --argjson d "$(doc "Board rationale: reproducible builds are adopted from the next release." \
  "https://polity.example/board/rationale-reproducible-builds.md")" \
  '{title: "Answer to the advice on the release policy", summary: "The Board accepts the advice.", document: $d,
    messages: [{"@type": "/polity.proposals.v1.MsgRespondToAdvice", advice_id: $a,
      response: "ADVICE_RESPONSE_ACCEPTED", rationale: $d}]}' >answer.json
show_file "answer.json (the authority is filled with the governance address)" answer.json
tx proposals submit-proposal board resolution answer.json --from director-dev
RESOLUTION=$(event proposal_submitted proposal_id)
[ -n "$RESOLUTION" ] || die "no proposal_submitted event"
for d in director-dev director-ops director-fin director-users; do
  tx proposals board-vote "$RESOLUTION" yes --from "$d"
done
expect "resolution $RESOLUTION status" "$(status_of "$RESOLUTION")" PROPOSAL_STATUS_RATIFIED
record '.advice | {id, status, response, response_rationale, response_proposal_id, response_height}' proposals advice "$ADVICE"
expect "advice $ADVICE status" "$(q proposals advice "$ADVICE" | jq -r .advice.status)" ADVICE_STATUS_ANSWERED

# ---------------------------------------------------------------- 6
step "The policy is ratified and in force" \
  "With its advice answered, the Board vote on proposal $PROPOSAL concludes in the next block."
wait_status "$PROPOSAL" PROPOSAL_STATUS_RATIFIED 30
record "$PROPOSAL_VIEW" proposals proposal "$PROPOSAL"
record '.votes | map({director, option, height})' proposals votes "$PROPOSAL"
record '{current: .current | {version, document, summary, proposal_id, height}, versions: (.history | length)}' proposals policies dev
CURRENT=$(q proposals policies dev)
expect "dev policy ratified by" "$(jq -r .current.proposal_id <<<"$CURRENT")" "$PROPOSAL"
expect "dev policy document" "$(jq -r .current.document.hash <<<"$CURRENT")" "$(jq -r .document.hash policy.json)"

printf '\n%sDone in %ds%s: proposal %s (POLICY) RATIFIED, dev policy version %s; advice %s answered by resolution %s.\n' \
  "$B" $((SECONDS - START)) "$R" "$PROPOSAL" "$(jq -r .current.version <<<"$CURRENT")" "$ADVICE" "$RESOLUTION"
printf '%sExplore:%s polityd query proposals proposals --page-reverse --home %s   (REST: /polity/proposals/v1/proposals)\n' "$Y" "$R" "$HOME_DIR"
