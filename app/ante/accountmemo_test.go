package ante_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/ante"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
)

// TestAccountMemo checks the ante chain's account memo on the real account
// keeper: inside one transaction's chain an account is read from the store
// once (a second read costs no gas and returns what the first did); a write
// goes to the store and later reads see it; without the memo decorator every
// read goes to the store.
func TestAccountMemo(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	k := ante.MemoAccountKeeper{AccountKeeper: f.AccountKeeper}
	who := addr("dev-member")
	f.AccountKeeper.SetAccount(f.Ctx, f.AccountKeeper.NewAccountWithAddress(f.Ctx, who))

	run := func(ctx sdk.Context, body func(sdk.Context)) {
		_, err := ante.AccountMemoDecorator{}.AnteHandle(ctx, nil, false, func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) {
			body(ctx)
			return ctx, nil
		})
		require.NoError(t, err)
	}
	gasOf := func(ctx sdk.Context, read func(sdk.Context)) storetypes.Gas {
		before := ctx.GasMeter().GasConsumed()
		read(ctx)
		return ctx.GasMeter().GasConsumed() - before
	}
	ctx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	run(ctx, func(ctx sdk.Context) {
		var first, second any
		require.NotZero(t, gasOf(ctx, func(ctx sdk.Context) { first = k.GetAccount(ctx, who) }), "the first read goes to the store")
		require.Zero(t, gasOf(ctx, func(ctx sdk.Context) { second = k.GetAccount(ctx, who) }), "the second comes from the memo")
		require.Same(t, first, second)

		acc := k.GetAccount(ctx, who)
		require.NoError(t, acc.SetSequence(acc.GetSequence()+7))
		k.SetAccount(ctx, acc)
		require.Equal(t, uint64(7), k.GetAccount(ctx, who).GetSequence())
		require.Equal(t, uint64(7), f.AccountKeeper.GetAccount(ctx, who).GetSequence(), "the write reached the store")
		require.Nil(t, k.GetAccount(ctx, addr("nobody-at-all")), "a missing account stays missing")

		// a write of another object for a remembered address replaces it
		fresh := f.AccountKeeper.GetAccount(ctx, who)
		require.NotSame(t, acc, fresh)
		require.NoError(t, fresh.SetSequence(9))
		k.SetAccount(ctx, fresh)
		require.Same(t, fresh, k.GetAccount(ctx, who))
		// an account first seen by a write is remembered under its address
		other := f.AccountKeeper.NewAccountWithAddress(ctx, addr("fin-member"))
		k.SetAccount(ctx, other)
		require.Zero(t, gasOf(ctx, func(ctx sdk.Context) { require.Same(t, other, k.GetAccount(ctx, addr("fin-member"))) }))
	})
	// a new transaction starts with an empty memo
	run(ctx, func(ctx sdk.Context) {
		require.NotZero(t, gasOf(ctx, func(ctx sdk.Context) { k.GetAccount(ctx, who) }))
	})
	// outside the ante chain every read goes to the store
	require.NotZero(t, gasOf(ctx, func(ctx sdk.Context) { k.GetAccount(ctx, who) }))
	require.NotZero(t, gasOf(ctx, func(ctx sdk.Context) { k.GetAccount(ctx, who) }))
}
