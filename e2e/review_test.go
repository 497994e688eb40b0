package e2e

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

const rapi = "/polity/review/v1"

// IRP is the part of an IRP case the tests read.
type IRP struct {
	ID                  string   `json:"id"`
	Claimant            string   `json:"claimant"`
	ClaimantKind        string   `json:"claimant_kind"`
	ProposalID          string   `json:"proposal_id"`
	Status              string   `json:"status"`
	ClaimantPick        string   `json:"claimant_pick"`
	RespondentPick      string   `json:"respondent_pick"`
	SeedHeight          string   `json:"seed_height"`
	SeedHeights         []string `json:"seed_heights"`
	DrawSeedBlocks      int      `json:"draw_seed_blocks"`
	Seed                string   `json:"seed"`
	Panel               []string `json:"panel"`
	Stayed              bool     `json:"stayed"`
	ReliefRequested     bool     `json:"relief_requested"`
	StayVotes           []string `json:"stay_votes"`
	BoardDeadline       string   `json:"board_deadline"`
	BoardActionProposal string   `json:"board_action_proposal"`
	DeadlineMissed      bool     `json:"deadline_missed"`
	Deposit             []struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	} `json:"deposit"`
}

// record reads one x/review record over REST into out's field key.
func (n *Node) record(t testing.TB, path, key string, out any) {
	t.Helper()
	var res map[string]json.RawMessage
	n.RESTJSON(t, rapi+path, &res)
	if err := json.Unmarshal(res[key], out); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, res[key])
	}
}

// holdSources lists the sources holding a proposal's execution, over REST.
func (n *Node) holdSources(t testing.TB, proposal string) []string {
	t.Helper()
	var res struct {
		Holds []struct {
			Source string `json:"source"`
		} `json:"holds"`
	}
	n.RESTJSON(t, papi+"/proposals/"+proposal+"/holds", &res)
	var out []string
	for _, h := range res.Holds {
		out = append(out, h.Source)
	}
	return out
}

// status reads a record's status over REST.
func (n *Node) status(t testing.TB, path, key string) string {
	t.Helper()
	var r struct {
		Status string `json:"status"`
	}
	n.record(t, path, key, &r)
	return r.Status
}

// waitStatus polls a record until it has the status.
func (n *Node) waitStatus(t testing.TB, path, key, want string) {
	t.Helper()
	Eventually(t, 30*time.Second, path+" to be "+want, func() (bool, string) {
		n.checkAlive(t)
		got := n.status(t, path, key)
		return got == want, got
	})
}

// upolity is an account's upolity balance.
func (n *Node) upolity(t testing.TB, addr string) string {
	t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	n.RESTJSON(t, "/cosmos/bank/v1beta1/balances/"+addr+"/by_denom?denom=upolity", &res)
	return res.Balance.Amount
}

// docFlag is a document as an autocli JSON flag value.
func docFlag(t testing.TB, text string) string {
	t.Helper()
	raw, err := json.Marshal(newDoc(text, "https://polity.example/review/"+strings.ReplaceAll(text, " ", "-")+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// requireCode checks a refused transaction's registered error.
func requireCode(t testing.TB, what string, res TxResult, codespace string, code uint32) {
	t.Helper()
	if res.Code != code || res.Codespace != codespace {
		t.Errorf("%s: code %d (%s) %s, want %s code %d", what, res.Code, res.Codespace, res.Log, codespace, code)
	}
}

// decideFast submits a motion and has every voter vote yes at once, so the
// votes land in one or two blocks; it requires the motion to pass.
func (n *Node) decideFast(t testing.TB, body, title string, voters []string, msgs ...map[string]any) {
	t.Helper()
	id, _ := n.SubmitMotion(t, body, voters[0], title, msgs...)
	sent := make([]TxResult, len(voters))
	errs := make([]error, len(voters))
	var wg sync.WaitGroup
	for i, v := range voters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i], errs[i] = n.TryBroadcast(v, "community", "vote", itoa(id), "yes")
		}()
	}
	wg.Wait()
	for i := range voters {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if res := n.WaitTx(t, sent[i].Hash); sent[i].Code != 0 || res.Code != 0 {
			t.Fatalf("vote on motion %d by %s: %+v %+v", id, voters[i], sent[i], res)
		}
	}
	if m := n.Motion(t, id); m.Status != MotionPassed {
		t.Fatalf("%s motion %q: %+v, want %s", body, title, m, MotionPassed)
	}
}

// resolve passes a Board RESOLUTION carrying msgs (their authority filled
// with the governance address) and returns its id.
func resolve(t testing.TB, net *Network, title string, msgs ...map[string]any) string {
	t.Helper()
	n := net.Nodes[0]
	file := proposalFile(t, net, title, newDoc(title, "https://polity.example/board/resolution.md"), msgs...)
	id, _ := n.SubmitBoardProposal(t, "director-dev", "resolution", file)
	n.BoardVotes(t, id, "yes", deciders...)
	// resolutions that are not only answers wait out reviewChallenge
	n.WaitProposalStatus(t, id, ProposalRatified, reviewChallenge+30*time.Second)
	return id
}

// reviewChallenge is TestReview's challenge window: short, since nothing
// there challenges a resolution.
const reviewChallenge = 3 * time.Second

// TestReview runs x/review's stories on a single-node chain through the CLI
// and REST: an external party registered by the secretariat challenges a
// STANDARD_BYLAW amendment in its Empowered Community window, asking for
// interim relief, which holds the amendment from the filing on; the panel is
// chosen and drawn (the draw recomputed from the seed block), stays the
// amendment past its window, upholds the claim and returns it to the Board,
// which records its action by resolution; a reconsideration request; a
// complaint to the ombudsman; and an emergency pause refused by the ante
// handler, ratified, lifted, and reviewed afterwards.
func TestReview(t *testing.T) {
	Binary(t)
	t.Parallel()
	// Nothing here races a window: the filing's request for interim relief
	// holds the amendment, Board votes and motions conclude as soon as they
	// are decided (a long voting period costs nothing), and the review
	// deadlines are far off. Only the comment period and the EC window are
	// waited through.
	net := NewNetwork(t, Options{Bootstrap: true, CommentPeriod: 2 * time.Second, ECPeriod: 45 * time.Second,
		ChallengeWindow: reviewChallenge, VotingPeriod: 5 * time.Minute, ReviewPeriod: 15 * time.Minute, AdvicePeriod: 15 * time.Minute})
	n := net.Nodes[0]
	addrOf := map[string]string{}
	keyOf := map[string]string{}
	for _, k := range []string{"panelist-1", "panelist-2", "panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7", "outsider", "director-ops"} {
		addrOf[k] = net.Address(t, k)
		keyOf[addrOf[k]] = k
	}

	// dev's STANDARD_BYLAW amendment would set x/community's max title length to 77.
	var cp struct {
		Params map[string]any `json:"params"`
	}
	n.RESTJSON(t, "/polity/community/v1/params", &cp)
	communityParams := cp.Params
	oldTitle := fmt.Sprint(communityParams["max_title_length"])
	communityParams["max_title_length"] = 77
	var bylaw string
	t.Run("dev proposes a STANDARD_BYLAW amendment", func(t *testing.T) {
		file := proposalFile(t, net, "Shorter titles", newDoc("titles of 77", "https://polity.example/dev/titles.md"),
			map[string]any{"@type": "/polity.community.v1.MsgUpdateParams", "params": communityParams})
		res := n.MustTx(t, "dev-chair", "proposals", "submit-proposal", "dev", "standard-bylaw", file)
		motion := parseID(t, eventID(t, res, "community", "motion_submitted", "motion_id"))
		n.Vote(t, motion, "dev-chair", "yes")
		bylaw = eventID(t, n.Vote(t, motion, "dev-member", "yes"), "proposals", "proposal_submitted", "proposal_id")
	})
	if bylaw == "" {
		t.FailNow()
	}

	acme := net.AddKey(t, "acme")
	t.Run("the secretariat registers an external party; the Board elects its chair", func(t *testing.T) {
		n.MustTx(t, "dev-chair", "bank", "send", "dev-chair", acme, "1000000upolity")
		n.decideFast(t, "secretariat", "Register Acme", []string{"secretariat-chair"}, map[string]any{
			"@type": "/polity.review.v1.MsgRegisterParty", "address": acme, "name": "Acme Corp",
			"profile": newDoc("Acme Corp profile", "https://acme.example/profile.md"),
		})
		var parties []struct {
			Address string `json:"address"`
			Active  bool   `json:"active"`
		}
		n.record(t, "/parties", "parties", &parties)
		if len(parties) != 1 || parties[0].Address != acme || !parties[0].Active {
			t.Errorf("parties: %+v, want acme active", parties)
		}
		n.decideFast(t, "board", "Elect the chair", deciders, map[string]any{
			"@type": "/polity.community.v1.MsgSetBoardChair", "director": addrOf["director-ops"],
		})
	})

	t.Run("the Board approves the amendment into its EC window", func(t *testing.T) {
		n.WaitProposalStatus(t, bylaw, ProposalBoardVote, 30*time.Second)
		n.BoardVotes(t, bylaw, "yes", append(deciders, "director-nomcom-1")...)
		n.WaitProposalStatus(t, bylaw, "PROPOSAL_STATUS_EC_REVIEW", 10*time.Second)
	})

	var irp IRP
	claim := docFlag(t, "acme claim")
	t.Run("the registered party files an IRP through the open door, asking for interim relief", func(t *testing.T) {
		before := n.upolity(t, acme)
		// the first transaction after the Board's decision: the request
		// holds the amendment from here on, whatever the panel's pace
		res := n.MustTx(t, "acme", "review", "file-irp", "party", bylaw, "--provisions", "Art. 4.2", "--claim", claim,
			"--interim-relief", "--fees", "1000upolity")
		id := eventID(t, res, "review", "irp_filed", "irp_id")
		n.record(t, "/irps/"+id, "irp", &irp)
		if irp.Status != "IRP_STATUS_PANEL_FORMING" || irp.ClaimantKind != "CLAIMANT_KIND_PARTY" || irp.Claimant != acme ||
			irp.ProposalID != bylaw || len(irp.SeedHeights) != 0 || irp.DrawSeedBlocks != 5 || len(irp.Deposit) != 1 || irp.Deposit[0].Amount != "100000" ||
			!irp.ReliefRequested || !irp.Stayed {
			t.Errorf("irp %s: %+v, want acme's PANEL_FORMING case on proposal %s, 5 seed blocks still to announce, deposit 100000, holding it", id, irp, bylaw)
		}
		if after := n.upolity(t, acme); fmt.Sprint(parseID(t, before)-parseID(t, after)) != "101000" {
			t.Errorf("acme paid %s - %s, want the 100000 deposit and the 1000 fee", before, after)
		}
		if holds := n.holdSources(t, bylaw); !slices.Equal(holds, []string{"irp/" + id}) {
			t.Errorf("holds on proposal %s: %v, want the case's own", bylaw, holds)
		}
		res = n.Tx(t, "outsider", "review", "file-irp", "party", bylaw, "--provisions", "Art. 4.2", "--claim", claim, "--fees", "1000upolity")
		requireCode(t, "file-irp by an unregistered outsider", res, "review", 7)
	})
	if irp.ID == "" {
		t.FailNow()
	}

	t.Run("each side chooses, the third is drawn from the announced seed blocks", func(t *testing.T) {
		res := n.Tx(t, "acme", "review", "choose-panelist", irp.ID, addrOf["outsider"])
		requireCode(t, "choosing an unknown panelist", res, "review", 9)
		n.MustTx(t, "acme", "review", "choose-panelist", irp.ID, addrOf["panelist-1"])
		n.decideFast(t, "board", "Board's panelist", deciders, map[string]any{
			"@type": "/polity.review.v1.MsgChoosePanelist", "irp_id": irp.ID, "panelist": addrOf["panelist-2"],
		})
		n.waitStatus(t, "/irps/"+irp.ID, "irp", "IRP_STATUS_IN_REVIEW")
		n.record(t, "/irps/"+irp.ID, "irp", &irp)
		// anyone recomputes the seed from the announced blocks' hashes
		if len(irp.SeedHeights) != 5 || irp.SeedHeights[4] != irp.SeedHeight {
			t.Fatalf("irp %s: seed heights %v, seed height %s; want 5 ending at it", irp.ID, irp.SeedHeights, irp.SeedHeight)
		}
		var hashes [][]byte
		for _, h := range irp.SeedHeights {
			block, err := n.BlockAt(int64(parseID(t, h)))
			if err != nil {
				t.Fatal(err)
			}
			hash, err := hex.DecodeString(block.Hash)
			if err != nil {
				t.Fatal(err)
			}
			hashes = append(hashes, hash)
		}
		sum, err := reviewtypes.DrawSeed(parseID(t, irp.ID), hashes)
		if err != nil {
			t.Fatal(err)
		}
		seed := hex.EncodeToString(sum)
		var eligible []string
		for _, k := range []string{"panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7"} {
			eligible = append(eligible, addrOf[k])
		}
		third, err := reviewtypes.DrawPanelists(seed, eligible, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{addrOf["panelist-1"], addrOf["panelist-2"], third[0]}
		if irp.Seed != seed || !slices.Equal(irp.Panel, want) {
			t.Errorf("irp %s: seed %q panel %v; want the seed of blocks %v (%s) and panel %v", irp.ID, irp.Seed, irp.Panel, irp.SeedHeights, seed, want)
		}
	})
	if len(irp.Panel) != 3 {
		t.FailNow()
	}
	panelist := func(i int) string { return keyOf[irp.Panel[i]] }

	t.Run("the panel grants the stay the claimant asked for", func(t *testing.T) {
		off := "panelist-3"
		for slices.Contains(irp.Panel, addrOf[off]) {
			off = map[string]string{"panelist-3": "panelist-4", "panelist-4": "panelist-5", "panelist-5": "panelist-6"}[off]
		}
		res := n.Tx(t, off, "review", "panel-stay", irp.ID, "true")
		requireCode(t, "a stay by a panelist not on the case", res, "review", 11)
		n.MustTx(t, panelist(0), "review", "panel-stay", irp.ID, "true")
		n.MustTx(t, panelist(2), "review", "panel-stay", irp.ID, "true")
		n.record(t, "/irps/"+irp.ID, "irp", &irp)
		if !irp.Stayed || len(irp.StayVotes) != 2 {
			t.Errorf("irp %s: %+v, want a stay granted by two panelists", irp.ID, irp)
		}
		var pr struct {
			Proposal struct {
				Stayed bool   `json:"stayed"`
				Status string `json:"status"`
			} `json:"proposal"`
		}
		n.RESTJSON(t, papi+"/proposals/"+bylaw, &pr)
		p := pr.Proposal
		if !p.Stayed || p.Status != "PROPOSAL_STATUS_EC_REVIEW" {
			t.Errorf("proposal %s: %+v, want stayed in EC_REVIEW", bylaw, p)
		}
	})

	// paid is how much an account's balance went down from before.
	paid := func(addr, before string) int { return int(parseID(t, before)) - int(parseID(t, n.upolity(t, addr))) }

	t.Run("a reconsideration request pays its deposit, is evaluated and decided by resolution", func(t *testing.T) {
		before := n.upolity(t, addrOf["outsider"])
		res := n.MustTx(t, "outsider", "review", "file-reconsideration", bylaw, "the comment period was too short",
			"--request", docFlag(t, "reconsider titles"), "--fees", "1000upolity")
		id := eventID(t, res, "review", "reconsideration_changed", "reconsideration_id")
		if got := paid(addrOf["outsider"], before); got != 11000 {
			t.Errorf("the outsider paid %d, want the 10000 deposit and the 1000 fee", got)
		}
		res = n.Tx(t, "outsider", "review", "evaluate-reconsideration", id, "--evaluation", docFlag(t, "evaluation"), "--fees", "1000upolity")
		if res.Code == 0 {
			t.Errorf("an outsider evaluated reconsideration %s", id)
		}
		before = n.upolity(t, addrOf["outsider"])
		n.MustTx(t, "ombudsman", "review", "evaluate-reconsideration", id, "--evaluation", docFlag(t, "evaluation"))
		if got := paid(addrOf["outsider"], before); got != -10000 {
			t.Errorf("the outsider's balance went down by %d at a plain evaluation, want its 10000 deposit back", got)
		}
		resolution := resolve(t, net, "Decide reconsideration "+id, map[string]any{
			"@type": "/polity.review.v1.MsgDecideReconsideration", "reconsideration_id": id, "grant": false,
			"decision": newDoc("denied", "https://polity.example/board/denied.md"),
		})
		var r struct {
			Status    string `json:"status"`
			DecidedBy string `json:"decided_by"`
			Overdue   bool   `json:"overdue"`
		}
		n.record(t, "/reconsiderations/"+id, "reconsideration", &r)
		if r.Status != "RECONSIDERATION_STATUS_DENIED" || r.DecidedBy != resolution || r.Overdue {
			t.Errorf("reconsideration %s: %+v, want DENIED by resolution %s, on time", id, r, resolution)
		}
	})

	t.Run("a complaint pays its deposit, is acknowledged and reported on by the ombudsman", func(t *testing.T) {
		before := n.upolity(t, addrOf["outsider"])
		res := n.MustTx(t, "outsider", "review", "file-complaint", "my comment was ignored", "--complaint", docFlag(t, "complaint"), "--fees", "1000upolity")
		id := eventID(t, res, "review", "complaint_changed", "complaint_id")
		if got := paid(addrOf["outsider"], before); got != 6000 {
			t.Errorf("the outsider paid %d, want the 5000 deposit and the 1000 fee", got)
		}
		requireCode(t, "an acknowledgement by a director", n.Tx(t, "director-dev", "review", "acknowledge-complaint", id), "review", 14)
		n.MustTx(t, "ombudsman", "review", "acknowledge-complaint", id)
		if st := n.status(t, "/complaints/"+id, "complaint"); st != "COMPLAINT_STATUS_ACKNOWLEDGED" {
			t.Errorf("complaint %s: %s, want ACKNOWLEDGED", id, st)
		}
		n.MustTx(t, "ombudsman", "review", "report-complaint", id, "--report", docFlag(t, "ombudsman report"))
		if st := n.status(t, "/complaints/"+id, "complaint"); st != "COMPLAINT_STATUS_REPORTED" {
			t.Errorf("complaint %s: %s, want REPORTED", id, st)
		}
		if got := paid(addrOf["outsider"], before); got != 1000 {
			t.Errorf("the outsider paid %d after the report, want its deposit back (the fee paid)", got)
		}

		// a complaint the report dismisses as frivolous keeps its deposit
		before = n.upolity(t, addrOf["outsider"])
		res = n.MustTx(t, "outsider", "review", "file-complaint", "spam", "--complaint", docFlag(t, "spam"), "--fees", "1000upolity")
		id = eventID(t, res, "review", "complaint_changed", "complaint_id")
		n.MustTx(t, "ombudsman", "review", "report-complaint", id, "--report", docFlag(t, "frivolous"), "--frivolous")
		var c struct {
			DepositStatus      string `json:"deposit_status"`
			DismissedFrivolous bool   `json:"dismissed_frivolous"`
		}
		n.record(t, "/complaints/"+id, "complaint", &c)
		if c.DepositStatus != "DEPOSIT_STATUS_KEPT" || !c.DismissedFrivolous {
			t.Errorf("complaint %s: %+v, want dismissed as frivolous, its deposit kept", id, c)
		}
		if got := paid(addrOf["outsider"], before); got != 6000 {
			t.Errorf("the outsider paid %d, want the kept 5000 deposit and the 1000 fee", got)
		}
	})

	t.Run("an emergency pause is refused by the ante handler, ratified, lifted and reviewed", func(t *testing.T) {
		send := []string{"bank", "send", "dev-chair", acme, "1upolity"}
		statement := docFlag(t, "emergency statement")
		requireCode(t, "an emergency action by a director not chairing", n.Tx(t, "director-dev", "review", "take-emergency-action", "statement",
			"--statement", statement), "review", 15)
		res := n.MustTx(t, "director-ops", "review", "take-emergency-action", "pause-message", "/cosmos.bank.v1beta1.MsgSend", "--statement", statement)
		id := eventID(t, res, "review", "emergency_changed", "emergency_id")
		var e struct {
			Status   string `json:"status"`
			ReviewID string `json:"review_id"`
		}
		n.record(t, "/emergencies/"+id, "emergency", &e)
		var paused []string
		n.record(t, "/paused_messages", "type_urls", &paused)
		if e.Status != "EMERGENCY_STATUS_ACTIVE" || !slices.Equal(paused, []string{"/cosmos.bank.v1beta1.MsgSend"}) {
			t.Errorf("emergency %s: %+v, paused %v; want ACTIVE pausing MsgSend", id, e, paused)
		}
		if st := n.status(t, "/reviews/"+e.ReviewID, "review"); st != "REVIEW_STATUS_OPEN" {
			t.Errorf("post-hoc review %s: %s, want OPEN", e.ReviewID, st)
		}
		refused := n.Tx(t, "dev-chair", send...)
		if refused.Height != 0 {
			t.Errorf("a paused MsgSend reached a block (height %d)", refused.Height)
		}
		requireCode(t, "a paused MsgSend", refused, "review", 21)

		n.MustTx(t, "director-ops", "review", "record-consultation", id, "security", "--consultation", docFlag(t, "security advice"))
		n.decideFast(t, "security", "Nominate a reviewer", []string{"security-chair"}, map[string]any{
			"@type": "/polity.review.v1.MsgNominateReviewer", "community_id": "security", "review_id": e.ReviewID,
			"nominee": net.Address(t, "security-chair"),
		})
		resolve(t, net, "Ratify emergency "+id,
			map[string]any{"@type": "/polity.review.v1.MsgRatifyEmergency", "emergency_id": id},
			map[string]any{"@type": "/polity.review.v1.MsgAppointReviewTeam", "review_id": e.ReviewID, "members": []string{net.Address(t, "security-chair")}},
		)
		if st := n.status(t, "/emergencies/"+id, "emergency"); st != "EMERGENCY_STATUS_RATIFIED" {
			t.Errorf("emergency %s: %s, want RATIFIED", id, st)
		}
		n.MustTx(t, "director-ops", "review", "lift-emergency", id)
		if st := n.status(t, "/emergencies/"+id, "emergency"); st != "EMERGENCY_STATUS_LIFTED" {
			t.Errorf("emergency %s: %s, want LIFTED", id, st)
		}
		n.MustTx(t, "dev-chair", send...)

		n.MustTx(t, "security-chair", "review", "file-review-report", e.ReviewID, "--report", docFlag(t, "post-hoc report"))
		if st := n.status(t, "/reviews/"+e.ReviewID, "review"); st != "REVIEW_STATUS_CLOSED" {
			t.Errorf("post-hoc review %s: %s, want CLOSED with its report", e.ReviewID, st)
		}
	})

	t.Run("the EC window passes; the stayed amendment does not execute", func(t *testing.T) {
		// the window is 45s from the Board's decision; the timeout only bounds a failure
		n.WaitProposalStatus(t, bylaw, "PROPOSAL_STATUS_APPROVED", 3*time.Minute)
		n.RESTJSON(t, "/polity/community/v1/params", &cp)
		if got := fmt.Sprint(cp.Params["max_title_length"]); got != oldTitle {
			t.Errorf("max_title_length %s after the EC window, want %s: a stayed proposal executed", got, oldTitle)
		}
	})

	t.Run("an upheld declaration returns the amendment to the Board", func(t *testing.T) {
		before := n.upolity(t, acme)
		requireCode(t, "a declaration by a non-panelist", n.Tx(t, "director-dev", "review", "declare", irp.ID, "upheld",
			"--reasoning", docFlag(t, "reasoning")), "review", 11)
		n.MustTx(t, panelist(0), "review", "declare", irp.ID, "upheld", "--reasoning", docFlag(t, "reasoning 1"))
		requireCode(t, "a second declaration", n.Tx(t, panelist(0), "review", "declare", irp.ID, "denied",
			"--reasoning", docFlag(t, "reasoning 1")), "review", 13)
		n.MustTx(t, panelist(1), "review", "declare", irp.ID, "upheld", "--reasoning", docFlag(t, "reasoning 2"))
		n.record(t, "/irps/"+irp.ID, "irp", &irp)
		if irp.Status != "IRP_STATUS_UPHELD" || irp.BoardDeadline == "" || strings.HasPrefix(irp.BoardDeadline, "0001") || irp.Stayed {
			t.Errorf("irp %s: %+v, want UPHELD with a Board deadline", irp.ID, irp)
		}
		n.WaitProposalStatus(t, bylaw, "PROPOSAL_STATUS_RETURNED", 5*time.Second)
		if holds := n.holdSources(t, bylaw); len(holds) != 0 {
			t.Errorf("holds on the returned proposal %s: %v, want none (the decided case released its own)", bylaw, holds)
		}
		// the list filters an explorer uses: by status and by claimant
		var list struct {
			IRPs []struct {
				ID       string `json:"id"`
				Claimant string `json:"claimant"`
			} `json:"irps"`
		}
		n.RESTJSON(t, rapi+"/irps?status=IRP_STATUS_UPHELD&claimant="+acme, &list)
		if len(list.IRPs) != 1 || list.IRPs[0].ID != irp.ID || list.IRPs[0].Claimant != acme {
			t.Errorf("upheld IRPs of %s: %+v, want case %s", acme, list.IRPs, irp.ID)
		}
		n.RESTJSON(t, rapi+"/irps?status=IRP_STATUS_DENIED", &list)
		if len(list.IRPs) != 0 {
			t.Errorf("denied IRPs: %+v, want none", list.IRPs)
		}
		if after := n.upolity(t, acme); parseID(t, after)-parseID(t, before) != 100000 {
			t.Errorf("acme's balance %s -> %s, want the 100000 deposit refunded", before, after)
		}
	})

	t.Run("the Board records its action by resolution before the deadline", func(t *testing.T) {
		resolution := resolve(t, net, "Answer to IRP "+irp.ID, map[string]any{
			"@type": "/polity.review.v1.MsgRecordBoardAction", "irp_id": irp.ID,
			"action": newDoc("the Board withdraws the amendment", "https://polity.example/board/irp.md"),
		})
		n.record(t, "/irps/"+irp.ID, "irp", &irp)
		if irp.Status != "IRP_STATUS_BOARD_ACTED" || irp.BoardActionProposal != resolution || irp.DeadlineMissed {
			t.Errorf("irp %s: %+v, want BOARD_ACTED by resolution %s, deadline kept", irp.ID, irp, resolution)
		}
		q := "polity.review.action='irp_status_changed' AND polity.review.irp_id=" + irp.ID
		if found := n.TxSearch(t, q); len(found) != 1 {
			t.Errorf("tx_search irp_status_changed for case %s: %d txs, want 1 (upheld)", irp.ID, len(found))
		}
		// the draw ran in the EndBlock of the last seed block, and the
		// resolution recording the Board's action executed in the EndBlock of
		// its deciding vote's block: block_search finds both moves among the
		// finalize-block events
		var blocks struct {
			Blocks []struct {
				Block struct {
					Header struct {
						Height string `json:"height"`
					} `json:"header"`
				} `json:"block"`
			} `json:"blocks"`
		}
		if err := n.RPC("/block_search?query="+urlQuote(strconv.Quote(q)), &blocks); err != nil {
			t.Fatal(err)
		}
		executed := n.ProposalCLI(t, resolution).ExecutedHeight
		var heights []string
		for _, b := range blocks.Blocks {
			heights = append(heights, b.Block.Header.Height)
		}
		slices.Sort(heights)
		want := []string{irp.SeedHeight, executed}
		slices.Sort(want)
		if !slices.Equal(heights, want) {
			t.Errorf("block_search %s: %v, want the last seed height %s and the resolution's execution height %s", q, heights, irp.SeedHeight, executed)
		}
	})
}
