// Package keeper holds x/review's state and rules: independent review of Board
// decisions, reconsideration requests, the ombudsman, periodic reviews and
// emergency actions.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/event"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// Authorities are the addresses x/review acts as or accepts decisions from,
// handed in by the app (app.Authorities.ForReview); the module derives none
// of them.
type Authorities struct {
	// Governance is the ratification address: Board resolutions.
	Governance string
	// Review is x/review's own module account, holder of the deposits and
	// signer of the stays and annulments it sends to x/proposals.
	Review string
	// Empowered is the Empowered Community's address (community IRPs).
	Empowered string
	// Board is the Board's body address: a Board motion chooses the
	// respondent's panelist.
	Board string
	// Secretariat is the body address of the community whose motions
	// register external parties.
	Secretariat string
}

// Keeper owns the x/review store.
type Keeper struct {
	cdc          codec.Codec
	addressCodec address.Codec
	events       event.Service
	router       baseapp.MessageRouter
	logger       log.Logger
	auth         Authorities
	community    types.CommunityKeeper
	proposals    types.ProposalsKeeper
	bank         types.BankKeeper
	hooks        types.EmpoweredHooks

	Schema    collections.Schema
	Params    collections.Item[types.Params]
	Parties   collections.Map[sdk.AccAddress, types.Party]
	Panelists collections.Map[sdk.AccAddress, types.Panelist]

	IRPs         *collections.IndexedMap[uint64, types.IRP, IRPIndexes]
	IRPID        collections.Sequence
	Declarations collections.Map[collections.Pair[uint64, sdk.AccAddress], types.PanelDeclaration]
	// SeedQueue holds (seed height, case): the draw's block hash is recorded there.
	SeedQueue collections.KeySet[collections.Pair[int64, uint64]]
	// PickQueue holds each forming panel's pick deadline.
	PickQueue collections.KeySet[collutil.QueueKey]
	// BoardQueue holds each upheld case's Board deadline.
	BoardQueue collections.KeySet[collutil.QueueKey]

	Reconsiderations     *collections.IndexedMap[uint64, types.Reconsideration, ReconsiderationIndexes]
	ReconsiderationID    collections.Sequence
	ReconsiderationQueue collections.KeySet[collutil.QueueKey]
	Ombudsman            collections.Item[types.Ombudsman]
	Complaints           *collections.IndexedMap[uint64, types.Complaint, StatusIndex[types.Complaint]]
	ComplaintID          collections.Sequence
	ComplaintQueue       collections.KeySet[collutil.QueueKey]

	Reviews         *collections.IndexedMap[uint64, types.Review, StatusIndex[types.Review]]
	ReviewID        collections.Sequence
	ReviewQueue     collections.KeySet[collutil.QueueKey]
	Recommendations collections.Map[collections.Pair[uint64, uint32], types.Recommendation]
	// RecommendationQueue ids pack (review, index) as review<<16 | index.
	RecommendationQueue collections.KeySet[collutil.QueueKey]
	// Schedule is when each periodic review type next opens (unix seconds).
	Schedule collections.Map[int32, int64]
	// Cursor is the last community given an organisational review.
	Cursor collections.Item[string]
	// CommunityReviews is when each community's next organisational review
	// opens (unix seconds), for a per-community cycle; CommunityReviewQueue
	// holds the same entries in time order, and CommunityReviewCursor is the
	// last community checked for an entry (one a block).
	CommunityReviews      collections.Map[string, int64]
	CommunityReviewQueue  collections.KeySet[collections.Pair[int64, string]]
	CommunityReviewCursor collections.Item[string]

	Emergencies       *collections.IndexedMap[uint64, types.Emergency, EmergencyIndexes]
	EmergencyID       collections.Sequence
	ConsultationQueue collections.KeySet[collutil.QueueKey]
	ExpiryQueue       collections.KeySet[collutil.QueueKey]
	// Paused counts the emergency actions in force pausing each message type.
	Paused collections.Map[string, uint64]
	// LastEmergency is the latest action taken per (kind, target): a measure
	// is not re-taken on its target while in force or within the cooldown.
	LastEmergency collections.Map[collections.Pair[int32, string], uint64]
}

// IRPIndexes support the status and claimant filters, and finding the cases
// against a proposal or answered by one (Proposal, BoardAction; 0 is none).
type IRPIndexes struct {
	Status      *collutil.Multi[int32, uint64, types.IRP]
	Claimant    *collutil.Multi[string, uint64, types.IRP]
	Proposal    *collutil.Multi[uint64, uint64, types.IRP]
	BoardAction *collutil.Multi[uint64, uint64, types.IRP]
}

// IndexesList implements collections.Indexes.
func (i IRPIndexes) IndexesList() []collections.Index[uint64, types.IRP] {
	return []collections.Index[uint64, types.IRP]{i.Status, i.Claimant, i.Proposal, i.BoardAction}
}

// ReconsiderationIndexes support the status filter and finding the requests
// about a proposal.
type ReconsiderationIndexes struct {
	Status   *collutil.Multi[int32, uint64, types.Reconsideration]
	Proposal *collutil.Multi[uint64, uint64, types.Reconsideration]
}

// IndexesList implements collections.Indexes.
func (i ReconsiderationIndexes) IndexesList() []collections.Index[uint64, types.Reconsideration] {
	return []collections.Index[uint64, types.Reconsideration]{i.Status, i.Proposal}
}

// EmergencyIndexes support the status filter and finding the measures taken
// on a target (a proposal id, an address, a message type).
type EmergencyIndexes struct {
	Status *collutil.Multi[int32, uint64, types.Emergency]
	Target *collutil.Multi[string, uint64, types.Emergency]
}

// IndexesList implements collections.Indexes.
func (i EmergencyIndexes) IndexesList() []collections.Index[uint64, types.Emergency] {
	return []collections.Index[uint64, types.Emergency]{i.Status, i.Target}
}

// StatusIndex indexes a record type by its status.
type StatusIndex[V any] struct {
	Status *collutil.Multi[int32, uint64, V]
}

// IndexesList implements collections.Indexes.
func (i StatusIndex[V]) IndexesList() []collections.Index[uint64, V] {
	return []collections.Index[uint64, V]{i.Status}
}

// statusIndexed builds an id-keyed map of records indexed by their status.
func statusIndexed[V any](sb *collections.SchemaBuilder, key, idxKey collections.Prefix, name string,
	status func(V) int32, valueCodec collcodec.ValueCodec[V],
) *collections.IndexedMap[uint64, V, StatusIndex[V]] {
	return collections.NewIndexedMap(sb, key, name, collections.Uint64Key, valueCodec, StatusIndex[V]{
		Status: collutil.NewMulti(sb, idxKey, name+"_by_status", collections.Int32Key, collections.Uint64Key,
			func(_ uint64, v V) (int32, error) { return status(v), nil }),
	})
}

// NewKeeper builds the keeper; every authority must be valid.
func NewKeeper(
	cdc codec.Codec, storeService store.KVStoreService, events event.Service, router baseapp.MessageRouter,
	addressCodec address.Codec, auth Authorities, community types.CommunityKeeper, proposals types.ProposalsKeeper,
	bank types.BankKeeper, logger log.Logger,
) *Keeper {
	for _, a := range []string{auth.Governance, auth.Review, auth.Empowered, auth.Board, auth.Secretariat} {
		if _, err := addressCodec.StringToBytes(a); err != nil {
			panic(fmt.Errorf("invalid x/review authority %q: %w", a, err))
		}
	}
	sb := collections.NewSchemaBuilder(storeService)
	accKey := sdk.AccAddressKey
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, events: events, router: router, auth: auth,
		community: community, proposals: proposals, bank: bank, logger: logger.With("module", "x/"+types.ModuleName),

		Params:    collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Parties:   collections.NewMap(sb, types.PartiesKey, "parties", accKey, codec.CollValue[types.Party](cdc)),
		Panelists: collections.NewMap(sb, types.PanelistsKey, "panelists", accKey, codec.CollValue[types.Panelist](cdc)),
		IRPs: collections.NewIndexedMap(sb, types.IRPsKey, "irps", collections.Uint64Key, codec.CollValue[types.IRP](cdc), IRPIndexes{
			Status: collutil.NewMulti(sb, types.IRPsStatusKey, "irps_by_status", collections.Int32Key, collections.Uint64Key,
				func(_ uint64, c types.IRP) (int32, error) { return int32(c.Status), nil }),
			Claimant: collutil.NewMulti(sb, types.IRPsClaimantKey, "irps_by_claimant", collections.StringKey, collections.Uint64Key,
				func(_ uint64, c types.IRP) (string, error) { return c.Claimant, nil }),
			Proposal: collutil.NewMulti(sb, types.IRPsProposalKey, "irps_by_proposal", collections.Uint64Key, collections.Uint64Key,
				func(_ uint64, c types.IRP) (uint64, error) { return c.ProposalId, nil }),
			BoardAction: collutil.NewMulti(sb, types.IRPsBoardActionKey, "irps_by_board_action", collections.Uint64Key, collections.Uint64Key,
				func(_ uint64, c types.IRP) (uint64, error) { return c.BoardActionProposal, nil }),
		}),
		IRPID: collections.NewSequence(sb, types.IRPIDKey, "irp_id"),
		Declarations: collections.NewMap(sb, types.DeclarationsKey, "declarations",
			collections.PairKeyCodec(collections.Uint64Key, accKey), codec.CollValue[types.PanelDeclaration](cdc)),
		SeedQueue: collections.NewKeySet(sb, types.SeedQueueKey, "seed_queue",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
		PickQueue:  collections.NewKeySet(sb, types.PickQueueKey, "pick_queue", collutil.QueueKeyCodec),
		BoardQueue: collections.NewKeySet(sb, types.BoardQueueKey, "board_queue", collutil.QueueKeyCodec),

		Reconsiderations: collections.NewIndexedMap(sb, types.ReconsiderationsKey, "reconsiderations", collections.Uint64Key,
			codec.CollValue[types.Reconsideration](cdc), ReconsiderationIndexes{
				Status: collutil.NewMulti(sb, types.ReconsiderationsStatusKey, "reconsiderations_by_status", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, r types.Reconsideration) (int32, error) { return int32(r.Status), nil }),
				Proposal: collutil.NewMulti(sb, types.ReconsiderationsProposalKey, "reconsiderations_by_proposal", collections.Uint64Key, collections.Uint64Key,
					func(_ uint64, r types.Reconsideration) (uint64, error) { return r.ProposalId, nil }),
			}),
		ReconsiderationID:    collections.NewSequence(sb, types.ReconsiderationIDKey, "reconsideration_id"),
		ReconsiderationQueue: collections.NewKeySet(sb, types.ReconsiderationQueueKey, "reconsideration_queue", collutil.QueueKeyCodec),
		Ombudsman:            collections.NewItem(sb, types.OmbudsmanKey, "ombudsman", codec.CollValue[types.Ombudsman](cdc)),
		Complaints: statusIndexed(sb, types.ComplaintsKey, types.ComplaintsStatusKey, "complaints",
			func(c types.Complaint) int32 { return int32(c.Status) }, codec.CollValue[types.Complaint](cdc)),
		ComplaintID:    collections.NewSequence(sb, types.ComplaintIDKey, "complaint_id"),
		ComplaintQueue: collections.NewKeySet(sb, types.ComplaintQueueKey, "complaint_queue", collutil.QueueKeyCodec),

		Reviews: statusIndexed(sb, types.ReviewsKey, types.ReviewsStatusKey, "reviews",
			func(r types.Review) int32 { return int32(r.Status) }, codec.CollValue[types.Review](cdc)),
		ReviewID:    collections.NewSequence(sb, types.ReviewIDKey, "review_id"),
		ReviewQueue: collections.NewKeySet(sb, types.ReviewQueueKey, "review_queue", collutil.QueueKeyCodec),
		Recommendations: collections.NewMap(sb, types.RecommendationsKey, "recommendations",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint32Key), codec.CollValue[types.Recommendation](cdc)),
		RecommendationQueue: collections.NewKeySet(sb, types.RecommendationQueueKey, "recommendation_queue", collutil.QueueKeyCodec),
		Schedule:            collections.NewMap(sb, types.ScheduleKey, "schedule", collections.Int32Key, collections.Int64Value),
		Cursor:              collections.NewItem(sb, types.CursorKey, "cursor", collections.StringValue),
		CommunityReviews:    collections.NewMap(sb, types.CommunityReviewsKey, "community_reviews", collections.StringKey, collections.Int64Value),
		CommunityReviewQueue: collections.NewKeySet(sb, types.CommunityReviewQueueKey, "community_review_queue",
			collections.PairKeyCodec(collections.Int64Key, collections.StringKey)),
		CommunityReviewCursor: collections.NewItem(sb, types.CommunityReviewCursorKey, "community_review_cursor", collections.StringValue),

		Emergencies: collections.NewIndexedMap(sb, types.EmergenciesKey, "emergencies", collections.Uint64Key,
			codec.CollValue[types.Emergency](cdc), EmergencyIndexes{
				Status: collutil.NewMulti(sb, types.EmergenciesStatusKey, "emergencies_by_status", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, e types.Emergency) (int32, error) { return int32(e.Status), nil }),
				Target: collutil.NewMulti(sb, types.EmergenciesTargetKey, "emergencies_by_target", collections.StringKey, collections.Uint64Key,
					func(_ uint64, e types.Emergency) (string, error) { return e.Target, nil }),
			}),
		EmergencyID:       collections.NewSequence(sb, types.EmergencyIDKey, "emergency_id"),
		ConsultationQueue: collections.NewKeySet(sb, types.ConsultationQueueKey, "consultation_queue", collutil.QueueKeyCodec),
		ExpiryQueue:       collections.NewKeySet(sb, types.ExpiryQueueKey, "expiry_queue", collutil.QueueKeyCodec),
		Paused:            collections.NewMap(sb, types.PausedKey, "paused", collections.StringKey, collections.Uint64Value),
		LastEmergency: collections.NewMap(sb, types.LastEmergencyKey, "last_emergency",
			collections.PairKeyCodec(collections.Int32Key, collections.StringKey), collections.Uint64Value),
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
