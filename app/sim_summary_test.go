package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/internal/collutil"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

// simCounts is how many records a run reached, by kind and status ("motion
// MOTION_STATUS_PASSED": 3): the short run requires some depth of it, and the
// log shows how far the random operations drove each procedure.
type simCounts map[string]int

// countBy adds one count per record of a collection, labelled by label.
func countBy[K, V any](ctx context.Context, counts simCounts, iterate func(context.Context, collections.Ranger[K]) (collections.Iterator[K, V], error), label func(V) string) error {
	all, err := collutil.Values(ctx, iterate)
	for _, v := range all {
		counts[label(v)]++
	}
	return err
}

// countRecords counts the records of every procedure the simulation drives.
func countRecords(ctx sdk.Context, a *app.App) (simCounts, error) {
	c := simCounts{}
	for _, err := range []error{
		countBy(ctx, c, a.CommunityKeeper.Motions.Iterate, func(m ctypes.Motion) string { return "motion " + m.Status.String() }),
		countBy(ctx, c, a.CommunityKeeper.Validators.Iterate, func(ctypes.Validator) string { return "validators" }),
		countBy(ctx, c, a.ProposalsKeeper.Proposals.Iterate, func(p ptypes.Proposal) string { return "proposal " + p.Status.String() }),
		countBy(ctx, c, a.ProposalsKeeper.Advice.Iterate, func(x ptypes.Advice) string { return "advice " + x.Status.String() }),
		countBy(ctx, c, a.ReviewKeeper.IRPs.Iterate, func(x rtypes.IRP) string { return "irp " + x.Status.String() }),
		countBy(ctx, c, a.ReviewKeeper.Emergencies.Iterate, func(x rtypes.Emergency) string { return "emergency " + x.Status.String() }),
		countBy(ctx, c, a.EmpoweredKeeper.Actions.Iterate, func(x etypes.Action) string { return "ec action " + x.Stage.String() }),
		countBy(ctx, c, a.ReviewKeeper.Parties.Iterate, func(x rtypes.Party) string { return fmt.Sprintf("party active=%t", x.Active) }),
		countBy(ctx, c, a.ReviewKeeper.Reviews.Iterate, reviewLabel),
		countBy(ctx, c, a.ProposalsKeeper.Proposals.Iterate, paramsLabel),
	} {
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// reviewLabel labels a periodic review by status, and by whether a
// community has nominated a reviewer while it was open.
func reviewLabel(r rtypes.Review) string {
	if r.Status == rtypes.ReviewOpen && len(r.Nominees) > 0 {
		return "review nominated"
	}
	return "review " + r.Status.String()
}

// paramsLabel labels a proposal carrying a params change by its status
// ("params PROPOSAL_STATUS_RATIFIED": the change took effect); other
// proposals count as "params none".
func paramsLabel(p ptypes.Proposal) string {
	for _, m := range p.Messages {
		if strings.HasSuffix(m.TypeUrl, ".MsgUpdateParams") {
			return "params " + p.Status.String()
		}
	}
	return "params none"
}

// pastNomination counts the periodic reviews a community has nominated a
// reviewer for, or whose team the Board has appointed.
func (c simCounts) pastNomination() int {
	return c["review nominated"] + c["review "+rtypes.ReviewInProgress.String()] +
		c["review "+rtypes.ReviewReported.String()] + c["review "+rtypes.ReviewClosed.String()]
}

// paramsAccepted counts the params changes the Board has accepted: in the
// Empowered Community's window, stayed, queued or ratified. A bylaw
// amendment's comment period, Board vote and window outlast a short run,
// so the short run counts the Board's acceptance; long runs sometimes see
// one ratified (make sim, seed 3).
func (c simCounts) paramsAccepted() int {
	n := 0
	for _, s := range []ptypes.ProposalStatus{ptypes.StatusECReview, ptypes.StatusApproved, ptypes.StatusQueued, ptypes.StatusRatified} {
		n += c["params "+s.String()]
	}
	return n
}

// withPrefix sums the counts whose label starts with prefix.
func (c simCounts) withPrefix(prefix string) int {
	n := 0
	for label, v := range c {
		if strings.HasPrefix(label, prefix) {
			n += v
		}
	}
	return n
}

// String lists the counts in label order.
func (c simCounts) String() string {
	labels := make([]string, 0, len(c))
	for label := range c {
		labels = append(labels, label)
	}
	slices.Sort(labels)
	for i, label := range labels {
		labels[i] = fmt.Sprintf("%s: %d", label, c[label])
	}
	return strings.Join(labels, "; ")
}
