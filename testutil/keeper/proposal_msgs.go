package keeper

import (
	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// ProposalMsg is a MsgSubmitProposal with a title and a document derived from
// the originator and kind; tests edit it to make it wrong.
func (f *Fixture) ProposalMsg(proposer sdk.AccAddress, originator string, kind proposalstypes.ProposalKind, msgs ...sdk.Msg) *proposalstypes.MsgSubmitProposal {
	f.tb.Helper()
	anys := make([]*codectypes.Any, len(msgs))
	for i, m := range msgs {
		anys[i] = f.Any(m)
	}
	return &proposalstypes.MsgSubmitProposal{
		Proposer: proposer.String(), Originator: originator, Kind: kind,
		Title: originator + " " + kind.String(), Summary: "a test proposal",
		Document: Doc(originator + "-" + kind.String()), Messages: anys,
	}
}

// SubmitProposal delivers MsgSubmitProposal and returns the new proposal's id.
func (f *Fixture) SubmitProposal(msg *proposalstypes.MsgSubmitProposal) (uint64, error) {
	f.tb.Helper()
	res, err := f.Deliver(msg)
	if err != nil {
		return 0, err
	}
	var resp proposalstypes.MsgSubmitProposalResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.ProposalId, nil
}

// MustSubmitProposal submits a proposal that must be accepted. A community
// proposal is signed by the community's body address (as its passed motion
// would); a Board proposal by director-dev.
func (f *Fixture) MustSubmitProposal(originator string, kind proposalstypes.ProposalKind, msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	proposer := types.BodyAddress(originator)
	if originator == proposalstypes.BoardOriginator {
		proposer = Addr("director-dev")
	}
	id, err := f.SubmitProposal(f.ProposalMsg(proposer, originator, kind, msgs...))
	require.NoError(f.tb, err)
	return id
}

// BoardVote delivers MsgBoardVote.
func (f *Fixture) BoardVote(director sdk.AccAddress, id uint64, option types.VoteOption) error {
	f.tb.Helper()
	_, err := f.Deliver(&proposalstypes.MsgBoardVote{Director: director.String(), ProposalId: id, Option: option})
	return err
}

// MustBoardVote casts a Board vote that must be accepted.
func (f *Fixture) MustBoardVote(director string, id uint64, option types.VoteOption) {
	f.tb.Helper()
	require.NoError(f.tb, f.BoardVote(Addr(director), id, option))
}

// BoardDecides has the voting directors in office vote, in seat order, yes
// first and then no, until the outcome is certain; yes is the number of yes
// votes cast before the first no. The settled vote concludes, and a
// proposal it leaves QUEUED executes, as the block ends (x/proposals'
// EndBlocker runs), as on a chain. It returns the proposal.
func (f *Fixture) BoardDecides(id uint64, yes int) proposalstypes.Proposal {
	f.tb.Helper()
	cast := 0
	for _, d := range VotingDirectors {
		if f.GetProposal(id).Status != proposalstypes.StatusBoardVote || f.BoardVoteSettled(id) {
			break
		}
		if _, held, err := f.Keeper.BoardSeatOf(f.Ctx, Addr(d)); err != nil || !held {
			require.NoError(f.tb, err)
			continue // a vacated seat casts no vote
		}
		option := types.OptionYes
		if cast >= yes {
			option = types.OptionNo
		}
		f.MustBoardVote(d, id, option)
		cast++
	}
	f.ConcludeSettled()
	if f.GetProposal(id).Status == proposalstypes.StatusQueued {
		f.EndBlockProposals()
	}
	return f.GetProposal(id)
}

// BoardVoteSettled says whether this block's Board votes made the outcome
// of proposal id certain (EndBlock will conclude it).
func (f *Fixture) BoardVoteSettled(id uint64) bool {
	f.tb.Helper()
	has, err := f.Proposals.SettledBoardVotes.Has(f.Ctx, id)
	require.NoError(f.tb, err)
	return has
}

// ConcludeSettled concludes the Board votes settled in this block, as
// x/proposals' EndBlocker does first, and runs nothing else.
func (f *Fixture) ConcludeSettled() {
	f.tb.Helper()
	require.NoError(f.tb, f.Proposals.ConcludeSettledBoardVotes(f.Ctx))
}

// AdviceMsg is advice of an advisory community linked to a proposal, or on
// a topic when proposalID is 0.
func AdviceMsg(community string, proposalID uint64, consensus bool) *proposalstypes.MsgSubmitAdvice {
	msg := &proposalstypes.MsgSubmitAdvice{
		Authority: BodyAuthority(community), CommunityId: community, ProposalId: proposalID,
		Title: community + " advice", Document: Doc(community + "-advice"), Consensus: consensus,
	}
	if proposalID == 0 {
		msg.Topic = "a topic"
	}
	return msg
}

// MustAdvise gives advice of an advisory community and returns its id.
// Plain advice is delivered signed by the body address, as its passed motion
// would; consensus advice passes a real motion of the community with every
// member voting yes, since consensus is checked against the motion (no
// objection). A community without advice deference is granted it first
// (tests of the privilege itself build their advice with AdviceMsg).
func (f *Fixture) MustAdvise(community string, proposalID uint64, consensus bool) uint64 {
	f.tb.Helper()
	msg := AdviceMsg(community, proposalID, consensus)
	if !consensus {
		res := f.MustDeliver(msg)
		var resp proposalstypes.MsgSubmitAdviceResponse
		require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
		return resp.AdviceId
	}
	c, err := f.Keeper.GetCommunity(f.Ctx, community)
	require.NoError(f.tb, err)
	if !c.AdviceDeference {
		f.MustDeliver(&types.MsgSetCommunityPrivileges{Authority: f.Authority, CommunityId: community, AdviceDeference: true, CarveOutEligible: c.CarveOutEligible})
	}
	voters := f.members(community)
	next, err := f.Proposals.AdviceID.Peek(f.Ctx)
	require.NoError(f.tb, err)
	id := f.MustSubmitMotion(voters[0], community, msg)
	for _, v := range voters {
		if f.Motion(id).Status != types.MotionStatusVoting {
			break // passed early
		}
		f.MustVote(v, id, types.OptionYes)
	}
	m := f.Executed(id)
	require.Equal(f.tb, types.MotionStatusPassed, m.Status, m.FailureReason)
	return next
}

// members lists a community's voting members in address order.
func (f *Fixture) members(community string) []sdk.AccAddress {
	f.tb.Helper()
	iter, err := f.Keeper.Memberships.Iterate(f.Ctx, collections.NewPrefixedPairRange[string, sdk.AccAddress](community))
	require.NoError(f.tb, err)
	kvs, err := iter.KeyValues()
	require.NoError(f.tb, err)
	var out []sdk.AccAddress
	for _, kv := range kvs {
		if kv.Value.Weight > 0 {
			out = append(out, kv.Key.K2())
		}
	}
	require.NotEmpty(f.tb, out, "%s has voting members", community)
	return out
}

// RespondMsg is the governance-signed answer to advice that a Board
// resolution carries.
func (f *Fixture) RespondMsg(adviceID uint64, response proposalstypes.AdviceResponse) *proposalstypes.MsgRespondToAdvice {
	return &proposalstypes.MsgRespondToAdvice{
		Authority: f.Authority, AdviceId: adviceID, Response: response, Rationale: Doc("rationale"),
	}
}
