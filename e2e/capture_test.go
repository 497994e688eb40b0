package e2e

import (
	"slices"
	"testing"
	"time"
)

// fourNodesChallenge is the four-validator network's challenge window: long
// enough to file a case and take and lift an emergency after the Board's
// decision, short enough to wait out.
const fourNodesChallenge = 30 * time.Second

// captureOnFourValidators drives two capture attempts through real
// transactions on the four-validator network, checking every node agrees:
// a stayed resolution stays held while an emergency suspension on it is
// taken and lifted (capture path 1), and a Board majority cannot remove a
// NomCom director, neither by resolution nor by its own motion (path 3).
func captureOnFourValidators(t *testing.T, net *Network) {
	nodes := net.Nodes
	n := nodes[0]

	var nomcom Seat
	var boardMotion uint64
	t.Run("capture path 3: a Board majority's resolution vacating a NomCom seat is refused", func(t *testing.T) {
		for _, s := range boardSeats(t, n) {
			if s.AppointingCommunity == "nomcom" && s.Voting && (nomcom.ID == "" || s.ID < nomcom.ID) {
				nomcom = s
			}
		}
		if nomcom.Holder == "" {
			t.Fatalf("no filled NomCom seat: %+v", boardSeats(t, n))
		}
		vacate := map[string]any{"@type": "/polity.community.v1.MsgVacateSeat", "seat_id": nomcom.ID, "reason": "purge"}
		file := proposalFile(t, net, "Remove a NomCom director", newDoc("purge", "https://polity.example/board/purge.md"), vacate)
		res := n.Tx(t, "director-dev", "proposals", "submit-proposal", "board", "resolution", file)
		requireCode(t, "a resolution vacating a NomCom seat", res, "proposals", 5)

		// the majority's own Board motion: decided while the next story runs
		boardMotion, _ = n.SubmitMotion(t, "board", "director-dev", "Remove a NomCom director", vacate)
		for _, d := range deciders {
			n.Vote(t, boardMotion, d, "yes")
		}
	})

	t.Run("capture path 1: a stayed resolution stays held while an emergency on it is lifted", func(t *testing.T) {
		n.decideFast(t, "board", "Elect the chair", deciders, map[string]any{
			"@type": "/polity.community.v1.MsgSetBoardChair", "director": net.Address(t, "director-ops"),
		})
		appointee := net.AddKey(t, "panelist-capture")
		file := proposalFile(t, net, "Appoint a panelist", newDoc("appoint", "https://polity.example/board/appoint.md"),
			map[string]any{"@type": "/polity.review.v1.MsgAppointPanelist", "address": appointee, "name": "Capture Panelist"})
		id, _ := n.SubmitBoardProposal(t, "director-dev", "resolution", file)
		n.BoardVotes(t, id, "yes", deciders...)
		n.WaitProposalStatus(t, id, "PROPOSAL_STATUS_EC_REVIEW", 20*time.Second)

		res := n.MustTx(t, "fin-member", "review", "file-irp", "member", id, "--provisions", "Art. 4.2",
			"--claim", docFlag(t, "the appointment breaks the bylaws"), "--interim-relief")
		irp := eventID(t, res, "review", "irp_filed", "irp_id")
		res = n.MustTx(t, "director-ops", "review", "take-emergency-action", "suspend-proposal", id,
			"--statement", docFlag(t, "suspension"))
		emergency := eventID(t, res, "review", "emergency_changed", "emergency_id")
		if holds := n.holdSources(t, id); !slices.Equal(holds, []string{"emergency/" + emergency, "irp/" + irp}) {
			t.Errorf("holds on resolution %s: %v, want the emergency's and the case's", id, holds)
		}
		n.MustTx(t, "director-ops", "review", "lift-emergency", emergency)
		if holds := n.holdSources(t, id); !slices.Equal(holds, []string{"irp/" + irp}) {
			t.Errorf("holds on resolution %s after the lift: %v, want the case's only", id, holds)
		}

		// past the window: held, not executed, on every node
		n.WaitProposalStatus(t, id, "PROPOSAL_STATUS_APPROVED", fourNodesChallenge+30*time.Second)
		h := MaxHeight(t, nodes...)
		AgreeAt(t, h+1, nodes...)
		for _, node := range nodes {
			var r struct {
				Proposal Proposal `json:"proposal"`
			}
			node.RESTJSON(t, papi+"/proposals/"+id, &r)
			if r.Proposal.Status != "PROPOSAL_STATUS_APPROVED" {
				t.Errorf("%s: resolution %s is %s past its window, want APPROVED and held", node.Moniker, id, r.Proposal.Status)
			}
			if holds := node.holdSources(t, id); !slices.Equal(holds, []string{"irp/" + irp}) {
				t.Errorf("%s: holds on resolution %s: %v, want the case's", node.Moniker, id, holds)
			}
			var panelists []struct {
				Address string `json:"address"`
			}
			node.record(t, "/panelists?pagination.limit=200", "panelists", &panelists)
			for _, pl := range panelists {
				if pl.Address == appointee {
					t.Errorf("%s: the held appointment took effect: %s is a panelist", node.Moniker, appointee)
				}
			}
		}
	})

	t.Run("capture path 3: the majority's own Board motion does not remove the director", func(t *testing.T) {
		if boardMotion == 0 {
			t.Skip("the motion was not submitted")
		}
		var m Motion
		Eventually(t, time.Minute, "the Board's motion to be decided", func() (bool, string) {
			m = n.Motion(t, boardMotion)
			return m.Status != MotionVoting, m.Status
		})
		if m.Status == MotionPassed {
			t.Errorf("four directors removed a NomCom director by a Board motion: %+v", m)
		}
		h := MaxHeight(t, nodes...)
		AgreeAt(t, h+1, nodes...)
		for _, node := range nodes {
			if s := boardSeats(t, node)[nomcom.ID]; s.Holder != nomcom.Holder {
				t.Errorf("%s: seat %s is held by %q, want %s still", node.Moniker, nomcom.ID, s.Holder, nomcom.Holder)
			}
		}
	})
}
