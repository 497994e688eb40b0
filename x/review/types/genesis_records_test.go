package types_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

var genesisCodec = addresscodec.NewBech32Codec("polity")

// acct is a canonical address derived from a name.
func acct(name string) string {
	sum := sha256.Sum256([]byte(name))
	s, err := genesisCodec.BytesToString(sum[:20])
	if err != nil {
		panic(err)
	}
	return s
}

// document is a valid document named s.
func document(s string) communitytypes.Document {
	sum := sha256.Sum256([]byte(s))
	return communitytypes.Document{Hash: hex.EncodeToString(sum[:]), Uri: "ipfs://" + s}
}

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// validGenesis is a hand-built state with records in every status, as the
// keeper leaves them. The rejection cases below each break one rule of it.
//
// Irps: 1 forming, 2 in review (stayed), 3 upheld, 4 denied, 5 acted after
// missing its deadline, 6 deadline missed. Reconsiderations: 1 filed, 2
// evaluated, 3 granted, 4 denied without an evaluation (overdue). Complaints:
// 1 filed, 2 acknowledged, 3 reported. Reviews: 1 open, 2 in progress, 3
// reported (emergency 1), 4 closed, 5 open (emergency 2), 6 in progress
// (emergency 3). Emergencies: 1 active statement, 2 ratified pause, 3 lifted
// suspension.
func validGenesis() *types.GenesisState {
	seedHex := hex.EncodeToString(types.InitialDrawSeed(1))
	p1, p2, p3 := acct("p1"), acct("p2"), acct("p3")
	panel := []string{p1, p2, p3}
	irp := func(id uint64, status types.IRPStatus) types.IRP {
		c := types.IRP{
			Id: id, Claimant: acct("claimant"), ClaimantKind: types.ClaimantMember, ProposalId: 7,
			Provisions: []string{"art. 4"}, Claim: document("claim"), Deposit: sdk.NewCoins(sdk.NewInt64Coin("upolity", 100)),
			Status: status, PickDeadline: t0, FiledHeight: 10, FiledTime: t0, UpdatedHeight: 30, UpdatedTime: t0,
			DrawSeedBlocks: 5, SeedHeights: []int64{16, 17, 18, 19, 20}, SeedHeight: 20, SeedBlocksMixed: 5, Seed: seedHex,
		}
		if status == types.IRPPanelForming {
			// halfway through its seed blocks
			c.SeedBlocksMixed = 2
			return c
		}
		c.ClaimantPick, c.RespondentPick, c.Panel = p1, p2, panel
		if status == types.IRPInReview {
			return c
		}
		c.Outcome, c.Reasoning, c.DeclaredHeight, c.DeclaredTime = types.OutcomeUpheld, document("reasoning"), 25, t0
		if status == types.IRPDenied {
			c.Outcome = types.OutcomeDenied
			return c
		}
		c.BoardDeadline = t0.Add(time.Hour)
		c.DeadlineMissed = status == types.IRPBoardDeadlineMissed || status == types.IRPBoardActed
		if status == types.IRPBoardActed {
			c.BoardAction = document("action")
		}
		return c
	}
	forming, inReview := irp(1, types.IRPPanelForming), irp(2, types.IRPInReview)
	forming.ClaimantPick = p1
	inReview.StayVotes, inReview.Stayed = []string{p2, p1}, true
	// its draw is recorded: the third seat drawn from a pool of one
	inReview.DrawPool, inReview.DrawnPanelists, inReview.DrawnTime = []string{p3}, []string{p3}, t0
	irps := []types.IRP{forming, inReview, irp(3, types.IRPUpheld), irp(4, types.IRPDenied), irp(5, types.IRPBoardActed), irp(6, types.IRPBoardDeadlineMissed)}
	decl := func(id uint64, p string, o types.Outcome) types.PanelDeclaration {
		return types.PanelDeclaration{IrpId: id, Panelist: p, Outcome: o, Reasoning: document("why"), Height: 25, Time: t0}
	}
	declarations := []types.PanelDeclaration{decl(2, p1, types.OutcomeUpheld)}
	for _, c := range irps[2:] {
		declarations = append(declarations, decl(c.Id, p1, c.Outcome), decl(c.Id, p2, c.Outcome))
	}

	recon := func(id uint64, status types.ReconsiderationStatus) types.Reconsideration {
		r := types.Reconsideration{
			Id: id, Requester: acct("requester"), ProposalId: 7, Grounds: "unfair", Request: document("request"),
			Status: status, Deadline: t0, FiledHeight: 10, FiledTime: t0, UpdatedHeight: 12, UpdatedTime: t0,
		}
		if status != types.ReconsiderationFiled {
			r.Evaluation = document("evaluation")
		}
		if status == types.ReconsiderationGranted || status == types.ReconsiderationDenied {
			r.Decision = document("decision")
		}
		return r
	}
	deniedLate := recon(4, types.ReconsiderationDenied)
	deniedLate.Evaluation, deniedLate.Overdue = communitytypes.Document{}, true
	// deposits: 1 held while filed, 2 held on a frivolous finding, 3
	// refunded; 4 paid none (the Empowered Community's)
	deposit := sdk.NewCoins(sdk.NewInt64Coin("upolity", 10))
	filedRecon, evaluated, granted := recon(1, types.ReconsiderationFiled), recon(2, types.ReconsiderationEvaluated), recon(3, types.ReconsiderationGranted)
	filedRecon.Deposit, filedRecon.DepositStatus = deposit, types.DepositHeld
	evaluated.Deposit, evaluated.DepositStatus, evaluated.EvaluatedFrivolous = deposit, types.DepositHeld, true
	granted.Deposit, granted.DepositStatus = deposit, types.DepositRefunded

	complaint := func(id uint64, status types.ComplaintStatus) types.Complaint {
		c := types.Complaint{
			Id: id, Complainant: acct("complainant"), Subject: "rude", Complaint: document("complaint"), Status: status,
			Deadline: t0, FiledHeight: 10, FiledTime: t0, UpdatedHeight: 12, UpdatedTime: t0,
		}
		if status == types.ComplaintReported {
			c.Report = document("report")
		}
		return c
	}
	acknowledged := complaint(2, types.ComplaintAcknowledged)
	acknowledged.Overdue = true
	// deposits: 1 held, 2 refunded when overdue, 3 kept as frivolous
	filedComplaint, reported := complaint(1, types.ComplaintFiled), complaint(3, types.ComplaintReported)
	filedComplaint.Deposit, filedComplaint.DepositStatus = deposit, types.DepositHeld
	acknowledged.Deposit, acknowledged.DepositStatus = deposit, types.DepositRefunded
	reported.Deposit, reported.DepositStatus, reported.DismissedFrivolous = deposit, types.DepositKept, true

	n1, n2 := acct("n1"), acct("n2")
	review := func(id uint64, typ types.ReviewType, subject string, status types.ReviewStatus, recs, open uint32) types.Review {
		r := types.Review{
			Id: id, Type: typ, Subject: subject, Status: status, Nominees: []string{n1, n2}, OpenedTime: t0, ReportDue: t0,
			OpenedHeight: 5, UpdatedHeight: 9, UpdatedTime: t0, Recommendations: recs, OpenRecommendations: open,
		}
		if status != types.ReviewOpen {
			r.Team = []string{n2}
		}
		if status == types.ReviewReported || status == types.ReviewClosed {
			r.Report = document("review report")
		}
		return r
	}
	rec := func(review uint64, index uint32, status types.RecommendationStatus) types.Recommendation {
		r := types.Recommendation{ReviewId: review, Index: index, Text: "do better", Status: status, CreatedHeight: 6, CreatedTime: t0, UpdatedHeight: 8}
		if status == types.RecommendationApproved || status == types.RecommendationImplemented {
			r.Due, r.Overdue = t0, true
		}
		if status == types.RecommendationImplemented {
			r.Evidence = document("evidence")
		}
		return r
	}

	emergency := func(id uint64, kind types.EmergencyKind, target string, status types.EmergencyStatus, review uint64) types.Emergency {
		e := types.Emergency{
			Id: id, Chair: acct("chair"), Kind: kind, Target: target, Statement: document("statement"), Status: status,
			ConsultationDeadline: t0, Expiry: t0, Ends: t0.Add(time.Hour), ReviewId: review, Minutes: []communitytypes.Document{document("statement")},
			TakenHeight: 5, TakenTime: t0, UpdatedHeight: 5, UpdatedTime: t0,
		}
		if status == types.EmergencyLifted || status == types.EmergencyExpired {
			e.EndedTime = t0
		}
		return e
	}
	ratified := emergency(2, types.EmergencyPauseMessage, "/cosmos.bank.v1beta1.MsgSend", types.EmergencyRatified, 5)
	ratified.ConsultedCommunity, ratified.Consultation, ratified.ConsultationMissed = "users", document("consultation"), true
	ratified.Minutes = append(ratified.Minutes, document("consultation"))

	return &types.GenesisState{
		Params:  types.DefaultParams(),
		Parties: []types.Party{{Address: acct("acme"), Name: "Acme", Profile: document("acme"), Active: true, Audit: communitytypes.Audit{CreatedHeight: 1, UpdatedHeight: 2}}},
		// open cases: p1 is case 1's pick and on case 2's panel, p2 and p3 on case 2's
		Panelists: []types.Panelist{
			{Address: p1, Name: "P1", Active: true, Confirmed: true, OpenCases: 2},
			{Address: p2, Name: "P2", OpenCases: 1}, {Address: p3, Name: "P3", Active: true, OpenCases: 1},
		},
		Irps:         irps,
		Declarations: declarations,
		Reconsiderations: []types.Reconsideration{
			filedRecon, evaluated, granted, deniedLate,
		},
		Ombudsman:  &types.Ombudsman{Address: acct("ombudsman"), TermEnd: t0},
		Complaints: []types.Complaint{filedComplaint, acknowledged, reported},
		Reviews: []types.Review{
			review(1, types.ReviewAccountability, "", types.ReviewOpen, 0, 0),
			review(2, types.ReviewSecurity, "", types.ReviewInProgress, 0, 0),
			review(3, types.ReviewPostEmergency, "emergency/1", types.ReviewReported, 2, 1),
			review(4, types.ReviewOrganisational, "ops", types.ReviewClosed, 1, 0),
			review(5, types.ReviewPostEmergency, "emergency/2", types.ReviewOpen, 0, 0),
			review(6, types.ReviewPostEmergency, "emergency/3", types.ReviewInProgress, 0, 0),
		},
		Recommendations: []types.Recommendation{
			rec(3, 0, types.RecommendationApproved), rec(3, 1, types.RecommendationRejected), rec(4, 0, types.RecommendationImplemented),
		},
		Emergencies: []types.Emergency{
			emergency(1, types.EmergencyStatement, "", types.EmergencyActive, 3),
			ratified,
			emergency(3, types.EmergencySuspendProposal, "7", types.EmergencyLifted, 6),
		},
		Schedule:              []types.ScheduledReview{{Type: types.ReviewAccountability, DueUnix: 100}, {Type: types.ReviewSecurity, DueUnix: 200}},
		OrganisationalCursor:  "ops",
		NextIrpId:             7,
		NextReconsiderationId: 5,
		NextComplaintId:       4,
		NextReviewId:          7,
		NextEmergencyId:       4,
	}
}

// TestGenesisRecordsValidate checks that the hand-built state is valid and
// that each record rule rejects a state breaking it (and only it: want is a
// piece of the message the rule gives).
func TestGenesisRecordsValidate(t *testing.T) {
	require.NoError(t, validGenesis().Validate(genesisCodec))
	bad := communitytypes.Document{Hash: "nothex", Uri: "x"}
	cases := []struct {
		name, want string
		edit       func(gs *types.GenesisState)
	}{
		// parties and panelists
		{"party without name", "no name", func(gs *types.GenesisState) { gs.Parties[0].Name = "" }},
		{"party bad profile", "profile", func(gs *types.GenesisState) { gs.Parties[0].Profile = bad }},
		{"party audit", "audit", func(gs *types.GenesisState) {
			gs.Parties[0].Audit = communitytypes.Audit{CreatedHeight: 3, UpdatedHeight: 2}
		}},
		{"panelist without name", "no name", func(gs *types.GenesisState) { gs.Panelists[0].Name = "" }},
		{"panelist audit", "audit", func(gs *types.GenesisState) {
			gs.Panelists[0].Audit = communitytypes.Audit{CreatedHeight: 3, UpdatedHeight: 2}
		}},

		// cases: filing
		{"irp claimant kind", "claimant kind", func(gs *types.GenesisState) { gs.Irps[0].ClaimantKind = 9 }},
		{"irp community without id", "community claimant", func(gs *types.GenesisState) {
			gs.Irps[0].ClaimantKind, gs.Irps[0].Deposit = types.ClaimantCommunity, nil
		}},
		{"irp no target", "neither", func(gs *types.GenesisState) { gs.Irps[0].ProposalId = 0 }},
		{"irp no provisions", "provisions", func(gs *types.GenesisState) { gs.Irps[0].Provisions = nil }},
		{"irp empty provision", "provisions", func(gs *types.GenesisState) { gs.Irps[0].Provisions = []string{""} }},
		{"irp bad claim", "claim: ", func(gs *types.GenesisState) { gs.Irps[0].Claim = bad }},
		{"irp bad deposit", "deposit", func(gs *types.GenesisState) {
			gs.Irps[0].Deposit = sdk.Coins{{Denom: "1bad", Amount: gs.Irps[0].Deposit[0].Amount}}
		}},
		{"irp deposit of the empowered community", "no deposit", func(gs *types.GenesisState) { gs.Irps[0].ClaimantKind = types.ClaimantEmpowered }},

		// cases: panel
		{"irp pick not a panelist", "not a panelist", func(gs *types.GenesisState) { gs.Irps[0].RespondentPick = acct("outsider") }},
		{"irp same pick twice", "same panelist", func(gs *types.GenesisState) { gs.Irps[0].RespondentPick = gs.Irps[0].ClaimantPick }},
		{"irp seed not hex", "seed", func(gs *types.GenesisState) { gs.Irps[0].Seed = "zz" }},
		{"irp forming without pick deadline", "pick deadline", func(gs *types.GenesisState) { gs.Irps[0].PickDeadline = time.Time{} }},
		{"irp forming with a panel", "before the panel", func(gs *types.GenesisState) { gs.Irps[0].Panel = gs.Irps[1].Panel }},
		{"irp in review without seed", "32-byte hex seed", func(gs *types.GenesisState) { gs.Irps[1].Seed = "" }},
		{"irp short seed", "32-byte hex seed", func(gs *types.GenesisState) { gs.Irps[1].Seed = "abcd" }},
		{"irp in review with an incomplete seed", "complete seed", func(gs *types.GenesisState) { gs.Irps[1].SeedBlocksMixed = 4 }},
		{"irp forming with a complete seed", "still forming", func(gs *types.GenesisState) { gs.Irps[0].SeedBlocksMixed = 5 }},
		{"irp more mixed than announced", "mixed of", func(gs *types.GenesisState) { gs.Irps[2].SeedBlocksMixed = 6 }},
		{"irp seed heights not consecutive", "not consecutive", func(gs *types.GenesisState) { gs.Irps[1].SeedHeights[2] = 99 }},
		{"irp seed heights not draw_seed_blocks", "want draw_seed_blocks", func(gs *types.GenesisState) { gs.Irps[1].DrawSeedBlocks = 4 }},
		{"irp seed height not the last", "want draw_seed_blocks", func(gs *types.GenesisState) { gs.Irps[2].SeedHeight = 19 }},
		{"irp seed before the announcement", "before the seed blocks", func(gs *types.GenesisState) { gs.Irps[0].SeedHeights = nil }},
		{"irp too many seed blocks", "above", func(gs *types.GenesisState) { gs.Irps[0].DrawSeedBlocks = 101 }},
		{"irp panel of two", "two picks", func(gs *types.GenesisState) { gs.Irps[2].Panel = gs.Irps[2].Panel[:2] }},
		{"irp panel not the picks", "two picks", func(gs *types.GenesisState) { gs.Irps[2].ClaimantPick = gs.Irps[2].Panel[2] }},
		{"irp drawn panelist repeated", "distinct", func(gs *types.GenesisState) {
			gs.Irps[2].Panel = []string{gs.Irps[2].Panel[0], gs.Irps[2].Panel[1], gs.Irps[2].Panel[0]}
		}},
		{"irp drawn outsider", "distinct", func(gs *types.GenesisState) {
			gs.Irps[2].Panel = []string{gs.Irps[2].Panel[0], gs.Irps[2].Panel[1], acct("outsider")}
		}},
		{"irp draw record while forming", "without a panel", func(gs *types.GenesisState) { gs.Irps[0].DrawnTime = t0 }},
		{"irp draw record without time", "draw's time", func(gs *types.GenesisState) { gs.Irps[1].DrawnTime = time.Time{} }},
		{"irp draw pool unsorted", "sorted pool", func(gs *types.GenesisState) {
			gs.Irps[1].DrawPool = slices.Sorted(slices.Values([]string{acct("q1"), acct("q2"), gs.Irps[1].Panel[2]}))
			slices.Reverse(gs.Irps[1].DrawPool)
		}},
		{"irp draw pool repeated", "sorted pool", func(gs *types.GenesisState) {
			gs.Irps[1].DrawPool = []string{gs.Irps[1].Panel[2], gs.Irps[1].Panel[2]}
		}},
		{"irp draw picks not what the seed draws", "not the recorded", func(gs *types.GenesisState) {
			gs.Irps[1].DrawnPanelists = []string{gs.Irps[1].Panel[0]}
		}},
		{"irp draw picks not seating the panel", "do not seat", func(gs *types.GenesisState) {
			gs.Irps[1].DrawPool = slices.Sorted(slices.Values([]string{acct("q1"), acct("q2")}))
			drawn, err := types.DrawPanelists(gs.Irps[1].Seed, gs.Irps[1].DrawPool, 1)
			if err != nil {
				panic(err)
			}
			gs.Irps[1].DrawnPanelists = drawn
		}},
		{"irp draw of four", "1 to 3 picks", func(gs *types.GenesisState) {
			gs.Irps[1].DrawnPanelists = []string{acct("a"), acct("b"), acct("c"), acct("d")}
		}},
		{"irp stay vote off the panel", "stay vote", func(gs *types.GenesisState) { gs.Irps[1].StayVotes = append(gs.Irps[1].StayVotes, acct("outsider")) }},
		{"irp stay vote twice", "stay vote", func(gs *types.GenesisState) {
			gs.Irps[1].StayVotes = append(gs.Irps[1].StayVotes, gs.Irps[1].StayVotes[0])
		}},
		{"irp stay votes on an inaction", "inaction", func(gs *types.GenesisState) {
			gs.Irps[3].ProposalId, gs.Irps[3].Inaction, gs.Irps[3].StayVotes = 0, "silence", gs.Irps[3].Panel[:1]
		}},
		{"emergency ends before its expiry", "ends before", func(gs *types.GenesisState) { gs.Emergencies[0].Ends = t0.Add(-time.Hour) }},
		{"emergency ended without a time", "ended_time", func(gs *types.GenesisState) { gs.Emergencies[2].EndedTime = time.Time{} }},
		{"emergency in force with an end time", "ended_time", func(gs *types.GenesisState) { gs.Emergencies[1].EndedTime = t0 }},
		{"emergency pausing an EC message", "never be paused", func(gs *types.GenesisState) { gs.Emergencies[1].Target = "/polity.empowered.v1.MsgPetition" }},
		{"panelist open cases undercounted", "open_cases", func(gs *types.GenesisState) { gs.Panelists[0].OpenCases = 1 }},
		{"panelist open cases of a decided case", "open_cases", func(gs *types.GenesisState) { gs.Panelists[1].OpenCases = 2 }},
		{"irp stayed without majority", "votes say false", func(gs *types.GenesisState) { gs.Irps[1].StayVotes = gs.Irps[1].StayVotes[:1] }},
		{"irp stayed after decision", "votes say false", func(gs *types.GenesisState) {
			gs.Irps[2].Stayed, gs.Irps[2].StayVotes = true, gs.Irps[2].Panel[:2]
		}},
		{"irp stayed while forming without a request", "votes say false", func(gs *types.GenesisState) { gs.Irps[0].Stayed = true }},
		{"irp requested relief not held", "votes say true", func(gs *types.GenesisState) { gs.Irps[0].ReliefRequested = true }},
		{"irp relief requested on an inaction", "inaction", func(gs *types.GenesisState) {
			gs.Irps[3].ProposalId, gs.Irps[3].Inaction, gs.Irps[3].ReliefRequested = 0, "silence", true
		}},
		{"irp relief objections without a request", "without a request", func(gs *types.GenesisState) {
			gs.Irps[1].ReliefObjections = gs.Irps[1].Panel[2:]
		}},
		{"irp relief objection also for", "also for", func(gs *types.GenesisState) {
			gs.Irps[1].ReliefRequested, gs.Irps[1].ReliefObjections = true, gs.Irps[1].StayVotes[:1]
		}},
		{"irp relief objections before the panel", "before the panel", func(gs *types.GenesisState) {
			gs.Irps[0].ReliefRequested, gs.Irps[0].Stayed, gs.Irps[0].ReliefObjections = true, true, []string{acct("panelist-1")}
		}},

		// cases: decision
		{"irp outcome of another status", "outcome", func(gs *types.GenesisState) { gs.Irps[2].Outcome = types.OutcomeDenied }},
		{"irp outcome in review", "outcome", func(gs *types.GenesisState) { gs.Irps[1].Outcome = types.OutcomeUpheld }},
		{"irp decided without reasoning", "reasoning", func(gs *types.GenesisState) { gs.Irps[3].Reasoning = communitytypes.Document{} }},
		{"irp reasoning in review", "reasoning", func(gs *types.GenesisState) { gs.Irps[1].Reasoning = document("early") }},
		{"irp declared in review", "declared", func(gs *types.GenesisState) { gs.Irps[1].DeclaredHeight = 3 }},
		{"irp upheld without board deadline", "board_deadline", func(gs *types.GenesisState) { gs.Irps[2].BoardDeadline = time.Time{} }},
		{"irp acted without board deadline", "board_deadline", func(gs *types.GenesisState) { gs.Irps[4].BoardDeadline = time.Time{} }},
		{"irp missed without board deadline", "board_deadline", func(gs *types.GenesisState) { gs.Irps[5].BoardDeadline = time.Time{} }},
		{"irp denied with board deadline", "board_deadline", func(gs *types.GenesisState) { gs.Irps[3].BoardDeadline = t0 }},
		{"irp acted without action", "board_action", func(gs *types.GenesisState) { gs.Irps[4].BoardAction = communitytypes.Document{} }},
		{"irp upheld with action", "board_action", func(gs *types.GenesisState) { gs.Irps[2].BoardAction = document("action") }},
		{"irp missed unmarked", "deadline_missed", func(gs *types.GenesisState) { gs.Irps[5].DeadlineMissed = false }},
		{"irp upheld marked missed", "deadline_missed", func(gs *types.GenesisState) { gs.Irps[2].DeadlineMissed = true }},

		// declarations
		{"declaration off the panel", "not on its panel", func(gs *types.GenesisState) {
			gs.Declarations[0].Panelist = acct("outsider")
		}},
		{"declaration on a forming case", "not on its panel", func(gs *types.GenesisState) { gs.Declarations[0].IrpId = 1 }},
		{"declaration outcome", "invalid outcome", func(gs *types.GenesisState) { gs.Declarations[0].Outcome = types.OutcomeUnspecified }},
		{"declaration reasoning", "reasoning", func(gs *types.GenesisState) { gs.Declarations[0].Reasoning = bad }},
		{"two matching declarations in review", "still in review", func(gs *types.GenesisState) {
			d := gs.Declarations[0]
			d.Panelist = gs.Irps[1].Panel[1]
			gs.Declarations = append(gs.Declarations, d)
		}},
		{"decided by one declaration", "not 2", func(gs *types.GenesisState) { gs.Declarations = gs.Declarations[:2] }},
		{"decided against its declarations", "not 2", func(gs *types.GenesisState) {
			gs.Declarations[1].Outcome, gs.Declarations[2].Outcome = types.OutcomeDenied, types.OutcomeDenied
		}},

		// reconsiderations
		{"reconsideration requester", "requester", func(gs *types.GenesisState) { gs.Reconsiderations[0].Requester = "x" }},
		{"reconsideration status", "invalid status", func(gs *types.GenesisState) { gs.Reconsiderations[0].Status = 0 }},
		{"reconsideration grounds", "grounds", func(gs *types.GenesisState) { gs.Reconsiderations[0].Grounds = "" }},
		{"reconsideration request", "request: ", func(gs *types.GenesisState) { gs.Reconsiderations[0].Request = communitytypes.Document{} }},
		{"reconsideration deadline", "deadline", func(gs *types.GenesisState) { gs.Reconsiderations[0].Deadline = time.Time{} }},
		{"reconsideration filed but evaluated", "evaluation", func(gs *types.GenesisState) { gs.Reconsiderations[0].Evaluation = document("e") }},
		{"reconsideration evaluated without evaluation", "evaluation", func(gs *types.GenesisState) {
			gs.Reconsiderations[1].Evaluation = communitytypes.Document{}
		}},
		{"reconsideration decided early without evaluation", "before the deadline", func(gs *types.GenesisState) {
			gs.Reconsiderations[3].Overdue = false
		}},
		{"reconsideration decided with bad evaluation", "evaluation", func(gs *types.GenesisState) { gs.Reconsiderations[2].Evaluation = bad }},
		{"reconsideration decided without decision", "decision", func(gs *types.GenesisState) { gs.Reconsiderations[2].Decision = communitytypes.Document{} }},
		{"reconsideration evaluated with decision", "decision", func(gs *types.GenesisState) { gs.Reconsiderations[1].Decision = document("d") }},

		{"reconsideration held after a refund", "still held", func(gs *types.GenesisState) { gs.Reconsiderations[2].DepositStatus = types.DepositHeld }},
		{"reconsideration kept without dismissal", "without a frivolous", func(gs *types.GenesisState) { gs.Reconsiderations[2].DepositStatus = types.DepositKept }},
		{"reconsideration deposit without status", "with status", func(gs *types.GenesisState) { gs.Reconsiderations[0].DepositStatus = types.DepositNone }},
		{"reconsideration deposit status unknown", "deposit status", func(gs *types.GenesisState) { gs.Reconsiderations[0].DepositStatus = 9 }},
		{"reconsideration negative deposit", "deposit", func(gs *types.GenesisState) {
			gs.Reconsiderations[0].Deposit = sdk.Coins{{Denom: "upolity", Amount: math.NewInt(-1)}}
		}},
		{"reconsideration dismissed without a finding", "frivolous", func(gs *types.GenesisState) { gs.Reconsiderations[3].DismissedFrivolous = true }},
		{"reconsideration finding without evaluation", "without an evaluation", func(gs *types.GenesisState) { gs.Reconsiderations[0].EvaluatedFrivolous = true }},
		{"reconsideration held after a plain evaluation", "still held", func(gs *types.GenesisState) { gs.Reconsiderations[1].EvaluatedFrivolous = false }},

		// complaints
		{"complaint held after overdue", "still held", func(gs *types.GenesisState) { gs.Complaints[1].DepositStatus = types.DepositHeld }},
		{"complaint dismissed unreported", "without a report", func(gs *types.GenesisState) { gs.Complaints[0].DismissedFrivolous = true }},
		{"complaint kept without dismissal", "without a frivolous", func(gs *types.GenesisState) { gs.Complaints[2].DismissedFrivolous = false }},
		{"complaint complainant", "complainant", func(gs *types.GenesisState) { gs.Complaints[0].Complainant = "x" }},
		{"complaint status", "invalid status", func(gs *types.GenesisState) { gs.Complaints[0].Status = 9 }},
		{"complaint subject", "subject", func(gs *types.GenesisState) { gs.Complaints[0].Subject = "" }},
		{"complaint document", "complaint: ", func(gs *types.GenesisState) { gs.Complaints[0].Complaint = bad }},
		{"complaint deadline", "deadline", func(gs *types.GenesisState) { gs.Complaints[0].Deadline = time.Time{} }},
		{"complaint reported without report", "report", func(gs *types.GenesisState) { gs.Complaints[2].Report = communitytypes.Document{} }},
		{"complaint acknowledged with report", "report", func(gs *types.GenesisState) { gs.Complaints[1].Report = document("r") }},

		// reviews
		{"review type", "invalid type", func(gs *types.GenesisState) { gs.Reviews[0].Type = 0 }},
		{"review status", "invalid status", func(gs *types.GenesisState) { gs.Reviews[0].Status = 9 }},
		{"review accountability with subject", "no subject", func(gs *types.GenesisState) { gs.Reviews[0].Subject = "ops" }},
		{"review organisational without subject", "organisational", func(gs *types.GenesisState) { gs.Reviews[3].Subject = "" }},
		{"review report_due", "report_due", func(gs *types.GenesisState) { gs.Reviews[0].ReportDue = time.Time{} }},
		{"review bad nominee", "nominee", func(gs *types.GenesisState) { gs.Reviews[0].Nominees[0] = "x" }},
		{"review duplicate nominee", "nominee", func(gs *types.GenesisState) { gs.Reviews[0].Nominees[1] = gs.Reviews[0].Nominees[0] }},
		{"review team outside nominees", "team member", func(gs *types.GenesisState) { gs.Reviews[1].Team = []string{acct("outsider")} }},
		{"review team twice", "team member", func(gs *types.GenesisState) { gs.Reviews[1].Team = append(gs.Reviews[1].Team, gs.Reviews[1].Team[0]) }},
		{"review open with team", "team", func(gs *types.GenesisState) { gs.Reviews[0].Team = gs.Reviews[0].Nominees[:1] }},
		{"review in progress without team", "team", func(gs *types.GenesisState) { gs.Reviews[1].Team = nil }},
		{"review reported without report", "report", func(gs *types.GenesisState) { gs.Reviews[2].Report = communitytypes.Document{} }},
		{"review in progress with report", "report", func(gs *types.GenesisState) { gs.Reviews[1].Report = document("r") }},
		{"review more open than listed", "3 open", func(gs *types.GenesisState) { gs.Reviews[2].OpenRecommendations = 3 }},
		{"review recommendations before report", "before the report", func(gs *types.GenesisState) { gs.Reviews[1].Recommendations = 1 }},
		{"review closed with open recommendations", "do not fit", func(gs *types.GenesisState) { gs.Reviews[3].OpenRecommendations = 1 }},
		{"review reported with none open", "do not fit", func(gs *types.GenesisState) { gs.Reviews[2].OpenRecommendations = 0 }},

		// recommendations
		{"recommendation beyond its report", "beyond its report", func(gs *types.GenesisState) { gs.Recommendations[1].Index = 2 }},
		{"recommendation of an open review", "beyond its report", func(gs *types.GenesisState) { gs.Recommendations[1].ReviewId = 1 }},
		{"recommendation status", "invalid status", func(gs *types.GenesisState) { gs.Recommendations[1].Status = 0 }},
		{"recommendation text", "no text", func(gs *types.GenesisState) { gs.Recommendations[1].Text = "" }},
		{"recommendation approved without due", "due date", func(gs *types.GenesisState) { gs.Recommendations[0].Due = time.Time{} }},
		{"recommendation rejected with due", "due date", func(gs *types.GenesisState) { gs.Recommendations[1].Due = t0 }},
		{"recommendation overdue unapproved", "overdue", func(gs *types.GenesisState) { gs.Recommendations[1].Overdue = true }},
		{"recommendation implemented without evidence", "evidence", func(gs *types.GenesisState) { gs.Recommendations[2].Evidence = communitytypes.Document{} }},
		{"recommendation approved with evidence", "evidence", func(gs *types.GenesisState) { gs.Recommendations[0].Evidence = document("e") }},
		{"recommendation missing", "genesis has", func(gs *types.GenesisState) { gs.Recommendations = gs.Recommendations[1:] }},
		{"recommendation open count", "genesis has", func(gs *types.GenesisState) { gs.Recommendations[1].Status = types.RecommendationProposed }},

		// emergencies
		{"emergency chair", "chair", func(gs *types.GenesisState) { gs.Emergencies[0].Chair = "x" }},
		{"emergency kind", "invalid kind", func(gs *types.GenesisState) { gs.Emergencies[0].Kind = 7 }},
		{"emergency status", "invalid status", func(gs *types.GenesisState) { gs.Emergencies[0].Status = 0 }},
		{"emergency statement with target", "no target", func(gs *types.GenesisState) { gs.Emergencies[0].Target = "7" }},
		{"emergency suspension of no proposal", "proposal id", func(gs *types.GenesisState) { gs.Emergencies[2].Target = "seven" }},
		{"emergency pause of nothing", "message type", func(gs *types.GenesisState) { gs.Emergencies[1].Target = "" }},
		{"emergency pause of what the Board needs", "never be paused", func(gs *types.GenesisState) {
			gs.Emergencies[1].Target = "/polity.review.v1.MsgLiftEmergency"
		}},
		{"emergency statement", "statement: ", func(gs *types.GenesisState) {
			gs.Emergencies[0].Statement, gs.Emergencies[0].Minutes = bad, []communitytypes.Document{bad}
		}},
		{"emergency minutes not opening with statement", "open with", func(gs *types.GenesisState) { gs.Emergencies[0].Minutes = nil }},
		{"emergency bad minutes", "minutes: ", func(gs *types.GenesisState) { gs.Emergencies[1].Minutes[1] = bad }},
		{"emergency consultation without community", "consultation recorded", func(gs *types.GenesisState) { gs.Emergencies[0].Consultation = document("c") }},
		{"emergency community without consultation", "consultation: ", func(gs *types.GenesisState) { gs.Emergencies[1].Consultation = communitytypes.Document{} }},
		{"emergency expiry", "expiry", func(gs *types.GenesisState) { gs.Emergencies[0].Expiry = time.Time{} }},
		{"emergency review missing", "not found or shared", func(gs *types.GenesisState) { gs.Emergencies[0].ReviewId = 99 }},
		{"emergency review shared", "not found or shared", func(gs *types.GenesisState) { gs.Emergencies[1].ReviewId = 3 }},
		{"emergency review of another kind", "post-emergency review", func(gs *types.GenesisState) { gs.Emergencies[0].ReviewId = 1 }},
		{"emergency review of another emergency", "post-emergency review", func(gs *types.GenesisState) { gs.Reviews[2].Subject = "emergency/2" }},
		{"post-emergency review of no emergency", "of no emergency", func(gs *types.GenesisState) { gs.Emergencies = gs.Emergencies[:2] }},

		// schedule
		{"schedule type", "review type", func(gs *types.GenesisState) { gs.Schedule[0].Type = 0 }},
		{"schedule duplicate", "twice", func(gs *types.GenesisState) { gs.Schedule[1].Type = gs.Schedule[0].Type }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gs := validGenesis()
			c.edit(gs)
			err := gs.Validate(genesisCodec)
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.ErrorContains(t, err, c.want)
		})
	}
}
