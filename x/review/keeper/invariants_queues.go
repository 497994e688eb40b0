package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/review/types"
)

// queue binds a deadline queue for runQueues.
func queue(q collections.KeySet[collutil.QueueKey]) func(sdk.Context, string, map[uint64]int64) ([]string, error) {
	return func(ctx sdk.Context, name string, want map[uint64]int64) ([]string, error) {
		return invariantutil.Queue(ctx, name, q, want)
	}
}

// CaseQueuesInvariant checks that every open case with a deadline has exactly
// one entry in its queue and every entry points at such a case: forming IRP
// panels (pick deadline, or the next seed block once choices closed), upheld
// IRPs (the Board's deadline), open reconsideration requests and complaints
// not yet overdue.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func CaseQueuesInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "case-queues", func(ctx sdk.Context) ([]string, error) {
		irps, err := collutil.Values(ctx, k.IRPs.Iterate)
		if err != nil {
			return nil, err
		}
		pick, seed, board := map[uint64]int64{}, map[uint64]int64{}, map[uint64]int64{}
		for _, c := range irps {
			switch {
			case c.Status == types.IRPPanelForming && len(c.SeedHeights) == 0:
				pick[c.Id] = c.PickDeadline.Unix()
			case c.Status == types.IRPPanelForming && int(c.SeedBlocksMixed) < len(c.SeedHeights):
				seed[c.Id] = c.SeedHeights[c.SeedBlocksMixed]
			case c.Status == types.IRPPanelForming:
				seed[c.Id] = -1 // forming with a complete seed: no entry can match
			case c.Status == types.IRPUpheld:
				board[c.Id] = c.BoardDeadline.Unix()
			}
		}
		recons, err := collutil.Values(ctx, k.Reconsiderations.Iterate)
		if err != nil {
			return nil, err
		}
		reconsideration := map[uint64]int64{}
		for _, r := range recons {
			open := r.Status == types.ReconsiderationFiled || r.Status == types.ReconsiderationEvaluated
			if open && !r.Overdue {
				reconsideration[r.Id] = r.Deadline.Unix()
			}
		}
		complaints, err := collutil.Values(ctx, k.Complaints.Iterate)
		if err != nil {
			return nil, err
		}
		complaint := map[uint64]int64{}
		for _, c := range complaints {
			if c.Status != types.ComplaintReported && !c.Overdue {
				complaint[c.Id] = c.Deadline.Unix()
			}
		}
		return runQueues(ctx,
			queueCheck{"pick_queue", pick, queue(k.PickQueue)},
			queueCheck{"seed_queue", seed, queue(k.SeedQueue)},
			queueCheck{"board_queue", board, queue(k.BoardQueue)},
			queueCheck{"reconsideration_queue", reconsideration, queue(k.ReconsiderationQueue)},
			queueCheck{"complaint_queue", complaint, queue(k.ComplaintQueue)},
		)
	})
}

// ReviewQueuesInvariant checks the periodic reviews' queues: every open or
// running review not yet overdue is queued at its report's due date, and
// every approved recommendation not yet overdue at its implementation date.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func ReviewQueuesInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "review-queues", func(ctx sdk.Context) ([]string, error) {
		reviews, err := collutil.Values(ctx, k.Reviews.Iterate)
		if err != nil {
			return nil, err
		}
		report := map[uint64]int64{}
		for _, r := range reviews {
			if (r.Status == types.ReviewOpen || r.Status == types.ReviewInProgress) && !r.Overdue {
				report[r.Id] = r.ReportDue.Unix()
			}
		}
		recs, err := collutil.Values(ctx, k.Recommendations.Iterate)
		if err != nil {
			return nil, err
		}
		due := map[uint64]int64{}
		for _, rec := range recs {
			if rec.Status == types.RecommendationApproved && !rec.Overdue {
				due[packRec(rec.ReviewId, rec.Index)] = rec.Due.Unix()
			}
		}
		problems, err := runQueues(ctx,
			queueCheck{"review_queue", report, queue(k.ReviewQueue)},
			queueCheck{"recommendation_queue", due, queue(k.RecommendationQueue)},
		)
		if err != nil {
			return nil, err
		}
		more, err := k.communityReviewProblems(ctx)
		return append(problems, more...), err
	})
}

// communityReviewProblems checks that community_review_queue holds exactly
// the entries of community_reviews.
func (k *Keeper) communityReviewProblems(ctx sdk.Context) ([]string, error) {
	scheduled, err := k.communityReviewSchedule(ctx)
	if err != nil {
		return nil, err
	}
	var problems []string
	seen := map[string]bool{}
	for _, cr := range scheduled {
		if seen[cr.CommunityId] {
			problems = append(problems, fmt.Sprintf("community_review_queue: %s queued twice", cr.CommunityId))
		}
		seen[cr.CommunityId] = true
		due, err := k.CommunityReviews.Get(ctx, cr.CommunityId)
		if err != nil || due != cr.Due.Unix() {
			problems = append(problems, fmt.Sprintf("community_review_queue: %s at %d, community_reviews says %d (%v)", cr.CommunityId, cr.Due.Unix(), due, err))
		}
	}
	iter, err := k.CommunityReviews.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	keys, err := iter.Keys()
	if err != nil {
		return nil, err
	}
	if len(keys) != len(scheduled) {
		problems = append(problems, fmt.Sprintf("community_reviews has %d entries, community_review_queue %d", len(keys), len(scheduled)))
	}
	return problems, nil
}

// EmergencyQueuesInvariant checks that every emergency action awaiting its
// consultation is queued at the consultation deadline, every action in force
// at its expiry, and that the paused-message counts equal the pause actions
// in force.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func EmergencyQueuesInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "emergency-queues", func(ctx sdk.Context) ([]string, error) {
		emergencies, err := collutil.Values(ctx, k.Emergencies.Iterate)
		if err != nil {
			return nil, err
		}
		consult, expiry := map[uint64]int64{}, map[uint64]int64{}
		paused := map[string]uint64{}
		for _, e := range emergencies {
			inForce := e.Status == types.EmergencyActive || e.Status == types.EmergencyRatified
			if e.ConsultedCommunity == "" && !e.ConsultationMissed {
				consult[e.Id] = e.ConsultationDeadline.Unix()
			}
			if inForce {
				expiry[e.Id] = expiryOf(e).Unix()
			}
			if inForce && e.Kind == types.EmergencyPauseMessage {
				paused[e.Target]++
			}
		}
		problems, err := runQueues(ctx,
			queueCheck{"consultation_queue", consult, queue(k.ConsultationQueue)},
			queueCheck{"expiry_queue", expiry, queue(k.ExpiryQueue)},
		)
		if err != nil {
			return nil, err
		}
		iter, err := k.Paused.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		stored, err := iter.KeyValues()
		if err != nil {
			return nil, err
		}
		for _, kv := range stored {
			if kv.Value != paused[kv.Key] {
				problems = append(problems, "paused["+kv.Key+"] disagrees with the pause actions in force")
			}
			delete(paused, kv.Key)
		}
		for _, msgType := range invariantutil.SortedKeys(paused) {
			problems = append(problems, "pause actions in force on "+msgType+" but no paused count")
		}
		return problems, nil
	})
}
