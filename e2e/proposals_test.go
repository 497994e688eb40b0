package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const papi = "/polity/proposals/v1"

// TestProposals' periods. A CLI transaction round takes up to 4s on a loaded
// machine; the POLICY story, some 25 rounds and queries and one comment
// period, up to about two minutes.
const (
	// proposalsVoting must outlast the POLICY story: the TECHNICAL proposal's
	// Board vote opens before it and is cast after it. Votes conclude as soon
	// as they are decided, so its length costs nothing.
	proposalsVoting = 20 * time.Minute
	// proposalsComment is waited through; the outsider's comment, the first
	// transaction after the POLICY proposal opens, must land inside it.
	proposalsComment = 25 * time.Second
	// proposalsAdvice keeps gov's advice pending until the Board answers it;
	// nothing waits for it to run out.
	proposalsAdvice = 20 * time.Minute
	// proposalsStatusTimeout bounds a wait for a status change the chain makes on its
	// own once a deadline has passed or a decision was taken; it only bounds
	// a failure.
	proposalsStatusTimeout = 2 * time.Minute
	// proposalsChallenge is the challenge window between the Board's
	// approval of the technical and policy proposals and their effect.
	proposalsChallenge = 5 * time.Second
)

// Proposal statuses as the JSON APIs print them.
const (
	ProposalPublicComment = "PROPOSAL_STATUS_PUBLIC_COMMENT"
	ProposalBoardVote     = "PROPOSAL_STATUS_BOARD_VOTE"
	ProposalECReview      = "PROPOSAL_STATUS_EC_REVIEW"
	ProposalRatified      = "PROPOSAL_STATUS_RATIFIED"
	ProposalQueued        = "PROPOSAL_STATUS_QUEUED"
)

// The four directors whose yes votes decide a Board vote (4 of 7).
var deciders = []string{"director-dev", "director-ops", "director-fin", "director-users"}

// Proposal is the part of a proposal record the tests read.
type Proposal struct {
	ID                  string            `json:"id"`
	Kind                string            `json:"kind"`
	Originator          string            `json:"originator"`
	Proposer            string            `json:"proposer"`
	Title               string            `json:"title"`
	Document            Doc               `json:"document"`
	Status              string            `json:"status"`
	BoardTally          map[string]string `json:"board_tally"`
	BoardEligibleWeight string            `json:"board_eligible_weight"`
	BoardThreshold      string            `json:"board_threshold"`
	PendingAdvice       int               `json:"pending_advice"`
	Consultations       []string          `json:"consultations"`
	Note                string            `json:"note"`
	DecidedHeight       string            `json:"decided_height"`
	ExecutedHeight      string            `json:"executed_height"`
	RegistryVersions    []string          `json:"registry_versions"`
	Messages            []json.RawMessage `json:"messages"`
}

// Advice is the part of an advice record the tests read.
type Advice struct {
	ID                 string `json:"id"`
	CommunityID        string `json:"community_id"`
	ProposalID         string `json:"proposal_id"`
	Title              string `json:"title"`
	Consensus          bool   `json:"consensus"`
	Status             string `json:"status"`
	Response           string `json:"response"`
	ResponseRationale  Doc    `json:"response_rationale"`
	ResponseProposalID string `json:"response_proposal_id"`
	ResponseHeight     string `json:"response_height"`
}

// DocumentVersion is a registered version of the bylaws or a policy.
type DocumentVersion struct {
	Kind       string `json:"kind"`
	Scope      string `json:"scope"`
	Version    string `json:"version"`
	Document   Doc    `json:"document"`
	Summary    string `json:"summary"`
	ProposalID string `json:"proposal_id"`
	Height     string `json:"height"`
	Text       string `json:"text"`
}

// Policies is a community's policy in force and its history.
type Policies struct {
	Current *DocumentVersion  `json:"current"`
	History []DocumentVersion `json:"history"`
}

// Doc is a document reference.
type Doc struct {
	Hash string `json:"hash"`
	URI  string `json:"uri"`
}

// newDoc makes a document reference whose hash is the text's SHA-256.
func newDoc(text, uri string) Doc {
	sum := sha256.Sum256([]byte(text))
	return Doc{Hash: hex.EncodeToString(sum[:]), URI: uri}
}

// proposalFile writes what `tx proposals submit-proposal` reads.
func proposalFile(t testing.TB, net *Network, title string, doc Doc, msgs ...map[string]any) string {
	t.Helper()
	if msgs == nil {
		msgs = []map[string]any{}
	}
	return writeJSON(t, net, "proposal-*.json", map[string]any{
		"title": title, "summary": "e2e: " + title, "document": doc, "messages": msgs,
	})
}

// eventID reads a numeric id from a polity.<module> event of the given action.
func eventID(t testing.TB, res TxResult, module, action, key string) string {
	t.Helper()
	v, ok := res.Attr("polity."+module, key, "action", action)
	if !ok {
		t.Fatalf("tx %s has no polity.%s %s event with %s: %+v", res.Hash, module, action, key, res.Events)
	}
	if _, err := strconv.ParseUint(v, 10, 64); err != nil {
		t.Fatalf("tx %s: %s %q is not an id", res.Hash, key, v)
	}
	return v
}

// SubmitBoardProposal submits a proposal for the Board as a voting director
// and returns its id.
func (n *Node) SubmitBoardProposal(t testing.TB, from, kind, file string) (string, TxResult) {
	t.Helper()
	res := n.MustTx(t, from, "proposals", "submit-proposal", "board", kind, file)
	return eventID(t, res, "proposals", "proposal_submitted", "proposal_id"), res
}

// ProposalCLI reads a proposal with `polityd query proposals proposal`.
func (n *Node) ProposalCLI(t testing.TB, id string) Proposal {
	t.Helper()
	var res struct {
		Proposal Proposal `json:"proposal"`
	}
	n.Query(t, &res, "proposals", "proposal", id)
	return res.Proposal
}

// ProposalCLIAt reads a proposal with `polityd query proposals proposal
// --height`: the record as it stood after the block at that height, so that a
// check of a phase does not race the phase's end.
func (n *Node) ProposalCLIAt(t testing.TB, id string, height int64) Proposal {
	t.Helper()
	var res struct {
		Proposal Proposal `json:"proposal"`
	}
	n.Query(t, &res, "proposals", "proposal", id, "--height", itoa(height))
	return res.Proposal
}

// ProposalREST reads a proposal over REST.
func (n *Node) ProposalREST(t testing.TB, id string) Proposal {
	t.Helper()
	var res struct {
		Proposal Proposal `json:"proposal"`
	}
	n.RESTJSON(t, papi+"/proposals/"+id, &res)
	return res.Proposal
}

// AdviceCLI reads advice with `polityd query proposals advice`.
func (n *Node) AdviceCLI(t testing.TB, id string) Advice {
	t.Helper()
	var res struct {
		Advice Advice `json:"advice"`
	}
	n.Query(t, &res, "proposals", "advice", id)
	return res.Advice
}

// WaitProposalStatus polls the proposal until it has the status.
func (n *Node) WaitProposalStatus(t testing.TB, id, status string, timeout time.Duration) Proposal {
	t.Helper()
	type reply struct {
		Proposal Proposal `json:"proposal"`
	}
	r := WaitREST(t, n, papi+"/proposals/"+id, "proposal "+id+" to be "+status, timeout, func(r reply) (bool, string) {
		return r.Proposal.Status == status, fmt.Sprintf("%s (note %q)", r.Proposal.Status, r.Proposal.Note)
	})
	return r.Proposal
}

// BoardVotes has each director vote. The votes are signed and broadcast at
// once, so they land in one or two blocks; it returns their results in the
// directors' order and requires each to succeed.
func (n *Node) BoardVotes(t testing.TB, id, option string, directors ...string) []TxResult {
	t.Helper()
	sent := make([]TxResult, len(directors))
	errs := make([]error, len(directors))
	var wg sync.WaitGroup
	for i, d := range directors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i], errs[i] = n.TryBroadcast(d, "proposals", "board-vote", id, option)
		}()
	}
	wg.Wait()
	for i, d := range directors {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if sent[i].Code != 0 {
			t.Fatalf("board-vote %s %s from %s refused by CheckTx: code %d (%s): %s", id, option, d, sent[i].Code, sent[i].Codespace, sent[i].Log)
		}
	}
	out := make([]TxResult, len(directors))
	for i, d := range directors {
		out[i] = n.WaitTx(t, sent[i].Hash)
		if out[i].Code != 0 {
			t.Fatalf("board-vote %s %s from %s: code %d (%s): %s", id, option, d, out[i].Code, out[i].Codespace, out[i].Log)
		}
	}
	// The vote that settles the outcome leaves the conclusion to EndBlock of
	// its block: the first of these votes in that block carries the block's
	// events.
	for i := range out {
		block := n.BlockEvents(t, out[i].Height)
		if _, ok := findAttr(block, "polity.proposals", "action", "action", "board_vote_concluded", "proposal_id", id); ok {
			out[i].Events = append(out[i].Events, block...)
			break
		}
	}
	return out
}

// txWith returns the one transaction among txs that has a polity.proposals
// event with all the given attributes.
func txWith(t testing.TB, txs []TxResult, match ...string) TxResult {
	t.Helper()
	var found []TxResult
	for _, tx := range txs {
		if _, ok := tx.Attr("polity.proposals", "action", match...); ok {
			found = append(found, tx)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d transactions have a polity.proposals event %v, want 1", len(found), match)
	}
	return found[0]
}

// TestProposals runs the bottom-up pipeline of x/proposals on a single-node
// chain through the CLI, and checks its REST routes and searchable events:
// the POLICY story (a community proposes, the public comments, an advisory
// community advises, the Board answers by resolution and approves, the
// policy version changes), a TECHNICAL proposal that changes a module param,
// and mislabelled proposals that are refused. It runs beside
// TestDemoGovernanceScript (one node each): both spend most of their time
// waiting for a public comment period.
//
// No step races a window: Board votes and motions conclude as soon as they
// are decided, so the long voting period costs nothing and leaves the
// TECHNICAL proposal's Board vote open through the whole POLICY story; the
// advice stays pending as long as the story needs. The public comment
// period is waited through (for the status change); the only thing that
// must happen inside it is the outsider's comment, the first transaction
// after the POLICY proposal opens, and the period is five times a slow
// transaction round. Phase checks read the record at the height of the
// transaction that opened the phase.
func TestProposals(t *testing.T) {
	Binary(t)
	t.Parallel()
	net := NewNetwork(t, Options{Bootstrap: true, VotingPeriod: proposalsVoting, CommentPeriod: proposalsComment,
		AdvicePeriod: proposalsAdvice, ChallengeWindow: proposalsChallenge})
	n := net.Nodes[0]

	t.Run("a consensus change that would starve blocks is refused", func(t *testing.T) {
		var cur struct {
			Params map[string]json.RawMessage `json:"params"`
		}
		n.RESTJSON(t, "/cosmos/consensus/v1/params", &cur)
		var block map[string]any
		if err := json.Unmarshal(cur.Params["block"], &block); err != nil {
			t.Fatalf("consensus params block: %v", err)
		}
		block["max_gas"] = "0" // valid to CometBFT; no transaction would fit
		starve := map[string]any{"@type": "/cosmos.consensus.v1.MsgUpdateParams", "block": block,
			"evidence": cur.Params["evidence"], "validator": cur.Params["validator"], "abci": cur.Params["abci"]}
		file := proposalFile(t, net, "Starve blocks", newDoc("starve", "https://polity.example/starve.md"), starve)
		res := n.Tx(t, "director-dev", "proposals", "submit-proposal", "board", "technical", file)
		if res.Code != 6 || res.Codespace != "proposals" || !strings.Contains(res.Log, "block.max_gas 0 would leave governance unable to transact") {
			t.Errorf("starving proposal: code %d codespace %q log %q; want ErrInvalidMessages (6, proposals) naming block.max_gas", res.Code, res.Codespace, res.Log)
		}
	})

	t.Run("mislabelled proposals are refused", func(t *testing.T) {
		var cp struct {
			Params json.RawMessage `json:"params"`
		}
		n.RESTJSON(t, "/polity/community/v1/params", &cp)
		// Changing x/community's params is a bylaw amendment (STANDARD_BYLAW at
		// least); a Board RESOLUTION or TECHNICAL proposal may not carry it.
		updateCommunityParams := map[string]any{"@type": "/polity.community.v1.MsgUpdateParams", "params": cp.Params}
		for _, kind := range []string{"resolution", "technical"} {
			file := proposalFile(t, net, "Mislabelled "+kind, newDoc("mislabelled", "https://polity.example/m.md"), updateCommunityParams)
			res := n.Tx(t, "director-dev", "proposals", "submit-proposal", "board", kind, file)
			if res.Height == 0 {
				t.Fatalf("mislabelled %s: refused at CheckTx (code %d %s: %s); the guard runs at delivery", kind, res.Code, res.Codespace, res.Log)
			}
			if res.Code != 5 || res.Codespace != "proposals" || !strings.Contains(res.Log, "PROPOSAL_KIND_STANDARD_BYLAW") {
				t.Errorf("mislabelled %s: code %d codespace %q log %q; want ErrKindTooWeak (5, proposals) naming PROPOSAL_KIND_STANDARD_BYLAW",
					kind, res.Code, res.Codespace, res.Log)
			}
		}
		// A supporting community cannot do it by motion either: the motion
		// passes, its execution is refused and leaves nothing behind.
		file := proposalFile(t, net, "Mislabelled policy", newDoc("mislabelled", "https://polity.example/m.md"), updateCommunityParams)
		res := n.MustTx(t, "dev-chair", "proposals", "submit-proposal", "dev", "policy", file)
		motion := parseID(t, eventID(t, res, "community", "motion_submitted", "motion_id"))
		n.Vote(t, motion, "dev-chair", "yes")
		n.Vote(t, motion, "dev-member", "yes")
		if m := n.Motion(t, motion); m.Status != MotionExecutionFailed || !strings.Contains(m.FailureReason, "PROPOSAL_KIND_STANDARD_BYLAW") {
			t.Errorf("dev motion submitting a mislabelled POLICY: %+v, want %s naming PROPOSAL_KIND_STANDARD_BYLAW", m, MotionExecutionFailed)
		}

		var list struct {
			Proposals []Proposal `json:"proposals"`
		}
		n.RESTJSON(t, papi+"/proposals", &list)
		if len(list.Proposals) != 0 {
			t.Errorf("proposals after the refusals: %+v, want none", list.Proposals)
		}
		if found := n.TxSearch(t, "polity.proposals.action='proposal_submitted'"); len(found) != 0 {
			t.Errorf("tx_search found proposal_submitted events %v after the refusals", hashes(found))
		}
	})

	// The TECHNICAL proposal goes first, so its comment period runs during the
	// POLICY story. It raises x/auth's max_memo_characters.
	var authParams map[string]any
	var tech string
	t.Run("the Board submits a TECHNICAL proposal", func(t *testing.T) {
		var res struct {
			Params map[string]any `json:"params"`
		}
		n.Query(t, &res, "auth", "params")
		authParams = res.Params
		if authParams["max_memo_characters"] != "256" {
			t.Fatalf("auth params %v: want max_memo_characters 256 before the change", authParams)
		}
		next := map[string]any{}
		for k, v := range authParams {
			next[k] = v
		}
		next["max_memo_characters"] = "512"
		file := proposalFile(t, net, "Longer memos", newDoc("memos up to 512 characters", "https://polity.example/board/memos.md"),
			map[string]any{"@type": "/cosmos.auth.v1beta1.MsgUpdateParams", "params": next})
		var submitted TxResult
		tech, submitted = n.SubmitBoardProposal(t, "director-ops", "technical", file)
		if tech != "1" {
			t.Errorf("the first proposal accepted has id %s, want 1: the refused ones must not have taken an id", tech)
		}
		p := n.ProposalCLIAt(t, tech, submitted.Height)
		if p.Kind != "PROPOSAL_KIND_TECHNICAL" || p.Originator != "board" || p.Status != ProposalPublicComment || len(p.Messages) != 1 {
			t.Errorf("technical proposal %s: %+v, want a TECHNICAL proposal of the board in public comment with 1 message", tech, p)
		}
	})
	if tech == "" {
		t.FailNow()
	}

	// The POLICY story.
	policyDoc := newDoc("Polity dev policy v1", "https://polity.example/dev/policy-v1.md")
	var policy, advice, resolution string
	var policyOpened int64 // the height of the vote that opened the POLICY proposal
	var resolutionVotes []TxResult
	devBody := n.Body(t, "dev")
	outsider := net.Address(t, "outsider")
	if !t.Run("the POLICY story", func(t *testing.T) {
		t.Run("dev's motion submits a POLICY proposal", func(t *testing.T) {
			file := proposalFile(t, net, "Dev release policy", policyDoc)
			res := n.MustTx(t, "dev-chair", "proposals", "submit-proposal", "dev", "policy", file)
			motion := parseID(t, eventID(t, res, "community", "motion_submitted", "motion_id"))
			if _, ok := n.Vote(t, motion, "dev-chair", "yes").Attr("polity.proposals", "proposal_id"); ok {
				t.Fatal("one of dev's two votes opened the proposal")
			}
			res = n.Vote(t, motion, "dev-member", "yes")
			policy = eventID(t, res, "proposals", "proposal_submitted", "proposal_id")
			policyOpened = res.Height
			if st, _ := res.Attr("polity.proposals", "status", "action", "proposal_submitted"); st != ProposalPublicComment {
				t.Errorf("proposal_submitted status %q, want %s", st, ProposalPublicComment)
			}
			// The record is read after the outsider's comment, which must be
			// the first transaction in the comment period.
		})
		if policy == "" {
			t.FailNow()
		}

		t.Run("an account with no role comments through the open door", func(t *testing.T) {
			// the first thing after the proposal opened: public comments
			// close with the comment period
			res := n.MustTx(t, "outsider", "proposals", "comment", policy, "Please publish the signing keys.", "--fees", "1000upolity")
			if role, _ := res.Attr("polity.proposals", "role", "action", "comment_posted"); role != "COMMENT_ROLE_PUBLIC" {
				t.Errorf("comment_posted role %q, want COMMENT_ROLE_PUBLIC", role)
			}
			var c struct {
				Comments []struct {
					ProposalID string `json:"proposal_id"`
					Author     string `json:"author"`
					Role       string `json:"role"`
					Text       string `json:"text"`
					Height     string `json:"height"`
				} `json:"comments"`
			}
			n.Query(t, &c, "proposals", "comments", policy)
			if len(c.Comments) != 1 || c.Comments[0].Author != outsider || c.Comments[0].Role != "COMMENT_ROLE_PUBLIC" ||
				c.Comments[0].Text != "Please publish the signing keys." || c.Comments[0].Height != itoa(res.Height) {
				t.Errorf("q proposals comments %s: %+v, want the outsider's PUBLIC comment at height %d", policy, c.Comments, res.Height)
			}
		})

		t.Run("dev's POLICY proposal is on record, in public comment when it opened", func(t *testing.T) {
			p := n.ProposalCLIAt(t, policy, policyOpened)
			if p.Kind != "PROPOSAL_KIND_POLICY" || p.Originator != "dev" || p.Proposer != devBody || p.Status != ProposalPublicComment ||
				p.Document != policyDoc || p.Title != "Dev release policy" {
				t.Errorf("proposal %s at height %d: %+v, want dev's POLICY (proposer %s) in public comment", policy, policyOpened, p, devBody)
			}
		})

		t.Run("gov's motion gives consensus advice", func(t *testing.T) {
			m, res := n.Decide(t, "gov", "Advice on the dev policy", []string{"gov-chair", "gov-member"}, map[string]any{
				"@type": "/polity.proposals.v1.MsgSubmitAdvice", "community_id": "gov", "proposal_id": policy,
				"title": "Require reproducible builds", "consensus": true,
				"document": newDoc("reproducible builds", "https://polity.example/gov/advice.md"),
			})
			if m.Status != MotionPassed {
				t.Fatalf("gov's advice motion: %+v, want %s", m, MotionPassed)
			}
			advice = eventID(t, res, "proposals", "advice_submitted", "advice_id")
			a := n.AdviceCLI(t, advice)
			if a.Status != "ADVICE_STATUS_PENDING" || a.CommunityID != "gov" || a.ProposalID != policy || !a.Consensus {
				t.Errorf("advice %s: %+v, want gov's PENDING consensus advice on proposal %s", advice, a, policy)
			}
			if p := n.ProposalCLI(t, policy); p.PendingAdvice != 1 {
				t.Errorf("proposal %s: pending_advice %d, want 1", policy, p.PendingAdvice)
			}
		})
		if advice == "" {
			t.FailNow()
		}

		t.Run("the Board votes but cannot conclude while the advice is unanswered", func(t *testing.T) {
			n.WaitProposalStatus(t, policy, ProposalBoardVote, proposalsComment+proposalsStatusTimeout)
			// Bad input first: no vote from a non-director, no double vote.
			if res := n.Tx(t, "dev-chair", "proposals", "board-vote", policy, "yes"); res.Code != 9 || res.Codespace != "proposals" {
				t.Errorf("board-vote by dev-chair: code %d (%s) %s, want ErrNotDirector (9)", res.Code, res.Codespace, res.Log)
			}
			n.BoardVotes(t, policy, "yes", deciders...)
			if res := n.Tx(t, "director-dev", "proposals", "board-vote", policy, "no"); res.Code != 10 || res.Codespace != "proposals" {
				t.Errorf("second board-vote by director-dev: code %d (%s) %s, want ErrAlreadyVoted (10)", res.Code, res.Codespace, res.Log)
			}
			p := n.ProposalCLI(t, policy)
			if p.Status != ProposalBoardVote || p.BoardTally["yes"] != "4" || p.PendingAdvice != 1 || p.BoardEligibleWeight != "7" {
				t.Errorf("proposal %s after 4 of 7 yes votes with advice pending: %+v, want still %s with 4 yes", policy, p, ProposalBoardVote)
			}
		})

		t.Run("the Board answers the advice by resolution", func(t *testing.T) {
			rationale := newDoc("The Board accepts the advice.", "https://polity.example/board/answer.md")
			file := proposalFile(t, net, "Answer to gov's advice", rationale, map[string]any{
				"@type": "/polity.proposals.v1.MsgRespondToAdvice", "advice_id": advice,
				"response": "ADVICE_RESPONSE_ACCEPTED", "rationale": rationale,
			})
			var res TxResult
			resolution, res = n.SubmitBoardProposal(t, "director-dev", "resolution", file)
			if st, _ := res.Attr("polity.proposals", "status", "action", "proposal_submitted"); st != ProposalBoardVote {
				t.Errorf("resolution %s opened as %q, want %s (no comment period)", resolution, st, ProposalBoardVote)
			}
			if a := n.AdviceCLI(t, advice); a.Status != "ADVICE_STATUS_PENDING" {
				t.Errorf("advice %s before the resolution passed: %s, want ADVICE_STATUS_PENDING", advice, a.Status)
			}
			resolutionVotes = n.BoardVotes(t, resolution, "yes", deciders...)
			// The deciding vote only queues the resolution; its answer runs
			// in the EndBlock of the same block, so the vote carries no
			// advice_answered event and the committed record is RATIFIED.
			deciding := txWith(t, resolutionVotes, "action", "proposal_status_changed", "proposal_id", resolution, "status", ProposalQueued)
			if txs := n.TxSearch(t, "polity.proposals.action='advice_answered' AND polity.proposals.advice_id="+advice); len(txs) != 0 {
				t.Errorf("a vote executed the resolution: transactions %v have an advice_answered event", hashes(txs))
			}
			if p := n.ProposalCLI(t, resolution); p.Status != ProposalRatified || p.Kind != "PROPOSAL_KIND_RESOLUTION" || p.ExecutedHeight != itoa(deciding.Height) {
				t.Errorf("resolution %s: %+v, want a RATIFIED RESOLUTION executed at height %d", resolution, p, deciding.Height)
			}
			a := n.AdviceCLI(t, advice)
			if a.Status != "ADVICE_STATUS_ANSWERED" || a.Response != "ADVICE_RESPONSE_ACCEPTED" || a.ResponseProposalID != resolution ||
				a.ResponseRationale != rationale || a.ResponseHeight != itoa(deciding.Height) {
				t.Errorf("advice %s: %+v, want ANSWERED (accepted) by resolution %s at height %d", advice, a, resolution, deciding.Height)
			}
		})
		if resolution == "" {
			t.FailNow()
		}

		t.Run("the policy is ratified and registered", func(t *testing.T) {
			p := n.WaitProposalStatus(t, policy, ProposalRatified, proposalsChallenge+proposalsStatusTimeout)
			if p.BoardTally["yes"] != "4" || p.PendingAdvice != 0 || p.BoardThreshold == "" || p.DecidedHeight == "" ||
				!slices.Equal(p.RegistryVersions, []string{"1"}) || len(p.Consultations) != 0 {
				t.Errorf("ratified proposal %s: %+v, want 4 yes, no pending advice, registry version 1, no consultation", policy, p)
			}
			var cli, rest Policies
			n.Query(t, &cli, "proposals", "policies", "dev")
			n.RESTJSON(t, papi+"/policies/dev", &rest)
			for _, r := range []struct {
				api string
				res Policies
			}{{"CLI", cli}, {"REST", rest}} {
				c := r.res.Current
				if c == nil || c.Version != "1" || c.Kind != "DOCUMENT_KIND_POLICY" || c.Scope != "dev" || c.ProposalID != policy ||
					c.Document != policyDoc || c.Height != p.DecidedHeight || len(r.res.History) != 1 {
					t.Errorf("%s policies dev: %+v, want version 1 of dev's policy ratified by proposal %s at height %s", r.api, r.res, policy, p.DecidedHeight)
				}
			}
		})
	}) {
		t.FailNow()
	}

	var techVotes []TxResult
	t.Run("the TECHNICAL proposal changes x/auth's params", func(t *testing.T) {
		n.WaitProposalStatus(t, tech, ProposalBoardVote, proposalsComment+proposalsStatusTimeout)
		techVotes = n.BoardVotes(t, tech, "yes", deciders...)
		// the deciding vote opens its challenge window; it takes effect after
		approved := txWith(t, techVotes, "action", "proposal_status_changed", "proposal_id", tech, "status", ProposalECReview)
		if p := n.ProposalCLIAt(t, tech, approved.Height); p.Status != ProposalECReview {
			t.Errorf("technical proposal %s at its approval: %s, want %s (its challenge window)", tech, p.Status, ProposalECReview)
		}
		n.WaitProposalStatus(t, tech, ProposalRatified, proposalsChallenge+proposalsStatusTimeout)
		var cli, rest struct {
			Params map[string]any `json:"params"`
		}
		n.Query(t, &cli, "auth", "params")
		n.RESTJSON(t, "/cosmos/auth/v1beta1/params", &rest)
		for k, v := range authParams {
			want := v
			if k == "max_memo_characters" {
				want = "512"
			}
			if cli.Params[k] != want || rest.Params[k] != want {
				t.Errorf("auth param %s: CLI %v, REST %v, want %v", k, cli.Params[k], rest.Params[k], want)
			}
		}
	})

	t.Run("REST endpoints", func(t *testing.T) {
		testProposalsREST(t, net, map[string]string{"policy": policy, "resolution": resolution, "technical": tech}, advice)
	})

	t.Run("tx_search and block_search find decisions by plain attributes", func(t *testing.T) {
		// Every proposal executes in EndBlock: no transaction ratifies one.
		if found := n.TxSearch(t, "polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_RATIFIED'"); len(found) != 0 {
			t.Errorf("tx_search ratifications: %v, want none (execution runs in EndBlock)", hashes(found))
		}
		// A Board vote that settles the outcome is a transaction; the
		// conclusion (QUEUED for the answer to advice, which needs no EC
		// phase; EC_REVIEW for the technical proposal) is EndBlock's, in the
		// same block: block_search finds it, tx_search does not.
		if found := n.TxSearch(t, "polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_QUEUED'"); len(found) != 0 {
			t.Errorf("tx_search queued: %v, want none (EndBlock concludes Board votes)", hashes(found))
		}
		queued := "polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_QUEUED' AND polity.proposals.proposal_id=" + resolution
		if got, want := n.BlockSearch(t, queued), txWith(t, resolutionVotes, "action", "proposal_status_changed", "status", ProposalQueued).Height; !slices.Equal(got, []int64{want}) {
			t.Errorf("block_search %s: %v, want the settling vote's block %d", queued, got, want)
		}
		approval := "polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_EC_REVIEW' AND polity.proposals.proposal_id=" + tech
		if got, want := n.BlockSearch(t, approval), txWith(t, techVotes, "action", "proposal_status_changed", "proposal_id", tech, "status", ProposalECReview).Height; !slices.Equal(got, []int64{want}) {
			t.Errorf("block_search approval of proposal %s: %v, want the settling vote's block %d", tech, got, want)
		}
		// The policy was ratified in EndBlock, at the end of its challenge
		// window, and the resolution (with its answer to advice) in the
		// EndBlock of its deciding vote's block: block_search finds them among
		// the finalize-block events.
		var blocks struct {
			Blocks []struct {
				Block struct {
					Header struct {
						Height string `json:"height"`
					} `json:"header"`
				} `json:"block"`
			} `json:"blocks"`
		}
		q := fmt.Sprintf("polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_RATIFIED' AND polity.proposals.proposal_id=%s", policy)
		if err := n.RPC("/block_search?query="+urlQuote(strconv.Quote(q)), &blocks); err != nil {
			t.Fatal(err)
		}
		p := n.ProposalCLI(t, policy)
		if len(blocks.Blocks) != 1 || blocks.Blocks[0].Block.Header.Height != p.DecidedHeight || p.ExecutedHeight != p.DecidedHeight {
			t.Errorf("block_search %s: %+v, want the block at height %s", q, blocks.Blocks, p.DecidedHeight)
		}
		r := n.ProposalCLI(t, resolution)
		for _, q := range []string{
			fmt.Sprintf("polity.proposals.action='proposal_status_changed' AND polity.proposals.status='PROPOSAL_STATUS_RATIFIED' AND polity.proposals.proposal_id=%s", resolution),
			"polity.proposals.action='advice_answered' AND polity.proposals.advice_id=" + advice,
		} {
			blocks.Blocks = nil
			if err := n.RPC("/block_search?query="+urlQuote(strconv.Quote(q)), &blocks); err != nil {
				t.Fatal(err)
			}
			if len(blocks.Blocks) != 1 || blocks.Blocks[0].Block.Header.Height != r.ExecutedHeight {
				t.Errorf("block_search %s: %+v, want the block at height %s", q, blocks.Blocks, r.ExecutedHeight)
			}
		}
	})
}

// Body returns a body's address.
func (n *Node) Body(t testing.TB, id string) string {
	t.Helper()
	var res struct {
		Body struct {
			Address string `json:"address"`
		} `json:"body"`
	}
	n.RESTJSON(t, "/polity/community/v1/communities/"+id, &res)
	if res.Body.Address == "" {
		t.Fatalf("community %s has no body address", id)
	}
	return res.Body.Address
}

// testProposalsREST checks every x/proposals REST route the issue requires
// once the POLICY story and the TECHNICAL proposal are done.
func testProposalsREST(t *testing.T, net *Network, ids map[string]string, advice string) {
	n := net.Nodes[0]
	type list struct {
		Proposals  []Proposal `json:"proposals"`
		Pagination struct {
			NextKey string `json:"next_key"`
			Total   string `json:"total"`
		} `json:"pagination"`
	}
	idsOf := func(ps []Proposal) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.ID
		}
		return out
	}
	all := []string{ids["technical"], ids["policy"], ids["resolution"]}
	slices.SortFunc(all, func(a, b string) int { return int(parseID(t, a)) - int(parseID(t, b)) })
	newestFirst := slices.Clone(all)
	slices.Reverse(newestFirst)

	t.Run("proposals with filters and pagination", func(t *testing.T) {
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"", all},
			{"?pagination.reverse=true", newestFirst},
			{"?status=PROPOSAL_STATUS_RATIFIED", all},
			{"?status=5", all}, // enums by number too
			{"?status=PROPOSAL_STATUS_BOARD_VOTE", nil},
			{"?kind=PROPOSAL_KIND_POLICY", []string{ids["policy"]}},
			{"?kind=PROPOSAL_KIND_TECHNICAL", []string{ids["technical"]}},
			{"?originator=dev", []string{ids["policy"]}},
			{"?originator=board&kind=PROPOSAL_KIND_RESOLUTION", []string{ids["resolution"]}},
			{"?originator=ops", nil},
		} {
			var res list
			n.RESTJSON(t, papi+"/proposals"+c.query, &res)
			if got := idsOf(res.Proposals); !slices.Equal(got, c.want) {
				t.Errorf("proposals%s: %v, want %v", c.query, got, c.want)
			}
		}
		var first, second list
		n.RESTJSON(t, papi+"/proposals?pagination.reverse=true&pagination.limit=2&pagination.count_total=true", &first)
		if got := idsOf(first.Proposals); !slices.Equal(got, newestFirst[:2]) || first.Pagination.NextKey == "" {
			t.Fatalf("first page newest first: %v (next_key %q), want %v and a next key", got, first.Pagination.NextKey, newestFirst[:2])
		}
		n.RESTJSON(t, papi+"/proposals?pagination.reverse=true&pagination.limit=2&pagination.key="+urlQuote(first.Pagination.NextKey), &second)
		if got := idsOf(second.Proposals); !slices.Equal(got, newestFirst[2:]) || second.Pagination.NextKey != "" {
			t.Errorf("second page newest first: %v (next_key %q), want %v and no next key", got, second.Pagination.NextKey, newestFirst[2:])
		}
	})

	t.Run("proposal", func(t *testing.T) {
		p := n.ProposalREST(t, ids["policy"])
		if p.ID != ids["policy"] || p.Kind != "PROPOSAL_KIND_POLICY" || p.Status != ProposalRatified || p.Originator != "dev" {
			t.Errorf("proposals/%s: %+v", ids["policy"], p)
		}
		tech := n.ProposalREST(t, ids["technical"])
		var msg struct {
			Type   string `json:"@type"`
			Params struct {
				MaxMemoCharacters string `json:"max_memo_characters"`
			} `json:"params"`
		}
		if len(tech.Messages) != 1 || json.Unmarshal(tech.Messages[0], &msg) != nil ||
			msg.Type != "/cosmos.auth.v1beta1.MsgUpdateParams" || msg.Params.MaxMemoCharacters != "512" {
			t.Errorf("proposals/%s messages: %s, want the decoded x/auth MsgUpdateParams", ids["technical"], tech.Messages)
		}
	})

	t.Run("votes", func(t *testing.T) {
		var res struct {
			Votes []struct {
				ProposalID string `json:"proposal_id"`
				Director   string `json:"director"`
				Option     string `json:"option"`
				Height     string `json:"height"`
			} `json:"votes"`
		}
		n.RESTJSON(t, papi+"/proposals/"+ids["policy"]+"/votes", &res)
		var want, got []string
		for _, d := range deciders {
			want = append(want, net.Address(t, d))
		}
		for _, v := range res.Votes {
			got = append(got, v.Director)
			if v.ProposalID != ids["policy"] || v.Option != "VOTE_OPTION_YES" || v.Height == "" {
				t.Errorf("vote %+v, want yes on proposal %s with a height", v, ids["policy"])
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("proposals/%s/votes directors %v, want %v", ids["policy"], got, want)
		}
	})

	t.Run("comments", func(t *testing.T) {
		var res struct {
			Comments []struct {
				Author string `json:"author"`
				Role   string `json:"role"`
			} `json:"comments"`
		}
		n.RESTJSON(t, papi+"/proposals/"+ids["policy"]+"/comments", &res)
		if len(res.Comments) != 1 || res.Comments[0].Role != "COMMENT_ROLE_PUBLIC" || res.Comments[0].Author != net.Address(t, "outsider") {
			t.Errorf("proposals/%s/comments: %+v, want the outsider's public comment", ids["policy"], res.Comments)
		}
		n.RESTJSON(t, papi+"/proposals/"+ids["technical"]+"/comments", &res)
		if len(res.Comments) != 0 {
			t.Errorf("proposals/%s/comments: %+v, want none", ids["technical"], res.Comments)
		}
	})

	t.Run("advice with filters", func(t *testing.T) {
		for _, c := range []struct {
			query string
			want  []string
		}{
			{"", []string{advice}},
			{"?status=ADVICE_STATUS_ANSWERED", []string{advice}},
			{"?status=ADVICE_STATUS_PENDING", nil},
			{"?community_id=gov", []string{advice}},
			{"?community_id=users", nil},
			{"?proposal_id=" + ids["policy"], []string{advice}},
			{"?proposal_id=" + ids["technical"], nil},
		} {
			var res struct {
				Advice []Advice `json:"advice"`
			}
			n.RESTJSON(t, papi+"/advice"+c.query, &res)
			var got []string
			for _, a := range res.Advice {
				got = append(got, a.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("advice%s: %v, want %v", c.query, got, c.want)
			}
		}
		var one struct {
			Advice Advice `json:"advice"`
		}
		n.RESTJSON(t, papi+"/advice/"+advice, &one)
		if a := one.Advice; a.ID != advice || a.Status != "ADVICE_STATUS_ANSWERED" || a.ResponseProposalID != ids["resolution"] || a.ProposalID != ids["policy"] {
			t.Errorf("advice/%s: %+v", advice, a)
		}
	})

	t.Run("bylaws are the founding version", func(t *testing.T) {
		var res struct {
			Current DocumentVersion   `json:"current"`
			History []DocumentVersion `json:"history"`
		}
		n.RESTJSON(t, papi+"/bylaws", &res)
		c := res.Current
		if c.Kind != "DOCUMENT_KIND_BYLAWS" || c.Version != "1" || c.Summary != "Founding bylaws" || (c.ProposalID != "" && c.ProposalID != "0") ||
			c.Document.Hash == "" || len(res.History) != 1 || res.History[0].Version != "1" {
			t.Errorf("bylaws: %+v, want the founding bylaws as version 1 and the only one", res)
		}
	})

	t.Run("policies", func(t *testing.T) {
		var res Policies
		n.RESTJSON(t, papi+"/policies/dev", &res)
		if res.Current == nil || res.Current.Version != "1" || res.Current.ProposalID != ids["policy"] {
			t.Errorf("policies/dev: %+v, want version 1 by proposal %s", res, ids["policy"])
		}
		res.Current, res.History = nil, nil
		n.RESTJSON(t, papi+"/policies/ops", &res)
		if res.Current != nil || len(res.History) != 0 {
			t.Errorf("policies/ops: %+v, want no policy yet", res)
		}
	})

	t.Run("params", func(t *testing.T) {
		var res struct {
			Params struct {
				KindRules []struct {
					Kind                string `json:"kind"`
					PublicCommentPeriod string `json:"public_comment_period"`
				} `json:"kind_rules"`
				Classifications []struct {
					MsgTypeURL string `json:"msg_type_url"`
					MinKind    string `json:"min_kind"`
				} `json:"classifications"`
				DefaultMinKind         string `json:"default_min_kind"`
				AgainstAdviceThreshold string `json:"against_advice_threshold"`
			} `json:"params"`
		}
		n.RESTJSON(t, papi+"/params", &res)
		p := res.Params
		if len(p.KindRules) != 6 || p.DefaultMinKind != "PROPOSAL_KIND_FUNDAMENTAL_BYLAW" || p.AgainstAdviceThreshold == "" {
			t.Errorf("params: %+v, want 6 kind rules and FUNDAMENTAL_BYLAW as the default minimum kind", p)
		}
		want := map[string]string{
			"/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade": "PROPOSAL_KIND_TECHNICAL",
			"/polity.community.v1.MsgUpdateParams":       "PROPOSAL_KIND_STANDARD_BYLAW",
			"/polity.proposals.v1.MsgRespondToAdvice":    "PROPOSAL_KIND_RESOLUTION",
		}
		for _, c := range p.Classifications {
			if k, ok := want[c.MsgTypeURL]; ok {
				if c.MinKind != k {
					t.Errorf("classification of %s: %s, want %s", c.MsgTypeURL, c.MinKind, k)
				}
				delete(want, c.MsgTypeURL)
			}
		}
		if len(want) != 0 {
			t.Errorf("params lack classifications for %v", want)
		}
	})

	t.Run("bad requests get clear errors", func(t *testing.T) {
		for _, c := range []struct {
			path string
			code int
			msg  string
		}{
			{papi + "/proposals/999", http.StatusNotFound, "proposal not found"},
			{papi + "/proposals/999/votes", http.StatusNotFound, "proposal not found"},
			{papi + "/advice/999", http.StatusNotFound, "advice not found"},
			{papi + "/proposals/abc", http.StatusBadRequest, ""},
			{"/polity/history/v1/proposals/999/history", http.StatusNotFound, "proposal not found"},
			{"/polity/history/v1/proposals/0/history", http.StatusBadRequest, "a proposal id (> 0) is required"},
		} {
			code, body, err := n.REST(c.path)
			if err != nil {
				t.Fatal(err)
			}
			var e struct {
				Message string `json:"message"`
			}
			if jerr := json.Unmarshal(body, &e); code != c.code || jerr != nil || e.Message == "" || !strings.Contains(e.Message, c.msg) {
				t.Errorf("GET %s: HTTP %d %s, want %d with an error message containing %q", c.path, code, body, c.code, c.msg)
			}
		}
	})
}

// urlQuote escapes a query-string value.
func urlQuote(s string) string { return url.QueryEscape(s) }
