// Package simutil holds what the modules' simulation packages share: signing
// and delivering one random message as a real transaction, finding the
// simulated account behind an address, wrapping a body's decision in a
// motion, and picking from lists with the seeded source. It is used only by
// simulation code, never by the state machine.
package simutil

import (
	"context"
	"fmt"
	"io"
	"math/rand"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	sims "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
)

// Fee is what every simulated transaction pays: twice the default open-door
// fee, so that outsiders' open-door messages pass the fee floor.
var Fee = sdk.NewCoins(sdk.NewInt64Coin("upolity", 2_000))

// Trace, when set, receives one line per refused message (the simulation
// test sets it from SIM_TRACE), to see why operations fail.
var Trace io.Writer

// AccountKeeper reads an account's number and sequence for signing.
type AccountKeeper interface {
	GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
}

// Env is what delivering a transaction needs from the app.
type Env struct {
	TxConfig client.TxConfig
	Accounts AccountKeeper
}

// Deliver signs msg by acc and runs it as a transaction in the block being
// built, through the full ante handler. A refused message is a normal outcome
// of a random operation (outsiders, stale picks, rules that say no): it is
// reported as not OK with the error as comment, and never fails the run.
func Deliver(env Env, r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, chainID string,
	acc simtypes.Account, msg sdk.Msg,
) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
	account := env.Accounts.GetAccount(ctx, acc.Address)
	if account == nil {
		return simtypes.NoOpMsg(route(msg), sdk.MsgTypeURL(msg), "signer has no account"), nil, nil
	}
	tx, err := sims.GenSignedMockTx(r, env.TxConfig, []sdk.Msg{msg}, Fee, 2_000_000, chainID,
		[]uint64{account.GetAccountNumber()}, []uint64{account.GetSequence()}, acc.PrivKey)
	if err != nil {
		return simtypes.NoOpMsg(route(msg), sdk.MsgTypeURL(msg), "cannot sign"), nil, err
	}
	if _, _, err := app.SimDeliver(env.TxConfig.TxEncoder(), tx); err != nil {
		if Trace != nil {
			fmt.Fprintf(Trace, "h%d %s by %s: %v\n", ctx.BlockHeight(), sdk.MsgTypeURL(msg), acc.Address, err)
		}
		return simtypes.NewOperationMsg(msg, false, trim(err.Error())), nil, nil
	}
	return simtypes.NewOperationMsg(msg, true, ""), nil, nil
}

// route is the module of a message, for no-op reports.
func route(msg sdk.Msg) string { return sdk.GetModuleNameFromTypeURL(sdk.MsgTypeURL(msg)) }

// trim keeps refusal comments short in the operation log.
func trim(s string) string {
	if len(s) > 160 {
		return s[:160]
	}
	return s
}
