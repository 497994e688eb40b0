package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// GetReview returns a review or ErrNotFound.
func (k *Keeper) GetReview(ctx context.Context, id uint64) (types.Review, error) {
	return get(ctx, k.Reviews, id, "review")
}

// openScheduled opens every periodic review whose time has come: at most one
// per review type per block, so the work is bounded by the number of types.
// Organisational reviews go round the communities in id order.
func (k *Keeper) openScheduled(ctx context.Context, params types.Params) error {
	now, _ := blockTime(ctx)
	for _, cycle := range params.ReviewCycles {
		if cycle.Period == 0 {
			continue // post-emergency reviews open with their emergency
		}
		if cycle.PerCommunity {
			continue // community_reviews.go: each community on its own
		}
		due, err := k.Schedule.Get(ctx, int32(cycle.Type))
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		if due == 0 {
			// a cycle added by a params change starts counting now
			if err := k.Schedule.Set(ctx, int32(cycle.Type), now.Add(cycle.Period).Unix()); err != nil {
				return err
			}
			continue
		}
		if due > now.Unix() {
			continue
		}
		subject := ""
		if cycle.Type == types.ReviewOrganisational {
			if subject, err = k.nextOrganisational(ctx); err != nil || subject == "" {
				if err != nil {
					return err
				}
				continue
			}
		}
		if _, err := k.openReview(ctx, cycle, subject); err != nil {
			return err
		}
		if err := k.Schedule.Set(ctx, int32(cycle.Type), now.Add(cycle.Period).Unix()); err != nil {
			return err
		}
	}
	return nil
}

// nextOrganisational picks the next community to review and moves the cursor.
func (k *Keeper) nextOrganisational(ctx context.Context) (string, error) {
	cursor, err := k.Cursor.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return "", err
	}
	next, ok, err := k.community.NextCommunity(ctx, cursor)
	if err != nil || !ok {
		return "", err
	}
	return next, k.Cursor.Set(ctx, next)
}

// openReview opens a review of a type; its report is due after the cycle's
// report period.
func (k *Keeper) openReview(ctx context.Context, cycle types.ReviewCycle, subject string) (uint64, error) {
	id, err := k.ReviewID.Next(ctx)
	if err != nil {
		return 0, err
	}
	now, height := blockTime(ctx)
	r := types.Review{
		Id: id, Type: cycle.Type, Subject: subject, Status: types.ReviewOpen, OpenedTime: now, OpenedHeight: height,
		ReportDue: deadline(ctx, cycle.ReportPeriod),
	}
	if err := k.storeReview(ctx, r); err != nil {
		return 0, err
	}
	if err := k.ReviewQueue.Set(ctx, collutil.At(r.ReportDue, id)); err != nil {
		return 0, err
	}
	return id, k.emitReview(ctx, r)
}

func (k *Keeper) emitReview(ctx context.Context, r types.Review) error {
	return k.emit(ctx, &types.EventReviewChanged{ReviewId: r.Id, Type: r.Type, Subject: r.Subject, Status: r.Status, Overdue: r.Overdue})
}

// NominateReviewer records a community's nominee for an open review (its motion).
func (k *Keeper) NominateReviewer(ctx context.Context, msg *types.MsgNominateReviewer) error {
	if want := communitytypes.BodyAddress(msg.CommunityId).String(); msg.Authority != want {
		return types.ErrUnauthorized.Wrapf("a nomination of %s comes from its motion (signer %s), got %s", msg.CommunityId, want, msg.Authority)
	}
	if _, err := k.community.GetCommunity(ctx, msg.CommunityId); err != nil {
		return err
	}
	if _, err := k.parseAddr("nominee", msg.Nominee); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	r, err := k.GetReview(ctx, msg.ReviewId)
	if err != nil {
		return err
	}
	if r.Status != types.ReviewOpen {
		return types.ErrWrongPhase.Wrapf("review %d is %s: nominations are closed", r.Id, r.Status)
	}
	if slices.Contains(r.Nominees, msg.Nominee) {
		return types.ErrAlreadyDone.Wrapf("%s is already nominated", msg.Nominee)
	}
	if len(r.Nominees) >= 3*int(params.MaxTeamSize) {
		return types.ErrLimit.Wrapf("review %d has %d nominees", r.Id, len(r.Nominees))
	}
	r.Nominees = append(r.Nominees, msg.Nominee)
	if err := k.storeReview(ctx, r); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventReviewerNominated{ReviewId: r.Id, CommunityId: msg.CommunityId, Nominee: msg.Nominee})
}

// AppointReviewTeam appoints the team from the nominees (a ratified resolution).
//
// The msg server has checked the signer.
func (k *Keeper) AppointReviewTeam(ctx context.Context, reviewID uint64, members []string) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	r, err := k.GetReview(ctx, reviewID)
	if err != nil {
		return err
	}
	if r.Status != types.ReviewOpen {
		return types.ErrWrongPhase.Wrapf("review %d is %s", r.Id, r.Status)
	}
	if len(members) == 0 || len(members) > int(params.MaxTeamSize) {
		return types.ErrLimit.Wrapf("a team has 1 to %d members", params.MaxTeamSize)
	}
	for i, m := range members {
		if !slices.Contains(r.Nominees, m) || slices.Contains(members[:i], m) {
			return types.ErrNotTeamMember.Wrapf("%s is not a nominee (or is listed twice)", m)
		}
	}
	r.Team, r.Status = members, types.ReviewInProgress
	if err := k.storeReview(ctx, r); err != nil {
		return err
	}
	return k.emitReview(ctx, r)
}

// FileReviewReport files the team's report and its recommendations, each of
// which the Board then decides.
func (k *Keeper) FileReviewReport(ctx context.Context, msg *types.MsgFileReviewReport) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	r, err := k.GetReview(ctx, msg.ReviewId)
	if err != nil {
		return err
	}
	if !slices.Contains(r.Team, msg.Member) {
		return types.ErrNotTeamMember.Wrapf("%s is not on the team of review %d", msg.Member, r.Id)
	}
	if r.Status != types.ReviewInProgress {
		return types.ErrWrongPhase.Wrapf("review %d is %s", r.Id, r.Status)
	}
	if err := checkDocument("report", msg.Report, params.MaxUriLength); err != nil {
		return err
	}
	if len(msg.Recommendations) > types.MaxRecommendations {
		return types.ErrLimit.Wrapf("at most %d recommendations", types.MaxRecommendations)
	}
	for _, text := range msg.Recommendations {
		if err := checkText("recommendation", text, params.MaxTextLength, true); err != nil {
			return err
		}
	}
	if !r.Overdue {
		if err := k.ReviewQueue.Remove(ctx, collutil.At(r.ReportDue, r.Id)); err != nil {
			return err
		}
	}
	now, height := blockTime(ctx)
	for i, text := range msg.Recommendations {
		rec := types.Recommendation{
			ReviewId: r.Id, Index: uint32(i), Text: text, Status: types.RecommendationProposed, CreatedHeight: height, CreatedTime: now,
		}
		if err := k.storeRecommendation(ctx, rec); err != nil {
			return err
		}
	}
	r.Report, r.Recommendations, r.OpenRecommendations = msg.Report, uint32(len(msg.Recommendations)), uint32(len(msg.Recommendations))
	r.Status = types.ReviewReported
	if r.OpenRecommendations == 0 {
		r.Status = types.ReviewClosed
	}
	if err := k.storeReview(ctx, r); err != nil {
		return err
	}
	return k.emitReview(ctx, r)
}

// recommendation loads a recommendation of a reported review.
func (k *Keeper) recommendation(ctx context.Context, reviewID uint64, index uint32) (types.Review, types.Recommendation, error) {
	r, err := k.GetReview(ctx, reviewID)
	if err != nil {
		return r, types.Recommendation{}, err
	}
	rec, err := get(ctx, k.Recommendations, collections.Join(reviewID, index), "recommendation")
	return r, rec, err
}

// DecideRecommendation approves or rejects a recommendation (a ratified
// resolution); approved ones must be implemented by their due date.
//
// The msg server has checked the signer.
func (k *Keeper) DecideRecommendation(ctx context.Context, reviewID uint64, index uint32, approve bool) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	r, rec, err := k.recommendation(ctx, reviewID, index)
	if err != nil {
		return err
	}
	if rec.Status != types.RecommendationProposed {
		return types.ErrWrongPhase.Wrapf("recommendation %d/%d is %s", r.Id, rec.Index, rec.Status)
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	rec.DecidedBy = by
	if approve {
		rec.Status, rec.Due = types.RecommendationApproved, deadline(ctx, params.ImplementationPeriod)
		if err := k.RecommendationQueue.Set(ctx, collutil.At(rec.Due, packRec(r.Id, rec.Index))); err != nil {
			return err
		}
	} else {
		rec.Status = types.RecommendationRejected
	}
	return k.saveRecommendation(ctx, r, rec, !approve)
}

// RecordImplementation records an approved recommendation as implemented.
//
// The msg server has checked the signer.
func (k *Keeper) RecordImplementation(ctx context.Context, reviewID uint64, index uint32, evidence communitytypes.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("evidence", evidence, params.MaxUriLength); err != nil {
		return err
	}
	r, rec, err := k.recommendation(ctx, reviewID, index)
	if err != nil {
		return err
	}
	if rec.Status != types.RecommendationApproved {
		return types.ErrWrongPhase.Wrapf("recommendation %d/%d is %s: only approved ones are implemented", r.Id, rec.Index, rec.Status)
	}
	if !rec.Overdue {
		if err := k.RecommendationQueue.Remove(ctx, collutil.At(rec.Due, packRec(r.Id, rec.Index))); err != nil {
			return err
		}
	}
	rec.Status, rec.Evidence = types.RecommendationImplemented, evidence
	return k.saveRecommendation(ctx, r, rec, true)
}

// saveRecommendation writes a recommendation; a closed one (rejected or
// implemented) may close its review.
func (k *Keeper) saveRecommendation(ctx context.Context, r types.Review, rec types.Recommendation, closed bool) error {
	if err := k.storeRecommendation(ctx, rec); err != nil {
		return err
	}
	if err := k.emit(ctx, &types.EventRecommendationChanged{ReviewId: r.Id, Index: rec.Index, Status: rec.Status, Overdue: rec.Overdue}); err != nil {
		return err
	}
	if !closed {
		return nil
	}
	r.OpenRecommendations--
	if r.OpenRecommendations == 0 {
		r.Status = types.ReviewClosed
	}
	if err := k.storeReview(ctx, r); err != nil {
		return err
	}
	return k.emitReview(ctx, r)
}

// packRec packs a recommendation's queue id.
func packRec(review uint64, index uint32) uint64 { return review<<16 | uint64(index) }

// reviewOverdue marks a review whose report is late.
func (k *Keeper) reviewOverdue(ctx context.Context, id uint64) error {
	r, err := k.GetReview(ctx, id)
	if err != nil {
		return err
	}
	if err := k.ReviewQueue.Remove(ctx, collutil.At(r.ReportDue, r.Id)); err != nil {
		return err
	}
	if r.Status != types.ReviewOpen && r.Status != types.ReviewInProgress {
		return nil
	}
	r.Overdue = true
	if err := k.storeReview(ctx, r); err != nil {
		return err
	}
	return k.emitReview(ctx, r)
}

// recommendationOverdue marks an approved recommendation not implemented in time.
func (k *Keeper) recommendationOverdue(ctx context.Context, packed uint64) error {
	r, rec, err := k.recommendation(ctx, packed>>16, uint32(packed&0xffff))
	if err != nil {
		return err
	}
	if err := k.RecommendationQueue.Remove(ctx, collutil.At(rec.Due, packed)); err != nil {
		return err
	}
	if rec.Status != types.RecommendationApproved {
		return nil
	}
	rec.Overdue = true
	return k.saveRecommendation(ctx, r, rec, false)
}
