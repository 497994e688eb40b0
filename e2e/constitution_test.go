//go:build linux

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/polity-chain/polity/app/constitution/file"
)

// TestConstitutionExamples starts a one-node chain from each shipped
// constitution file, as written by `polityd genesis constitution --example`,
// and checks that the chain holds what the file says. On the icann chain:
// 16 voting Board seats appointed by the NomCom (8), the ASO, ccNSO and GNSO
// (2 each), At-Large (1) and the Board itself for the President and CEO (1,
// ex officio), 4 liaisons (GAC, RSSAC, SSAC, IETF), five decisional
// participants, a GNSO Council that decides by a majority of each of its
// two houses and sends recommendations to the Board only by the GNSO
// Supermajority, an organisational review of each SO, AC and the NomCom due
// in five years, a Board resolution (a Board motion) that replaces the
// President and CEO, and a NomCom whose non-voting chair cannot vote and
// whose motion appoints a member into the ALAC. The round trip: the chain's
// export, turned back into a file with --from-export, passes --check, names
// the same communities and seats (the ex-officio seat still ex officio) and,
// given the keyring, the keys by their names.
func TestConstitutionExamples(t *testing.T) {
	for _, name := range file.ExampleNames() {
		t.Run(name, func(t *testing.T) {
			net := NewNetwork(t, Options{Constitution: name})
			n := net.Nodes[0]
			data, err := file.Example(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := file.Parse(data)
			if err != nil {
				t.Fatal(err)
			}

			var communities struct {
				Communities []struct {
					ID string `json:"id"`
				} `json:"communities"`
			}
			n.RESTJSON(t, "/polity/community/v1/communities?pagination.limit=100", &communities)
			if len(communities.Communities) != len(f.Communities) {
				t.Errorf("%d communities on chain, %d in the file", len(communities.Communities), len(f.Communities))
			}

			seats := boardSeats(t, n)
			if len(seats) != len(f.Board.Seats) {
				t.Errorf("%d Board seats on chain, %d in the file", len(seats), len(f.Board.Seats))
			}
			voting, liaisons := map[string]int{}, map[string]int{}
			for _, s := range seats {
				if s.Holder == "" {
					t.Errorf("seat %s of %s is vacant; the file fills it", s.ID, s.AppointingCommunity)
				}
				if s.Voting {
					voting[s.AppointingCommunity]++
				} else {
					liaisons[s.AppointingCommunity]++
				}
			}
			var participants struct {
				Participants []struct {
					ID string `json:"id"`
				} `json:"participants"`
			}
			n.RESTJSON(t, "/polity/empowered/v1/participants", &participants)
			var dps []string
			for _, p := range participants.Participants {
				dps = append(dps, p.ID)
			}
			slices.Sort(dps)
			if name == "defi" {
				memberAttributesReplaced(t, net, n)
			}
			if name != "icann" {
				return
			}
			wantVoting := map[string]int{"nomcom": 8, "aso": 2, "ccnso": 2, "gnso": 2, "alac": 1, "board": 1}
			wantLiaisons := map[string]int{"gac": 1, "rssac": 1, "ssac": 1, "ietf": 1}
			if !mapsEqual(voting, wantVoting) || !mapsEqual(liaisons, wantLiaisons) {
				t.Errorf("icann Board: voting %v, liaisons %v; want %v and %v", voting, liaisons, wantVoting, wantLiaisons)
			}
			if want := []string{"alac", "aso", "ccnso", "gac", "gnso"}; !slices.Equal(dps, want) {
				t.Errorf("icann participants %v, want %v", dps, want)
			}
			gnsoTwoHouseRule(t, n)
			newCEO := boardReplacesCEO(t, net, n)
			appointed := nomcomAppointsIntoALAC(t, net, n)

			// round trip: export the chain's state, describe it as a file,
			// check it and compare its structure
			n.Stop(t)
			exported := filepath.Join(net.Dir, "export.json")
			net.Exec(t, "export", "--home", n.Home, "--output-document", exported)
			back := filepath.Join(net.Dir, "back.yaml")
			net.Exec(t, "genesis", "constitution", "--from-export", exported, "--output", back, "--home", net.KeyHome(), "--keyring-backend", "test")
			net.Exec(t, "genesis", "constitution", "--check", back, "--home", n.Home, "--keyring-backend", "test")
			raw, err := os.ReadFile(back)
			if err != nil {
				t.Fatal(err)
			}
			g, err := file.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			// the former President stays a member, beside the new one, and
			// the export holds the NomCom's appointee, whose appointed_by
			// --check has just accepted
			if want := len(f.Members) + 1 + appointed; len(g.Communities) != len(f.Communities) || len(g.Board.Seats) != len(f.Board.Seats) || len(g.Members) != want {
				t.Errorf("round trip: %d communities, %d seats, %d members; want %d, %d, %d",
					len(g.Communities), len(g.Board.Seats), len(g.Members), len(f.Communities), len(f.Board.Seats), want)
			}
			for i := range f.Board.Seats {
				if i >= len(g.Board.Seats) {
					break
				}
				got, want := g.Board.Seats[i], f.Board.Seats[i]
				if got.AppointedBy != want.AppointedBy || got.Liaison != want.Liaison || got.ExOfficio != want.ExOfficio || got.OutsideRegionalCap != want.OutsideRegionalCap {
					t.Errorf("round trip: seat %d is %+v, want %+v", i, got, want)
				}
				// the keyring names the holders: the file's names, and the
				// new President's
				wantHolder := want.Holder
				if want.ExOfficio {
					wantHolder = newCEO
				}
				if got.Holder != wantHolder {
					t.Errorf("round trip: seat %d held by %q, want %q", i, got.Holder, wantHolder)
				}
			}
		})
	}
}

// boardReplacesCEO: the icann Board replaces its President and CEO by one
// motion of the Board, voted by its directors: it vacates the ex-officio
// seat 16 and appoints a new President into it. Removing a director needs
// 3/4 of the body (motion_thresholds), so 12 of the 16 directors vote. The
// seat is read back over REST: a new holder, still ex officio, appointed by
// the Board, outside the regional cap. It returns the new President's key.
func boardReplacesCEO(t *testing.T, net *Network, n *Node) string {
	t.Helper()
	const ceoSeat = "16"
	before := boardSeats(t, n)[ceoSeat]
	if !before.ExOfficio || !before.OutsideRegionalCap || before.AppointingCommunity != "board" || before.Holder != net.Address(t, "president-ceo") {
		t.Fatalf("seat 16 at genesis: %+v; want the ex-officio President's seat, outside the regional cap, held by president-ceo", before)
	}
	const newCEO = "new-president-ceo"
	net.AddKey(t, newCEO)
	msgs := []map[string]any{
		{"@type": "/polity.community.v1.MsgVacateSeat", "seat_id": ceoSeat, "reason": "the Board appoints a new President and CEO"},
		{"@type": "/polity.community.v1.MsgAppointDirector", "seat_id": ceoSeat, "director": net.Address(t, newCEO),
			"stakeholder_type": "STAKEHOLDER_TYPE_OPERATOR", "region": "REGION_AFRICA"},
	}
	id, _ := n.SubmitMotion(t, "board", "director-nomcom-1", "Board resolution: a new President and CEO", msgs...)
	votes := map[string][]string{}
	for _, d := range []string{"director-nomcom-1", "director-nomcom-2", "director-nomcom-3", "director-nomcom-4",
		"director-nomcom-5", "director-nomcom-6", "director-nomcom-7", "director-nomcom-8",
		"director-aso-1", "director-aso-2", "director-ccnso-1", "director-ccnso-2"} {
		votes[d] = []string{"community", "vote", itoa(id), "yes"}
	}
	broadcastAll(t, n, votes)
	m := WaitREST(t, n, "/polity/community/v1/motions/"+itoa(id), "the Board's motion to be decided", time.Minute,
		func(r struct{ Motion Motion }) (bool, string) {
			return r.Motion.Status != MotionVoting && r.Motion.Status != MotionQueued, r.Motion.Status
		}).Motion
	if m.Status != MotionPassed {
		t.Fatalf("the Board's motion replacing the President: %s (%s), tally %v", m.Status, m.FailureReason, m.Tally)
	}
	var res struct {
		Seat Seat `json:"seat"`
	}
	n.RESTJSON(t, "/polity/community/v1/board/seats/"+ceoSeat, &res)
	after := res.Seat
	if after.Holder != net.Address(t, newCEO) || !after.ExOfficio || !after.OutsideRegionalCap || after.AppointingCommunity != "board" || !after.Voting {
		t.Errorf("seat 16 after the Board's motion: %+v; want held by %s, ex officio, voting, appointed by the Board", after, newCEO)
	}
	return newCEO
}

// gnsoTwoHouseRule: the icann GNSO Council decides by a majority of each
// house, not of the Council as a whole; its ALAC liaison cannot vote. Four of its five members for (the
// chair, both Contracted Parties councillors and one Non-Contracted) and one
// against rejects a motion, because the Non-Contracted Parties House ties;
// with the fifth for too, the same motion passes.
func gnsoTwoHouseRule(t *testing.T, n *Node) {
	t.Helper()
	decide := func(title, lastVote string) Motion {
		id, _ := n.SubmitMotion(t, "gnso", "gnso-chair", title)
		// the ALAC's liaison sits on the Council without a vote
		if res := n.Tx(t, "gnso-alac-liaison", "community", "vote", itoa(id), "yes"); res.Code != 52 || res.Codespace != "community" {
			t.Errorf("%s: the Council's non-voting ALAC liaison voted: code %d (%s): %s; want code 52 (community)", title, res.Code, res.Codespace, res.Log)
		}
		for _, v := range []string{"gnso-chair", "rysg-councillor", "rrsg-councillor", "csg-councillor"} {
			n.Vote(t, id, v, "yes")
		}
		if m := n.Motion(t, id); m.Status != MotionVoting {
			t.Fatalf("%s: decided (%s) before the Non-Contracted house's second vote", title, m.Status)
		}
		n.Vote(t, id, "ncsg-councillor", lastVote)
		return WaitREST(t, n, "/polity/community/v1/motions/"+itoa(id), "the GNSO motion to be decided", time.Minute,
			func(r struct{ Motion Motion }) (bool, string) {
				return r.Motion.Status != MotionVoting && r.Motion.Status != MotionQueued, r.Motion.Status
			}).Motion
	}
	if m := decide("GNSO: one house ties", "no"); m.Status != MotionRejected {
		t.Errorf("4 of 5 councillors for, the Non-Contracted house tied: motion %s, want %s (tally %v)", m.Status, MotionRejected, m.Tally)
	}
	if m := decide("GNSO: both houses carry", "yes"); m.Status != MotionPassed {
		t.Errorf("every councillor for: motion %s, want %s (%s)", m.Status, MotionPassed, m.FailureReason)
	}
	gnsoSupermajority(t, n)
	communityReviewSchedule(t, n)
}

// gnsoSupermajority: the icann GNSO sends recommendations to the Board (a
// policy proposal, submitted by its motion) only by the GNSO Supermajority
// (2/3 of each house, or 3/4 of one and a majority of the other). Both
// Contracted Parties councillors and one of the two Non-Contracted for, the
// other abstaining, carries a plain motion (a majority of each house) but
// not a recommendation (half of the Non-Contracted house is no majority of
// it); with every councillor for, the recommendation passes and the
// proposal opens for public comment.
func gnsoSupermajority(t *testing.T, n *Node) {
	t.Helper()
	votes := func(id uint64, ncsg string) Motion {
		for _, v := range []string{"gnso-chair", "rysg-councillor", "rrsg-councillor", "csg-councillor"} {
			n.Vote(t, id, v, "yes")
		}
		n.Vote(t, id, "ncsg-councillor", ncsg)
		return WaitREST(t, n, "/polity/community/v1/motions/"+itoa(id), "the GNSO motion to be decided", time.Minute,
			func(r struct{ Motion Motion }) (bool, string) {
				return r.Motion.Status != MotionVoting && r.Motion.Status != MotionQueued, r.Motion.Status
			}).Motion
	}
	recommend := func(title string) uint64 {
		file := proposalFile(t, n.net, title, newDoc(title, "https://polity.example/gnso.md"))
		res := n.MustTx(t, "gnso-chair", "proposals", "submit-proposal", "gnso", "policy", file)
		return parseID(t, eventID(t, res, "community", "motion_submitted", "motion_id"))
	}

	plain, _ := n.SubmitMotion(t, "gnso", "gnso-chair", "GNSO: a plain motion, one Non-Contracted councillor abstaining")
	if m := votes(plain, "abstain"); m.Status != MotionPassed {
		t.Errorf("plain motion, 4 for and 1 abstaining: %s, want %s (a majority of each house)", m.Status, MotionPassed)
	}

	weak := recommend("GNSO: a recommendation without the Supermajority")
	var rule struct {
		Motion struct {
			Rule struct {
				AnyOf []struct {
					Houses []struct {
						CommunityID string `json:"community_id"`
						Threshold   string `json:"threshold"`
					} `json:"houses"`
				} `json:"any_of"`
			} `json:"rule"`
		} `json:"motion"`
	}
	n.RESTJSON(t, "/polity/community/v1/motions/"+itoa(weak), &rule)
	if len(rule.Motion.Rule.AnyOf) != 3 {
		t.Errorf("the recommendation's motion keeps %d alternatives, want the Supermajority's 3: %+v", len(rule.Motion.Rule.AnyOf), rule.Motion.Rule)
	}
	if m := votes(weak, "abstain"); m.Status != MotionRejected {
		t.Errorf("recommendation, 4 for and 1 abstaining: %s, want %s (no Supermajority)", m.Status, MotionRejected)
	}

	strong := recommend("GNSO: a recommendation with the Supermajority")
	if m := votes(strong, "yes"); m.Status != MotionPassed {
		t.Errorf("recommendation, every councillor for: %s, want %s (%s)", m.Status, MotionPassed, m.FailureReason)
	}
	var list struct {
		Proposals []Proposal `json:"proposals"`
	}
	n.RESTJSON(t, "/polity/proposals/v1/proposals?pagination.limit=100", &list)
	titles := map[string]string{}
	for _, p := range list.Proposals {
		titles[p.Title] = p.Originator
	}
	if titles["GNSO: a recommendation with the Supermajority"] != "gnso" || titles["GNSO: a recommendation without the Supermajority"] != "" {
		t.Errorf("proposals after the GNSO's recommendations: %+v, want the Supermajority's only", list.Proposals)
	}
}

// communityReviewSchedule: on the icann chain every SO, AC and the NomCom
// has its own organisational review due five years (1825 days) after
// genesis, listed soonest first by REST; ICANN org (the secretariat) and
// the GNSO's sub-communities have none.
func communityReviewSchedule(t *testing.T, n *Node) {
	t.Helper()
	var res struct {
		CommunityReviews []struct {
			CommunityID string    `json:"community_id"`
			Due         time.Time `json:"due"`
		} `json:"community_reviews"`
	}
	n.RESTJSON(t, "/polity/review/v1/community_reviews?pagination.limit=100", &res)
	var got []string
	for _, cr := range res.CommunityReviews {
		got = append(got, cr.CommunityID)
		if d := time.Until(cr.Due); d < 1824*24*time.Hour || d > 1825*24*time.Hour {
			t.Errorf("%s's organisational review is due %s, want 1825 days after genesis", cr.CommunityID, cr.Due)
		}
	}
	slices.Sort(got)
	if want := []string{"alac", "aso", "ccnso", "gac", "gnso", "ietf", "nomcom", "rssac", "ssac"}; !slices.Equal(got, want) {
		t.Errorf("communities with their own organisational review: %v, want %v", got, want)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestConstitutionFileRefused: a broken file is refused with every problem
// at its path, by --check and by --file alike, and the genesis file and the
// keyring are left as they were (no key is created for a refused file).
func TestConstitutionFileRefused(t *testing.T) {
	bin := Binary(t)
	dir := t.TempDir()
	home := filepath.Join(dir, "node0")
	run := func(args ...string) (string, error) {
		out, err := exec.Command(bin, args...).CombinedOutput()
		return string(out), err
	}
	if out, err := run("init", "node0", "--chain-id", DefaultChainID, "--home", home, "--default-denom", "upolity"); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	data, err := file.Example("icann")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), "- {appointed_by: aso, holder: director-aso-2", "- {appointed_by: asso, holder: director-aso-2", 1)
	bad = strings.Replace(bad, "parent: gnso-ncsg}", "parent: gnso-ncsgg}", 1)
	badPath := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badPath, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	genesis := filepath.Join(home, "config", "genesis.json")
	before, err := os.ReadFile(genesis)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`communities[12].parent: no community "gnso-ncsgg"`, `board.seats[9].appointed_by: no community "asso"`}
	for _, mode := range []string{"--check", "--file"} {
		out, err := run("genesis", "constitution", mode, badPath, "--home", home, "--keyring-backend", "test")
		if err == nil {
			t.Errorf("%s accepted a broken file", mode)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output %q lacks %q", mode, out, w)
			}
		}
		after, err := os.ReadFile(genesis)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Errorf("%s changed the genesis file", mode)
		}
		keys, err := run("keys", "list", "--home", home, "--keyring-backend", "test", "--output", "json")
		if err != nil || strings.Contains(keys, `"name"`) {
			t.Errorf("%s left keys behind (%v): %s", mode, err, keys)
		}
	}
}
