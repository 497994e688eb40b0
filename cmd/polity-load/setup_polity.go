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
	"sigs.k8s.io/yaml"

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

// loadWindow is every window of the load's constitution: far longer than a
// benchmark, so nothing closes mid-run.
const loadWindow = "6h"

// loadBalance is each load account's genesis balance.
const loadBalance = "1000000000000"

// setupPolity writes a fresh chain as an adopting community would: `polityd
// init`, then `polityd genesis constitution --file` with the shipped `dev`
// example plus the load's accounts as keys by address (N members of
// loadCommunity, N funded outsiders) and every window at loadWindow. The
// example's named keys, directors among them, are made in the test keyring.
func setupPolity(n *node, members, outsiders int) (*polityChain, error) {
	if err := os.RemoveAll(n.home); err != nil {
		return nil, err
	}
	if _, err := n.run("init", "load", "--chain-id", n.chainID, "--home", n.home, "--default-denom", n.denom); err != nil {
		return nil, err
	}
	c := &polityChain{node: n, members: senders("member", members, n.prefix), outsiders: senders("outsider", outsiders, n.prefix)}
	example, err := cliOutput(n, "genesis", "constitution", "--example", "dev")
	if err != nil {
		return nil, err
	}
	file, err := loadConstitution(example, c.members, c.outsiders, n.denom)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(n.home, "load-constitution.json")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		return nil, err
	}
	if _, err := n.run("genesis", "constitution", "--file", path, "--home", n.home, "--keyring-backend", "test"); err != nil {
		return nil, err
	}
	if c.openDoorFee, err = openDoorFee(filepath.Join(n.home, "config", "genesis.json")); err != nil {
		return nil, err
	}
	if c.directors, err = directorKeys(n); err != nil {
		return nil, err
	}
	return c, n.configure()
}

// loadConstitution is the example constitution (YAML) with every window at
// loadWindow, each member and outsider a funded key by address, and each
// member a voting member of loadCommunity, as a JSON constitution file.
func loadConstitution(example []byte, members, outsiders []*sender, denom string) ([]byte, error) {
	var file map[string]any
	if err := yaml.Unmarshal(example, &file); err != nil {
		return nil, fmt.Errorf("the dev example: %w", err)
	}
	windows, ok := file["windows"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the dev example has no windows")
	}
	for w := range windows {
		if w != "base" { // "dev" or "production", not a duration
			windows[w] = loadWindow
		}
	}
	keys, _ := file["keys"].([]any)
	list, _ := file["members"].([]any)
	for i, s := range members {
		name := fmt.Sprintf("load-member-%d", i)
		keys = append(keys, map[string]any{"name": name, "address": s.addr, "balance": loadBalance + denom})
		list = append(list, map[string]any{"key": name, "stakeholder": "user",
			"memberships": []any{map[string]any{"community": loadCommunity}}})
	}
	for i, s := range outsiders {
		keys = append(keys, map[string]any{"name": fmt.Sprintf("load-outsider-%d", i), "address": s.addr, "balance": loadBalance + denom})
	}
	file["keys"], file["members"] = keys, list
	return json.MarshalIndent(file, "", " ")
}

// openDoorFee reads the open-door fee from the community params in genesis.
func openDoorFee(genesisPath string) (sdk.Coins, error) {
	raw, err := os.ReadFile(genesisPath)
	if err != nil {
		return nil, err
	}
	var gen struct {
		AppState struct {
			Community struct {
				Params struct {
					OpenDoorMinFee sdk.Coins `json:"open_door_min_fee"`
				} `json:"params"`
			} `json:"community"`
		} `json:"app_state"`
	}
	if err := json.Unmarshal(raw, &gen); err != nil {
		return nil, fmt.Errorf("%s: %w", genesisPath, err)
	}
	return gen.AppState.Community.Params.OpenDoorMinFee, nil
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
