package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/review/types"
)

// EndBlocker records draw seeds, completes panels, and processes every due
// deadline: missed Board deadlines, overdue reconsiderations, complaints,
// reports and recommendations, emergency consultations and expiries, and
// periodic reviews to open. Each queue yields at most
// max_queue_items_per_block items; each item runs in its own cache context
// and a failing one is logged, dropped and reported by EventQueueItemFailed,
// never allowed to halt the chain.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	limit := int(params.MaxQueueItemsPerBlock)

	seeds, err := collutil.DueBy(ctx, k.SeedQueue, sdkCtx.BlockHeight(), limit)
	if err != nil {
		return err
	}
	for _, key := range seeds {
		k.queueRunner().Do(sdkCtx, blockutil.Item{
			Queue: "seed", ID: key.K2(),
			Run: func(c sdk.Context) error {
				if err := k.SeedQueue.Remove(c, key); err != nil {
					return err
				}
				return k.mixSeed(c, key.K2())
			},
			Drop: func(c sdk.Context) error { return k.SeedQueue.Remove(c, key) },
		})
	}
	queues := []struct {
		name  string
		queue collections.KeySet[collutil.QueueKey]
		item  func(context.Context, uint64) error
	}{
		{"pick", k.PickQueue, k.pickDeadlinePassed},
		{"board", k.BoardQueue, k.boardDeadlinePassed},
		{"reconsideration", k.ReconsiderationQueue, k.reconsiderationOverdue},
		{"complaint", k.ComplaintQueue, k.complaintOverdue},
		{"review", k.ReviewQueue, k.reviewOverdue},
		{"recommendation", k.RecommendationQueue, k.recommendationOverdue},
		{"consultation", k.ConsultationQueue, k.consultationMissed},
		{"expiry", k.ExpiryQueue, k.expireEmergency},
	}
	for _, q := range queues {
		due, err := collutil.Due(ctx, q.queue, sdkCtx.HeaderInfo().Time, limit)
		if err != nil {
			return err
		}
		for _, key := range due {
			id, queue, item := key.K2(), q.queue, q.item
			k.queueRunner().Do(sdkCtx, blockutil.Item{
				Queue: q.name, ID: id,
				Run:  func(c sdk.Context) error { return item(c, id) },
				Drop: func(c sdk.Context) error { return queue.Remove(c, key) },
			})
		}
	}
	k.queueRunner().Do(sdkCtx, blockutil.Item{
		Queue: "schedule",
		Run:   func(c sdk.Context) error { return k.openScheduled(c, params) },
		Drop:  func(sdk.Context) error { return nil }, // the schedule is not a queue entry
	})
	return k.runCommunityReviews(sdkCtx, params, limit)
}

// queueRunner runs this module's EndBlock queue items (blockutil.Runner).
func (k *Keeper) queueRunner() blockutil.Runner {
	return blockutil.Runner{Logger: k.logger, Report: func(ctx sdk.Context, queue string, id uint64, cause error) error {
		return k.emit(ctx, &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)})
	}}
}
