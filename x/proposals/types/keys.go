package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the x/proposals module. Its module account is
	// the governance (ratification) address: the signer of every message a
	// ratified proposal executes.
	ModuleName = "proposals"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
	// BoardOriginator is the originator id of Board proposals.
	BoardOriginator = "board"
)

// Store prefixes. Never renumber them.
var (
	ParamsKey = collections.NewPrefix(0)

	ProposalsKey           = collections.NewPrefix(1)
	ProposalsStatusKey     = collections.NewPrefix(2)
	ProposalsKindKey       = collections.NewPrefix(3)
	ProposalsOriginatorKey = collections.NewPrefix(4)
	ProposalIDKey          = collections.NewPrefix(5)
	PhaseQueueKey          = collections.NewPrefix(6)
	VotesKey               = collections.NewPrefix(7)
	CommentsKey            = collections.NewPrefix(8)
	CommentIDKey           = collections.NewPrefix(9)

	AdviceKey          = collections.NewPrefix(10)
	AdviceStatusKey    = collections.NewPrefix(11)
	AdviceCommunityKey = collections.NewPrefix(12)
	AdviceProposalKey  = collections.NewPrefix(13)
	AdviceIDKey        = collections.NewPrefix(14)
	AdviceQueueKey     = collections.NewPrefix(15)

	DocumentsKey       = collections.NewPrefix(16)
	CurrentDocumentKey = collections.NewPrefix(17)
	ExecutingKey       = collections.NewPrefix(18)

	// HoldsKey holds each source's hold on a proposal: (proposal id, source).
	HoldsKey = collections.NewPrefix(19)
	// CoolingOffKey holds the messages of vetoed and returned proposals, by hash.
	CoolingOffKey = collections.NewPrefix(20)
	// ExecutionQueueKey holds the ids of QUEUED proposals, run in id order in
	// EndBlock.
	ExecutionQueueKey = collections.NewPrefix(21)
	// ReleasedHoldsKey keeps the released holds: (proposal id, sequence).
	ReleasedHoldsKey = collections.NewPrefix(22)
	// DocumentTextsKey keeps the full texts proposals carried, by proposal id.
	DocumentTextsKey = collections.NewPrefix(23)
	// SettledBoardVotesKey holds proposals still in their Board vote whose
	// outcome a vote in this block made certain; EndBlock concludes them.
	// Derived at InitGenesis.
	SettledBoardVotesKey = collections.NewPrefix(60)
	// BoardTalliesKey holds each proposal's Board tally (BoardTallyRecord),
	// kept apart from the proposal so that a Board vote rewrites only it.
	BoardTalliesKey = collections.NewPrefix(61)
	// AdvisedProposalsKey holds the ids of proposals that advice was ever
	// linked to, so that a Board vote on any other proposal finds none with
	// one point read instead of an index scan. Derived from the advice at
	// InitGenesis and by the version 3 migration.
	AdvisedProposalsKey = collections.NewPrefix(62)
)
