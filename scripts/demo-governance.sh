#!/usr/bin/env bash
# demo-governance.sh: Polity's bottom-up pipeline and its checks in a few minutes, against
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
# and then the accountability side, on two STANDARD_BYLAW amendments:
#
#   7. the secretariat registers an outside organisation as a party, by motion
#   8. dev proposes both amendments; the Board approves the first, which enters
#      the Empowered Community's rejection window
#   9. the party files an Independent Review against it, asking for interim
#      relief (the amendment is held from the filing on): panel choices and a
#      draw seeded by a block hash (recomputed here)
#  10. the Board approves the second; the Empowered Community petitions against
#      it; a second participant supports; a statement in the community forum
#  11. the participants decide by motions, and the amendment is VETOED
#  12. the panel grants the stay of the first amendment
#  13. the first amendment's window passed but the stay held it; the panel
#      upholds the claim and the amendment is RETURNED to the Board
#  14. meanwhile dev revised its policy (proposed in step 8, adopted by the
#      Board in step 10): the registry keeps both versions' texts and shows
#      what changed
#
# No step races a window: every wait is for a condition on chain, and the
# periods `make localnet` sets are long where the demo must act inside them
# and short only where it waits (public comment, the community forum).
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
  # A passed motion or an approved proposal runs its messages at the end of
  # the block: add the block's end events to the transaction's.
  TX=$(jq --argjson b "$(q block-results "$(jq -r .height <<<"$TX")")" '.events += ($b.finalize_block_events // [])' <<<"$TX")
  printf '  %sok%s: tx %s… in block %s\n' "$G" "$R" "${hash:0:10}" "$(jq -r .height <<<"$TX")"
  jq -r '.events[] | select(.type | test("^polity\\.[a-z]+$"))
    | (.attributes | map(select(.key != "msg_index")) ) as $a
    | "  " + ([$a[] | select(.key == "action") | .value][0]) + ": "
      + ([$a[] | select(.key != "action" and .value != "") | "\(.key)=\(.value)"] | join(" "))' <<<"$TX"
}
# event <action> <key>: an attribute of a Polity event in the last tx or at
# the end of its block.
event() {
  jq -r --arg a "$1" --arg k "$2" '[.events[] | select(.type | test("^polity\\.[a-z]+$"))
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
  jq -cn --arg h "$(printf '%s' "$1" | sha256)" --arg u "$2" '{hash: $h, uri: $u}'
}
# dev's release policy, whole: a POLICY proposal may carry its document's full
# text (document_text, hashing to the document's hash), which the registry
# then keeps with the version, so versions can be compared line by line
POLICY_V1=$'Release policy for node software\n1. Releases are tagged and signed.\n2. Releases are announced 14 days ahead.\n3. Security fixes may ship without notice.\n'
POLICY_V2=$'Release policy for node software\n1. Releases are tagged and signed.\n2. Releases are announced 14 days ahead.\n3. Builds are reproducible.\n4. Security fixes ship within 72 hours of a report.\n'

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
jq -n --argjson d "$(doc "$POLICY_V1" "https://polity.example/dev/release-policy.md")" --arg text "$POLICY_V1" \
  '{title: "Release policy for node software", summary: "Releases are tagged, signed and announced two weeks ahead.",
    document: $d, document_text: $text, messages: []}' >policy.json
show_file "policy.json" policy.json
tx proposals submit-proposal dev policy policy.json --from dev-chair
MOTION=$(event motion_submitted motion_id)
[ -n "$MOTION" ] || die "no motion_submitted event"
tx community vote "$MOTION" yes --from dev-chair
tx community vote "$MOTION" yes --from dev-member
PROPOSAL=$(event proposal_submitted proposal_id)
[ -n "$PROPOSAL" ] || die "motion $MOTION passed but opened no proposal"
# as the motion's block left it (the comment period may be over by the time
# a slow machine asks again)
OPENED=$(jq -r .height <<<"$TX")
record "$PROPOSAL_VIEW" proposals proposal "$PROPOSAL" --height "$OPENED"
expect "proposal $PROPOSAL status" "$(event proposal_submitted status)" PROPOSAL_STATUS_PUBLIC_COMMENT

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
  "With its advice answered, the Board vote on proposal $PROPOSAL concludes in the next block;" \
  "the approved policy then sits out its challenge window (20 seconds here, 21 days by default)," \
  "in which an IRP or a reconsideration request would hold it, and takes effect."
wait_status "$PROPOSAL" PROPOSAL_STATUS_RATIFIED 90
record "$PROPOSAL_VIEW" proposals proposal "$PROPOSAL"
record '.votes | map({director, option, height})' proposals votes "$PROPOSAL"
record '{current: .current | {version, document, summary, proposal_id, height}, versions: (.history | length)}' proposals policies dev
CURRENT=$(q proposals policies dev)
expect "dev policy ratified by" "$(jq -r .current.proposal_id <<<"$CURRENT")" "$PROPOSAL"
expect "dev policy document" "$(jq -r .current.document.hash <<<"$CURRENT")" "$(jq -r .document.hash policy.json)"

# ================================================================ part 2
printf '\n%sPart 2: accountability.%s Two bylaw amendments pass the Board; an outside party\n' "$B" "$R"
printf 'challenges one before independent reviewers, and the Empowered Community vetoes the other.\n'

# motion <body> <file> <voter>...: submit a motion from the first voter and
# vote yes with each; the motion's tx is left in $TX.
motion() {
  local body=$1 file=$2 id v
  shift 2
  tx community submit-motion "$body" "$file" --from "$1"
  id=$(event motion_submitted motion_id)
  [ -n "$id" ] || die "no motion_submitted event"
  for v in "$@"; do tx community vote "$id" yes --from "$v"; done
  [ "$(q community motion "$id" | jq -r .motion.status)" = MOTION_STATUS_PASSED ] \
    || die "motion $id in $body did not execute: $(q community motion "$id" | jq -c .motion.failure_reason)"
}
# key_of <address>: the test keyring's name for an address.
key_of() { "$BIN" keys list --home "$HOME_DIR" --keyring-backend test --output json | jq -r --arg a "$1" '.[] | select(.address == $a) | .name'; }
irp() { q review irp "$1"; }
IRP_VIEW='.irp | {id, claimant, claimant_kind, proposal_id, provisions, status, claimant_pick, respondent_pick, seed_heights, seed, panel, stay_votes, stayed, outcome, board_deadline}'
ACTION_VIEW='.petition | {id, power, proposal_id, petitioner, supporter, stage, deadline, participants, carved_out, min_support, max_objections, supports, objections, abstentions}'
DIRECTORS5=(director-dev director-ops director-fin director-users director-nomcom-1)

# ---------------------------------------------------------------- 7
OUTSIDER=$("$BIN" keys show outsider -a --home "$HOME_DIR" --keyring-backend test)
step "The secretariat registers an external party" \
  "Outsiders gain standing to challenge the Board by registration: the secretariat community" \
  "registers 'outsider' as Acme Registry, by motion."
jq -n --arg a "$OUTSIDER" --argjson d "$(doc "Acme Registry: a domain registry operator." "https://acme.example/profile.md")" \
  '{title: "Register Acme Registry", messages: [{"@type": "/polity.review.v1.MsgRegisterParty", address: $a, name: "Acme Registry", profile: $d}]}' >party.json
show_file "party.json" party.json
motion secretariat party.json secretariat-chair
record '.parties | map({address, name, registered_height})' review parties

# ---------------------------------------------------------------- 8
step "The developers' community proposes two standard bylaw amendments" \
  "A STANDARD_BYLAW amendment needs two thirds of the voting directors, then sits in the" \
  "Empowered Community's rejection window before it takes effect."
bylaw() { # bylaw <file> <title> <text>
  jq -n --arg t "$2" --argjson d "$(doc "$3" "https://polity.example/bylaws/$1.md")" \
    '{title: $t, summary: $t, document: $d, messages: []}' >"$1.json"
}
bylaw term-limits "Directors serve at most two terms" "Bylaw amendment: two consecutive terms at most."
bylaw fee-waiver "Fees waived for Board members" "Bylaw amendment: Board members transact without fees."
tx proposals submit-proposal dev standard-bylaw term-limits.json --from dev-chair
M=$(event motion_submitted motion_id)
tx community vote "$M" yes --from dev-chair
tx community vote "$M" yes --from dev-member
CHALLENGED=$(event proposal_submitted proposal_id)
tx proposals submit-proposal dev standard-bylaw fee-waiver.json --from dev-chair
M=$(event motion_submitted motion_id)
tx community vote "$M" yes --from dev-chair
tx community vote "$M" yes --from dev-member
VETOED=$(event proposal_submitted proposal_id)
[ -n "$CHALLENGED" ] && [ -n "$VETOED" ] || die "the motions opened no proposals"
say "dev also revises its release policy, with the new text on chain (reproducible builds, as the Board accepted in step 5)."
jq -n --argjson d "$(doc "$POLICY_V2" "https://polity.example/dev/release-policy-v2.md")" --arg text "$POLICY_V2" \
  '{title: "Release policy, revised", summary: "Reproducible builds; security fixes within 72 hours.",
    document: $d, document_text: $text, messages: []}' >policy-v2.json
tx proposals submit-proposal dev policy policy-v2.json --from dev-chair
M=$(event motion_submitted motion_id)
tx community vote "$M" yes --from dev-chair
tx community vote "$M" yes --from dev-member
REVISION=$(event proposal_submitted proposal_id)
[ -n "$REVISION" ] || die "the motion opened no proposal"
say "Proposal $CHALLENGED (term limits) and proposal $VETOED (fee waiver) are open for comment; waiting for the Board vote..."
wait_status "$CHALLENGED" PROPOSAL_STATUS_BOARD_VOTE 120
say "Five of the seven voting directors approve the term limits."
for d in "${DIRECTORS5[@]}"; do tx proposals board-vote "$CHALLENGED" yes --from "$d"; done
expect "proposal $CHALLENGED status" "$(status_of "$CHALLENGED")" PROPOSAL_STATUS_EC_REVIEW
record '.proposal | {id, title, status, ec_deadline}' proposals proposal "$CHALLENGED"

# ---------------------------------------------------------------- 9
step "Acme Registry files an Independent Review against proposal $CHALLENGED" \
  "Filing is an open-door message with a refundable deposit. Acme asks for interim relief:" \
  "the amendment is held from the filing on, until the panel rules on the request, so its" \
  "rejection window cannot run out while the panel forms. The claimant chooses one panelist," \
  "the Board another by motion; the third is drawn from the standing panel. When the choices" \
  "close the case announces the next 5 blocks; their hashes, chained, seed the draw, so no" \
  "one block proposer chooses it and anyone can recompute it."
CLAIM=$(doc "Claim: the amendment was adopted without the consultation Art. 4.2 requires." "https://acme.example/claim.md")
tx review file-irp party "$CHALLENGED" --provisions "Art. 4.2" --claim "$CLAIM" --interim-relief --from outsider --fees 1000upolity
IRP=$(event irp_filed irp_id)
[ -n "$IRP" ] || die "no irp_filed event"
record '.holds | map({source, reason, height})' proposals holds "$CHALLENGED"
expect "proposal $CHALLENGED held by" "$(q proposals holds "$CHALLENGED" | jq -r '[.holds[].source] | join(",")')" "irp/$IRP"
P1=$(q review panelists | jq -r '.panelists[0].address')
P2=$(q review panelists | jq -r '.panelists[1].address')
tx review choose-panelist "$IRP" "$P1" --from outsider
jq -n --arg i "$IRP" --arg p "$P2" \
  '{title: "The Board chooses its panelist", messages: [{"@type": "/polity.review.v1.MsgChoosePanelist", irp_id: $i, panelist: $p}]}' >pick.json
motion board pick.json director-dev director-ops director-fin director-users
deadline=$((SECONDS + 120))
until [ "$(irp "$IRP" | jq -r .irp.status)" = IRP_STATUS_IN_REVIEW ]; do
  [ "$SECONDS" -ge "$deadline" ] && die "the panel of IRP $IRP was not drawn within 120s"
  sleep 0.5
done
record "$IRP_VIEW" review irp "$IRP"
# recompute the seed (x/review README): seed_0 = SHA-256("polity/irp-draw/" ‖ the
# case id as 8 bytes), seed_k = SHA-256(seed_(k-1) ‖ hash of the k-th announced block);
# a block's hash is recorded in the next block's header, as last_block_id
hex2bin() { printf "$(sed 's/../\\x&/g' <<<"$1")"; }
SEED=$({ printf 'polity/irp-draw/'; hex2bin "$(printf '%016x' "$IRP")"; } | sha256sum | cut -c1-64)
HEIGHTS=$(irp "$IRP" | jq -r '.irp.seed_heights | join(" ")')
for h in $HEIGHTS; do
  BLOCK_HASH=$(q block --type=height $((h + 1)) | jq -r .header.last_block_id.hash | base64 -d | od -An -tx1 -v | tr -d ' \n')
  SEED=$({ hex2bin "$SEED"; hex2bin "$BLOCK_HASH"; } | sha256sum | cut -c1-64)
done
say "The seed chains the hashes of blocks $HEIGHTS, announced when the choices closed: $SEED"
expect "IRP $IRP seed" "$(irp "$IRP" | jq -r .irp.seed)" "$SEED"

# ---------------------------------------------------------------- 10
step "The Empowered Community petitions to reject proposal $VETOED" \
  "The Board approves the fee waiver too. Decisional participants act by their own motions:" \
  "the users' community petitions to reject the fee waiver; a second participant, ops," \
  "supports the petition, which opens a community forum in which anyone may make a statement." \
  "While the action is under way the fee waiver cannot take effect."
for d in "${DIRECTORS5[@]}"; do tx proposals board-vote "$VETOED" yes --from "$d"; done
expect "proposal $VETOED status" "$(status_of "$VETOED")" PROPOSAL_STATUS_EC_REVIEW
say "The Board adopts dev's revised policy (proposal $REVISION) too; it takes effect after its challenge window."
wait_status "$REVISION" PROPOSAL_STATUS_BOARD_VOTE 120
for d in director-dev director-ops director-fin director-users; do tx proposals board-vote "$REVISION" yes --from "$d"; done
RATIONALE=$(doc "Rationale: fee waivers for the Board are a conflict of interest." "https://polity.example/users/veto-rationale.md")
jq -n --arg p "$VETOED" --argjson d "$RATIONALE" \
  '{title: "Petition to reject the fee waiver", messages: [{"@type": "/polity.empowered.v1.MsgPetition", community_id: "users",
    power: "POWER_REJECT_STANDARD_BYLAW", proposal_id: $p, rationale: $d}]}' >petition.json
show_file "petition.json (the signer is filled with users' address)" petition.json
motion users petition.json users-chair users-member
ACTION=$(event action_stage_changed action_id)
[ -n "$ACTION" ] || ACTION=$(q empowered petitions | jq -r --arg p "$VETOED" '[.petitions[] | select(.proposal_id == $p)][0].id')
[ -n "$ACTION" ] && [ "$ACTION" != null ] || die "no petition for proposal $VETOED"
jq -n --arg a "$ACTION" '{title: "Support the petition", messages: [{"@type": "/polity.empowered.v1.MsgSupportPetition", community_id: "ops", action_id: $a}]}' >support.json
motion ops support.json ops-chair ops-member
tx empowered post-statement "$ACTION" "Board members should pay like everyone else." --from outsider --fees 1000upolity
record "$ACTION_VIEW" empowered petition "$ACTION"
record '.statements | map({author, text, height})' empowered statements "$ACTION"

step "The participants decide" \
  "When the forum closes, each participant supports, objects or abstains once, by motion." \
  "Rejection needs 3 in support and at most 1 objection; it is decided as soon as that is certain."
deadline=$((SECONDS + 180))
until [ "$(q empowered petition "$ACTION" | jq -r .petition.stage)" = STAGE_DECISION ]; do
  [ "$SECONDS" -ge "$deadline" ] && die "action $ACTION did not reach its decision period within 180s"
  sleep 0.5
done
for c in users ops dev fin; do
  stage=$(q empowered petition "$ACTION" | jq -r .petition.stage)
  [ "$stage" = STAGE_DECISION ] || break
  jq -n --arg a "$ACTION" --arg c "$c" '{title: "Decide on the petition", messages: [{"@type": "/polity.empowered.v1.MsgDecide",
    community_id: $c, action_id: $a, choice: "CHOICE_SUPPORT"}]}' >decide-$c.json
  motion "$c" decide-$c.json "$c-chair" "$c-member"
done
record '.decisions | map({community_id, choice, height})' empowered decisions "$ACTION"
record "$ACTION_VIEW" empowered petition "$ACTION"
wait_status "$VETOED" PROPOSAL_STATUS_VETOED 60
record '.proposal | {id, title, status, note}' proposals proposal "$VETOED"

# ---------------------------------------------------------------- 12
step "The panel grants the stay" \
  "Interim relief: two of the three panelists vote to stay proposal $CHALLENGED, which keeps" \
  "it held past its rejection window until the case is decided (a majority against the" \
  "request would have released it)."
for a in $(irp "$IRP" | jq -r '.irp.panel[0:2][]'); do
  tx review panel-stay "$IRP" true --from "$(key_of "$a")"
done
expect "IRP $IRP stayed" "$(irp "$IRP" | jq -r .irp.stayed)" true
record '.proposal | {id, status, stayed, hold_count, ec_deadline}' proposals proposal "$CHALLENGED"

# ---------------------------------------------------------------- 13
step "The panel declares: the challenge is upheld" \
  "Once proposal $CHALLENGED's rejection window has passed it waits, APPROVED but held. Two" \
  "panelists declare the claim upheld: the amendment is returned to the Board, which must act" \
  "by a deadline."
say "Waiting for the rejection window to end at $(q proposals proposal "$CHALLENGED" | jq -r .proposal.ec_deadline) (block time)..."
wait_status "$CHALLENGED" PROPOSAL_STATUS_APPROVED 300
expect "proposal $CHALLENGED executed" "$(q proposals proposal "$CHALLENGED" | jq -r '.proposal.decided_height // "not yet"')" "not yet"
REASONING=$(doc "Declaration: Art. 4.2 consultation was skipped; the amendment returns to the Board." "https://polity.example/irp/declaration.md")
for a in $(irp "$IRP" | jq -r '.irp.panel[0:2][]'); do
  tx review declare "$IRP" upheld --reasoning "$REASONING" --from "$(key_of "$a")"
done
record "$IRP_VIEW" review irp "$IRP"
expect "IRP $IRP status" "$(irp "$IRP" | jq -r .irp.status)" IRP_STATUS_UPHELD
expect "proposal $CHALLENGED status" "$(status_of "$CHALLENGED")" PROPOSAL_STATUS_RETURNED
expect "holds on proposal $CHALLENGED" "$(q proposals holds "$CHALLENGED" | jq -r '.holds | length')" 0
say "The released hold is kept on record: who held the amendment, when and why, and when and why it was released."
record '.released_holds | map({source, reason, height, release_reason, released_height})' proposals released-holds "$CHALLENGED"

# ---------------------------------------------------------------- 14
step "The registry shows what changed in dev's policy" \
  "Both policy proposals carried their full text, whose SHA-256 is the document's hash; the" \
  "registry keeps each version's text, so anyone can compare them line by line (the explorer's" \
  "registry page shows this diff)."
wait_status "$REVISION" PROPOSAL_STATUS_RATIFIED 120
record '.history | map({version, proposal_id, document, height})' proposals policies dev
CURRENT=$(q proposals policies dev)
expect "dev policy version" "$(jq -r .current.version <<<"$CURRENT")" 2
expect "dev policy version 2 text hash" "$(jq -j .current.text <<<"$CURRENT" | sha256)" "$(jq -r .current.document.hash <<<"$CURRENT")"
say "What changed from version 1 to version 2 (the two texts from the query above, compared with diff -u):"
diff -u --label "dev policy v1" --label "dev policy v2" <(jq -j '.history[0].text' <<<"$CURRENT") <(jq -j '.history[1].text' <<<"$CURRENT") \
  | sed 's/^/    /' || true

printf '\n%sDone in %ds%s: proposal %s (POLICY) RATIFIED, revised by proposal %s: dev policy version %s; advice %s answered by resolution %s;\n' \
  "$B" $((SECONDS - START)) "$R" "$PROPOSAL" "$REVISION" "$(jq -r .current.version <<<"$CURRENT")" "$ADVICE" "$RESOLUTION"
printf 'IRP %s upheld: proposal %s RETURNED to the Board (deadline %s); proposal %s VETOED by the Empowered Community.\n' \
  "$IRP" "$CHALLENGED" "$(irp "$IRP" | jq -r .irp.board_deadline)" "$VETOED"
printf '%sExplore:%s polityd query proposals proposals --page-reverse --home %s   (REST: /polity/proposals/v1/proposals)\n' "$Y" "$R" "$HOME_DIR"
printf '         polityd query review irps, polityd query empowered petitions   (REST: /polity/review/v1/irps, /polity/empowered/v1/petitions)\n'
