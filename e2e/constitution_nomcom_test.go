//go:build linux

package e2e

import (
	"strings"
	"testing"
	"time"
)

// nomcomAppointsIntoALAC: on the icann chain the NomCom, whose chair and
// liaisons are non-voting members, appoints a member into the ALAC by its
// own motion. The non-voting chair's vote is refused in CheckTx with
// x/community's code 52; the two voting delegates carry the motion, and the
// appointee is then an ALAC member over REST, named as the NomCom's
// appointee, and listed under the NomCom's ALAC allowance. It returns the
// members it added (the round trip's export includes them).
func nomcomAppointsIntoALAC(t *testing.T, net *Network, n *Node) int {
	t.Helper()
	appointee := net.AddKey(t, "alac-appointee")
	msg := n.GeneratedMsg(t, n.Body(t, "nomcom"), "community", "appoint-member", "nomcom", "alac", appointee,
		"--stakeholder-type", "user", "--region", "africa")
	id, _ := n.SubmitMotion(t, "nomcom", "alac-delegate", "NomCom: appoint an ALAC member", msg)

	res := n.Tx(t, "nomcom-chair", "community", "vote", itoa(id), "yes")
	if res.Code != 52 || res.Codespace != "community" || !strings.Contains(res.Log, "non-voting member") {
		t.Errorf("the NomCom's non-voting chair voted: code %d (%s): %s; want code 52 (community), non-voting member", res.Code, res.Codespace, res.Log)
	}
	n.Vote(t, id, "alac-delegate", "yes")
	n.Vote(t, id, "ccnso-delegate", "yes")
	m := WaitREST(t, n, "/polity/community/v1/motions/"+itoa(id), "the NomCom motion to run", time.Minute,
		func(r struct{ Motion Motion }) (bool, string) {
			return r.Motion.Status != MotionVoting && r.Motion.Status != MotionQueued, r.Motion.Status
		}).Motion
	if m.Status != MotionPassed {
		t.Fatalf("NomCom motion %d: %s (%s), want %s", id, m.Status, m.FailureReason, MotionPassed)
	}

	var members struct {
		Memberships []struct {
			Address     string `json:"address"`
			Weight      string `json:"weight"`
			AppointedBy string `json:"appointed_by"`
		} `json:"memberships"`
	}
	n.RESTJSON(t, "/polity/community/v1/communities/alac/members?pagination.limit=100", &members)
	found := false
	for _, ms := range members.Memberships {
		if ms.Address == appointee {
			found = true
			if ms.AppointedBy != "nomcom" || ms.Weight != "1" {
				t.Errorf("ALAC appointee: appointed_by %q, weight %s; want nomcom, 1", ms.AppointedBy, ms.Weight)
			}
		}
	}
	if !found {
		t.Errorf("%s is not among the ALAC's members after the NomCom appointed it: %+v", appointee, members.Memberships)
	}
	var appointments struct {
		Appointments []struct {
			Appointment struct {
				Into string `json:"into_community_id"`
			} `json:"appointment"`
			Voting []string `json:"voting_appointees"`
		} `json:"appointments"`
	}
	n.RESTJSON(t, "/polity/community/v1/communities/nomcom/appointments", &appointments)
	for _, a := range appointments.Appointments {
		if a.Appointment.Into == "alac" && (len(a.Voting) != 1 || a.Voting[0] != appointee) {
			t.Errorf("the NomCom's ALAC appointees: %v, want [%s]", a.Voting, appointee)
		}
	}
	return 1
}
