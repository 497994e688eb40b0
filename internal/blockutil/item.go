package blockutil

import (
	"github.com/hashicorp/go-metrics"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/telemetry"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Runner runs the due entries of one module's EndBlock queues, all in the
// same shape: each item in its own cache context; a failing item's entry is
// dropped so it cannot block its queue, the failure is recorded on the item's
// own record where it has one (Close), and otherwise, or when even that
// fails, reported by the module's EventQueueItemFailed (Report). Nothing is
// returned: a failing item never halts the chain.
type Runner struct {
	Logger log.Logger
	// Report puts a dropped entry on record (the module's EventQueueItemFailed).
	Report func(ctx sdk.Context, queue string, id uint64, cause error) error
}

// Item is one due queue entry.
type Item struct {
	// Queue names the queue in logs and in the failure event.
	Queue string
	ID    uint64
	// Run processes the entry; its writes are kept only if it succeeds.
	Run func(sdk.Context) error
	// Drop removes the entry from its queue; called only when Run fails.
	Drop func(sdk.Context) error
	// Close, when set, records the failure on the item's record (for
	// instance EXECUTION_FAILED with the reason) in its own cache context,
	// so the record does not stay open with no deadline.
	Close func(sdk.Context, error) error
}

// Do runs one item and handles its failure; it reports whether Run succeeded.
func (r Runner) Do(ctx sdk.Context, it Item) bool {
	err := Run(ctx, it.Run)
	if err == nil {
		return true
	}
	r.Logger.Error("queue item failed; dropping its entry", "queue", it.Queue, "id", it.ID, "err", err)
	// For operators' dashboards (polity_queue_item_failed); a process-local
	// counter, outside the state.
	telemetry.IncrCounterWithLabels([]string{"polity", "queue_item_failed"}, 1, //nolint:staticcheck // the SDK's telemetry until it moves to OpenTelemetry
		[]metrics.Label{telemetry.NewLabel("queue", it.Queue)})
	if derr := it.Drop(ctx); derr != nil {
		r.Logger.Error("could not drop queue entry", "queue", it.Queue, "id", it.ID, "err", derr)
	}
	if it.Close != nil {
		cerr := Run(ctx, func(c sdk.Context) error { return it.Close(c, err) })
		if cerr == nil {
			return false
		}
		r.Logger.Error("could not record the failure on its record", "queue", it.Queue, "id", it.ID, "err", cerr)
	}
	if rerr := r.Report(ctx, it.Queue, it.ID, err); rerr != nil {
		r.Logger.Error("could not emit the failure event", "queue", it.Queue, "id", it.ID, "err", rerr)
	}
	return false
}
