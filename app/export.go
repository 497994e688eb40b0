package app

import (
	"encoding/json"
	"fmt"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// ExportAppStateAndValidators exports the whole state at the last height and
// the active validator set. Polity has no staking to reset, but for a
// zero-height export every stored height is rebased (export_rebase.go) so
// that the restarted chain compares heights as the old one did; times are
// absolute and kept (docs/decisions.md).
func (app *App) ExportAppStateAndValidators(forZeroHeight bool, _, modulesToExport []string) (servertypes.ExportedApp, error) {
	ctx := app.NewContextLegacy(true, cmtproto.Header{Height: app.LastBlockHeight()})
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
	}
	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	if forZeroHeight {
		if err := app.rebaseHeights(genState, app.LastBlockHeight()); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	var validators []cmttypes.GenesisValidator
	iter, err := app.CommunityKeeper.Validators.Iterate(ctx, nil)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	all, err := iter.Values()
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	for _, v := range all {
		if v.Status != communitytypes.ValidatorActive {
			continue
		}
		pk, err := app.CommunityKeeper.ConsPubKey(v)
		if err != nil {
			return servertypes.ExportedApp{}, err
		}
		cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
		if err != nil {
			return servertypes.ExportedApp{}, fmt.Errorf("validator %s: %w", v.Moniker, err)
		}
		validators = append(validators, cmttypes.GenesisValidator{
			Address: cmtPk.Address(), PubKey: cmtPk, Power: v.Power, Name: v.Moniker,
		})
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}
