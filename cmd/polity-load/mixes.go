package main

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// The mixes. "vote" and "send" run on both chains; the others on Polity only.
const (
	mixVote    = "vote"     // Polity: motion votes on many open motions; stock: x/gov votes
	mixVoteYes = "vote-yes" // every member votes yes: motions decide early, later votes are refused in CheckTx
	mixBoard   = "board"    // Board votes by the constitution's directors
	mixComment = "comment"  // public comments by outsiders, paying the open-door fee
	mixSend    = "send"     // bank sends by members
	mixGov     = "gov"      // members vote (3 in 4) and send (1 in 4); a quarter as many outsiders comment
)

var options = []communitytypes.VoteOption{communitytypes.OptionYes, communitytypes.OptionNo, communitytypes.OptionAbstain}

func noFee(int) sdk.Coins { return nil }

// voteSpread is how many motions (x/gov proposals on the stock node) a run
// of the vote and gov mixes has per motion a sender votes on: each motion gets
// about 1/voteSpread of the members' votes. With options rotating yes, no,
// abstain, half the members cannot make a motion's outcome certain, so no
// motion decides mid-run and refuses the rest of its votes, just as no x/gov
// proposal does (x/gov tallies only at its end). The vote-yes mix decides
// motions on purpose and spreads over 1.
const voteSpread = 2

// boardSpread does for the Board mix what voteSpread does for motions: the
// seven directors vote in three groups ({0,3,6}, {1,4}, {2,5}), each on
// resolutions of its own, so no resolution gets more than three of the seven
// votes and none can become certain, and decided, mid-run. With every
// director voting on every resolution, a director who fell a block behind
// the others voted only on resolutions already decided, and each refusal
// broke its pipelined batch: its rate collapsed (736–1,014 votes/s against
// 1,300–1,500 in some runs at stop 34), a property of the load, not of the
// node.
const boardSpread = 3

// pickFor is the id sender i votes on in its k-th transaction of run: each
// run has ids of its own (when there are runs*spread*perTx of them), sender i
// votes on the (i mod spread)-th perTx of them, and takes those in a rotated
// order (i+k), so that at any moment the votes spread over all of them, as
// real voters' would, rather than every sender voting on the same one in the
// same block.
func pickFor(ids []uint64, run, perTx, spread, i, k int) uint64 {
	return ids[(run*spread*perTx+(i%spread)*perTx+(i+k)%perTx)%len(ids)]
}

// polityPlan builds mix for run (0-based): every run votes on motions and
// proposals of its own, so no vote is a second vote.
func (c *polityChain) plan(mix string, run, perTx int) (plan, error) {
	pick := func(ids []uint64, spread, i, k int) uint64 { return pickFor(ids, run, perTx, spread, i, k) }
	send := func(i int) sdk.Msg {
		return &banktypes.MsgSend{FromAddress: c.members[i].addr, ToAddress: c.members[(i+1)%len(c.members)].addr, Amount: sdk.NewCoins(sdk.NewInt64Coin(c.denom, 1))}
	}
	vote := func(i, k int, ids []uint64, spread int, opt communitytypes.VoteOption) sdk.Msg {
		return &communitytypes.MsgVote{Voter: c.members[i].addr, MotionId: pick(ids, spread, i, k), Option: opt}
	}
	comment := func(s *sender, k int) sdk.Msg {
		return &proposalstypes.MsgComment{Author: s.addr, ProposalId: c.commentProposal, Text: fmt.Sprintf("load comment %d", k)}
	}
	switch mix {
	case mixVote:
		return plan{c.members, perTx, func(i, k int) sdk.Msg { return vote(i, k, c.motions, voteSpread, options[(i+k)%3]) }, noFee}, nil
	case mixVoteYes:
		return plan{c.members, perTx, func(i, k int) sdk.Msg { return vote(i, k, c.yesMotions, 1, communitytypes.OptionYes) }, noFee}, nil
	case mixBoard:
		return plan{c.directors, perTx, func(i, k int) sdk.Msg {
			return &proposalstypes.MsgBoardVote{Director: c.directors[i].addr, ProposalId: pick(c.boardProposals, boardSpread, i, k), Option: options[(i+k)%3]}
		}, noFee}, nil
	case mixComment:
		return plan{c.outsiders, perTx, func(i, k int) sdk.Msg { return comment(c.outsiders[i], k) }, func(int) sdk.Coins { return c.openDoorFee }}, nil
	case mixSend:
		return plan{c.members, perTx, func(i, _ int) sdk.Msg { return send(i) }, noFee}, nil
	case mixGov:
		ss := append(append([]*sender{}, c.members...), c.outsiders[:len(c.outsiders)/4]...)
		return plan{ss, perTx, func(i, k int) sdk.Msg {
			switch {
			case i >= len(c.members):
				return comment(ss[i], k)
			case k%4 == 3:
				return send(i)
			default:
				return vote(i, k, c.govMotions, voteSpread, options[(i+k)%3])
			}
		}, func(i int) sdk.Coins {
			if i >= len(c.members) {
				return c.openDoorFee
			}
			return nil
		}}, nil
	}
	return plan{}, fmt.Errorf("unknown mix %q", mix)
}

// plan builds the stock chain's mixes: x/gov votes spread over the open
// proposals in the rotation Polity's motion votes use, so that with as many
// proposals as motions each vote is a voter's first on its proposal and adds
// a record, as a Polity vote does (with one proposal, x/gov lets a voter vote
// again and each vote overwrites the last), and bank sends.
func (c *stockChain) plan(mix string, run, perTx int) (plan, error) {
	switch mix {
	case mixVote:
		govOpts := []govv1.VoteOption{govv1.OptionYes, govv1.OptionNo, govv1.OptionAbstain}
		return plan{c.accounts, perTx, func(i, k int) sdk.Msg {
			return &govv1.MsgVote{ProposalId: pickFor(c.proposals, run, perTx, voteSpread, i, k), Voter: c.accounts[i].addr, Option: govOpts[(i+k)%3]}
		}, noFee}, nil
	case mixSend:
		return plan{c.accounts, perTx, func(i, _ int) sdk.Msg {
			return &banktypes.MsgSend{FromAddress: c.accounts[i].addr, ToAddress: c.accounts[(i+1)%len(c.accounts)].addr, Amount: sdk.NewCoins(sdk.NewInt64Coin(c.denom, 1))}
		}, noFee}, nil
	}
	return plan{}, fmt.Errorf("the stock node runs only %s and %s, not %q", mixVote, mixSend, mix)
}
