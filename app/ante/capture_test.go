package ante_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// TestCaptureOpenDoorFeePerMessage: the open-door fee is per message, so an
// outsider cannot flood the record with hundreds of comments for one fee. A
// transaction of N open-door messages paying less than N fees is refused
// with ErrInsufficientFee before any handler runs, and the refusal names the
// fee it needed; N fees pass.
func TestCaptureOpenDoorFeePerMessage(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	outsider := addr("outsider")
	spam := func(n int) []sdk.Msg {
		msgs := make([]sdk.Msg, n)
		for i := range msgs {
			msgs[i] = comment(outsider)
		}
		return msgs
	}
	times := func(n int64) sdk.Coins { return fee.MulInt(math.NewInt(n)) }

	for _, n := range []int{2, 5, 500} {
		msgs := spam(n)
		err := requireRefused(t, f.Ctx, d, f.Tx(fee, msgs...), false, communitytypes.ErrInsufficientFee)
		require.Contains(t, err.Error(), times(int64(n)).String(), "the refusal names what %d messages cost", n)
		short := times(int64(n)).Sub(sdk.NewInt64Coin(communitytypes.FeeDenom, 1))
		requireRefused(t, f.Ctx, d, f.Tx(short, msgs...), false, communitytypes.ErrInsufficientFee)
		requireAccepted(t, f.Ctx, d, f.Tx(times(int64(n)), msgs...), false)
	}
	// every open-door type counts, mixed in one transaction
	mixed := openDoorMsgs(outsider)
	requireRefused(t, f.Ctx, d, f.Tx(times(int64(len(mixed)-1)), mixed...), false, communitytypes.ErrInsufficientFee)
	requireAccepted(t, f.Ctx, d, f.Tx(times(int64(len(mixed))), mixed...), false)
}
