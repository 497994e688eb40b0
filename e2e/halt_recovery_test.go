package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// haltRecovery loses two of the four validators for good, sees the chain
// halt, and restarts it on the two survivors as docs/operator-guide.md says:
// export from a stopped survivor, `polityd genesis recover --drop` the lost
// ones, reset, install the same file, start. The chain continues after its
// last height with every record and the survivors in bootstrap mode, and a
// community decides again. It ends the four-node network, so it runs last.
func haltRecovery(t *testing.T, net *Network, member string) {
	t.Helper()
	nodes := net.Nodes
	survivors, lost := nodes[:2], nodes[2:]
	var drops []string
	for _, n := range lost {
		drops = append(drops, "--drop", strings.TrimSpace(string(net.Exec(t, "comet", "show-address", "--home", n.Home))))
		n.Stop(t)
	}

	// Half the power is gone: no block commits any more. Absence can only be
	// watched for a while: 3s is six block times.
	halted := MaxHeight(t, survivors...)
	time.Sleep(3 * time.Second)
	if h := MaxHeight(t, survivors...); h > halted+1 {
		t.Fatalf("the chain went on from %d to %d with half its power stopped", halted, h)
	}

	for _, n := range survivors {
		n.Stop(t)
	}
	exported := filepath.Join(net.Dir, "halted.json")
	recovered := filepath.Join(net.Dir, "recovered.json")
	net.Exec(t, "export", "--home", survivors[0].Home, "--output-document", exported)
	_, notes, err := net.Run(append([]string{"genesis", "recover", exported, recovered, "--home", survivors[0].Home}, drops...)...)
	if err != nil || !strings.Contains(string(notes), "bootstrap mode switched ON") {
		t.Fatalf("genesis recover: %v; stderr %q, want it to say bootstrap is switched on", err, notes)
	}
	raw, err := os.ReadFile(recovered)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range survivors {
		net.Exec(t, "comet", "unsafe-reset-all", "--home", n.Home)
		if err := os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		net.Exec(t, "genesis", "validate", "--home", n.Home)
	}
	for _, n := range survivors {
		n.Start(t)
	}
	for _, n := range survivors {
		n.WaitReady(t)
	}
	last := AgreeAt(t, MaxHeight(t, survivors...)+2, survivors...)
	if last.Height <= halted {
		t.Errorf("the recovered chain is at %d, want it to continue after %d", last.Height, halted)
	}
	if vals := survivors[0].CometValidators(t); len(vals) != 2 {
		t.Errorf("CometBFT's validators after recovery: %v, want the two survivors", vals)
	}
	bootstrapVisible(t, survivors)

	// Every record is kept: the lost validators as removed with no power,
	// fin's member from before the halt.
	var res struct {
		Validators []struct {
			ConsensusAddress string `json:"consensus_address"`
			Status           string `json:"status"`
			Power            string `json:"power"`
		} `json:"validators"`
	}
	survivors[1].RESTJSON(t, "/polity/community/v1/validators", &res)
	active, dropped := 0, 0
	for _, v := range res.Validators {
		if v.Status == "VALIDATOR_STATUS_ACTIVE" {
			active++
		}
		for i := 1; i < len(drops); i += 2 {
			if drops[i] == v.ConsensusAddress && v.Status == "VALIDATOR_STATUS_REMOVED" && v.Power == "0" {
				dropped++
			}
		}
	}
	if active != 2 || dropped != 2 {
		t.Errorf("validators after recovery: %+v, want the two survivors active and the lost two removed with power 0", res.Validators)
	}
	var m struct {
		Memberships []struct {
			CommunityID string `json:"community_id"`
		} `json:"memberships"`
	}
	survivors[0].RESTJSON(t, "/polity/community/v1/members/"+member, &m)
	if len(m.Memberships) != 1 || m.Memberships[0].CommunityID != "fin" {
		t.Errorf("fin's member after recovery: %+v", m)
	}

	// The survivors' communities decide again on the recovered chain.
	motion, _ := survivors[0].Decide(t, "ops", "Admit ivy after the halt", []string{"ops-chair", "ops-member"}, map[string]any{
		"@type": "/polity.community.v1.MsgAdmitMember", "community_id": "ops", "address": net.AddKey(t, "ivy"),
		"stakeholder_type": "STAKEHOLDER_TYPE_OPERATOR", "region": "REGION_EUROPE",
	})
	if motion.Status != MotionPassed {
		t.Errorf("motion on the recovered chain: %+v, want passed", motion)
	}
}

// bootstrapVisible: on the recovered chain bootstrap mode cannot be missed.
// Params say why and since when, each survivor warned at its first start and
// warns again at a restart, and the metrics export polity_bootstrap_mode 1.
func bootstrapVisible(t *testing.T, survivors []*Node) {
	t.Helper()
	var p struct {
		Params struct {
			Bootstrap     bool   `json:"bootstrap"`
			BootstrapNote string `json:"bootstrap_note"`
		} `json:"params"`
	}
	survivors[0].RESTJSON(t, api+"/params", &p)
	if !p.Params.Bootstrap || !strings.Contains(p.Params.BootstrapNote, "polityd genesis recover") {
		t.Errorf("params after recovery: %+v, want bootstrap on with a note from genesis recover", p.Params)
	}
	for _, n := range survivors {
		if log := n.Log(t); !strings.Contains(log, "BOOTSTRAP MODE") || !strings.Contains(log, p.Params.BootstrapNote) {
			t.Errorf("%s did not log the BOOTSTRAP MODE warning with its note at its first start on the recovered chain", n.Moniker)
		}
	}
	if body, err := httpGet(fmt.Sprintf("http://127.0.0.1:%d/metrics", survivors[0].Ports.Prometheus)); err != nil ||
		!strings.Contains(body, "\npolity_bootstrap_mode 1\n") {
		t.Errorf("metrics after recovery: %v; want polity_bootstrap_mode 1", err)
	}
	n := survivors[1]
	n.Stop(t)
	before := len(n.Log(t))
	n.Start(t)
	n.WaitReady(t)
	if !strings.Contains(n.Log(t)[before:], "BOOTSTRAP MODE") {
		t.Errorf("%s did not log BOOTSTRAP MODE when restarted on the recovered chain", n.Moniker)
	}
}
