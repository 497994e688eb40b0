// Package keeper holds x/empowered's state and rules: the Empowered
// Community's petitions, forums and decisions, its approval actions, and the
// effects of its powers.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/event"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// Keeper owns the x/empowered store.
type Keeper struct {
	cdc          codec.Codec
	addressCodec address.Codec
	events       event.Service
	router       baseapp.MessageRouter
	logger       log.Logger
	// authority is the Empowered Community's address: the signer of its
	// effects (vetoes, approvals, recalls, community reviews).
	authority string
	// governance is the ratification address (params, inspection answers).
	governance string
	community  types.CommunityKeeper
	proposals  types.ProposalsKeeper

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	Actions  *collections.IndexedMap[uint64, types.Action, ActionIndexes]
	ActionID collections.Sequence
	// ActionQueue holds each open action's stage deadline.
	ActionQueue     collections.KeySet[collutil.QueueKey]
	Statements      collections.Map[collections.Pair[uint64, uint64], types.Statement]
	StatementID     collections.Sequence
	Decisions       collections.Map[collections.Pair[uint64, string], types.Decision]
	Inspections     collections.Map[uint64, types.Inspection]
	InspectionID    collections.Sequence
	InspectionQueue collections.KeySet[collutil.QueueKey]
}

// ActionIndexes support the stage filter and finding a proposal's actions.
type ActionIndexes struct {
	Stage    *collutil.Multi[int32, uint64, types.Action]
	Proposal *collutil.Multi[uint64, uint64, types.Action]
}

// IndexesList implements collections.Indexes.
func (i ActionIndexes) IndexesList() []collections.Index[uint64, types.Action] {
	return []collections.Index[uint64, types.Action]{i.Stage, i.Proposal}
}

// Authorities are the addresses x/empowered acts as or accepts decisions
// from, handed in by the app (app.Authorities.ForEmpowered).
type Authorities struct {
	// Empowered is the Empowered Community's address: the signer of its
	// effects (vetoes, approvals, recalls, community reviews).
	Empowered string
	// Governance is the ratification address (params, inspection answers).
	Governance string
}

// NewKeeper builds the keeper; every authority must be a valid address.
func NewKeeper(
	cdc codec.Codec, storeService store.KVStoreService, events event.Service, router baseapp.MessageRouter,
	addressCodec address.Codec, auth Authorities, community types.CommunityKeeper, proposals types.ProposalsKeeper,
	logger log.Logger,
) *Keeper {
	for _, a := range []string{auth.Empowered, auth.Governance} {
		if _, err := addressCodec.StringToBytes(a); err != nil {
			panic(fmt.Errorf("invalid x/empowered authority %q: %w", a, err))
		}
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, events: events, router: router, authority: auth.Empowered, governance: auth.Governance,
		community: community, proposals: proposals, logger: logger.With("module", "x/"+types.ModuleName),

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Actions: collections.NewIndexedMap(sb, types.ActionsKey, "actions", collections.Uint64Key, codec.CollValue[types.Action](cdc), ActionIndexes{
			Stage: collutil.NewMulti(sb, types.ActionsStageKey, "actions_by_stage", collections.Int32Key, collections.Uint64Key,
				func(_ uint64, a types.Action) (int32, error) { return int32(a.Stage), nil }),
			Proposal: collutil.NewMulti(sb, types.ActionsProposalKey, "actions_by_proposal", collections.Uint64Key, collections.Uint64Key,
				func(_ uint64, a types.Action) (uint64, error) { return a.ProposalId, nil }),
		}),
		ActionID:    collections.NewSequence(sb, types.ActionIDKey, "action_id"),
		ActionQueue: collections.NewKeySet(sb, types.ActionQueueKey, "action_queue", collutil.QueueKeyCodec),
		Statements: collections.NewMap(sb, types.StatementsKey, "statements",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Statement](cdc)),
		StatementID: collections.NewSequence(sb, types.StatementIDKey, "statement_id"),
		Decisions: collections.NewMap(sb, types.DecisionsKey, "decisions",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), codec.CollValue[types.Decision](cdc)),
		Inspections:     collections.NewMap(sb, types.InspectionsKey, "inspections", collections.Uint64Key, codec.CollValue[types.Inspection](cdc)),
		InspectionID:    collections.NewSequence(sb, types.InspectionIDKey, "inspection_id"),
		InspectionQueue: collections.NewKeySet(sb, types.InspectionQueueKey, "inspection_queue", collutil.QueueKeyCodec),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Logger returns the module logger.
func (k *Keeper) Logger() log.Logger { return k.logger }
