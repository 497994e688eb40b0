package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the x/review module; its module account holds
	// IRP deposits and is the review authority that stays and returns proposals.
	ModuleName = "review"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
)

// Store prefixes. Never renumber them.
var (
	ParamsKey       = collections.NewPrefix(0)
	PartiesKey      = collections.NewPrefix(1)
	PanelistsKey    = collections.NewPrefix(2)
	IRPsKey         = collections.NewPrefix(3)
	IRPsStatusKey   = collections.NewPrefix(4)
	IRPsClaimantKey = collections.NewPrefix(5)
	IRPIDKey        = collections.NewPrefix(6)
	DeclarationsKey = collections.NewPrefix(7)
	SeedQueueKey    = collections.NewPrefix(8)
	PickQueueKey    = collections.NewPrefix(9)
	BoardQueueKey   = collections.NewPrefix(10)

	ReconsiderationsKey       = collections.NewPrefix(11)
	ReconsiderationsStatusKey = collections.NewPrefix(12)
	ReconsiderationIDKey      = collections.NewPrefix(13)
	ReconsiderationQueueKey   = collections.NewPrefix(14)
	OmbudsmanKey              = collections.NewPrefix(15)
	ComplaintsKey             = collections.NewPrefix(16)
	ComplaintsStatusKey       = collections.NewPrefix(17)
	ComplaintIDKey            = collections.NewPrefix(18)
	ComplaintQueueKey         = collections.NewPrefix(19)

	ReviewsKey             = collections.NewPrefix(20)
	ReviewsStatusKey       = collections.NewPrefix(21)
	ReviewIDKey            = collections.NewPrefix(22)
	ReviewQueueKey         = collections.NewPrefix(23)
	RecommendationsKey     = collections.NewPrefix(24)
	RecommendationQueueKey = collections.NewPrefix(25)
	ScheduleKey            = collections.NewPrefix(26)
	CursorKey              = collections.NewPrefix(27)

	EmergenciesKey       = collections.NewPrefix(28)
	EmergenciesStatusKey = collections.NewPrefix(29)
	EmergencyIDKey       = collections.NewPrefix(30)
	ConsultationQueueKey = collections.NewPrefix(31)
	ExpiryQueueKey       = collections.NewPrefix(32)
	PausedKey            = collections.NewPrefix(33)
	// LastEmergencyKey holds the latest action per (kind, target), for the cooldown.
	LastEmergencyKey = collections.NewPrefix(34)

	// Indexes by proposal, so that a proposal's story (x/history) reads only
	// its own cases.
	IRPsProposalKey             = collections.NewPrefix(35)
	IRPsBoardActionKey          = collections.NewPrefix(36)
	ReconsiderationsProposalKey = collections.NewPrefix(37)
	EmergenciesTargetKey        = collections.NewPrefix(38)

	// Per-community organisational reviews: the due time of each community's
	// next review, the same as a time-ordered queue, and the enrolment cursor.
	CommunityReviewsKey      = collections.NewPrefix(39)
	CommunityReviewQueueKey  = collections.NewPrefix(40)
	CommunityReviewCursorKey = collections.NewPrefix(41)
)
