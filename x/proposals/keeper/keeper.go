// Package keeper holds x/proposals' state and rules: the bottom-up proposal
// pipeline (public comment, Board vote, Empowered Community phase,
// ratification), advice and its answers, and the registry of bylaws, policies
// and budgets.
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
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Authorities are the addresses whose decisions x/proposals accepts, handed
// in by the app (app.Authorities.ForProposals); the module derives none of
// them.
type Authorities struct {
	// Governance is the ratification address: x/proposals' own module
	// account, signer of every message a ratified proposal executes.
	Governance string
	// Empowered is the Empowered Community's body address (vetoes, approvals).
	Empowered string
	// Review is the independent review address (stays, annulments).
	Review string
	// Board is the Board's body address: a Board motion submits for the Board.
	Board string
}

// Keeper owns the x/proposals store.
type Keeper struct {
	cdc          codec.Codec
	addressCodec address.Codec
	events       event.Service
	router       baseapp.MessageRouter
	logger       log.Logger
	auth         Authorities
	community    types.CommunityKeeper
	hooks        types.EmpoweredHooks

	Schema     collections.Schema
	Params     collections.Item[types.Params]
	Proposals  *collections.IndexedMap[uint64, types.Proposal, ProposalIndexes]
	ProposalID collections.Sequence
	// PhaseQueue holds each open proposal's current deadline.
	PhaseQueue collections.KeySet[collutil.QueueKey]
	Votes      collections.Map[collections.Pair[uint64, sdk.AccAddress], types.BoardVote]
	Comments   collections.Map[collections.Pair[uint64, uint64], types.Comment]
	CommentID  collections.Sequence
	Advice     *collections.IndexedMap[uint64, types.Advice, AdviceIndexes]
	AdviceID   collections.Sequence
	// AdviceQueue holds the response deadline of unanswered advice.
	AdviceQueue collections.KeySet[collutil.QueueKey]
	// Documents are every registered version: ((kind, scope), version).
	Documents collections.Map[collections.Pair[DocKey, uint64], types.DocumentVersion]
	// CurrentDocument is the version in force per (kind, scope).
	CurrentDocument collections.Map[DocKey, uint64]
	// Executing is the id of the proposal whose messages are running, so that
	// a message such as MsgRespondToAdvice can record which resolution made it.
	Executing collections.Item[uint64]
	// Holds are the holds in force, one per (proposal, source).
	Holds collections.Map[collections.Pair[uint64, string], types.Hold]
	// CoolingOff keeps the messages of vetoed and returned proposals, by hash.
	CoolingOff collections.Map[[]byte, types.CoolingOff]
	// ExecutionQueue holds the ids of QUEUED proposals: approved, unheld,
	// their messages to run in EndBlock, in id order.
	ExecutionQueue collections.KeySet[uint64]
	// SettledBoardVotes holds proposals still in their Board vote whose
	// outcome no remaining vote can change; EndBlock concludes them
	// (settled.go).
	SettledBoardVotes collections.KeySet[uint64]
	// BoardTallies hold the proposals' Board tallies, which Board votes
	// change; a stored proposal carries none (board_tally.go).
	BoardTallies collections.Map[uint64, types.BoardTallyRecord]
	// AdvisedProposals holds the proposals that advice was ever linked to
	// (advice.go): LinkedAdvice looks here before it scans the index.
	AdvisedProposals collections.KeySet[uint64]
	// ReleasedHolds keep every released hold: (proposal, sequence from 1).
	ReleasedHolds collections.Map[collections.Pair[uint64, uint64], types.ReleasedHold]
	// DocumentTexts are the full texts proposals carried with their
	// documents, by proposal id (kept apart from the proposal record, which
	// every vote and deadline reads).
	DocumentTexts collections.Map[uint64, string]
}

// DocKey names a registered document: (kind, scope).
type DocKey = collections.Pair[int32, string]

var docKeyCodec = collections.PairKeyCodec(collections.Int32Key, collections.StringKey)

// ProposalIndexes support the status, kind and originator filters.
type ProposalIndexes struct {
	Status     *collutil.Multi[int32, uint64, types.Proposal]
	Kind       *collutil.Multi[int32, uint64, types.Proposal]
	Originator *collutil.Multi[string, uint64, types.Proposal]
}

// IndexesList implements collections.Indexes.
func (i ProposalIndexes) IndexesList() []collections.Index[uint64, types.Proposal] {
	return []collections.Index[uint64, types.Proposal]{i.Status, i.Kind, i.Originator}
}

// AdviceIndexes support the status, community and proposal filters.
type AdviceIndexes struct {
	Status    *collutil.Multi[int32, uint64, types.Advice]
	Community *collutil.Multi[string, uint64, types.Advice]
	Proposal  *collutil.Multi[uint64, uint64, types.Advice]
}

// IndexesList implements collections.Indexes.
func (i AdviceIndexes) IndexesList() []collections.Index[uint64, types.Advice] {
	return []collections.Index[uint64, types.Advice]{i.Status, i.Community, i.Proposal}
}

// NewKeeper builds the keeper; every authority must be a valid address.
func NewKeeper(
	cdc codec.Codec,
	storeService store.KVStoreService,
	events event.Service,
	router baseapp.MessageRouter,
	addressCodec address.Codec,
	auth Authorities,
	community types.CommunityKeeper,
	logger log.Logger,
) *Keeper {
	for _, a := range []string{auth.Governance, auth.Empowered, auth.Review, auth.Board} {
		if _, err := addressCodec.StringToBytes(a); err != nil {
			panic(fmt.Errorf("invalid x/proposals authority %q: %w", a, err))
		}
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, events: events, router: router, auth: auth, community: community,
		logger: logger.With("module", "x/"+types.ModuleName),

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Proposals: collections.NewIndexedMap(sb, types.ProposalsKey, "proposals", collections.Uint64Key,
			codec.CollValue[types.Proposal](cdc), ProposalIndexes{
				Status: collutil.NewMulti(sb, types.ProposalsStatusKey, "proposals_by_status", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, p types.Proposal) (int32, error) { return int32(p.Status), nil }),
				Kind: collutil.NewMulti(sb, types.ProposalsKindKey, "proposals_by_kind", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, p types.Proposal) (int32, error) { return int32(p.Kind), nil }),
				Originator: collutil.NewMulti(sb, types.ProposalsOriginatorKey, "proposals_by_originator", collections.StringKey, collections.Uint64Key,
					func(_ uint64, p types.Proposal) (string, error) { return p.Originator, nil }),
			}),
		ProposalID: collections.NewSequence(sb, types.ProposalIDKey, "proposal_id"),
		PhaseQueue: collections.NewKeySet(sb, types.PhaseQueueKey, "phase_queue", collutil.QueueKeyCodec),
		Votes: collections.NewMap(sb, types.VotesKey, "votes",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), codec.CollValue[types.BoardVote](cdc)),
		Comments: collections.NewMap(sb, types.CommentsKey, "comments",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Comment](cdc)),
		CommentID: collections.NewSequence(sb, types.CommentIDKey, "comment_id"),
		Advice: collections.NewIndexedMap(sb, types.AdviceKey, "advice", collections.Uint64Key,
			codec.CollValue[types.Advice](cdc), AdviceIndexes{
				Status: collutil.NewMulti(sb, types.AdviceStatusKey, "advice_by_status", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, a types.Advice) (int32, error) { return int32(a.Status), nil }),
				Community: collutil.NewMulti(sb, types.AdviceCommunityKey, "advice_by_community", collections.StringKey, collections.Uint64Key,
					func(_ uint64, a types.Advice) (string, error) { return a.CommunityId, nil }),
				Proposal: collutil.NewMulti(sb, types.AdviceProposalKey, "advice_by_proposal", collections.Uint64Key, collections.Uint64Key,
					func(_ uint64, a types.Advice) (uint64, error) { return a.ProposalId, nil }),
			}),
		AdviceID:    collections.NewSequence(sb, types.AdviceIDKey, "advice_id"),
		AdviceQueue: collections.NewKeySet(sb, types.AdviceQueueKey, "advice_queue", collutil.QueueKeyCodec),
		Documents: collections.NewMap(sb, types.DocumentsKey, "documents",
			collections.PairKeyCodec(docKeyCodec, collections.Uint64Key), codec.CollValue[types.DocumentVersion](cdc)),
		CurrentDocument: collections.NewMap(sb, types.CurrentDocumentKey, "current_document", docKeyCodec, collections.Uint64Value),
		Executing:       collections.NewItem(sb, types.ExecutingKey, "executing", collections.Uint64Value),
		Holds: collections.NewMap(sb, types.HoldsKey, "holds",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), codec.CollValue[types.Hold](cdc)),
		CoolingOff:        collections.NewMap(sb, types.CoolingOffKey, "cooling_off", collections.BytesKey, codec.CollValue[types.CoolingOff](cdc)),
		ExecutionQueue:    collections.NewKeySet(sb, types.ExecutionQueueKey, "execution_queue", collections.Uint64Key),
		SettledBoardVotes: collections.NewKeySet(sb, types.SettledBoardVotesKey, "settled_board_votes", collections.Uint64Key),
		BoardTallies:      collections.NewMap(sb, types.BoardTalliesKey, "board_tallies", collections.Uint64Key, codec.CollValue[types.BoardTallyRecord](cdc)),
		AdvisedProposals:  collections.NewKeySet(sb, types.AdvisedProposalsKey, "advised_proposals", collections.Uint64Key),
		ReleasedHolds: collections.NewMap(sb, types.ReleasedHoldsKey, "released_holds",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.ReleasedHold](cdc)),
		DocumentTexts: collections.NewMap(sb, types.DocumentTextsKey, "document_texts", collections.Uint64Key, collections.StringValue),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authorities returns the addresses the module accepts decisions from.
func (k *Keeper) Authorities() Authorities { return k.auth }

// Logger returns the module logger.
func (k *Keeper) Logger() log.Logger { return k.logger }
