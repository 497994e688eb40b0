package keeper

import (
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// ReviewParams returns x/review's params.
func (f *Fixture) ReviewParams() reviewtypes.Params {
	f.tb.Helper()
	p, err := f.Review.GetParams(f.Ctx)
	require.NoError(f.tb, err)
	return p
}

// SetReviewParams replaces x/review's params as a ratified resolution would.
func (f *Fixture) SetReviewParams(p reviewtypes.Params) {
	f.tb.Helper()
	f.MustDeliver(&reviewtypes.MsgUpdateParams{Authority: f.Authority, Params: p})
}

// SecretariatAuthority is the address the secretariat's passed motions sign with.
func SecretariatAuthority() string { return BodyAuthority(app.SecretariatCommunity) }

// RegisterPartyMsg registers an external party, signed as the secretariat's motion.
func RegisterPartyMsg(addr sdk.AccAddress, name string) *reviewtypes.MsgRegisterParty {
	return &reviewtypes.MsgRegisterParty{Authority: SecretariatAuthority(), Address: addr.String(), Name: name, Profile: Doc(name + "-profile")}
}

// RegisterParty registers an external party as the secretariat's passed motion would.
func (f *Fixture) RegisterParty(addr sdk.AccAddress, name string) {
	f.tb.Helper()
	f.MustDeliver(RegisterPartyMsg(addr, name))
}

// FileIRPMsg is a valid filing against a proposal, citing one provision.
func FileIRPMsg(claimant string, kind reviewtypes.ClaimantKind, proposalID uint64) *reviewtypes.MsgFileIRP {
	return &reviewtypes.MsgFileIRP{
		Claimant: claimant, ClaimantKind: kind, ProposalId: proposalID,
		Provisions: []string{"Bylaws Art. 4.2"}, Claim: Doc("irp-claim"),
	}
}

// FileIRP delivers a filing and returns the new case's id.
func (f *Fixture) FileIRP(msg *reviewtypes.MsgFileIRP) (uint64, error) {
	f.tb.Helper()
	res, err := f.Deliver(msg)
	if err != nil {
		return 0, err
	}
	var resp reviewtypes.MsgFileIRPResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.IrpId, nil
}

// MustFileIRP files a case that must be accepted.
func (f *Fixture) MustFileIRP(msg *reviewtypes.MsgFileIRP) uint64 {
	f.tb.Helper()
	id, err := f.FileIRP(msg)
	require.NoError(f.tb, err)
	return id
}

// GetIRP reads a case that must exist.
func (f *Fixture) GetIRP(id uint64) reviewtypes.IRP {
	f.tb.Helper()
	c, err := f.Review.GetIRP(f.Ctx, id)
	require.NoError(f.tb, err)
	return c
}

// BoardChooser is the Board's side in panel choices: its body address, as a
// passed Board motion signs.
func BoardChooser() string { return BodyAuthority(types.BoardBodyID) }

// ChooseMsg is a side's panel choice.
func ChooseMsg(chooser string, irpID uint64, panelist string) *reviewtypes.MsgChoosePanelist {
	return &reviewtypes.MsgChoosePanelist{Chooser: chooser, IrpId: irpID, Panelist: Addr(panelist).String()}
}

// StayMsg is a panelist's vote on interim relief.
func StayMsg(panelist string, irpID uint64, stay bool) *reviewtypes.MsgPanelStay {
	return &reviewtypes.MsgPanelStay{Panelist: panelist, IrpId: irpID, Stay: stay}
}

// DeclareMsg is a panelist's declaration with a reasoning document.
func DeclareMsg(panelist string, irpID uint64, outcome reviewtypes.Outcome) *reviewtypes.MsgDeclare {
	return &reviewtypes.MsgDeclare{Panelist: panelist, IrpId: irpID, Outcome: outcome, Reasoning: Doc("reasoning-" + panelist)}
}

// CommunityParamsMsg changes x/community's max title length by governance:
// a STANDARD_BYLAW amendment whose execution a test can observe.
func (f *Fixture) CommunityParamsMsg(maxTitle uint32) *types.MsgUpdateParams {
	f.tb.Helper()
	p, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(f.tb, err)
	p.MaxTitleLength = maxTitle
	return &types.MsgUpdateParams{Authority: f.Authority, Params: p}
}

// BylawInECWindow submits dev's STANDARD_BYLAW amendment carrying msgs, ends
// its comment period and has every voting director approve it, so that it
// sits in the Empowered Community's rejection window, decided by the Board
// and not yet executed. It returns the proposal's id.
func (f *Fixture) BylawInECWindow(msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	id := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, msgs...)
	f.Advance(CommentPeriod)
	p := f.BoardDecides(id, len(VotingDirectors))
	require.Equal(f.tb, proposalstypes.StatusECReview, p.Status, p.Note)
	return id
}

// PassResolution submits a Board RESOLUTION carrying msgs (signed by the
// governance address), has the voting directors approve it and waits out its
// challenge window (none for a pure answer to advice); it must be ratified,
// its messages executed. It returns the resolution's id.
func (f *Fixture) PassResolution(msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	id := f.ApproveResolution(msgs...)
	if p := f.GetProposal(id); p.Status == proposalstypes.StatusECReview {
		f.Advance(p.Deadline.Sub(f.Now()))
	}
	p := f.GetProposal(id)
	require.Equal(f.tb, proposalstypes.StatusRatified, p.Status, p.Note)
	return id
}

// ApproveResolution submits a Board RESOLUTION carrying msgs and has the
// voting directors approve it; it returns the resolution's id, in its
// challenge window unless it only answers advice.
func (f *Fixture) ApproveResolution(msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	id := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution, msgs...)
	p := f.BoardDecides(id, len(VotingDirectors))
	require.Contains(f.tb, []proposalstypes.ProposalStatus{proposalstypes.StatusECReview, proposalstypes.StatusRatified}, p.Status, p.Note)
	return id
}

// SetBoardChair elects a voting director Board chair, as a passed Board
// motion would.
func (f *Fixture) SetBoardChair(director string) {
	f.tb.Helper()
	f.MustDeliver(&types.MsgSetBoardChair{Authority: BodyAuthority(types.BoardBodyID), Director: Addr(director).String()})
}

// EmergencyMsg is the Board chair's emergency action with a statement.
func EmergencyMsg(chair string, kind reviewtypes.EmergencyKind, target string) *reviewtypes.MsgTakeEmergencyAction {
	return &reviewtypes.MsgTakeEmergencyAction{Chair: Addr(chair).String(), Kind: kind, Target: target, Statement: Doc("emergency-statement")}
}

// TakeEmergency delivers an emergency action and returns its id.
func (f *Fixture) TakeEmergency(msg *reviewtypes.MsgTakeEmergencyAction) (uint64, error) {
	f.tb.Helper()
	res, err := f.Deliver(msg)
	if err != nil {
		return 0, err
	}
	var resp reviewtypes.MsgTakeEmergencyActionResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.EmergencyId, nil
}
