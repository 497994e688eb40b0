package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the x/community module.
	ModuleName = "community"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
	// BoardBodyID is the reserved id of the Board of Directors' body.
	BoardBodyID = "board"
	// EmpoweredBodyID is the reserved id of the Empowered Community, whose
	// address signs its decisions (x/empowered).
	EmpoweredBodyID = "empowered"
)

// Store prefixes. They are part of the consensus state: never renumber them.
var (
	ParamsKey = collections.NewPrefix(0)

	CommunitiesKey        = collections.NewPrefix(1)
	CommunitiesKindKey    = collections.NewPrefix(2)
	CommunitiesParentKey  = collections.NewPrefix(3)
	BodiesKey             = collections.NewPrefix(4)
	BodiesKindKey         = collections.NewPrefix(5)
	BodyStatsKey          = collections.NewPrefix(6)
	MembersKey            = collections.NewPrefix(7)
	MembersRegionKey      = collections.NewPrefix(8)
	MembersStakeholderKey = collections.NewPrefix(9)
	MembershipsKey        = collections.NewPrefix(10)
	MembershipsByAddrKey  = collections.NewPrefix(11)
	RoleHoldersKey        = collections.NewPrefix(12)
	RepresentingKey       = collections.NewPrefix(13)

	SeatsKey          = collections.NewPrefix(14)
	SeatsCommunityKey = collections.NewPrefix(15)
	SeatIDKey         = collections.NewPrefix(16)
	SeatHoldersKey    = collections.NewPrefix(17)
	SeatExpiryKey     = collections.NewPrefix(18)
	DirectorsKey      = collections.NewPrefix(19)
	RegionCountsKey   = collections.NewPrefix(20)
	VotingSeatsKey    = collections.NewPrefix(34)
	BoardChairKey     = collections.NewPrefix(36)

	ValidatorsKey          = collections.NewPrefix(21)
	ValidatorsCommunityKey = collections.NewPrefix(22)
	ValidatorsOperatorKey  = collections.NewPrefix(23)
	CommunityPowerKey      = collections.NewPrefix(24)
	TotalPowerKey          = collections.NewPrefix(25)
	PendingValidatorKey    = collections.NewPrefix(26)
	CometPowerKey          = collections.NewPrefix(35)
	// TreePowerKey holds the active power of each top-level community
	// together with all its sub-communities (derived, never exported).
	TreePowerKey = collections.NewPrefix(38)

	MotionsKey           = collections.NewPrefix(27)
	MotionsBodyKey       = collections.NewPrefix(28)
	MotionsBodyStatusKey = collections.NewPrefix(29)
	MotionsStatusKey     = collections.NewPrefix(30)
	MotionIDKey          = collections.NewPrefix(31)
	MotionQueueKey       = collections.NewPrefix(32)
	VotesKey             = collections.NewPrefix(33)
	// ExecutingMotionKey is the motion whose messages are running (never
	// left set: it lives only inside the execution's cache context).
	ExecutingMotionKey = collections.NewPrefix(37)
	// ExecutionQueueKey holds the ids of passed motions (QUEUED) whose
	// messages EndBlock has yet to run, in id order.
	ExecutionQueueKey = collections.NewPrefix(39)
	// LivenessKey holds each validator's signing record, by consensus address.
	LivenessKey = collections.NewPrefix(40)
	// MisbehavioursKey holds CometBFT's evidence, by (consensus address, evidence height).
	MisbehavioursKey = collections.NewPrefix(41)
	// SuspendedPowerKey is the power of SUSPENDED validators: counted in the
	// power counters, absent from CometBFT's set (derived at InitGenesis).
	SuspendedPowerKey = collections.NewPrefix(42)
	// MembershipCountKey holds how many communities each address is a member
	// of (derived from memberships at InitGenesis), so that the standing
	// check of every transaction is one point read instead of an index scan.
	MembershipCountKey = collections.NewPrefix(43)
	// AppointeesKey indexes (appointer, target community, address) for the
	// members one community appointed into another (derived from
	// memberships' appointed_by at InitGenesis), so the allowance's cap is
	// checked without a scan of the target's members.
	AppointeesKey = collections.NewPrefix(44)
	// SettledMotionsKey holds the ids of motions still VOTING whose outcome a
	// vote in this block made certain; EndBlock decides them, so that every
	// vote of the block that settled a motion counts. Derived at InitGenesis.
	SettledMotionsKey = collections.NewPrefix(60)
	// MotionTalliesKey holds each motion's tallies (MotionTally), kept apart
	// from the motion so that a vote rewrites only them.
	MotionTalliesKey = collections.NewPrefix(61)
)
