package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// BenchmarkEndBlockerDueComplaints measures an EndBlock that finds many
// complaints past their deadline: it must process at most
// max_queue_items_per_block of them, whatever the backlog. Run with
//
//	go test -run '^$' -bench . -benchmem ./x/review/...
//
// Setup files the complaints and commits them outside the timer; each timed
// EndBlock runs on a cache over the committed store, as a block does.
func BenchmarkEndBlockerDueComplaints(b *testing.B) {
	for _, backlog := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("backlog=%d", backlog), func(b *testing.B) {
			f := keepertest.NewConstitutionFixture(b)
			f.Fund(addr("outsider"), f.ReviewParams().ComplaintDeposit.MulInt(math.NewInt(int64(backlog))))
			for range backlog {
				_, err := f.Review.FileComplaint(f.Ctx, complaintMsg())
				require.NoError(b, err)
			}
			f.Commit()
			f.NextBlock(f.ReviewParams().ComplaintPeriod)
			limit := int(f.ReviewParams().MaxQueueItemsPerBlock)
			b.ResetTimer()
			for b.Loop() {
				ctx := keepertest.CacheContext(f.Ctx)
				require.NoError(b, f.Review.EndBlocker(ctx))
				b.StopTimer()
				n := 0
				for _, ev := range ctx.EventManager().Events() {
					if ev.Type == "polity."+types.ModuleName {
						n++
					}
				}
				// each overdue complaint is marked and its deposit refunded
				require.Equal(b, 2*min(limit, backlog), n, "two events per overdue complaint, capped per block")
				b.StartTimer()
			}
		})
	}
}

// BenchmarkFileIRP measures a filing, with its standing check, deposit and
// three queue entries.
func BenchmarkFileIRP(b *testing.B) {
	f := keepertest.NewConstitutionFixture(b)
	proposal := f.BylawInECWindow()
	f.Fund(addr("dev-member"), f.ReviewParams().IrpDeposit)
	f.Commit()
	msg := keepertest.FileIRPMsg(addr("dev-member").String(), types.ClaimantMember, proposal)
	for b.Loop() {
		ctx := keepertest.CacheContext(f.Ctx)
		_, err := f.Review.FileIRP(ctx, msg)
		require.NoError(b, err)
	}
}
