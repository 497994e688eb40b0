package keeper

import (
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// Participants are the constitution's five decisional participants, in id
// order (the order x/community lists them).
var Participants = []string{"dev", "fin", "gov", "ops", "users"}

// CommunityVoters are the two members of a decisional participant (its chair
// and its other member), whose yes votes pass its motions.
func CommunityVoters(communityID string) []sdk.AccAddress {
	return []sdk.AccAddress{Addr(communityID + "-chair"), Addr(communityID + "-member")}
}

// PetitionMsg is a participant's petition, signed as its passed motion would
// sign it; tests edit it to make it wrong.
func PetitionMsg(communityID string, power empoweredtypes.Power, proposalID, seatID uint64) *empoweredtypes.MsgPetition {
	return &empoweredtypes.MsgPetition{
		Signer: BodyAuthority(communityID), CommunityId: communityID, Power: power,
		ProposalId: proposalID, SeatId: seatID, Rationale: Doc(communityID + "-" + power.String()),
	}
}

// Petition delivers a petition and returns the new action's id.
func (f *Fixture) Petition(msg *empoweredtypes.MsgPetition) (uint64, error) {
	f.tb.Helper()
	res, err := f.Deliver(msg)
	if err != nil {
		return 0, err
	}
	var resp empoweredtypes.MsgPetitionResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.ActionId, nil
}

// MustPetition has a participant petition (by its body authority) and
// returns the action id.
func (f *Fixture) MustPetition(communityID string, power empoweredtypes.Power, proposalID, seatID uint64) uint64 {
	f.tb.Helper()
	id, err := f.Petition(PetitionMsg(communityID, power, proposalID, seatID))
	require.NoError(f.tb, err)
	return id
}

// SupportMsg is a participant's support of a petition.
func SupportMsg(communityID string, actionID uint64) *empoweredtypes.MsgSupportPetition {
	return &empoweredtypes.MsgSupportPetition{Signer: BodyAuthority(communityID), CommunityId: communityID, ActionId: actionID}
}

// MustSupport has a participant support a petition.
func (f *Fixture) MustSupport(communityID string, actionID uint64) {
	f.tb.Helper()
	f.MustDeliver(SupportMsg(communityID, actionID))
}

// StatementMsg is a forum statement by any account.
func StatementMsg(author sdk.AccAddress, actionID uint64, text string) *empoweredtypes.MsgPostStatement {
	return &empoweredtypes.MsgPostStatement{Author: author.String(), ActionId: actionID, Text: text}
}

// MustPostStatement posts a forum statement and returns its id.
func (f *Fixture) MustPostStatement(author sdk.AccAddress, actionID uint64, text string) uint64 {
	f.tb.Helper()
	res := f.MustDeliver(StatementMsg(author, actionID, text))
	var resp empoweredtypes.MsgPostStatementResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.StatementId
}

// DecideMsg is a participant's decision.
func DecideMsg(communityID string, actionID uint64, choice empoweredtypes.Choice) *empoweredtypes.MsgDecide {
	return &empoweredtypes.MsgDecide{Signer: BodyAuthority(communityID), CommunityId: communityID, ActionId: actionID, Choice: choice}
}

// MustDecide records a participant's decision and returns the action's stage
// after it.
func (f *Fixture) MustDecide(communityID string, actionID uint64, choice empoweredtypes.Choice) empoweredtypes.Stage {
	f.tb.Helper()
	res := f.MustDeliver(DecideMsg(communityID, actionID, choice))
	var resp empoweredtypes.MsgDecideResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.Stage
}

// Action reads an action that must exist.
func (f *Fixture) Action(id uint64) empoweredtypes.Action {
	f.tb.Helper()
	a, err := f.Empowered.GetAction(f.Ctx, id)
	require.NoError(f.tb, err)
	return a
}

// EmpoweredRule is a power's rule in the current params.
func (f *Fixture) EmpoweredRule(power empoweredtypes.Power) empoweredtypes.PowerRule {
	f.tb.Helper()
	params, err := f.Empowered.GetParams(f.Ctx)
	require.NoError(f.tb, err)
	rule, ok := params.Rule(power)
	require.True(f.tb, ok, "no rule for %s", power)
	return rule
}

// Escalate petitions (petitioner), supports (supporter) and runs the forum
// period out, so that the action is in its decision period; it returns the
// action id.
func (f *Fixture) Escalate(petitioner, supporter string, power empoweredtypes.Power, proposalID, seatID uint64) uint64 {
	f.tb.Helper()
	id := f.MustPetition(petitioner, power, proposalID, seatID)
	f.MustSupport(supporter, id)
	f.Advance(f.EmpoweredRule(power).ForumPeriod)
	require.Equal(f.tb, empoweredtypes.StageDecision, f.Action(id).Stage, f.Action(id).Note)
	return id
}

// DecideAll has each participant decide in order and returns the stage after
// the last decision.
func (f *Fixture) DecideAll(actionID uint64, choice empoweredtypes.Choice, communities ...string) empoweredtypes.Stage {
	f.tb.Helper()
	var stage empoweredtypes.Stage
	for _, c := range communities {
		stage = f.MustDecide(c, actionID, choice)
	}
	return stage
}

// ToECPhase submits a proposal of a community originator, runs its comment
// period out and has every voting director approve it, so that it enters its
// Empowered Community phase (and, under NewConstitutionFixture, an approval
// kind starts its approval action). It returns the proposal id.
func (f *Fixture) ToECPhase(originator string, kind proposalstypes.ProposalKind, msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	id := f.MustSubmitProposal(originator, kind, msgs...)
	f.Advance(CommentPeriod)
	p := f.BoardDecides(id, len(VotingDirectors))
	require.Equal(f.tb, proposalstypes.StatusECReview, p.Status, p.Note)
	return id
}

// PassMotion submits a motion in a participant community carrying msgs and
// has both its members vote yes, so that it passes and executes; it returns
// the decided motion.
func (f *Fixture) PassMotion(communityID string, msgs ...sdk.Msg) types.Motion {
	f.tb.Helper()
	voters := CommunityVoters(communityID)
	return f.Pass(voters[0], communityID, voters, msgs...)
}
