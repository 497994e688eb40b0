package keeper_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/testutil/rapidflags"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// The capture property: whatever a Board majority, a single community or a
// single officer does — in any order, with any timing — it never changes
// what only a FUNDAMENTAL bylaw may change (the safety and procedure params,
// the communities' standing, the standing panel, the ombudsman, the seats it
// does not appoint), never executes a proposal held by review, and never
// pauses a check. Each case builds the constitution, has a registered party
// hold a bylaw amendment with a request for interim relief, and lets one
// adversary act for up to 20 steps.

// majority are the four community-appointed directors: a bare majority of
// the seven voting seats, facing the three NomCom directors.
var majority = []string{"director-dev", "director-ops", "director-fin", "director-users"}

// adversaryCommunity is the single community that attacks; it may remove
// its own director (its own check), so its seat is not protected.
const adversaryCommunity = "dev"

// attack is one adversarial step.
type attack struct {
	name string
	run  func(t *rapid.T, f *keepertest.Fixture)
}

// dangerous are messages that would switch a check off, signed by authority.
func dangerous(f *keepertest.Fixture, authority string) []sdk.Msg {
	// outside the constitutional bounds, and inside them but weaker
	review := f.ReviewParams()
	review.IrpFilingWindow, review.EmergencyExpiry, review.MinStandingPanel = time.Nanosecond, 365*24*time.Hour, 1
	weaker := f.ReviewParams()
	weaker.IrpFilingWindow, weaker.EmergencyExpiry, weaker.EmergencyCooldown = 30*24*time.Hour, 30*24*time.Hour, 7*24*time.Hour
	props, err := f.Proposals.GetParams(f.Ctx)
	if err != nil {
		panic(err)
	}
	props.DefaultMinKind = proposalstypes.KindResolution
	emp, err := f.Empowered.GetParams(f.Ctx)
	if err != nil {
		panic(err)
	}
	emp.InspectionResponsePeriod = time.Second
	return []sdk.Msg{
		&types.MsgUpdateParams{Authority: authority, Params: review},
		&types.MsgUpdateParams{Authority: authority, Params: weaker},
		&types.MsgRemovePanelist{Authority: authority, Address: name("panelist-3")},
		&types.MsgAppointOmbudsman{Authority: authority, Address: name("director-ops")},
		&communitytypes.MsgVacateSeat{Authority: authority, SeatId: 5, Reason: "purge"},
		&communitytypes.MsgVacateSeat{Authority: authority, SeatId: 7, Reason: "purge"},
		&communitytypes.MsgSetCommunityPrivileges{Authority: authority, CommunityId: "gov"},
		&communitytypes.MsgSetDecisionalParticipant{Authority: authority, CommunityId: "users", Decisional: false},
		&proposalstypes.MsgUpdateParams{Authority: authority, Params: props},
		&empoweredtypes.MsgUpdateParams{Authority: authority, Params: emp},
	}
}

// boardMajorityAttacks: the four directors propose anything by any kind,
// vote together on every open proposal and Board motion, and pass Board
// motions signed by the Board's own address.
func boardMajorityAttacks() []attack {
	return []attack{
		{"the majority carries a proposal through every stage", func(t *rapid.T, f *keepertest.Fixture) {
			kind := rapid.SampledFrom(proposalstypes.AllKinds()).Draw(t, "kind")
			msg := rapid.SampledFrom(dangerous(f, f.Authority)).Draw(t, "message")
			id, err := f.SubmitProposal(f.ProposalMsg(addr("director-dev"), proposalstypes.BoardOriginator, kind, msg))
			if err != nil {
				return
			}
			// through the comment period, the Board vote, the challenge or
			// EC window: each round votes and waits out the longest period
			for range 3 {
				for _, d := range majority {
					_ = f.BoardVote(addr(d), id, communitytypes.OptionYes)
				}
				f.Advance(keepertest.AdvicePeriod)
			}
		}},
		{"the majority votes yes on every open proposal", func(t *rapid.T, f *keepertest.Fixture) {
			for id := uint64(1); id <= lastProposal(f); id++ {
				for _, d := range majority {
					_ = f.BoardVote(addr(d), id, communitytypes.OptionYes)
				}
			}
		}},
		{"the majority passes a Board motion", func(t *rapid.T, f *keepertest.Fixture) {
			msg := rapid.SampledFrom(dangerous(f, body(communitytypes.BoardBodyID))).Draw(t, "message")
			passAttempt(f, communitytypes.BoardBodyID, majority, msg)
		}},
		{"the chair (one of the majority) takes an emergency action", chairEmergency},
		{"the chair lifts an emergency", liftEmergency},
		{"time passes", passTime},
	}
}

// communityAttacks: one community passes any motion its members like.
func communityAttacks() []attack {
	return []attack{
		{"the community passes a motion", func(t *rapid.T, f *keepertest.Fixture) {
			msg := rapid.SampledFrom(dangerous(f, body(adversaryCommunity))).Draw(t, "message")
			voters := keepertest.CommunityVoters(adversaryCommunity)
			var keys []string
			for _, v := range voters {
				keys = append(keys, keyOf(v))
			}
			passAttempt(f, adversaryCommunity, keys, msg)
		}},
		{"time passes", passTime},
	}
}

// officerAttacks: the Board chair, the ombudsman or one panelist acts alone,
// signing with its own address.
func officerAttacks() []attack {
	return []attack{
		{"the chair takes an emergency action", chairEmergency},
		{"the chair lifts an emergency", liftEmergency},
		{"an officer signs a dangerous message", func(t *rapid.T, f *keepertest.Fixture) {
			officer := rapid.SampledFrom([]string{"director-dev", "ombudsman", "panelist-1", "panelist-2"}).Draw(t, "officer")
			msg := rapid.SampledFrom(dangerous(f, name(officer))).Draw(t, "message")
			_, _ = f.Deliver(msg)
		}},
		{"one panelist votes to lift the stay", func(t *rapid.T, f *keepertest.Fixture) {
			c, err := f.Review.GetIRP(f.Ctx, 1)
			if err != nil || len(c.Panel) == 0 {
				return
			}
			_, _ = f.Deliver(stayMsg(rapid.SampledFrom(c.Panel).Draw(t, "panelist"), 1, false))
		}},
		{"time passes", passTime},
	}
}

// chairEmergency has the Board chair suspend the held proposal, pause a
// check's message or make a statement.
func chairEmergency(t *rapid.T, f *keepertest.Fixture) {
	targets := []struct {
		kind   types.EmergencyKind
		target string
	}{
		{types.EmergencySuspendProposal, "1"},
		{types.EmergencyPauseMessage, "/polity.empowered.v1.MsgPetition"},
		{types.EmergencyPauseMessage, "/polity.review.v1.MsgFileIRP"},
		{types.EmergencyPauseMessage, "/polity.community.v1.MsgVote"},
		{types.EmergencyPauseMessage, "/cosmos.bank.v1beta1.MsgSend"},
		{types.EmergencyStatement, ""},
	}
	e := rapid.SampledFrom(targets).Draw(t, "emergency")
	_, _ = f.TakeEmergency(keepertest.EmergencyMsg("director-dev", e.kind, e.target))
}

// liftEmergency has the chair lift one of the emergencies taken so far.
func liftEmergency(t *rapid.T, f *keepertest.Fixture) {
	id := rapid.Uint64Range(1, 4).Draw(t, "emergency")
	_, _ = f.Deliver(&types.MsgLiftEmergency{Authority: name("director-dev"), EmergencyId: id})
}

// passTime runs a block up to ten days later.
func passTime(t *rapid.T, f *keepertest.Fixture) {
	f.Advance(time.Duration(rapid.Int64Range(1, 10*24*3600).Draw(t, "seconds")) * time.Second)
}

// passAttempt submits a motion in body carrying msg and has voters vote yes;
// refusals are part of the attack's outcome, not failures.
func passAttempt(f *keepertest.Fixture, bodyID string, voters []string, msg sdk.Msg) {
	id, err := f.SubmitMotion(addr(voters[0]), bodyID, "attack", msg)
	if err != nil {
		return
	}
	for _, v := range voters {
		_ = f.Vote(addr(v), id, communitytypes.OptionYes)
	}
}

// keyOf is the constitution key name of a community voter's address.
func keyOf(a sdk.AccAddress) string {
	for _, k := range []string{adversaryCommunity + "-chair", adversaryCommunity + "-member"} {
		if addr(k).Equals(a) {
			return k
		}
	}
	panic("unknown voter " + a.String())
}

// lastProposal is the highest proposal id so far.
func lastProposal(f *keepertest.Fixture) uint64 {
	gs := f.ExportProposals()
	return uint64(len(gs.Proposals))
}

// protected renders everything only a FUNDAMENTAL bylaw (which needs the
// Empowered Community's approval) or a decided review may change.
func protected(f *keepertest.Fixture) string {
	var b strings.Builder
	rev := f.ExportReview()
	fmt.Fprintf(&b, "review params %s\n", f.Codec.MustMarshalJSON(&rev.Params))
	if rev.Ombudsman != nil {
		fmt.Fprintf(&b, "ombudsman %s\n", rev.Ombudsman.Address)
	}
	for _, p := range rev.Panelists {
		fmt.Fprintf(&b, "panelist %s active=%t\n", p.Address, p.Active)
	}
	props := f.ExportProposals()
	fmt.Fprintf(&b, "proposals params %s\n", f.Codec.MustMarshalJSON(&props.Params))
	emp := f.ExportEmpowered()
	fmt.Fprintf(&b, "empowered params %s\n", f.Codec.MustMarshalJSON(&emp.Params))
	com := f.Export()
	for _, c := range com.Communities {
		fmt.Fprintf(&b, "community %s parent=%q decisional=%t deference=%t carve-out=%t\n",
			c.Id, c.ParentId, c.DecisionalParticipant, c.AdviceDeference, c.CarveOutEligible)
	}
	for _, s := range com.Seats {
		if s.AppointingCommunity != adversaryCommunity {
			fmt.Fprintf(&b, "seat %d holder=%s retired=%t\n", s.Id, s.Holder, s.Retired)
		}
	}
	return b.String()
}

// lineDiff shows the lines only in before (-) and only in after (+).
func lineDiff(before, after string) string {
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	var out []string
	for _, l := range b {
		if !slices.Contains(a, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range a {
		if !slices.Contains(b, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// checksOn lists the checks' message types that are paused (none may be).
func checksOn(f *keepertest.Fixture) []string {
	var out []string
	for _, url := range []string{"/polity.empowered.v1.MsgPetition", "/polity.review.v1.MsgFileIRP", "/polity.community.v1.MsgVote"} {
		if paused(f, url) {
			out = append(out, url)
		}
	}
	return out
}

// TestCapturePropertyNoSingleActorSwitchesOffChecks runs the property for
// each adversary.
func TestCapturePropertyNoSingleActorSwitchesOffChecks(t *testing.T) {
	rapidflags.Checks(t, 100)
	for _, adv := range []struct {
		name    string
		attacks []attack
	}{
		{"a Board majority", boardMajorityAttacks()},
		{"a single community", communityAttacks()},
		{"a single officer", officerAttacks()},
	} {
		t.Run(adv.name, func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				f := newFixture(t)
				f.SetBoardChair("director-dev")
				victim, irp := reliefCase(t, f)
				if victim != 1 {
					t.Fatalf("the held proposal is %d; the chair's suspension targets 1", victim)
				}
				original, title := protected(f), maxTitle(f)
				steps := rapid.IntRange(1, 20).Draw(rt, "steps")
				for i := range steps {
					a := rapid.SampledFrom(adv.attacks).Draw(rt, "attack")
					a.run(rt, f)
					if got := protected(f); got != original {
						rt.Fatalf("step %d (%s) changed protected state:\n%s", i, a.name, lineDiff(original, got))
					}
					if p := f.GetProposal(victim); p.Status == proposalstypes.StatusRatified || maxTitle(f) != title {
						rt.Fatalf("step %d (%s): the held proposal executed (%s, %s)", i, a.name, p.Status, p.Note)
					}
					if !f.GetIRP(irp).Stayed || !slices.Contains(holdSources(t, f, victim), "irp/"+strconv.FormatUint(irp, 10)) {
						rt.Fatalf("step %d (%s): the panel's interim relief was undone", i, a.name)
					}
					if on := checksOn(f); len(on) > 0 {
						rt.Fatalf("step %d (%s): a check is paused: %v", i, a.name, on)
					}
				}
			})
		})
	}
}
