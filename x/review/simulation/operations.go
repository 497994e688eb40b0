package simulation

import (
	"math/rand"
	"strconv"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitysim "github.com/polity-chain/polity/x/community/simulation"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	proposalssim "github.com/polity-chain/polity/x/proposals/simulation"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// stray is the share of operations sent by a random account instead of one
// entitled to act.
const stray = 0.1

// Keepers are what x/review's operations read to pick their targets.
type Keepers struct {
	Review    *keeper.Keeper
	Community *communitykeeper.Keeper
	Proposals *proposalskeeper.Keeper
	// Secretariat is the id of the community whose motions register
	// external parties.
	Secretariat string
}

// op is an operation that builds one message and its signer, or nothing.
type op func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg)

// deliver turns an op into a simulation operation.
func deliver(env simutil.Env, name string, build op) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		acc, msg := build(r, ctx, accs)
		if msg == nil {
			return simtypes.NoOpMsg(types.ModuleName, name, "nothing to act on"), nil, nil
		}
		return simutil.Deliver(env, r, app, ctx, chainID, acc, msg)
	}
}

// WeightedOperations are x/review's operations, by actor: filers (members,
// and outsiders through the open door), claimants choosing a panelist,
// panelists staying and declaring, the ombudsman, the Board chair, review
// teams filing their reports, and the members moving the motions that
// start the register and the review cycle.
func WeightedOperations(env simutil.Env, k Keepers) simulation.WeightedOperations {
	w := func(weight int, name string, build op) simulation.WeightedOperation {
		return simulation.NewWeightedOperation(weight, deliver(env, name, build))
	}
	return simulation.WeightedOperations{
		w(6, "file_irp", fileIRP(k)),
		w(4, "file_reconsideration", fileReconsideration(k)),
		w(4, "file_complaint", fileComplaint),
		w(10, "choose_panelist", choosePanelist(k)),
		w(10, "panel_stay", panelStay(k)),
		w(15, "declare", declare(k)),
		w(8, "ombudsman", ombudsman(k)),
		w(4, "emergency", emergency(k)),
		w(6, "emergency_followup", emergencyFollowup(k)),
		w(3, "add_minutes", addMinutes(k)),
		w(6, "file_review_report", fileReviewReport(k)),
		w(3, "secretariat_motion", secretariatMotion(k)),
		w(3, "nomination_motion", nominationMotion(k)),
	}
}

// target picks a proposal the Board has decided (what review and
// reconsideration challenge), else any open one, else a guess.
func target(r *rand.Rand, ctx sdk.Context, k Keepers) uint64 {
	decided := proposalssim.ProposalsIn(ctx, k.Proposals, proposalstypes.StatusECReview, proposalstypes.StatusApproved, proposalstypes.StatusQueued,
		proposalstypes.StatusRatified, proposalstypes.StatusRejected)
	if len(decided) == 0 || r.Intn(5) == 0 {
		decided = proposalssim.Open(ctx, k.Proposals)
	}
	if len(decided) == 0 {
		return 1 + uint64(r.Intn(3))
	}
	return simutil.Pick(r, decided).Id
}

// member picks a member of a random community (or a stray account).
func member(r *rand.Rand, ctx sdk.Context, k Keepers, accs []simtypes.Account) simtypes.Account {
	var members []string
	if bodies := communitysim.Bodies(ctx, k.Community); len(bodies) > 0 {
		members = communitysim.Voters(ctx, k.Community, simutil.Pick(r, bodies))
	}
	return simutil.Actor(r, accs, simutil.Holders(accs, members), stray)
}

func fileIRP(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		acc := member(r, ctx, k, accs)
		return acc, &types.MsgFileIRP{Claimant: acc.Address.String(), ClaimantKind: types.ClaimantMember,
			ProposalId: target(r, ctx, k), Provisions: []string{"Article 1"}, Claim: simutil.Document(r), InterimRelief: r.Intn(2) == 0}
	}
}

func fileReconsideration(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		acc, _ := simtypes.RandomAcc(r, accs)
		return acc, &types.MsgFileReconsideration{Requester: acc.Address.String(), ProposalId: target(r, ctx, k),
			Grounds: "simulated grounds", Request: simutil.Document(r)}
	}
}

func fileComplaint(r *rand.Rand, _ sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
	acc, _ := simtypes.RandomAcc(r, accs)
	return acc, &types.MsgFileComplaint{Complainant: acc.Address.String(), Subject: "simulated complaint", Complaint: simutil.Document(r)}
}

// choosePanelist has a forming case's claimant pick a panelist.
func choosePanelist(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		forming, panelists := IRPs(ctx, k.Review, types.IRPPanelForming), Panelists(ctx, k.Review)
		if len(forming) == 0 || len(panelists) == 0 {
			return simtypes.Account{}, nil
		}
		c := simutil.Pick(r, forming)
		acc := simutil.Actor(r, accs, simutil.Holders(accs, []string{c.Claimant}), stray)
		return acc, &types.MsgChoosePanelist{Chooser: acc.Address.String(), IrpId: c.Id, Panelist: simutil.Pick(r, panelists)}
	}
}

// panelStay has a member of a case's panel vote on interim relief.
func panelStay(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		cases := IRPs(ctx, k.Review, types.IRPInReview)
		if len(cases) == 0 {
			return simtypes.Account{}, nil
		}
		c := simutil.Pick(r, cases)
		acc := simutil.Actor(r, accs, simutil.Holders(accs, c.Panel), stray)
		return acc, &types.MsgPanelStay{Panelist: acc.Address.String(), IrpId: c.Id, Stay: r.Intn(3) > 0}
	}
}

// declare has a member of a case's panel declare an outcome.
func declare(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		cases := IRPs(ctx, k.Review, types.IRPInReview)
		if len(cases) == 0 {
			return simtypes.Account{}, nil
		}
		c := simutil.Pick(r, cases)
		acc := simutil.Actor(r, accs, simutil.Holders(accs, c.Panel), stray)
		return acc, &types.MsgDeclare{Panelist: acc.Address.String(), IrpId: c.Id,
			Outcome: types.Outcome(1 + r.Intn(2)), Reasoning: simutil.Document(r)}
	}
}

// ombudsman has the ombudsman acknowledge or report a complaint, or
// evaluate a reconsideration request.
func ombudsman(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		o, err := k.Review.Ombudsman.Get(ctx)
		var holders []string
		if err == nil {
			holders = []string{o.Address}
		}
		acc := simutil.Actor(r, accs, simutil.Holders(accs, holders), stray)
		signer := acc.Address.String()
		if filed := Reconsiderations(ctx, k.Review, types.ReconsiderationFiled); len(filed) > 0 && r.Intn(2) == 0 {
			return acc, &types.MsgEvaluateReconsideration{Ombudsman: signer, ReconsiderationId: simutil.Pick(r, filed).Id,
				Evaluation: simutil.Document(r), Frivolous: r.Intn(5) == 0}
		}
		complaints := Complaints(ctx, k.Review)
		if len(complaints) == 0 {
			return acc, nil
		}
		c := simutil.Pick(r, complaints)
		if c.Status == types.ComplaintFiled {
			return acc, &types.MsgAcknowledgeComplaint{Ombudsman: signer, ComplaintId: c.Id}
		}
		return acc, &types.MsgReportComplaint{Ombudsman: signer, ComplaintId: c.Id, Report: simutil.Document(r), Frivolous: r.Intn(5) == 0}
	}
}

// chair is the Board chair (or a stray account).
func chair(r *rand.Rand, ctx sdk.Context, k Keepers, accs []simtypes.Account) simtypes.Account {
	c, err := k.Community.BoardChair.Get(ctx)
	var holders []string
	if err == nil {
		holders = []string{c}
	}
	return simutil.Actor(r, accs, simutil.Holders(accs, holders), stray)
}

// emergency has the Board chair take an emergency action: a statement, a
// pause of a message type, or the suspension of an open proposal.
func emergency(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		acc := chair(r, ctx, k, accs)
		msg := &types.MsgTakeEmergencyAction{Chair: acc.Address.String(), Kind: types.EmergencyKind(1 + r.Intn(3)), Statement: simutil.Document(r)}
		switch msg.Kind {
		case types.EmergencyPauseMessage:
			msg.Target = simutil.Pick(r, []string{"/cosmos.bank.v1beta1.MsgSend", "/polity.community.v1.MsgUpdateProfile"})
		case types.EmergencySuspendProposal:
			msg.Target = strconv.FormatUint(target(r, ctx, k), 10)
		}
		return acc, msg
	}
}

// emergencyFollowup has the Board chair record the consultation of an
// advisory community on an action in force, or lift it.
func emergencyFollowup(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		inForce := Emergencies(ctx, k.Review, types.EmergencyActive, types.EmergencyRatified)
		if len(inForce) == 0 {
			return simtypes.Account{}, nil
		}
		e := simutil.Pick(r, inForce)
		acc := chair(r, ctx, k, accs)
		if r.Intn(3) == 0 {
			return acc, &types.MsgLiftEmergency{Authority: acc.Address.String(), EmergencyId: e.Id}
		}
		return acc, &types.MsgRecordConsultation{Chair: acc.Address.String(), EmergencyId: e.Id,
			CommunityId: simutil.Pick(r, []string{"security", "users", "gov"}), Consultation: simutil.Document(r)}
	}
}

// addMinutes has the Board chair add minutes to a recent emergency action.
func addMinutes(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		recent := Emergencies(ctx, k.Review, types.EmergencyActive, types.EmergencyRatified, types.EmergencyExpired, types.EmergencyLifted)
		if len(recent) == 0 {
			return simtypes.Account{}, nil
		}
		acc := chair(r, ctx, k, accs)
		return acc, &types.MsgAddMinutes{Chair: acc.Address.String(), EmergencyId: simutil.Pick(r, recent).Id, Minutes: simutil.Document(r)}
	}
}
