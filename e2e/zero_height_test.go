//go:build linux

package e2e

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// recordLists are the list queries whose records a zero-height restart must
// keep: every module's state as a block explorer reads it.
var recordLists = []string{
	"/polity/community/v1/communities", "/polity/community/v1/members", "/polity/community/v1/board",
	"/polity/community/v1/validators", "/polity/community/v1/bodies", "/polity/community/v1/motions",
	"/polity/proposals/v1/proposals", "/polity/proposals/v1/advice", "/polity/proposals/v1/bylaws",
	"/polity/review/v1/irps", "/polity/review/v1/panelists", "/polity/review/v1/parties",
	"/polity/review/v1/reconsiderations", "/polity/review/v1/complaints", "/polity/review/v1/reviews",
	"/polity/review/v1/emergencies",
	"/polity/empowered/v1/participants", "/polity/empowered/v1/petitions", "/polity/empowered/v1/approvals",
	// the demo's records kept beside the proposal: the challenged amendment's
	// released hold, the texts of dev's policy versions and proposal
	"/polity/proposals/v1/proposals/3/released_holds", "/polity/proposals/v1/policies/dev",
	"/polity/proposals/v1/proposals/5/text",
}

// zeroHeightRestart exports the node's chain with --for-zero-height, starts
// a new chain from the file on the same home, and requires that every record
// is kept and that an existing member and director still vote: on a motion
// opened before the export and on one opened after it. Stored heights are
// rebased by the export (app/export_rebase.go); without that, old members
// would only become eligible once the new chain passed their old heights.
func zeroHeightRestart(t *testing.T, net *Network, n *Node) {
	t.Helper()
	zed := net.AddKey(t, "zed")
	open, _ := n.SubmitMotion(t, "dev", "dev-chair", "Admit zed", map[string]any{
		"@type": "/polity.community.v1.MsgAdmitMember", "community_id": "dev", "address": zed,
		"roles": []string{"ROLE_MEMBER"}, "stakeholder_type": "STAKEHOLDER_TYPE_ENGINEER", "region": "REGION_EUROPE",
	})
	n.Vote(t, open, "dev-chair", "yes")
	before := snapshotRecords(t, n)
	last, err := n.Height()
	if err != nil {
		t.Fatal(err)
	}

	n.Stop(t)
	file := filepath.Join(net.Dir, "zero-height.json")
	net.Exec(t, "export", "--for-zero-height", "--home", n.Home, "--output-document", file)
	net.Exec(t, "comet", "unsafe-reset-all", "--home", n.Home)
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	n.Start(t)
	n.WaitReady(t)
	if h, err := n.Height(); err != nil || h > last {
		t.Fatalf("height %d (%v) after the restart, want a new chain (the old one ended at %d)", h, err, last)
	}

	after := snapshotRecords(t, n)
	for _, path := range recordLists {
		if !reflect.DeepEqual(before[path], after[path]) {
			t.Errorf("%s changed across the zero-height restart:\nbefore: %v\nafter:  %v", path, before[path], after[path])
		}
	}
	if m := n.Motion(t, open); mustInt(t, m.SubmitHeight) >= 0 {
		t.Errorf("motion %d kept submit_height %s; a zero-height export moves the old chain's history below zero", open, m.SubmitHeight)
	}

	// an existing member decides the motion opened before the export
	n.Vote(t, open, "dev-member", "yes")
	WaitREST(t, n, "/polity/community/v1/motions/"+itoa(open), "the pre-export motion to pass", 30*time.Second,
		func(r struct{ Motion Motion }) (bool, string) {
			return r.Motion.Status == MotionPassed, r.Motion.Status + " " + r.Motion.FailureReason
		})
	var member struct {
		Memberships []struct {
			CommunityID string `json:"community_id"`
		} `json:"memberships"`
	}
	n.RESTJSON(t, "/polity/community/v1/members/"+zed, &member)
	if len(member.Memberships) != 1 || member.Memberships[0].CommunityID != "dev" {
		t.Errorf("zed's memberships after the motion passed: %+v, want dev", member.Memberships)
	}

	// existing directors vote on a Board motion opened on the new chain
	board, _ := n.SubmitMotion(t, "board", "director-users", "Thanks to the secretariat")
	n.Vote(t, board, "director-users", "yes")
	n.Vote(t, board, "director-dev", "yes")
	if m := n.Motion(t, board); m.Tally["yes"] != "2" {
		t.Errorf("board motion %d tally %v, want 2 yes", board, m.Tally)
	}
}

// snapshotRecords reads every list in recordLists with heights left out
// (the export moves them) and everything else kept.
func snapshotRecords(t *testing.T, n *Node) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, path := range recordLists {
		var v map[string]any
		n.RESTJSON(t, path+"?pagination.limit=1000", &v)
		delete(v, "pagination")
		out[path] = dropHeights(v)
	}
	return out
}

func dropHeights(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if strings.HasSuffix(k, "_height") || strings.HasSuffix(k, "_heights") || k == "height" {
				delete(x, k)
				continue
			}
			x[k] = dropHeights(e)
		}
	case []any:
		for i := range x {
			x[i] = dropHeights(x[i])
		}
	}
	return v
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("%q is not an integer: %v", s, err)
	}
	return v
}
