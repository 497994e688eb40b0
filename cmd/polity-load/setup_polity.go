package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// polityChain is a Polity node set up for the load: N funded members of the
// "dev" community (genesis members, so they may vote on every motion), N
// funded outsiders, the constitution's directors, and open motions and
// proposals to vote and comment on.
type polityChain struct {
	*node
	members, outsiders, directors   []*sender
	openDoorFee                     sdk.Coins
	motions, govMotions, yesMotions []uint64 // open motions of dev, for the vote, gov and vote-yes mixes
	boardProposals                  []uint64 // proposals in their Board vote
	commentProposal                 uint64   // a proposal in public comment
}

// loadCommunity is the community the load's members join.
const loadCommunity = "dev"

// windows keeps every voting, comment and review period of the default
// constitution far longer than a benchmark, so nothing closes mid-run.
var windows = []string{"--voting-period", "6h", "--comment-period", "6h", "--ec-period", "6h",
	"--challenge-window", "6h", "--forum-period", "6h", "--advice-period", "6h", "--review-period", "6h"}

// setupPolity writes a fresh chain: `polityd init`, the default constitution
// (`polityd genesis constitution --bootstrap`, which also makes the validator
// and the named role keys), the load's accounts with `genesis
// bulk-add-genesis-account`, then the members added to the community in the
// genesis JSON (each copied from a constitution member, with its address
// changed).
func setupPolity(n *node, members, outsiders int) (*polityChain, error) {
	if err := os.RemoveAll(n.home); err != nil {
		return nil, err
	}
	if _, err := n.run("init", "load", "--chain-id", n.chainID, "--home", n.home, "--default-denom", n.denom); err != nil {
		return nil, err
	}
	args := append([]string{"genesis", "constitution", "--bootstrap", "--home", n.home, "--keyring-backend", "test"}, windows...)
	if _, err := n.run(args...); err != nil {
		return nil, err
	}
	c := &polityChain{node: n, members: senders("member", members, n.prefix), outsiders: senders("outsider", outsiders, n.prefix)}
	if err := addAccounts(n, append(append([]*sender{}, c.members...), c.outsiders...), "1000000000000"); err != nil {
		return nil, err
	}
	fee, err := addMembers(filepath.Join(n.home, "config", "genesis.json"), c.members)
	if err != nil {
		return nil, err
	}
	c.openDoorFee = fee
	if c.directors, err = directorKeys(n); err != nil {
		return nil, err
	}
	return c, n.configure()
}

// addAccounts funds accounts in genesis with the SDK's bulk command.
func addAccounts(n *node, ss []*sender, amount string) error {
	type coin struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	}
	type account struct {
		Address string `json:"address"`
		Coins   []coin `json:"coins"`
	}
	accts := make([]account, len(ss))
	for i, s := range ss {
		accts[i] = account{s.addr, []coin{{n.denom, amount}}}
	}
	raw, err := json.Marshal(accts)
	if err != nil {
		return err
	}
	path := filepath.Join(n.home, "load-accounts.json")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		return err
	}
	_, err = n.run("genesis", "bulk-add-genesis-account", path, "--home", n.home)
	return err
}

// addMembers makes each sender a genesis member of loadCommunity with weight
// 1, copying the first constitution member's record and membership of that
// community, and returns the open-door fee of the community params.
func addMembers(genesisPath string, ss []*sender) (sdk.Coins, error) {
	raw, err := os.ReadFile(genesisPath)
	if err != nil {
		return nil, err
	}
	var gen map[string]json.RawMessage
	if err := json.Unmarshal(raw, &gen); err != nil {
		return nil, err
	}
	var appState map[string]json.RawMessage
	if err := json.Unmarshal(gen["app_state"], &appState); err != nil {
		return nil, err
	}
	var community map[string]json.RawMessage
	if err := json.Unmarshal(appState["community"], &community); err != nil {
		return nil, err
	}
	var members, memberships []map[string]any
	if err := json.Unmarshal(community["members"], &members); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(community["memberships"], &memberships); err != nil {
		return nil, err
	}
	var tmplShip map[string]any
	for _, ms := range memberships {
		if ms["community_id"] == loadCommunity {
			tmplShip = ms
			break
		}
	}
	if tmplShip == nil || len(members) == 0 {
		return nil, fmt.Errorf("genesis has no member of %s to copy", loadCommunity)
	}
	var tmplMember map[string]any
	for _, m := range members {
		if m["address"] == tmplShip["address"] {
			tmplMember = m
		}
	}
	if tmplMember == nil {
		return nil, fmt.Errorf("genesis has a membership of %s for %v but no member record to copy", loadCommunity, tmplShip["address"])
	}
	for _, s := range ss {
		m := clone(tmplMember)
		m["address"] = s.addr
		members = append(members, m)
		ms := clone(tmplShip)
		ms["address"], ms["roles"], ms["weight"] = s.addr, []string{"ROLE_MEMBER"}, "1"
		memberships = append(memberships, ms)
	}
	if community["members"], err = json.Marshal(members); err != nil {
		return nil, err
	}
	if community["memberships"], err = json.Marshal(memberships); err != nil {
		return nil, err
	}
	var params struct {
		OpenDoorMinFee sdk.Coins `json:"open_door_min_fee"`
	}
	if err := json.Unmarshal(community["params"], &params); err != nil {
		return nil, err
	}
	if appState["community"], err = json.Marshal(community); err != nil {
		return nil, err
	}
	if gen["app_state"], err = json.Marshal(appState); err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(gen, "", " ")
	if err != nil {
		return nil, err
	}
	return params.OpenDoorMinFee, os.WriteFile(genesisPath, out, 0o644)
}

func clone(m map[string]any) map[string]any {
	raw, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out
}

// directorKeys exports the constitution's director keys from the test
// keyring, so the generator can sign Board votes offline.
func directorKeys(n *node) ([]*sender, error) {
	raw, err := cliOutput(n, "keys", "list", "--keyring-backend", "test", "--home", n.home, "--output", "json")
	if err != nil {
		return nil, err
	}
	var keys []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, fmt.Errorf("keys list: %w: %.200s", err, raw)
	}
	var names []string
	for _, k := range keys {
		if strings.HasPrefix(k.Name, "director-") {
			names = append(names, k.Name)
		}
	}
	sort.Strings(names)
	var out []*sender
	for _, name := range names {
		hexKey, err := cliOutput(n, "keys", "export", name, "--unarmored-hex", "--unsafe", "--yes", "--keyring-backend", "test", "--home", n.home)
		if err != nil {
			return nil, err
		}
		bz, err := hex.DecodeString(strings.TrimSpace(string(hexKey)))
		if err != nil {
			return nil, fmt.Errorf("key %s: %w", name, err)
		}
		out = append(out, newSender(&secp256k1.PrivKey{Key: bz}, n.prefix))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the constitution made no director-* keys")
	}
	return out, nil
}

// cliOutput runs a CLI command and returns its stdout only.
func cliOutput(n *node, args ...string) ([]byte, error) {
	cmd := exec.Command(n.bin, args...)
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w", filepath.Base(n.bin), strings.Join(args, " "), err)
	}
	return out, nil
}

// openWork submits, once the node runs, what the load votes and comments on:
// motions in dev (one per member, submitted at once), Board resolutions (in
// their Board vote at once) and a Board technical proposal (in public comment).
func (c *polityChain) openWork(motions, govMotions, yesMotions, boardProposals int) error {
	var msgs []sdk.Msg
	var from []*sender
	for i := range motions + govMotions + yesMotions {
		m := c.members[i%len(c.members)]
		msgs = append(msgs, &communitytypes.MsgSubmitMotion{Proposer: m.addr, BodyId: loadCommunity, Title: "load motion " + strconv.Itoa(i), Summary: "benchmark"})
		from = append(from, m)
	}
	proposer := c.directors[0]
	for i := range boardProposals + 1 {
		kind := proposalstypes.KindResolution
		if i == boardProposals {
			kind = proposalstypes.KindTechnical
		}
		msgs = append(msgs, &proposalstypes.MsgSubmitProposal{
			Proposer: proposer.addr, Originator: proposalstypes.BoardOriginator, Kind: kind,
			Title: "load proposal " + strconv.Itoa(i), Summary: "benchmark",
			Document: communitytypes.Document{Uri: "https://polity.example/load/" + strconv.Itoa(i) + ".md", Hash: strings.Repeat("ab", 32)},
		})
		from = append(from, proposer)
	}
	events, err := submitAll(c.node, from, msgs)
	if err != nil {
		return err
	}
	motionIDs := idsOf(events, "motion_id", "EventMotionSubmitted")
	proposalIDs := idsOf(events, "proposal_id", "EventProposalSubmitted")
	if len(motionIDs) != motions+govMotions+yesMotions || len(proposalIDs) != boardProposals+1 {
		return fmt.Errorf("opened %d motions and %d proposals, want %d and %d", len(motionIDs), len(proposalIDs), motions+govMotions+yesMotions, boardProposals+1)
	}
	c.motions, c.govMotions, c.yesMotions = motionIDs[:motions], motionIDs[motions:motions+govMotions], motionIDs[motions+govMotions:]
	c.boardProposals, c.commentProposal = proposalIDs[:boardProposals], proposalIDs[boardProposals]
	return nil
}

// submitAll signs and broadcasts setup messages (each sender's in order) and
// waits until all are committed; it returns the events of their results.
func submitAll(n *node, from []*sender, msgs []sdk.Msg) ([]txOutcome, error) {
	seen := map[*sender]bool{}
	for _, s := range from {
		if !seen[s] {
			seen[s] = true
			var err error
			if s.accNum, s.seq, err = n.rpc.account(s.addr); err != nil {
				return nil, err
			}
		}
	}
	h0, err := n.rpc.height()
	if err != nil {
		return nil, err
	}
	for i, m := range msgs {
		s := from[i]
		tx, err := sign(n.chainID, s, s.seq, setupGasLimit, nil, m)
		if err != nil {
			return nil, err
		}
		res, err := n.rpc.broadcast(tx)
		if err != nil {
			return nil, err
		}
		if res.Code != 0 {
			return nil, fmt.Errorf("setup tx %d (%T): %s/%d %s", i, m, res.Codespace, res.Code, res.Log)
		}
		s.seq++
	}
	var out []txOutcome
	deadline := time.Now().Add(2 * time.Minute)
	for h := h0 + 1; len(out) < len(msgs); h++ {
		if err := n.rpc.waitHeight(h, time.Until(deadline)); err != nil {
			return nil, fmt.Errorf("setup: %d of %d txs committed: %w", len(out), len(msgs), err)
		}
		txs, err := n.rpc.blockResults(h)
		if err != nil {
			return nil, err
		}
		for _, tx := range txs {
			if tx.Code != 0 {
				return nil, fmt.Errorf("setup tx failed in block %d: %s", h, tx.Log)
			}
		}
		out = append(out, txs...)
	}
	return out, nil
}

// idsOf collects, in order, the ids named by attr in typed events whose type
// ends with eventType.
func idsOf(txs []txOutcome, attr, eventType string) []uint64 {
	var ids []uint64
	for _, tx := range txs {
		for _, ev := range tx.Events {
			if !strings.HasSuffix(ev.Type, eventType) {
				continue
			}
			for _, a := range ev.Attributes {
				if a.Key == attr {
					if id, err := strconv.ParseUint(strings.Trim(a.Value, `"`), 10, 64); err == nil {
						ids = append(ids, id)
					}
				}
			}
		}
	}
	return ids
}
