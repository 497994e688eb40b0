package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/polity-chain/polity/app/constitution"
	polityd "github.com/polity-chain/polity/cmd/polityd/cmd"
)

const api = "/polity/community/v1"

// TestSingleNode runs the bootstrap constitution on one node and drives the
// module through the CLI, CometBFT RPC and REST.
//
// Its motions are voted on inside their voting period, which a long period
// keeps from racing: a motion concludes as soon as it is decided, so the
// length costs nothing. Everything else polls for a chain condition.
func TestSingleNode(t *testing.T) {
	net := NewNetwork(t, Options{Bootstrap: true, VotingPeriod: 20 * time.Minute})
	n := net.Nodes[0]

	t.Run("status and version", func(t *testing.T) {
		var st struct {
			NodeInfo struct {
				Network string `json:"network"`
				Moniker string `json:"moniker"`
			} `json:"node_info"`
			SyncInfo struct {
				Height string `json:"latest_block_height"`
			} `json:"sync_info"`
		}
		raw := net.Exec(t, "status", "--node", n.NodeFlag(), "--home", n.Home)
		if err := json.Unmarshal(raw, &st); err != nil {
			t.Fatalf("polityd status: %v: %s", err, raw)
		}
		if st.NodeInfo.Network != net.ChainID || st.NodeInfo.Moniker != n.Moniker || st.SyncInfo.Height == "" || st.SyncInfo.Height == "0" {
			t.Errorf("polityd status = %s, want chain %s, moniker %s and a height", raw, net.ChainID, n.Moniker)
		}
		if v := strings.TrimSpace(string(net.Exec(t, "version"))); v == "" {
			t.Error("polityd version printed nothing")
		}
		var long struct {
			ServerName       string `json:"server_name"`
			Version          string `json:"version"`
			CosmosSDKVersion string `json:"cosmos_sdk_version"`
		}
		raw = net.Exec(t, "version", "--long", "--output", "json")
		if err := json.Unmarshal(raw, &long); err != nil {
			t.Fatalf("polityd version --long: %v: %.300s", err, raw)
		}
		if long.ServerName != "polityd" || long.Version == "" || !strings.HasPrefix(long.CosmosSDKVersion, "v0.54") {
			t.Errorf("polityd version --long = %+v, want server polityd, a version and SDK v0.54", long)
		}
	})

	t.Run("bootstrap mode is visible", func(t *testing.T) {
		var p struct {
			Params struct {
				Bootstrap bool `json:"bootstrap"`
			} `json:"params"`
		}
		n.RESTJSON(t, api+"/params", &p)
		if !p.Params.Bootstrap {
			t.Error("REST params: bootstrap = false on a --bootstrap chain")
		}
		if log := n.Log(t); !strings.Contains(log, "BOOTSTRAP MODE") {
			t.Error("the node log has no BOOTSTRAP MODE warning")
		}
	})

	// A motion of dev admits erin; both dev voters vote yes, which decides it at once.
	erin := net.AddKey(t, "erin")
	var memberMotion Motion
	var submitTx, decideTx TxResult
	if !t.Run("a motion admits a member", func(t *testing.T) {
		var id uint64
		id, submitTx = n.SubmitMotion(t, "dev", "dev-chair", "Admit erin", map[string]any{
			"@type": "/polity.community.v1.MsgAdmitMember", "community_id": "dev", "address": erin,
			"roles": []string{"ROLE_MEMBER"}, "stakeholder_type": "STAKEHOLDER_TYPE_ENGINEER", "region": "REGION_EUROPE",
		})
		if m := n.Motion(t, id); m.Status != MotionVoting {
			t.Fatalf("motion %d after submission: status %s, want %s", id, m.Status, MotionVoting)
		}
		n.Vote(t, id, "dev-chair", "yes")
		if m := n.Motion(t, id); m.Status != MotionVoting {
			t.Fatalf("motion %d after one of two yes votes: status %s, want still %s", id, m.Status, MotionVoting)
		}
		decideTx = n.Vote(t, id, "dev-member", "yes")
		memberMotion = n.Motion(t, id)
		if memberMotion.Status != MotionPassed || memberMotion.Tally["yes"] != "2" {
			t.Fatalf("motion %d after two yes votes: %+v, want %s with 2 yes", id, memberMotion, MotionPassed)
		}
		var members struct {
			Memberships []struct {
				Address string   `json:"address"`
				Roles   []string `json:"roles"`
			} `json:"memberships"`
		}
		n.Query(t, &members, "community", "community-members", "dev")
		i := slices.IndexFunc(members.Memberships, func(m struct {
			Address string   `json:"address"`
			Roles   []string `json:"roles"`
		}) bool {
			return m.Address == erin
		})
		if i < 0 || !slices.Contains(members.Memberships[i].Roles, "ROLE_MEMBER") {
			t.Errorf("q community community-members dev has no erin (%s) as ROLE_MEMBER: %+v", erin, members)
		}
		var member struct {
			Member struct {
				Address string `json:"address"`
				Region  string `json:"region"`
			} `json:"member"`
			Memberships []struct {
				CommunityID string `json:"community_id"`
			} `json:"memberships"`
		}
		n.RESTJSON(t, api+"/members/"+erin, &member)
		if member.Member.Address != erin || member.Member.Region != "REGION_EUROPE" ||
			len(member.Memberships) != 1 || member.Memberships[0].CommunityID != "dev" {
			t.Errorf("REST members/%s = %+v, want erin in dev from REGION_EUROPE", erin, member)
		}
	}) {
		t.FailNow()
	}

	t.Run("tx_search finds motion transactions by plain attributes", func(t *testing.T) {
		id := memberMotion.ID
		// The settling vote is a transaction; the decision is EndBlock's, in
		// the same block: block_search finds it, tx_search does not.
		q := "polity.community.action='motion_decided' AND polity.community.motion_id=" + id
		if decided := n.BlockSearch(t, q); !slices.Equal(decided, []int64{decideTx.Height}) {
			t.Errorf("block_search motion_decided for motion %s: blocks %v, want the settling vote's block %d", id, decided, decideTx.Height)
		}
		if status, _ := findAttr(n.BlockEvents(t, decideTx.Height), "polity.community", "status", "action", "motion_decided", "motion_id", id); status != MotionQueued {
			t.Errorf("motion_decided event status = %q, want %s", status, MotionQueued)
		}
		if txs := n.TxSearch(t, q); len(txs) != 0 {
			t.Errorf("tx_search motion_decided for motion %s: %v, want none (EndBlock decides)", id, hashes(txs))
		}
		votes := n.TxSearch(t, "polity.community.action='vote_cast' AND polity.community.motion_id="+id)
		if !slices.Contains(hashes(votes), decideTx.Hash) {
			t.Errorf("tx_search vote_cast for motion %s: %v, want it to include the settling vote %s", id, hashes(votes), decideTx.Hash)
		}
		submitted := n.TxSearch(t, "polity.community.action='motion_submitted' AND polity.community.body_id='dev'")
		if !slices.Contains(hashes(submitted), submitTx.Hash) {
			t.Errorf("tx_search motion_submitted in dev: %v, want it to include %s", hashes(submitted), submitTx.Hash)
		}
		// The motion's messages ran in EndBlock of the deciding vote's block:
		// their events are block events, in no transaction.
		if admitted := n.TxSearch(t, fmt.Sprintf("polity.community.action='member_admitted' AND polity.community.address='%s'", erin)); len(admitted) != 0 {
			t.Errorf("tx_search member_admitted for %s: %v, want none (EndBlock ran the motion)", erin, hashes(admitted))
		}
		if got := memberMotion.ExecutedHeight; got != fmt.Sprint(decideTx.Height) {
			t.Errorf("motion %s executed_height = %s, want the deciding vote's block %d", id, got, decideTx.Height)
		}
		if none := n.TxSearch(t, "polity.community.action='motion_decided' AND polity.community.motion_id=999"); len(none) != 0 {
			t.Errorf("tx_search for motion 999 found %v", hashes(none))
		}
		// a transaction is found by signer and sequence (tx.acc_seq is
		// indexed); its signature is not indexed (docs/explorers.md)
		accSeq, ok := submitTx.Attr("tx", "acc_seq")
		if !ok {
			t.Fatalf("the motion's transaction carries no tx.acc_seq: %v", submitTx.Events)
		}
		if bySeq := n.TxSearch(t, "tx.acc_seq='"+accSeq+"'"); !slices.Equal(hashes(bySeq), []string{submitTx.Hash}) {
			t.Errorf("tx_search tx.acc_seq=%s: %v, want exactly %s", accSeq, hashes(bySeq), submitTx.Hash)
		}
		if sig, ok := submitTx.Attr("tx", "signature"); !ok {
			t.Errorf("the motion's transaction carries no tx.signature event: %v", submitTx.Events)
		} else if bySig := n.TxSearch(t, "tx.signature='"+sig+"'"); len(bySig) != 0 {
			t.Errorf("tx_search tx.signature found %v, want none (not indexed)", hashes(bySig))
		}
	})

	// A vote certain to fail is refused in CheckTx: it never reaches a block.
	t.Run("a vote on a decided motion is refused in CheckTx", func(t *testing.T) {
		res := n.Tx(t, "dev-member", "community", "vote", memberMotion.ID, "yes")
		if res.Code != 35 || res.Codespace != "community" {
			t.Fatalf("vote on decided motion %s: code %d codespace %q (%s), want 35 (ErrMotionClosed) in community from CheckTx", memberMotion.ID, res.Code, res.Codespace, res.Log)
		}
		if res.Height != 0 || !strings.Contains(res.Log, "not open for voting") {
			t.Errorf("vote on decided motion: height %d log %q, want a CheckTx refusal saying the motion is not open for voting", res.Height, res.Log)
		}
		h, err := n.Height()
		if err != nil {
			t.Fatal(err)
		}
		n.WaitHeight(t, h+2, time.Minute)
		var found struct{}
		if err := n.RPC("/tx?hash=0x"+res.Hash, &found); err == nil {
			t.Errorf("the refused vote %s is in a block; it must take no block space", res.Hash)
		}
		id, err := strconv.ParseUint(memberMotion.ID, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		if m := n.Motion(t, id); m.Tally["yes"] != "2" {
			t.Errorf("motion %s tally after the refused vote: %v, want still 2 yes", memberMotion.ID, m.Tally)
		}
	})

	t.Run("an outsider is refused", func(t *testing.T) {
		balance := func() string {
			var b struct {
				Balance struct {
					Amount string `json:"amount"`
				} `json:"balance"`
			}
			n.RESTJSON(t, "/cosmos/bank/v1beta1/balances/"+erin+"/by_denom?denom=upolity", &b)
			return b.Balance.Amount
		}
		before := balance()
		res := n.Tx(t, "outsider", "bank", "send", "outsider", erin, "10upolity", "--fees", "5000upolity")
		if res.Code != 44 || res.Codespace != "community" {
			t.Fatalf("outsider bank send: code %d codespace %q (%s), want 44 in community", res.Code, res.Codespace, res.Log)
		}
		if res.Height != 0 {
			t.Errorf("outsider bank send reached block %d; it must be refused before execution", res.Height)
		}
		if !strings.Contains(res.Log, "open-door") {
			t.Errorf("refusal log %q does not say that only open-door messages are allowed", res.Log)
		}
		h, err := n.Height()
		if err != nil {
			t.Fatal(err)
		}
		n.WaitHeight(t, h+2, time.Minute)
		if after := balance(); after != before {
			t.Errorf("erin's balance moved from %s to %s", before, after)
		}
	})

	t.Run("a motion admits a validator and another removes it", func(t *testing.T) {
		key := net.NewConsensusKey(t, "val-e2e")
		operator := net.Address(t, "ops-member")
		ops := []string{"ops-chair", "ops-member"}
		// Built as the operator guide says: the CLI command with the key that
		// `polityd comet show-validator` printed, signed by the body.
		var body struct {
			Body struct {
				Address string `json:"address"`
			} `json:"body"`
		}
		n.Query(t, &body, "community", "body", "ops")
		admit := n.GeneratedMsg(t, body.Body.Address, "community", "admit-validator", "ops", operator, string(key.PubKey), "val-e2e", "1")
		if admit["@type"] != "/polity.community.v1.MsgAdmitValidator" || admit["authority"] != body.Body.Address {
			t.Fatalf("admit-validator --generate-only built %v", admit)
		}
		m, _ := n.Decide(t, "ops", "Admit validator val-e2e", ops, admit)
		if m.Status != MotionPassed {
			t.Fatalf("admit-validator motion: %+v, want %s", m, MotionPassed)
		}
		Eventually(t, time.Minute, "CometBFT's validator set to include val-e2e with power 1", func() (bool, string) {
			vals := n.CometValidators(t)
			return vals[key.HexAddress] == 1 && len(vals) == 2, fmt.Sprint(vals)
		})
		var v struct {
			Validator struct {
				Moniker     string `json:"moniker"`
				CommunityID string `json:"community_id"`
				Operator    string `json:"operator"`
				Status      string `json:"status"`
				Power       string `json:"power"`
			} `json:"validator"`
		}
		n.RESTJSON(t, api+"/validators/"+key.Address, &v)
		if v.Validator.Moniker != "val-e2e" || v.Validator.CommunityID != "ops" || v.Validator.Operator != operator || v.Validator.Status != "VALIDATOR_STATUS_ACTIVE" {
			t.Errorf("REST validators/%s = %+v", key.Address, v)
		}

		m, _ = n.Decide(t, "ops", "Remove validator val-e2e", ops, map[string]any{
			"@type": "/polity.community.v1.MsgRemoveValidator", "community_id": "ops", "consensus_address": key.Address,
		})
		if m.Status != MotionPassed {
			t.Fatalf("remove-validator motion: %+v, want %s", m, MotionPassed)
		}
		Eventually(t, time.Minute, "CometBFT's validator set to drop val-e2e", func() (bool, string) {
			vals := n.CometValidators(t)
			_, present := vals[key.HexAddress]
			return !present && len(vals) == 1, fmt.Sprint(vals)
		})
		n.RESTJSON(t, api+"/validators/"+key.Address, &v)
		if v.Validator.Status != "VALIDATOR_STATUS_REMOVED" {
			t.Errorf("removed validator's record: status %s, want VALIDATOR_STATUS_REMOVED (records are kept)", v.Validator.Status)
		}
		if v.Validator.Power != "0" {
			t.Errorf("removed validator's power %q, want 0", v.Validator.Power)
		}
		h, err := n.Height()
		if err != nil {
			t.Fatal(err)
		}
		n.WaitHeight(t, h+2, time.Minute)
	})

	t.Run("REST endpoints", func(t *testing.T) {
		testREST(t, net, memberMotion, erin)
	})

	t.Run("export passes genesis validate", func(t *testing.T) {
		last, err := n.Height()
		if err != nil {
			t.Fatal(err)
		}
		// On the running node, export says to stop it first.
		if _, errOut, err := net.Run("export", "--home", n.Home); err == nil || !strings.Contains(string(errOut), "stop polityd first") {
			t.Errorf("export on a running node: err %v, stderr %q; want an instruction to stop the node", err, errOut)
		}
		n.Stop(t)
		file := filepath.Join(net.Dir, "export.json")
		net.Exec(t, "export", "--home", n.Home, "--output-document", file)
		copyHome := filepath.Join(net.Dir, "node0-copy")
		if out, err := exec.Command("cp", "-a", n.Home, copyHome).CombinedOutput(); err != nil {
			t.Fatalf("cp -a %s: %v: %s", n.Home, err, out)
		}
		out := net.Exec(t, "genesis", "validate", file, "--home", copyHome)
		if !strings.Contains(string(out), "valid genesis") {
			t.Errorf("genesis validate printed %q", out)
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			ChainID       string `json:"chain_id"`
			InitialHeight int64  `json:"initial_height"`
			AppState      struct {
				Community struct {
					Params  struct{ Bootstrap bool } `json:"params"`
					Members []struct {
						Address string `json:"address"`
					} `json:"members"`
					Motions []struct {
						ID     string `json:"id"`
						Status string `json:"status"`
					} `json:"motions"`
				} `json:"community"`
			} `json:"app_state"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatal(err)
		}
		c := g.AppState.Community
		if g.ChainID != net.ChainID || g.InitialHeight <= last || !c.Params.Bootstrap {
			t.Errorf("export: chain %s, initial height %d (last seen %d), bootstrap %v", g.ChainID, g.InitialHeight, last, c.Params.Bootstrap)
		}
		if !slices.ContainsFunc(c.Members, func(m struct {
			Address string `json:"address"`
		}) bool {
			return m.Address == erin
		}) {
			t.Error("export has no member erin")
		}
		if len(c.Motions) != 3 {
			t.Errorf("export has %d motions, want 3", len(c.Motions))
		}
	})
}

// testREST checks every REST route the issue requires on a node whose dev
// community admitted member by motion.
func testREST(t *testing.T, net *Network, motion Motion, member string) {
	n := net.Nodes[0]
	type community struct {
		ID      string `json:"id"`
		Kind    string `json:"kind"`
		Address string `json:"address"`
	}
	type page struct {
		NextKey string `json:"next_key"`
		Total   string `json:"total"`
	}

	t.Run("communities filtered by kind and paginated", func(t *testing.T) {
		var first, second, numeric struct {
			Communities []community `json:"communities"`
			Pagination  page        `json:"pagination"`
		}
		var children struct {
			Communities []community `json:"communities"`
		}
		n.RESTJSON(t, api+"/communities?parent_id=dev", &children)
		if len(children.Communities) != 0 {
			t.Errorf("communities?parent_id=dev: %+v, want none (the constitution has no sub-communities)", children.Communities)
		}
		// grpc-gateway takes an enum filter by number or by name; clients use both.
		n.RESTJSON(t, api+"/communities?kind=1", &numeric)
		if len(numeric.Communities) != 3 {
			t.Errorf("communities?kind=1: %+v, want the 3 supporting communities", numeric.Communities)
		}
		n.RESTJSON(t, api+"/communities?kind=COMMUNITY_KIND_SUPPORTING&pagination.limit=2", &first)
		if len(first.Communities) != 2 || first.Pagination.NextKey == "" {
			t.Fatalf("first page of supporting communities: %+v, want 2 and a next key", first)
		}
		n.RESTJSON(t, api+"/communities?kind=COMMUNITY_KIND_SUPPORTING&pagination.limit=2&pagination.key="+url.QueryEscape(first.Pagination.NextKey), &second)
		var ids []string
		for _, c := range append(first.Communities, second.Communities...) {
			if c.Kind != "COMMUNITY_KIND_SUPPORTING" {
				t.Errorf("kind filter returned %s of kind %s", c.ID, c.Kind)
			}
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, []string{"dev", "fin", "ops"}) || second.Pagination.NextKey != "" {
			t.Errorf("supporting communities over two pages: %v (last next_key %q), want dev, fin, ops", ids, second.Pagination.NextKey)
		}
		var all struct {
			Communities []community `json:"communities"`
		}
		n.RESTJSON(t, api+"/communities", &all)
		if len(all.Communities) != 9 {
			t.Errorf("communities: %d, want the constitution's 9", len(all.Communities))
		}
	})

	t.Run("community", func(t *testing.T) {
		var res struct {
			Community community `json:"community"`
			Body      struct {
				ID      string `json:"id"`
				Address string `json:"address"`
				Rule    struct {
					Threshold string `json:"threshold"`
				} `json:"rule"`
			} `json:"body"`
		}
		n.RESTJSON(t, api+"/communities/dev", &res)
		if res.Community.ID != "dev" || res.Community.Kind != "COMMUNITY_KIND_SUPPORTING" || res.Body.ID != "dev" ||
			res.Body.Address != res.Community.Address || res.Body.Rule.Threshold == "" {
			t.Errorf("communities/dev = %+v", res)
		}
	})

	t.Run("community members", func(t *testing.T) {
		var res struct {
			Memberships []struct {
				Address string   `json:"address"`
				Roles   []string `json:"roles"`
			} `json:"memberships"`
		}
		n.RESTJSON(t, api+"/communities/dev/members", &res)
		chair := net.Address(t, "dev-chair")
		var addrs []string
		for _, m := range res.Memberships {
			addrs = append(addrs, m.Address)
			if m.Address == chair && !slices.Contains(m.Roles, "ROLE_CHAIR") {
				t.Errorf("dev-chair's roles %v lack ROLE_CHAIR", m.Roles)
			}
		}
		if len(addrs) != 3 || !slices.Contains(addrs, member) || !slices.Contains(addrs, chair) {
			t.Errorf("communities/dev/members: %v, want dev-chair, dev-member and %s", addrs, member)
		}
	})

	t.Run("member", func(t *testing.T) {
		var res struct {
			Member struct {
				Address string `json:"address"`
			} `json:"member"`
		}
		n.RESTJSON(t, api+"/members/"+member, &res)
		if res.Member.Address != member {
			t.Errorf("members/%s = %+v", member, res)
		}
	})

	t.Run("board", func(t *testing.T) {
		var res struct {
			Body struct {
				ID string `json:"id"`
			} `json:"body"`
			Seats []struct {
				Holder string `json:"holder"`
				Voting bool   `json:"voting"`
			} `json:"seats"`
			VotingSeats  int `json:"voting_seats"`
			LiaisonSeats int `json:"liaison_seats"`
		}
		n.RESTJSON(t, api+"/board", &res)
		held := 0
		for _, s := range res.Seats {
			if s.Holder != "" {
				held++
			}
		}
		if res.Body.ID != "board" || res.VotingSeats != 7 || res.LiaisonSeats != 3 || len(res.Seats) != 10 || held != 10 {
			t.Errorf("board: body %q, %d voting and %d liaison seats, %d seats of which %d held; want 7+3 seats, all held",
				res.Body.ID, res.VotingSeats, res.LiaisonSeats, len(res.Seats), held)
		}
	})

	t.Run("validators with community powers", func(t *testing.T) {
		var res struct {
			Validators []struct {
				Moniker string `json:"moniker"`
				Status  string `json:"status"`
			} `json:"validators"`
			CommunityPowers []struct {
				CommunityID string `json:"community_id"`
				Power       string `json:"power"`
				Share       string `json:"share"`
			} `json:"community_powers"`
			TotalPower string `json:"total_power"`
			Bootstrap  bool   `json:"bootstrap"`
		}
		n.RESTJSON(t, api+"/validators", &res)
		if !slices.ContainsFunc(res.Validators, func(v struct {
			Moniker string `json:"moniker"`
			Status  string `json:"status"`
		}) bool {
			return v.Moniker == n.Moniker && v.Status == "VALIDATOR_STATUS_ACTIVE"
		}) {
			t.Errorf("validators: %+v, want %s active", res.Validators, n.Moniker)
		}
		if len(res.CommunityPowers) != 1 || res.CommunityPowers[0].CommunityID != "ops" || res.CommunityPowers[0].Power != "10" ||
			!strings.HasPrefix(res.CommunityPowers[0].Share, "1.0") || res.TotalPower != "10" || !res.Bootstrap {
			t.Errorf("validators: community_powers %+v, total %s, bootstrap %v; want ops holding all 10", res.CommunityPowers, res.TotalPower, res.Bootstrap)
		}
	})

	t.Run("body motions filtered by status", func(t *testing.T) {
		var passed, rejected, numeric struct {
			Motions []Motion `json:"motions"`
		}
		n.RESTJSON(t, api+"/bodies/dev/motions?status=2", &numeric) // 2 is MOTION_STATUS_PASSED
		if len(numeric.Motions) != 1 || numeric.Motions[0].ID != motion.ID {
			t.Errorf("dev's motions with status=2: %+v, want only motion %s", numeric.Motions, motion.ID)
		}
		n.RESTJSON(t, api+"/bodies/dev/motions?status=MOTION_STATUS_PASSED", &passed)
		if len(passed.Motions) != 1 || passed.Motions[0].ID != motion.ID {
			t.Errorf("dev's passed motions: %+v, want only motion %s", passed.Motions, motion.ID)
		}
		n.RESTJSON(t, api+"/bodies/dev/motions?status=MOTION_STATUS_REJECTED", &rejected)
		if len(rejected.Motions) != 0 {
			t.Errorf("dev's rejected motions: %+v, want none", rejected.Motions)
		}
	})

	t.Run("motion and votes", func(t *testing.T) {
		m := n.Motion(t, parseID(t, motion.ID))
		if m.ID != motion.ID || m.BodyID != "dev" || m.Status != MotionPassed || m.Title != "Admit erin" || m.DecidedHeight == "" {
			t.Errorf("motions/%s = %+v", motion.ID, m)
		}
		var votes struct {
			Votes []struct {
				Voter  string `json:"voter"`
				Option string `json:"option"`
				Height string `json:"height"`
			} `json:"votes"`
		}
		n.RESTJSON(t, api+"/motions/"+motion.ID+"/votes", &votes)
		want := []string{net.Address(t, "dev-chair"), net.Address(t, "dev-member")}
		var got []string
		for _, v := range votes.Votes {
			got = append(got, v.Voter)
			if v.Option != "VOTE_OPTION_YES" || v.Height == "" {
				t.Errorf("vote %+v, want yes with a height", v)
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("motions/%s/votes voters %v, want %v", motion.ID, got, want)
		}
	})

	t.Run("params", func(t *testing.T) {
		var res struct {
			Params struct {
				Bootstrap         bool   `json:"bootstrap"`
				MaxValidatorPower string `json:"max_validator_power"`
			} `json:"params"`
		}
		n.RESTJSON(t, api+"/params", &res)
		if !res.Params.Bootstrap || res.Params.MaxValidatorPower == "" {
			t.Errorf("params = %+v", res)
		}
	})

	t.Run("block gas limit and IAVL cache as the constitution and init set them", func(t *testing.T) {
		var res struct {
			Params struct {
				Block struct {
					MaxGas string `json:"max_gas"`
				} `json:"block"`
			} `json:"params"`
		}
		n.RESTJSON(t, "/cosmos/consensus/v1/params", &res)
		if want := strconv.FormatInt(constitution.BlockMaxGas, 10); res.Params.Block.MaxGas != want {
			t.Errorf("block.max_gas = %q, want %s", res.Params.Block.MaxGas, want)
		}
		appToml, err := os.ReadFile(filepath.Join(n.Home, "config", "app.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("iavl-cache-size = %d\n", polityd.IAVLCacheSize); !strings.Contains(string(appToml), want) {
			t.Errorf("app.toml written by polityd init lacks %q", strings.TrimSpace(want))
		}
	})

	t.Run("bad requests get clear errors", func(t *testing.T) {
		outsider := net.Address(t, "outsider")
		for _, c := range []struct {
			path string
			code int
			msg  string
		}{
			{api + "/communities/nope", http.StatusNotFound, "community not found"},
			{api + "/communities/nope/members", http.StatusNotFound, "community not found"},
			{api + "/members/" + outsider, http.StatusNotFound, "member not found"},
			{api + "/motions/999", http.StatusNotFound, "motion not found"},
			{api + "/motions/abc", http.StatusBadRequest, ""},
			{api + "/members/not-an-address", http.StatusBadRequest, ""},
		} {
			code, body, err := n.REST(c.path)
			if err != nil {
				t.Fatal(err)
			}
			var e struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
			}
			if jerr := json.Unmarshal(body, &e); code != c.code || jerr != nil || e.Message == "" || !strings.Contains(e.Message, c.msg) {
				t.Errorf("GET %s: HTTP %d %s, want %d with an error message containing %q", c.path, code, body, c.code, c.msg)
			}
		}
	})
}

func hashes(txs []TxResult) []string {
	out := make([]string, len(txs))
	for i, tx := range txs {
		out[i] = tx.Hash
	}
	return out
}

func parseID(t testing.TB, s string) uint64 {
	t.Helper()
	var id uint64
	if _, err := fmt.Sscan(s, &id); err != nil {
		t.Fatalf("id %q: %v", s, err)
	}
	return id
}
