package keeper

import (
	"context"
	"slices"

	"github.com/polity-chain/polity/internal/addrutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// rejectable maps each rejection power to the proposal kind it rejects.
var rejectable = map[types.Power]proposalstypes.ProposalKind{
	types.PowerRejectBudget:         proposalstypes.KindBudget,
	types.PowerRejectStandardBylaw:  proposalstypes.KindStandardBylaw,
	types.PowerRejectOperatorAction: proposalstypes.KindTechnical,
}

// Petition starts a rejection, removal or community action: one participant
// petitions; a second must support it within the support period.
func (k *Keeper) Petition(ctx context.Context, msg *types.MsgPetition) (uint64, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if _, err := k.actingFor(ctx, msg.Signer, msg.CommunityId, params); err != nil {
		return 0, err
	}
	rule, ok := params.Rule(msg.Power)
	if !ok {
		return 0, types.ErrInvalidPower.Wrapf("%d", msg.Power)
	}
	if rule.Approval {
		return 0, types.ErrInvalidPower.Wrapf("%s is an approval action: it starts with the Board's decision, not a petition", msg.Power)
	}
	if err := checkDocument("rationale", msg.Rationale, params.MaxUriLength, true); err != nil {
		return 0, err
	}
	if err := k.checkTarget(ctx, msg, rule); err != nil {
		return 0, err
	}
	a, err := k.openAction(ctx, msg.Power, rule, msg.ProposalId, msg.SeatId, "", msg.Rationale, msg.CommunityId)
	if err != nil {
		return 0, err
	}
	a.Petitioner = msg.CommunityId
	if err := k.setStage(ctx, &a, types.StageSupport, deadline(ctx, rule.SupportPeriod), "petitioned by "+msg.CommunityId); err != nil {
		return 0, err
	}
	return a.Id, k.storeAction(ctx, a)
}

// checkTarget checks what a petition challenges.
func (k *Keeper) checkTarget(ctx context.Context, msg *types.MsgPetition, rule types.PowerRule) error {
	if msg.Power != types.PowerRemoveDirector && msg.SeatId != 0 {
		return types.ErrInvalidTarget.Wrap("only a removal names a seat")
	}
	if kind, ok := rejectable[msg.Power]; ok {
		p, err := k.proposals.GetProposal(ctx, msg.ProposalId)
		if err != nil {
			return types.ErrInvalidTarget.Wrapf("proposal %d: %v", msg.ProposalId, err)
		}
		if p.Kind != kind || p.Status != proposalstypes.StatusECReview || p.Rule.EcTreatment != proposalstypes.ECRejectionWindow {
			return types.ErrInvalidTarget.Wrapf("%s applies to a %s proposal in its rejection window; proposal %d is a %s proposal, %s",
				msg.Power, kind, p.Id, p.Kind, p.Status)
		}
		if now, _ := blockTime(ctx); now.Sub(p.BoardDecidedTime) > rule.PetitionPeriod {
			return types.ErrOutOfWindow.Wrapf("the Board decided proposal %d at %s; petitions are due within %s", p.Id, p.BoardDecidedTime, rule.PetitionPeriod)
		}
	} else if msg.ProposalId != 0 || msg.Power == types.PowerCommunityIRP || msg.Power == types.PowerCommunityReconsideration {
		p, err := k.proposals.GetProposal(ctx, msg.ProposalId)
		if err != nil {
			return types.ErrInvalidTarget.Wrapf("proposal %d: %v", msg.ProposalId, err)
		}
		if p.BoardDecidedTime.IsZero() {
			return types.ErrInvalidTarget.Wrapf("proposal %d has no Board decision to challenge", p.Id)
		}
	}
	if msg.Power == types.PowerRemoveDirector {
		seat, err := k.community.GetSeat(ctx, msg.SeatId)
		if err != nil {
			return types.ErrInvalidTarget.Wrapf("seat %d: %v", msg.SeatId, err)
		}
		if seat.Holder == "" || !seat.Voting {
			return types.ErrInvalidTarget.Wrapf("seat %d holds no voting director", seat.Id)
		}
		// ICANN: the EC removes individual directors "but not the President";
		// the Board's own motion removes an ex-officio holder, and the recall
		// of the whole Board still vacates the seat.
		if seat.ExOfficio {
			return types.ErrInvalidTarget.Wrapf("seat %d is ex officio: the Board removes its holder by its own motion (a Board recall vacates it too)", seat.Id)
		}
		appointer, err := k.community.GetCommunity(ctx, seat.AppointingCommunity)
		if err != nil {
			return err
		}
		if appointer.Kind != communitytypes.KindNominating {
			return types.ErrInvalidTarget.Wrapf("seat %d was filled by %s, which removes its director by its own motion", seat.Id, appointer.Id)
		}
	}
	return k.checkNoDuplicate(ctx, msg)
}

// checkNoDuplicate refuses a second open action of a power on a target.
func (k *Keeper) checkNoDuplicate(ctx context.Context, msg *types.MsgPetition) error {
	ids, err := k.candidateDuplicates(ctx, msg.ProposalId)
	if err != nil {
		return err
	}
	for _, id := range ids {
		a, err := k.Actions.Get(ctx, id)
		if err != nil {
			return err
		}
		if a.Stage.Open() && a.Power == msg.Power && a.SeatId == msg.SeatId {
			return types.ErrDuplicate.Wrapf("action %d (%s) is under way", a.Id, a.Power)
		}
	}
	return nil
}

// candidateDuplicates lists the actions a new petition could duplicate: those
// on its proposal, or, for powers without one (recall, removal, inspection),
// the open actions, so that the check does not grow with the chain's history.
func (k *Keeper) candidateDuplicates(ctx context.Context, proposalID uint64) ([]uint64, error) {
	if proposalID != 0 {
		iter, err := k.Actions.Indexes.Proposal.MatchExact(ctx, proposalID)
		if err != nil {
			return nil, err
		}
		return iter.PrimaryKeys()
	}
	var ids []uint64
	for _, stage := range []types.Stage{types.StageSupport, types.StageForum, types.StageDecision} {
		iter, err := k.Actions.Indexes.Stage.MatchExact(ctx, int32(stage))
		if err != nil {
			return nil, err
		}
		open, err := iter.PrimaryKeys()
		if err != nil {
			return nil, err
		}
		ids = append(ids, open...)
	}
	return ids, nil
}

// openAction creates an action with its electorate: the decisional
// participants now, minus those carved out because the challenged Board action
// implemented their consensus advice; the support threshold drops by one for
// each carve-out, but never below a majority of the participants who remain.
// A petitioner (opener) that is carved out is refused before anything is
// written, the action id included.
func (k *Keeper) openAction(ctx context.Context, power types.Power, rule types.PowerRule, proposalID, seatID uint64,
	panelist string, rationale communitytypes.Document, opener string,
) (types.Action, error) {
	participants, err := k.community.DecisionalParticipants(ctx)
	if err != nil {
		return types.Action{}, err
	}
	carved, err := k.carvedOut(ctx, power, proposalID)
	if err != nil {
		return types.Action{}, err
	}
	if opener != "" && slices.Contains(carved, opener) {
		return types.Action{}, types.ErrCarvedOut.Wrapf("the challenged action implemented consensus advice of %s", opener)
	}
	id, err := k.ActionID.Next(ctx)
	if err != nil {
		return types.Action{}, err
	}
	now, height := blockTime(ctx)
	a := types.Action{
		Id: id, Power: power, ProposalId: proposalID, SeatId: seatID, Panelist: panelist, Rationale: rationale,
		MinSupport: rule.MinSupport, MaxObjections: rule.MaxObjections, OpenedTime: now, OpenedHeight: height,
	}
	for _, c := range participants {
		if slices.Contains(carved, c.Id) {
			a.CarvedOut = append(a.CarvedOut, c.Id)
		} else {
			a.Participants = append(a.Participants, c.Id)
		}
	}
	if len(a.CarvedOut) > 0 {
		majority := int64(len(a.Participants))/2 + 1
		a.MinSupport = int64ToU32(max(majority, int64(a.MinSupport)-int64(len(a.CarvedOut))))
	}
	return a, nil
}

func int64ToU32(v int64) uint32 {
	if v < 0 {
		return 0
	}
	return uint32(v)
}

// carvedOut lists the participants carved out of an action: only for the
// rejection and challenge powers (never an approval, a recall or a removal),
// only participants whose constitution grants the carve-out (ICANN: the GAC),
// and only for their consensus advice linked to the challenged proposal that
// the Board accepted. (Fix: advice a proposal merely answered used to count,
// so a FUNDAMENTAL bylaw accepting unrelated advice carved its givers out of
// its own approval.)
func (k *Keeper) carvedOut(ctx context.Context, power types.Power, proposalID uint64) ([]string, error) {
	if proposalID == 0 || !carvable(power) {
		return nil, nil
	}
	linked, err := k.proposals.LinkedAdvice(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, adv := range linked {
		if !adv.Consensus || adv.Status != proposalstypes.AdviceAnswered || adv.Response != proposalstypes.ResponseAccepted {
			continue
		}
		c, err := k.community.GetCommunity(ctx, adv.CommunityId)
		if err != nil {
			return nil, err
		}
		if c.CarveOutEligible && !slices.Contains(out, c.Id) {
			out = append(out, c.Id)
		}
	}
	return out, nil
}

// carvable reports whether a power rejects or challenges a Board action, the
// only uses the carve-out applies to.
func carvable(power types.Power) bool {
	switch power {
	case types.PowerRejectBudget, types.PowerRejectStandardBylaw, types.PowerRejectOperatorAction,
		types.PowerCommunityIRP, types.PowerCommunityReconsideration:
		return true
	}
	return false
}

// SupportPetition supports a petition: a second, different participant within
// the support period. The community forum then opens.
func (k *Keeper) SupportPetition(ctx context.Context, msg *types.MsgSupportPetition) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if _, err := k.actingFor(ctx, msg.Signer, msg.CommunityId, params); err != nil {
		return err
	}
	a, err := k.GetAction(ctx, msg.ActionId)
	if err != nil {
		return err
	}
	if a.Stage != types.StageSupport {
		return types.ErrWrongStage.Wrapf("action %d is %s", a.Id, a.Stage)
	}
	if msg.CommunityId == a.Petitioner {
		return types.ErrSelfSupport.Wrapf("%s petitioned action %d", msg.CommunityId, a.Id)
	}
	if slices.Contains(a.CarvedOut, msg.CommunityId) {
		return types.ErrCarvedOut.Wrapf("%s is carved out of action %d", msg.CommunityId, a.Id)
	}
	// the electorate is fixed when the action opens, for support as for decisions
	if !slices.Contains(a.Participants, msg.CommunityId) {
		return types.ErrNotParticipant.Wrapf("%s was not a participant when action %d opened", msg.CommunityId, a.Id)
	}
	rule, ok := params.Rule(a.Power)
	if !ok {
		return types.ErrInvalidParams.Wrapf("no rule for %s (action %d)", a.Power, a.Id)
	}
	a.Supporter = msg.CommunityId
	if err := k.emit(ctx, &types.EventPetitionSupported{ActionId: a.Id, CommunityId: msg.CommunityId}); err != nil {
		return err
	}
	if err := k.setStage(ctx, &a, types.StageForum, deadline(ctx, rule.ForumPeriod), "supported by "+msg.CommunityId+"; the community forum is open"); err != nil {
		return err
	}
	return k.storeAction(ctx, a)
}

// PostStatement posts a community-forum statement (any account: an open-door
// message).
func (k *Keeper) PostStatement(ctx context.Context, msg *types.MsgPostStatement) (uint64, error) {
	if _, err := addrutil.Parse(k.addressCodec, msg.Author); err != nil {
		return 0, types.ErrInvalidAddress.Wrapf("author %q: %v", msg.Author, err)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := checkText("text", msg.Text, params.MaxTextLength, true); err != nil {
		return 0, err
	}
	if err := checkDocument("document", msg.Document, params.MaxUriLength, false); err != nil {
		return 0, err
	}
	a, err := k.GetAction(ctx, msg.ActionId)
	if err != nil {
		return 0, err
	}
	if a.Stage != types.StageForum {
		return 0, types.ErrWrongStage.Wrapf("action %d is %s: the forum is not open", a.Id, a.Stage)
	}
	id, err := k.StatementID.Next(ctx)
	if err != nil {
		return 0, err
	}
	now, height := blockTime(ctx)
	st := types.Statement{ActionId: a.Id, Id: id, Author: msg.Author, Text: msg.Text, Document: msg.Document, Height: height, Time: now}
	if err := k.Statements.Set(ctx, joinStatement(a.Id, id), st); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventStatementPosted{ActionId: a.Id, StatementId: id, Author: msg.Author})
}
