package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/privval"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/polity-chain/polity/e2e/internal/valtest"
)

// injectDoubleSign has node's consensus key sign two conflicting prevotes at
// a height the chain has committed, and broadcasts CometBFT's evidence of it
// to the network through node's RPC, as a peer that saw both votes would.
func injectDoubleSign(t *testing.T, net *Network, n *Node, height int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := rpchttp.New(fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC), "/websocket")
	if err != nil {
		t.Fatal(err)
	}
	vals, err := c.Validators(ctx, &height, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := cmttypes.NewValidatorSet(vals.Validators)
	block, err := c.Block(ctx, &height)
	if err != nil {
		t.Fatal(err)
	}
	pv := privval.LoadFilePVEmptyState(filepath.Join(n.Home, "config", "priv_validator_key.json"), "")
	idx, _ := set.GetByAddress(pv.Key.Address)
	if idx < 0 {
		t.Fatalf("%s is not in the validator set at height %d", n.Moniker, height)
	}
	vote := func(b byte) *cmttypes.Vote {
		hash := func(x byte) []byte { return []byte(strings.Repeat(string(rune('a'+x)), 32)) }
		v := &cmttypes.Vote{
			Type: cmtproto.PrevoteType, Height: height, Round: 0,
			BlockID:   cmttypes.BlockID{Hash: hash(b), PartSetHeader: cmttypes.PartSetHeader{Total: 1, Hash: hash(b + 1)}},
			Timestamp: block.Block.Time, ValidatorAddress: pv.Key.Address, ValidatorIndex: idx,
		}
		p := v.ToProto()
		sig, err := pv.Key.PrivKey.Sign(cmttypes.VoteSignBytes(net.ChainID, p))
		if err != nil {
			t.Fatal(err)
		}
		v.Signature = sig
		return v
	}
	ev, err := cmttypes.NewDuplicateVoteEvidence(vote(1), vote(3), block.Block.Time, set)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.BroadcastEvidence(ctx, ev); err != nil {
		t.Fatalf("broadcast_evidence: %v", err)
	}
}

// doubleSignSuspends: on the recovered two-validator chain, evidence that
// dev's validator signed twice is committed; the chain records it and
// suspends the validator at once (CometBFT's set keeps only ops'), blocks go
// on, and dev's motion then removes it (bootstrap mode, on since the
// recovery, allows the removal). The docker test stages the same with a real
// twin (e2e/dockertest).
func doubleSignSuspends(t *testing.T, net *Network) {
	t.Helper()
	ops, dev := net.Nodes[0], net.Nodes[1]
	addr := strings.TrimSpace(string(net.Exec(t, "comet", "show-address", "--home", dev.Home)))
	h := MaxHeight(t, ops, dev)
	injectDoubleSign(t, net, dev, h-1)

	var records []valtest.Misbehaviour
	Eventually(t, 30*time.Second, "the double-sign to be on record", func() (bool, string) {
		code, body, err := ops.REST(api + "/misbehaviours?consensus_address=" + addr)
		if err != nil || code != 200 {
			return false, fmt.Sprintf("HTTP %d %s %v", code, body, err)
		}
		records, err = valtest.Recorded(body, addr)
		if err != nil {
			return false, err.Error()
		}
		return len(records) > 0, string(body)
	})
	if err := valtest.CheckSuspendingDoubleSign(records); err != nil || len(records) != 1 {
		t.Fatalf("%v: want the one injected double-sign, suspending the validator (%d records)", err, len(records))
	}
	validator := func(status, power string) {
		t.Helper()
		code, body, err := ops.REST(api + "/validators/" + addr)
		if err != nil || code != 200 {
			t.Fatalf("validator %s: HTTP %d %s %v", addr, code, body, err)
		}
		if _, err := valtest.CheckValidator(body, status, power); err != nil {
			t.Error(err)
		}
	}
	validator(valtest.StatusSuspended, "10")
	Eventually(t, 20*time.Second, "CometBFT's set to drop the suspended validator", func() (bool, string) {
		vals := ops.CometValidators(t)
		return len(vals) == 1, fmt.Sprint(vals)
	})
	AgreeAt(t, MaxHeight(t, ops, dev)+2, ops, dev)

	// dev's community acts on it: its motion removes the suspended validator.
	motion, _ := ops.Decide(t, "dev", "Remove the validator that signed twice", []string{"dev-chair", "dev-member"},
		valtest.RemoveValidator("dev", addr))
	if motion.Status != MotionPassed {
		t.Fatalf("dev's removal motion: %+v, want passed", motion)
	}
	validator(valtest.StatusRemoved, "0")
}
