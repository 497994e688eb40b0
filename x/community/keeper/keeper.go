// Package keeper holds x/community's state and rules: communities, members,
// bodies and their motions, the Board, and the community-run validator set.
package keeper

import (
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/event"
	"cosmossdk.io/core/store"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Authorities are the fixed addresses x/community accepts decisions from,
// handed in by the app (app.Authorities.ForCommunity); the module derives none
// of them. A body's own address (types.BodyAddress) is the body's identity,
// not an authority of the app.
type Authorities struct {
	// Governance is the ratification address: the only signer of parameter,
	// community-structure and decision-rule changes.
	Governance string
	// Empowered is the Empowered Community's address, which may vacate a
	// seat (a NomCom director's removal, a recall).
	Empowered string
	// Board is the Board's body address: only a Board motion elects the
	// Board chair.
	Board string
}

// Keeper owns the x/community store. Other modules reach it only through the
// narrow interfaces they declare.
type Keeper struct {
	cdc          codec.Codec
	addressCodec address.Codec
	consCodec    address.Codec
	events       event.Service
	router       baseapp.MessageRouter
	logger       log.Logger
	auth         Authorities

	Schema collections.Schema
	Params collections.Item[types.Params]

	Communities *collections.IndexedMap[string, types.Community, CommunityIndexes]
	Bodies      *collections.IndexedMap[string, types.Body, BodyIndexes]
	BodyStats   collections.Map[string, types.BodyStats]
	Members     *collections.IndexedMap[sdk.AccAddress, types.Member, MemberIndexes]
	Memberships *collections.IndexedMap[collections.Pair[string, sdk.AccAddress], types.Membership, MembershipIndexes]
	// MembershipCount is, per address, its number of memberships (absent at
	// zero); kept with Memberships by setMembership and removeMembership.
	MembershipCount collections.Map[sdk.AccAddress, uint64]
	// RoleHolders indexes (community, role, address) for role filters and limits.
	RoleHolders collections.KeySet[collections.Triple[string, int32, sdk.AccAddress]]
	// Representing maps an address to the one community it represents.
	Representing collections.Map[sdk.AccAddress, string]
	// Appointees indexes (appointer, target community, address) for the
	// members one community appointed into another; kept with Memberships by
	// addMembership and removeMembership.
	Appointees collections.KeySet[collections.Triple[string, string, sdk.AccAddress]]

	Seats        *collections.IndexedMap[uint64, types.BoardSeat, SeatIndexes]
	SeatID       collections.Sequence
	SeatHolders  collections.Map[sdk.AccAddress, uint64]
	SeatExpiry   collections.KeySet[collections.Pair[int64, uint64]]
	Directors    collections.Map[sdk.AccAddress, types.DirectorRecord]
	RegionCounts collections.Map[int32, uint32]
	// VotingSeats counts the voting seats not retired, so "the Board is full"
	// is a comparison with the Board's electorate rather than a scan.
	VotingSeats collections.Item[uint32]
	// BoardChair is the chair elected by the Board among its voting directors.
	BoardChair collections.Item[string]

	Validators     *collections.IndexedMap[[]byte, types.Validator, ValidatorIndexes]
	CommunityPower collections.Map[string, int64]
	// TreePower is the active power of each top-level community together with
	// its sub-communities: the unit the 1/3 cap binds, so a stakeholder group
	// cannot pass it by running validators through a child community.
	TreePower  collections.Map[string, int64]
	TotalPower collections.Item[int64]
	// PendingValidators are consensus addresses whose power changed this block;
	// EndBlock sends them to CometBFT and clears the set.
	PendingValidators collections.KeySet[[]byte]
	// CometPower is the power CometBFT was last told for each consensus address,
	// so EndBlock sends only real changes and never removes a validator CometBFT
	// does not know (which would halt the chain).
	CometPower collections.Map[[]byte, int64]
	// Liveness is each validator's signing record (missed blocks), by
	// consensus address.
	Liveness collections.Map[[]byte, types.Liveness]
	// Misbehaviours is CometBFT's evidence against validators, by
	// (consensus address, evidence height).
	Misbehaviours collections.Map[collections.Pair[[]byte, int64], types.Misbehaviour]
	// SuspendedPower is the power of SUSPENDED validators: still in the
	// power counters (the cap and shares), not in CometBFT's set.
	SuspendedPower collections.Item[int64]

	Motions     *collections.IndexedMap[uint64, types.Motion, MotionIndexes]
	MotionID    collections.Sequence
	MotionQueue collections.KeySet[collections.Pair[int64, uint64]]
	// ExecutingMotion is the motion whose messages are running, so that a
	// message can ask how its body decided (advice's consensus: no objection).
	ExecutingMotion collections.Item[uint64]
	// ExecutionQueue holds the ids of passed motions (status QUEUED) whose
	// messages EndBlock has yet to run: first in, first out by id, at most
	// max_queue_items_per_block a block.
	ExecutionQueue collections.KeySet[uint64]
	// SettledMotions holds motions still VOTING whose outcome no remaining
	// vote can change; EndBlock decides them (settled.go).
	SettledMotions collections.KeySet[uint64]
	// MotionTallies hold the motions' tallies, which votes change; a stored
	// motion carries none (motion_tally.go).
	MotionTallies collections.Map[uint64, types.MotionTally]
	Votes         collections.Map[collections.Pair[uint64, sdk.AccAddress], types.Vote]
}

// CommunityIndexes support the kind and parent filters.
type CommunityIndexes struct {
	Kind   *collutil.Multi[int32, string, types.Community]
	Parent *collutil.Multi[string, string, types.Community]
}

// IndexesList implements collections.Indexes.
func (i CommunityIndexes) IndexesList() []collections.Index[string, types.Community] {
	return []collections.Index[string, types.Community]{i.Kind, i.Parent}
}

// BodyIndexes support the kind filter.
type BodyIndexes struct {
	Kind *collutil.Multi[int32, string, types.Body]
}

// IndexesList implements collections.Indexes.
func (i BodyIndexes) IndexesList() []collections.Index[string, types.Body] {
	return []collections.Index[string, types.Body]{i.Kind}
}

// MemberIndexes support the region and stakeholder-type filters.
type MemberIndexes struct {
	Region      *collutil.Multi[int32, sdk.AccAddress, types.Member]
	Stakeholder *collutil.Multi[int32, sdk.AccAddress, types.Member]
}

// IndexesList implements collections.Indexes.
func (i MemberIndexes) IndexesList() []collections.Index[sdk.AccAddress, types.Member] {
	return []collections.Index[sdk.AccAddress, types.Member]{i.Region, i.Stakeholder}
}

// MembershipIndexes find a member's communities.
type MembershipIndexes struct {
	Address *indexes.ReversePair[string, sdk.AccAddress, types.Membership]
}

// IndexesList implements collections.Indexes.
func (i MembershipIndexes) IndexesList() []collections.Index[collections.Pair[string, sdk.AccAddress], types.Membership] {
	return []collections.Index[collections.Pair[string, sdk.AccAddress], types.Membership]{i.Address}
}

// SeatIndexes find a community's seats.
type SeatIndexes struct {
	Community *collutil.Multi[string, uint64, types.BoardSeat]
}

// IndexesList implements collections.Indexes.
func (i SeatIndexes) IndexesList() []collections.Index[uint64, types.BoardSeat] {
	return []collections.Index[uint64, types.BoardSeat]{i.Community}
}

// ValidatorIndexes find validators by community and by operator.
type ValidatorIndexes struct {
	Community *collutil.Multi[string, []byte, types.Validator]
	Operator  *collutil.Multi[sdk.AccAddress, []byte, types.Validator]
}

// IndexesList implements collections.Indexes.
func (i ValidatorIndexes) IndexesList() []collections.Index[[]byte, types.Validator] {
	return []collections.Index[[]byte, types.Validator]{i.Community, i.Operator}
}

// MotionIndexes support listing by body, by body and status, and by status.
type MotionIndexes struct {
	Body       *collutil.Multi[string, uint64, types.Motion]
	BodyStatus *collutil.Multi[collections.Pair[string, int32], uint64, types.Motion]
	Status     *collutil.Multi[int32, uint64, types.Motion]
}

// IndexesList implements collections.Indexes.
func (i MotionIndexes) IndexesList() []collections.Index[uint64, types.Motion] {
	return []collections.Index[uint64, types.Motion]{i.Body, i.BodyStatus, i.Status}
}

// NewKeeper builds the keeper and its schema. Every authority must be a valid
// address: it is checked here so a misconfigured app fails at start.
func NewKeeper(
	cdc codec.Codec,
	storeService store.KVStoreService,
	events event.Service,
	router baseapp.MessageRouter,
	addressCodec, consCodec address.Codec,
	auth Authorities,
	logger log.Logger,
) *Keeper {
	for _, a := range []string{auth.Governance, auth.Empowered, auth.Board} {
		if _, err := addressCodec.StringToBytes(a); err != nil {
			panic(fmt.Errorf("invalid x/community authority %q: %w", a, err))
		}
	}
	sb := collections.NewSchemaBuilder(storeService)
	accKey := sdk.AccAddressKey
	k := &Keeper{
		cdc: cdc, addressCodec: addressCodec, consCodec: consCodec, events: events,
		router: router, auth: auth, logger: logger.With("module", "x/"+types.ModuleName),

		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Communities: collections.NewIndexedMap(sb, types.CommunitiesKey, "communities", collections.StringKey,
			codec.CollValue[types.Community](cdc), CommunityIndexes{
				Kind: collutil.NewMulti(sb, types.CommunitiesKindKey, "communities_by_kind", collections.Int32Key, collections.StringKey,
					func(_ string, c types.Community) (int32, error) { return int32(c.Kind), nil }),
				Parent: collutil.NewMulti(sb, types.CommunitiesParentKey, "communities_by_parent", collections.StringKey, collections.StringKey,
					func(_ string, c types.Community) (string, error) { return c.ParentId, nil }),
			}),
		Bodies: collections.NewIndexedMap(sb, types.BodiesKey, "bodies", collections.StringKey,
			codec.CollValue[types.Body](cdc), BodyIndexes{
				Kind: collutil.NewMulti(sb, types.BodiesKindKey, "bodies_by_kind", collections.Int32Key, collections.StringKey,
					func(_ string, b types.Body) (int32, error) { return int32(b.Kind), nil }),
			}),
		BodyStats: collections.NewMap(sb, types.BodyStatsKey, "body_stats", collections.StringKey, codec.CollValue[types.BodyStats](cdc)),
		Members: collections.NewIndexedMap(sb, types.MembersKey, "members", accKey,
			codec.CollValue[types.Member](cdc), MemberIndexes{
				Region: collutil.NewMulti(sb, types.MembersRegionKey, "members_by_region", collections.Int32Key, accKey,
					func(_ sdk.AccAddress, m types.Member) (int32, error) { return int32(m.Region), nil }),
				Stakeholder: collutil.NewMulti(sb, types.MembersStakeholderKey, "members_by_stakeholder", collections.Int32Key, accKey,
					func(_ sdk.AccAddress, m types.Member) (int32, error) { return int32(m.StakeholderType), nil }),
			}),
		Memberships: collections.NewIndexedMap(sb, types.MembershipsKey, "memberships",
			collections.PairKeyCodec(collections.StringKey, accKey), codec.CollValue[types.Membership](cdc),
			MembershipIndexes{Address: indexes.NewReversePair[types.Membership](sb, types.MembershipsByAddrKey, "memberships_by_address",
				collections.PairKeyCodec(collections.StringKey, accKey))}),
		MembershipCount: collections.NewMap(sb, types.MembershipCountKey, "membership_count", accKey, collections.Uint64Value),
		RoleHolders: collections.NewKeySet(sb, types.RoleHoldersKey, "role_holders",
			collections.TripleKeyCodec(collections.StringKey, collections.Int32Key, accKey)),
		Representing: collections.NewMap(sb, types.RepresentingKey, "representing", accKey, collections.StringValue),
		Appointees: collections.NewKeySet(sb, types.AppointeesKey, "appointees",
			collections.TripleKeyCodec(collections.StringKey, collections.StringKey, accKey)),

		Seats: collections.NewIndexedMap(sb, types.SeatsKey, "seats", collections.Uint64Key,
			codec.CollValue[types.BoardSeat](cdc), SeatIndexes{
				Community: collutil.NewMulti(sb, types.SeatsCommunityKey, "seats_by_community", collections.StringKey, collections.Uint64Key,
					func(_ uint64, s types.BoardSeat) (string, error) { return s.AppointingCommunity, nil }),
			}),
		SeatID:       collections.NewSequence(sb, types.SeatIDKey, "seat_id"),
		SeatHolders:  collections.NewMap(sb, types.SeatHoldersKey, "seat_holders", accKey, collections.Uint64Value),
		SeatExpiry:   collections.NewKeySet(sb, types.SeatExpiryKey, "seat_expiry", collutil.QueueKeyCodec),
		Directors:    collections.NewMap(sb, types.DirectorsKey, "directors", accKey, codec.CollValue[types.DirectorRecord](cdc)),
		RegionCounts: collections.NewMap(sb, types.RegionCountsKey, "region_counts", collections.Int32Key, collections.Uint32Value),
		VotingSeats:  collections.NewItem(sb, types.VotingSeatsKey, "voting_seats", collections.Uint32Value),
		BoardChair:   collections.NewItem(sb, types.BoardChairKey, "board_chair", collections.StringValue),

		Validators: collections.NewIndexedMap(sb, types.ValidatorsKey, "validators", collections.BytesKey,
			codec.CollValue[types.Validator](cdc), ValidatorIndexes{
				Community: collutil.NewMulti(sb, types.ValidatorsCommunityKey, "validators_by_community", collections.StringKey, collections.BytesKey,
					func(_ []byte, v types.Validator) (string, error) { return v.CommunityId, nil }),
				Operator: collutil.NewMulti(sb, types.ValidatorsOperatorKey, "validators_by_operator", accKey, collections.BytesKey,
					func(_ []byte, v types.Validator) (sdk.AccAddress, error) {
						return addressCodec.StringToBytes(v.Operator)
					}),
			}),
		CommunityPower:    collections.NewMap(sb, types.CommunityPowerKey, "community_power", collections.StringKey, collections.Int64Value),
		TreePower:         collections.NewMap(sb, types.TreePowerKey, "tree_power", collections.StringKey, collections.Int64Value),
		TotalPower:        collections.NewItem(sb, types.TotalPowerKey, "total_power", collections.Int64Value),
		PendingValidators: collections.NewKeySet(sb, types.PendingValidatorKey, "pending_validators", collections.BytesKey),
		CometPower:        collections.NewMap(sb, types.CometPowerKey, "comet_power", collections.BytesKey, collections.Int64Value),
		Liveness:          collections.NewMap(sb, types.LivenessKey, "liveness", collections.BytesKey, codec.CollValue[types.Liveness](cdc)),
		Misbehaviours: collections.NewMap(sb, types.MisbehavioursKey, "misbehaviours",
			collections.PairKeyCodec(collections.BytesKey, collections.Int64Key), codec.CollValue[types.Misbehaviour](cdc)),
		SuspendedPower: collections.NewItem(sb, types.SuspendedPowerKey, "suspended_power", collections.Int64Value),

		Motions: collections.NewIndexedMap(sb, types.MotionsKey, "motions", collections.Uint64Key,
			codec.CollValue[types.Motion](cdc), MotionIndexes{
				Body: collutil.NewMulti(sb, types.MotionsBodyKey, "motions_by_body", collections.StringKey, collections.Uint64Key,
					func(_ uint64, m types.Motion) (string, error) { return m.BodyId, nil }),
				BodyStatus: collutil.NewMulti(sb, types.MotionsBodyStatusKey, "motions_by_body_status",
					collections.PairKeyCodec(collections.StringKey, collections.Int32Key), collections.Uint64Key,
					func(_ uint64, m types.Motion) (collections.Pair[string, int32], error) {
						return collections.Join(m.BodyId, int32(m.Status)), nil
					}),
				Status: collutil.NewMulti(sb, types.MotionsStatusKey, "motions_by_status", collections.Int32Key, collections.Uint64Key,
					func(_ uint64, m types.Motion) (int32, error) { return int32(m.Status), nil }),
			}),
		MotionID:        collections.NewSequence(sb, types.MotionIDKey, "motion_id"),
		MotionQueue:     collections.NewKeySet(sb, types.MotionQueueKey, "motion_queue", collutil.QueueKeyCodec),
		ExecutingMotion: collections.NewItem(sb, types.ExecutingMotionKey, "executing_motion", collections.Uint64Value),
		ExecutionQueue:  collections.NewKeySet(sb, types.ExecutionQueueKey, "execution_queue", collections.Uint64Key),
		SettledMotions:  collections.NewKeySet(sb, types.SettledMotionsKey, "settled_motions", collections.Uint64Key),
		MotionTallies:   collections.NewMap(sb, types.MotionTalliesKey, "motion_tallies", collections.Uint64Key, codec.CollValue[types.MotionTally](cdc)),
		Votes: collections.NewMap(sb, types.VotesKey, "votes",
			collections.PairKeyCodec(collections.Uint64Key, accKey), codec.CollValue[types.Vote](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the governance address that may change the module's bylaws.
func (k *Keeper) Authority() string { return k.auth.Governance }

// AddressCodec returns the account address codec.
func (k *Keeper) AddressCodec() address.Codec { return k.addressCodec }

// Logger returns the module logger.
func (k *Keeper) Logger() log.Logger { return k.logger }
