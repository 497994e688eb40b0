package app

import (
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkante "github.com/cosmos/cosmos-sdk/x/auth/ante"

	"github.com/polity-chain/polity/app/ante"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// newAnteHandler is the SDK's default chain with Polity's permission check
// inserted right after the stateless checks: an outsider's transaction is
// refused before it is charged gas or fees, and before any message runs. In
// CheckTx, a vote certain to fail is refused next, before its signature is
// verified, so that it never takes block space. A signature CheckTx verified
// is not verified again in FinalizeBlock (ante.VerifiedSigs), and the
// decorators decode each signer's account once per transaction
// (ante.AccountMemoDecorator).
func (app *App) newAnteHandler() (sdk.AnteHandler, error) {
	opts := sdkante.HandlerOptions{
		AccountKeeper:   ante.MemoAccountKeeper{AccountKeeper: app.AccountKeeper},
		BankKeeper:      app.BankKeeper,
		SignModeHandler: app.txConfig.SignModeHandler(),
		SigGasConsumer:  sdkante.DefaultSigVerificationGasConsumer,
	}
	app.VerifiedSigs = ante.NewVerifiedSigs()
	if opts.SignModeHandler == nil {
		return nil, errors.New("sign mode handler is required")
	}
	return sdk.ChainAnteDecorators(
		ante.AccountMemoDecorator{},
		sdkante.NewSetUpContextDecorator(),
		sdkante.NewExtensionOptionsDecorator(opts.ExtensionOptionChecker),
		sdkante.NewValidateBasicDecorator(),
		sdkante.NewTxTimeoutHeightDecorator(),
		sdkante.NewValidateMemoDecorator(opts.AccountKeeper),
		ante.NewPermissionDecorator(app.CommunityKeeper, OpenDoorMessages(), app.CommunityKeeper, app.ReviewKeeper),
		ante.NewPauseDecorator(app.ReviewKeeper),
		ante.NewPrecheckDecorator(
			ante.PrecheckOf(app.CommunityKeeper.PrecheckVote),
			ante.PrecheckOf(app.ProposalsKeeper.PrecheckBoardVote),
		),
		sdkante.NewConsumeGasForTxSizeDecorator(opts.AccountKeeper),
		sdkante.NewDeductFeeDecorator(opts.AccountKeeper, opts.BankKeeper, opts.FeegrantKeeper, opts.TxFeeChecker),
		sdkante.NewSetPubKeyDecorator(opts.AccountKeeper),
		sdkante.NewValidateSigCountDecorator(opts.AccountKeeper),
		sdkante.NewSigGasConsumeDecorator(opts.AccountKeeper, opts.SigGasConsumer),
		ante.NewCachedSigVerificationDecorator(
			sdkante.NewSigVerificationDecorator(opts.AccountKeeper, opts.SignModeHandler, opts.SigVerifyOptions...),
			opts.AccountKeeper, app.VerifiedSigs),
		sdkante.NewIncrementSequenceDecorator(opts.AccountKeeper),
	), nil
}

// OpenDoorMessages lists the message types any account may send (with the
// open-door fee): public comments on proposals, review filings,
// reconsideration requests, complaints and Empowered Community forum
// statements. x/community marks none.
func OpenDoorMessages() []string {
	open := append([]string{sdk.MsgTypeURL(&proposalstypes.MsgComment{})}, reviewtypes.OpenDoorMessages()...)
	return append(open, empoweredtypes.OpenDoorMessages()...)
}
