package e2e

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cosmos/cosmos-sdk/types/bech32"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

const eapi = "/polity/empowered/v1"

// The network's periods. The test acts inside the petition, support and
// decision periods (all from the EC period), the Board's and the bodies'
// voting periods, and the standard amendment's rejection window (the EC
// period too): each must hold several rounds of CLI transactions, 2.5-4 s
// apiece on a loaded machine, so they are long; it costs nothing, since
// actions, Board votes and motions conclude as soon as their outcome is
// certain and nothing here waits for one of them to close. The community
// forum is the one stage every action sits through, so it is short; the one
// transaction that must land inside it (the outsider's statement) is signed
// beforehand and broadcast the moment the forum opens, one RPC call and a
// block away.
const (
	empoweredEC     = 10 * time.Minute
	empoweredForum  = 20 * time.Second
	empoweredVoting = 5 * time.Minute
	// forumWait bounds the wait for a forum to close (block time follows the
	// wall clock); only a failure takes that long.
	forumWait = empoweredForum + 3*time.Minute
)

// Action is the part of an Empowered Community action the tests read.
type Action struct {
	ID            string   `json:"id"`
	Power         string   `json:"power"`
	Stage         string   `json:"stage"`
	Petitioner    string   `json:"petitioner"`
	Supporter     string   `json:"supporter"`
	ProposalID    string   `json:"proposal_id"`
	SeatID        string   `json:"seat_id"`
	Participants  []string `json:"participants"`
	MinSupport    int      `json:"min_support"`
	MaxObjections int      `json:"max_objections"`
	Supports      int      `json:"supports"`
	Objections    int      `json:"objections"`
	Note          string   `json:"note"`
	EffectRef     string   `json:"effect_ref"`
}

// Seat is the part of a Board seat the tests read.
type Seat struct {
	ID                  string `json:"id"`
	AppointingCommunity string `json:"appointing_community"`
	Voting              bool   `json:"voting"`
	Holder              string `json:"holder"`
	ExOfficio           bool   `json:"ex_officio"`
	OutsideRegionalCap  bool   `json:"outside_regional_cap"`
}

// participantVoters are the members whose yes votes pass each decisional
// participant's motions, and the NomCom's (three of its five members).
var participantVoters = map[string][]string{
	"dev": {"dev-chair", "dev-member"}, "ops": {"ops-chair", "ops-member"}, "fin": {"fin-chair", "fin-member"},
	"users": {"users-chair", "users-member"}, "gov": {"gov-chair", "gov-member"},
	"nomcom": {"nomcom-chair", "dev-member", "ops-member"},
}

// actionREST reads an action over REST.
func actionREST(t testing.TB, n *Node, id string) Action {
	t.Helper()
	var res struct {
		Petition Action `json:"petition"`
	}
	n.RESTJSON(t, eapi+"/petitions/"+id, &res)
	return res.Petition
}

// waitStage polls an action until it reaches the stage.
func waitStage(t testing.TB, n *Node, id, stage string, timeout time.Duration) Action {
	t.Helper()
	type reply struct {
		Petition Action `json:"petition"`
	}
	r := WaitREST(t, n, eapi+"/petitions/"+id, "action "+id+" to be "+stage, timeout, func(r reply) (bool, string) {
		return r.Petition.Stage == stage, fmt.Sprintf("%s (note %q)", r.Petition.Stage, r.Petition.Note)
	})
	return r.Petition
}

// boardSeats reads every Board seat over REST, by id.
func boardSeats(t testing.TB, n *Node) map[string]Seat {
	t.Helper()
	var res struct {
		Seats []Seat `json:"seats"`
	}
	n.RESTJSON(t, "/polity/community/v1/board", &res)
	out := map[string]Seat{}
	for _, s := range res.Seats {
		out[s.ID] = s
	}
	return out
}

// broadcastAll signs and broadcasts one transaction per key at once (each
// key at most once) and waits for them in blocks; every one must succeed.
func broadcastAll(t testing.TB, n *Node, txs map[string][]string) map[string]TxResult {
	t.Helper()
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range txs {
			if !yield(k) {
				return
			}
		}
	})
	sent := make([]TxResult, len(keys))
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i], errs[i] = n.TryBroadcast(k, txs[k]...)
		}()
	}
	wg.Wait()
	out := map[string]TxResult{}
	for i, k := range keys {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if sent[i].Code != 0 {
			t.Fatalf("tx %v from %s refused by CheckTx: code %d (%s): %s", txs[k], k, sent[i].Code, sent[i].Codespace, sent[i].Log)
		}
	}
	for i, k := range keys {
		out[k] = n.WaitTx(t, sent[i].Hash)
		if out[k].Code != 0 {
			t.Fatalf("tx %v from %s: code %d (%s): %s", txs[k], k, out[k].Code, out[k].Codespace, out[k].Log)
		}
	}
	return out
}

// passMotions has each body pass a motion carrying its messages, all at
// once: the first voter of each submits, then each round of voters votes
// yes. No key may vote for two of the bodies. It returns, per body, the vote
// that decided its motion (whose events include the executed messages') and
// the motion.
func passMotions(t testing.TB, n *Node, title string, msgs map[string][]map[string]any) (map[string]TxResult, map[string]Motion) {
	t.Helper()
	submit := map[string][]string{}
	bodyOf := map[string]string{}
	for body, m := range msgs {
		file := writeJSON(t, n.net, "motion-*.json", map[string]any{"title": title + " (" + body + ")", "summary": "e2e: " + title, "messages": m})
		first := participantVoters[body][0]
		submit[first] = []string{"community", "submit-motion", body, file}
		bodyOf[first] = body
	}
	motionOf := map[string]string{}
	for key, res := range broadcastAll(t, n, submit) {
		id, ok := res.Attr("polity.community", "motion_id", "action", "motion_submitted")
		if !ok {
			t.Fatalf("submit-motion %s has no motion_submitted event", res.Hash)
		}
		motionOf[bodyOf[key]] = id
	}
	decided := map[string]TxResult{}
	for round := 0; ; round++ {
		votes := map[string][]string{}
		voteBody := map[string]string{}
		for body := range msgs {
			if _, done := decided[body]; done || round >= len(participantVoters[body]) {
				continue
			}
			key := participantVoters[body][round]
			if _, dup := votes[key]; dup {
				t.Fatalf("%s votes for two bodies in one round", key)
			}
			votes[key] = []string{"community", "vote", motionOf[body], "yes"}
			voteBody[key] = body
		}
		if len(votes) == 0 {
			break
		}
		for key, res := range broadcastAll(t, n, votes) {
			// the vote settles the motion; EndBlock of its block decides it
			block := n.BlockEvents(t, res.Height)
			if _, ok := findAttr(block, "polity.community", "motion_id", "action", "motion_decided", "motion_id", motionOf[voteBody[key]]); ok {
				decided[voteBody[key]] = res
			}
		}
	}
	// The motions' messages ran in EndBlock of the deciding vote's block:
	// their events are that block's, added to the deciding vote's result
	// (motions decided in one block share them).
	for body, res := range decided {
		res.Events = append(res.Events, n.BlockEvents(t, res.Height)...)
		decided[body] = res
	}
	motions := map[string]Motion{}
	for body, id := range motionOf {
		m := n.Motion(t, parseID(t, id))
		if m.Status != MotionPassed {
			t.Fatalf("%s's motion %s (%s): %+v, want %s", body, id, title, m, MotionPassed)
		}
		motions[body] = m
	}
	return decided, motions
}

// petitionMsg is a participant's petition, signed by its motion.
func petitionMsg(community, power, proposalID, seatID string) map[string]any {
	return map[string]any{
		"@type": "/polity.empowered.v1.MsgPetition", "community_id": community, "power": power,
		"proposal_id": proposalID, "seat_id": seatID,
		"rationale": newDoc(community+" petitions "+power, "https://polity.example/ec/"+strings.ToLower(power)+".md"),
	}
}

// decideMsg is a participant's decision, signed by its motion.
func decideMsg(community, actionID, choice string) map[string]any {
	return map[string]any{"@type": "/polity.empowered.v1.MsgDecide", "community_id": community, "action_id": actionID, "choice": choice}
}

// appointMsg fills a Board seat, signed by the appointing body's motion.
func appointMsg(seatID, director, region string) map[string]any {
	return map[string]any{"@type": "/polity.community.v1.MsgAppointDirector", "seat_id": seatID, "director": director, "region": region}
}

// stageAction reads the id of the action of a power that a transaction
// moved to a stage, from its plain polity.empowered event.
func stageAction(t testing.TB, res TxResult, power, stage string) string {
	t.Helper()
	v, ok := res.Attr("polity.empowered", "action_id", "action", "action_stage_changed", "power", power, "stage", stage)
	if !ok {
		t.Fatalf("tx %s has no polity.empowered action_stage_changed event for %s entering %s", res.Hash, power, stage)
	}
	return v
}

// TestEmpowered runs the Empowered Community's powers on a single-node chain
// through the CLI, every participant acting by its own community motion: a
// standard bylaw amendment vetoed, a fundamental amendment approved and
// executed, a NomCom director removed and the seat refilled, a community IRP
// opened, and the whole Board recalled and rebuilt. The stories share one
// escalation so that their community forums run at once. What depends on a
// stage still being open when it is read is read at the height of the
// transaction that opened it.
func TestEmpowered(t *testing.T) {
	Binary(t)
	t.Parallel()
	net := NewNetwork(t, Options{Bootstrap: true, CommentPeriod: 3 * time.Second, ECPeriod: empoweredEC, ForumPeriod: empoweredForum,
		VotingPeriod: empoweredVoting})
	n := net.Nodes[0]
	var communityParams, proposalsParams map[string]any
	var standard, fundamental string

	if !t.Run("the Board approves a standard and a fundamental bylaw amendment", func(t *testing.T) {
		var cp, pp struct {
			Params map[string]any `json:"params"`
		}
		n.RESTJSON(t, "/polity/community/v1/params", &cp)
		n.RESTJSON(t, "/polity/proposals/v1/params", &pp)
		communityParams, proposalsParams = cp.Params, pp.Params
		std := map[string]any{}
		for k, v := range communityParams {
			std[k] = v
		}
		std["max_title_length"] = 77
		fund := map[string]any{}
		for k, v := range proposalsParams {
			fund[k] = v
		}
		fund["max_title_length"] = 100
		standard, _ = n.SubmitBoardProposal(t, "director-dev", "standard-bylaw", proposalFile(t, net, "Shorter motion titles",
			newDoc("titles up to 77", "https://polity.example/bylaws/titles.md"), map[string]any{"@type": "/polity.community.v1.MsgUpdateParams", "params": std}))
		fundamental, _ = n.SubmitBoardProposal(t, "director-ops", "fundamental-bylaw", proposalFile(t, net, "Shorter proposal titles",
			newDoc("proposal titles up to 100", "https://polity.example/bylaws/proposal-titles.md"), map[string]any{"@type": "/polity.proposals.v1.MsgUpdateParams", "params": fund}))
		// the comment periods are waited through (the standard amendment's ends first)
		n.WaitProposalStatus(t, standard, ProposalBoardVote, 2*time.Minute)
		n.WaitProposalStatus(t, fundamental, ProposalBoardVote, 2*time.Minute)
		n.BoardVotes(t, standard, "yes", "director-dev", "director-ops", "director-fin", "director-users", "director-nomcom-1")
		votes := n.BoardVotes(t, fundamental, "yes", "director-dev", "director-ops", "director-fin", "director-users", "director-nomcom-1", "director-nomcom-2")
		for _, id := range []string{standard, fundamental} {
			if p := n.ProposalREST(t, id); p.Status != "PROPOSAL_STATUS_EC_REVIEW" {
				t.Fatalf("proposal %s after the Board's approval: %s (%s), want PROPOSAL_STATUS_EC_REVIEW", id, p.Status, p.Note)
			}
		}
		// The fundamental amendment's approval action starts with the deciding
		// vote: in its forum at that vote's height (the forum may have closed
		// since).
		deciding := txWith(t, votes, "action", "proposal_status_changed", "proposal_id", fundamental, "status", "PROPOSAL_STATUS_EC_REVIEW")
		opened := stageAction(t, deciding, "POWER_APPROVE_FUNDAMENTAL_BYLAW", "STAGE_FORUM")
		var approvals struct {
			Approvals []Action `json:"approvals"`
		}
		restJSONAtHeight(t, n, eapi+"/approvals", deciding.Height, &approvals)
		if len(approvals.Approvals) != 1 || approvals.Approvals[0].ProposalID != fundamental || approvals.Approvals[0].Stage != "STAGE_FORUM" ||
			approvals.Approvals[0].Power != "POWER_APPROVE_FUNDAMENTAL_BYLAW" || approvals.Approvals[0].ID != opened {
			t.Fatalf("approvals at height %d: %+v, want the approval %s of proposal %s in its forum", deciding.Height, approvals.Approvals, opened, fundamental)
		}
	}) {
		t.FailNow()
	}
	var approval string
	{
		var approvals struct {
			Approvals []Action `json:"approvals"`
		}
		n.RESTJSON(t, eapi+"/approvals", &approvals)
		approval = approvals.Approvals[0].ID
	}

	// dev petitions for four powers in one motion; ops supports them in one.
	// The outsider's forum statement is signed before the support and
	// broadcast as soon as the support has opened the forum.
	var veto, removal, irp, recall string
	var statement TxResult
	if !t.Run("dev's motion petitions, ops's motion supports", func(t *testing.T) {
		decided, _ := passMotions(t, n, "Petitions", map[string][]map[string]any{"dev": {
			petitionMsg("dev", "POWER_REJECT_STANDARD_BYLAW", standard, "0"),
			petitionMsg("dev", "POWER_REMOVE_DIRECTOR", "0", "8"),
			petitionMsg("dev", "POWER_COMMUNITY_IRP", standard, "0"),
			petitionMsg("dev", "POWER_RECALL_BOARD", "0", "0"),
		}})
		res := decided["dev"]
		veto = stageAction(t, res, "POWER_REJECT_STANDARD_BYLAW", "STAGE_SUPPORT")
		removal = stageAction(t, res, "POWER_REMOVE_DIRECTOR", "STAGE_SUPPORT")
		irp = stageAction(t, res, "POWER_COMMUNITY_IRP", "STAGE_SUPPORT")
		recall = stageAction(t, res, "POWER_RECALL_BOARD", "STAGE_SUPPORT")
		a := actionREST(t, n, veto)
		if a.Petitioner != "dev" || a.ProposalID != standard || a.MinSupport != 3 || a.MaxObjections != 1 ||
			!slices.Equal(a.Participants, []string{"dev", "fin", "gov", "ops", "users"}) {
			t.Errorf("action %s: %+v, want dev's petition against proposal %s over the five participants", veto, a, standard)
		}

		signed := presignTx(t, n, "outsider", "empowered", "post-statement", veto, "Keep the longer titles.", "--fees", "1000upolity")
		decided, _ = passMotions(t, n, "Support", map[string][]map[string]any{"ops": {
			{"@type": "/polity.empowered.v1.MsgSupportPetition", "community_id": "ops", "action_id": veto},
			{"@type": "/polity.empowered.v1.MsgSupportPetition", "community_id": "ops", "action_id": removal},
			{"@type": "/polity.empowered.v1.MsgSupportPetition", "community_id": "ops", "action_id": irp},
			{"@type": "/polity.empowered.v1.MsgSupportPetition", "community_id": "ops", "action_id": recall},
		}})
		statement = broadcastPresigned(t, n, signed) // first thing in the forum; checked below
		support := decided["ops"]
		t.Logf("ops's support opened the forums at height %d; the statement landed at height %d", support.Height, statement.Height)
		for _, id := range []string{veto, removal, irp, recall} {
			if _, ok := support.Attr("polity.empowered", "action_id", "action", "petition_supported", "action_id", id, "community_id", "ops"); !ok {
				t.Errorf("ops's support has no petition_supported event for action %s", id)
			}
			var a struct {
				Petition Action `json:"petition"`
			}
			restJSONAtHeight(t, n, eapi+"/petitions/"+id, support.Height, &a)
			if a.Petition.Stage != "STAGE_FORUM" || a.Petition.Supporter != "ops" {
				t.Errorf("action %s after ops's support (height %d): %+v, want STAGE_FORUM supported by ops", id, support.Height, a.Petition)
			}
		}
		var list struct {
			Petitions []Action `json:"petitions"`
		}
		restJSONAtHeight(t, n, eapi+"/petitions?stage=STAGE_FORUM&participant=ops", support.Height, &list)
		if len(list.Petitions) != 4 {
			t.Errorf("petitions in their forum supported by ops: %+v, want 4", list.Petitions)
		}
	}) {
		t.FailNow()
	}

	t.Run("an account with no role posts a forum statement", func(t *testing.T) {
		res := statement
		if res.Code != 0 {
			t.Fatalf("post-statement on action %s from outsider: code %d (%s) at height %d: %s", veto, res.Code, res.Codespace, res.Height, res.Log)
		}
		eventID(t, res, "empowered", "statement_posted", "statement_id")
		var sts struct {
			Statements []struct {
				Author string `json:"author"`
				Text   string `json:"text"`
			} `json:"statements"`
		}
		n.RESTJSON(t, eapi+"/petitions/"+veto+"/statements", &sts)
		if len(sts.Statements) != 1 || sts.Statements[0].Author != net.Address(t, "outsider") || sts.Statements[0].Text != "Keep the longer titles." {
			t.Errorf("statements of action %s: %+v, want the outsider's", veto, sts.Statements)
		}
	})

	// Four participants decide on the veto, the removal, the IRP and the
	// approval, each by one motion.
	if !t.Run("participants decide by motion", func(t *testing.T) {
		for _, id := range []string{veto, removal, irp, approval} {
			waitStage(t, n, id, "STAGE_DECISION", forumWait)
		}
		msgs := map[string][]map[string]any{}
		for _, c := range []string{"dev", "fin", "gov", "ops"} {
			for _, id := range []string{veto, removal, irp, approval} {
				msgs[c] = append(msgs[c], decideMsg(c, id, "CHOICE_SUPPORT"))
			}
		}
		passMotions(t, n, "Decisions", msgs)
		for _, id := range []string{veto, removal, irp, approval} {
			if a := actionREST(t, n, id); a.Stage != "STAGE_SUCCEEDED" || a.Supports != 4 {
				t.Errorf("action %s: %+v, want STAGE_SUCCEEDED with 4 supports", id, a)
			}
		}
		var ds struct {
			Decisions []struct {
				CommunityID string `json:"community_id"`
				Choice      string `json:"choice"`
			} `json:"decisions"`
		}
		n.RESTJSON(t, eapi+"/petitions/"+veto+"/decisions", &ds)
		if len(ds.Decisions) != 4 {
			t.Errorf("decisions on action %s: %+v, want 4", veto, ds.Decisions)
		}
	}) {
		t.FailNow()
	}

	t.Run("the standard bylaw amendment is vetoed", func(t *testing.T) {
		p := n.ProposalREST(t, standard)
		if p.Status != "PROPOSAL_STATUS_VETOED" || !strings.Contains(p.Note, "POWER_REJECT_STANDARD_BYLAW") {
			t.Errorf("proposal %s: %s (%q), want PROPOSAL_STATUS_VETOED by the EC", standard, p.Status, p.Note)
		}
		var cp struct {
			Params map[string]any `json:"params"`
		}
		n.RESTJSON(t, "/polity/community/v1/params", &cp)
		if fmt.Sprint(cp.Params["max_title_length"]) != fmt.Sprint(communityParams["max_title_length"]) {
			t.Errorf("x/community max_title_length %v, want %v: the vetoed amendment must not execute", cp.Params["max_title_length"], communityParams["max_title_length"])
		}
		// The deciding motion ran in EndBlock, so its events are block events
		// (in no tx): read the outcome from the petition itself.
		if a := actionREST(t, n, veto); a.Stage != "STAGE_SUCCEEDED" {
			t.Errorf("petition %s: stage %s, want STAGE_SUCCEEDED", veto, a.Stage)
		}
	})

	t.Run("the fundamental bylaw amendment is approved and executed", func(t *testing.T) {
		// The approval queues the proposal; its messages run at the end of a block.
		WaitREST(t, n, papi+"/proposals/"+fundamental, "the approved amendment to be ratified", 30*time.Second,
			func(r struct{ Proposal Proposal }) (bool, string) {
				return r.Proposal.Status == ProposalRatified, r.Proposal.Status + " " + r.Proposal.Note
			})
		var pp struct {
			Params map[string]any `json:"params"`
		}
		n.RESTJSON(t, "/polity/proposals/v1/params", &pp)
		if fmt.Sprint(pp.Params["max_title_length"]) != "100" {
			t.Errorf("x/proposals max_title_length %v, want 100", pp.Params["max_title_length"])
		}
	})

	t.Run("a community IRP is opened with the Empowered Community as claimant", func(t *testing.T) {
		a := actionREST(t, n, irp)
		var irps struct {
			IRPs []struct {
				ID           string `json:"id"`
				Claimant     string `json:"claimant"`
				ClaimantKind string `json:"claimant_kind"`
				ProposalID   string `json:"proposal_id"`
				Status       string `json:"status"`
			} `json:"irps"`
		}
		n.RESTJSON(t, "/polity/review/v1/irps", &irps)
		ec, err := bech32.ConvertAndEncode("polity", communitytypes.BodyAddress(communitytypes.EmpoweredBodyID))
		if err != nil {
			t.Fatal(err)
		}
		if len(irps.IRPs) != 1 || irps.IRPs[0].ID != a.EffectRef || irps.IRPs[0].Claimant != ec ||
			irps.IRPs[0].ClaimantKind != "CLAIMANT_KIND_EMPOWERED_COMMUNITY" || irps.IRPs[0].ProposalID != standard {
			t.Errorf("irps: %+v, want IRP %s on proposal %s by the Empowered Community %s", irps.IRPs, a.EffectRef, standard, ec)
		}
	})

	newDirector := net.AddKey(t, "new-director")
	t.Run("a NomCom director is removed and the seat refilled", func(t *testing.T) {
		seats := boardSeats(t, n)
		if seats["8"].Holder != "" {
			t.Fatalf("seat 8 after the removal: %+v, want vacant", seats["8"])
		}
		if seats["9"].Holder != net.Address(t, "director-nomcom-2") {
			t.Errorf("seat 9: %+v, want untouched", seats["9"])
		}
		passMotions(t, n, "Refill seat 8", map[string][]map[string]any{"nomcom": {appointMsg("8", newDirector, "REGION_AFRICA")}})
		if s := boardSeats(t, n)["8"]; s.Holder != newDirector {
			t.Errorf("seat 8 after the NomCom's motion: %+v, want %s", s, newDirector)
		}
	})

	t.Run("the whole Board is recalled and rebuilt", func(t *testing.T) {
		waitStage(t, n, recall, "STAGE_DECISION", forumWait)
		msgs := map[string][]map[string]any{}
		for _, c := range []string{"dev", "fin", "gov", "users"} {
			msgs[c] = []map[string]any{decideMsg(c, recall, "CHOICE_SUPPORT")}
		}
		passMotions(t, n, "Recall", msgs)
		if a := actionREST(t, n, recall); a.Stage != "STAGE_SUCCEEDED" || a.MinSupport != 4 {
			t.Fatalf("recall %s: %+v, want STAGE_SUCCEEDED (4 supports needed)", recall, a)
		}
		before := boardSeats(t, n)
		for id, s := range before {
			if s.Voting && s.Holder != "" {
				t.Errorf("voting seat %s after the recall: %+v, want vacant", id, s)
			}
			if !s.Voting && s.Holder == "" {
				t.Errorf("liaison seat %s after the recall: %+v, want kept", id, s)
			}
		}

		// The caretaker Board: dev's motion may not submit a policy.
		m, _ := n.Decide(t, "dev", "Policy during the caretaker period", participantVoters["dev"], map[string]any{
			"@type": "/polity.proposals.v1.MsgSubmitProposal", "originator": "dev", "kind": "PROPOSAL_KIND_POLICY",
			"title": "A policy", "document": newDoc("policy", "https://polity.example/dev/p.md"),
		})
		if m.Status != MotionExecutionFailed || !strings.Contains(m.FailureReason, "caretaker") {
			t.Errorf("dev's policy motion during the caretaker period: %+v, want %s naming the caretaker Board", m, MotionExecutionFailed)
		}

		passMotions(t, n, "Refill the Board", map[string][]map[string]any{
			"dev":   {appointMsg("1", net.Address(t, "director-dev"), "REGION_EUROPE")},
			"ops":   {appointMsg("2", net.Address(t, "director-ops"), "REGION_NORTH_AMERICA")},
			"fin":   {appointMsg("3", net.Address(t, "director-fin"), "REGION_ASIA_PACIFIC")},
			"users": {appointMsg("4", net.Address(t, "director-users"), "REGION_LATIN_AMERICA_CARIBBEAN")},
		})
		passMotions(t, n, "Refill the NomCom seats", map[string][]map[string]any{"nomcom": {
			appointMsg("8", newDirector, "REGION_AFRICA"),
			appointMsg("9", net.Address(t, "director-nomcom-2"), "REGION_ASIA_PACIFIC"),
			appointMsg("10", net.Address(t, "director-nomcom-3"), "REGION_NORTH_AMERICA"),
		}})
		want := map[string]string{"1": "director-dev", "2": "director-ops", "3": "director-fin", "4": "director-users",
			"9": "director-nomcom-2", "10": "director-nomcom-3"}
		after := boardSeats(t, n)
		for id, key := range want {
			if after[id].Holder != net.Address(t, key) {
				t.Errorf("seat %s after the rebuild: %+v, want %s", id, after[id], key)
			}
		}
		if after["8"].Holder != newDirector {
			t.Errorf("seat 8 after the rebuild: %+v, want %s", after["8"], newDirector)
		}
	})
}
