package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// CommunityKeeper is what x/proposals needs from x/community: who the
// communities and directors are. It never writes x/community state.
type CommunityKeeper interface {
	GetCommunity(ctx context.Context, id string) (communitytypes.Community, error)
	// RunningMotion is the motion whose messages are running, if any.
	RunningMotion(ctx context.Context) (communitytypes.Motion, bool, error)
	// ElectorateWeight is what a body's thresholds count (the Board: its voting seats).
	ElectorateWeight(ctx context.Context, id string) (uint64, error)
	BoardSeatOf(ctx context.Context, addr sdk.AccAddress) (communitytypes.BoardSeat, bool, error)
	HasStanding(ctx context.Context, addr sdk.AccAddress) (bool, error)
	// BoardQuorate is false while fewer than half the voting seats are
	// filled: the Board is then a caretaker.
	BoardQuorate(ctx context.Context) (bool, error)
}

// EmpoweredHooks is the Empowered Community's side of a proposal's EC phase,
// which x/empowered implements. Without it, a rejection window simply elapses
// and an approval never arrives unless MsgApproveProposal is sent by the EC's
// address.
type EmpoweredHooks interface {
	// AfterBoardApproval runs when the Board approves a proposal whose kind
	// has an Empowered Community phase (a rejection window or a required
	// approval): x/empowered opens its petition or approval process.
	AfterBoardApproval(ctx context.Context, p Proposal) error
	// Challenge reports whether an Empowered Community action on the
	// proposal is still under way, and until when its current stage runs: the
	// proposal's EC phase does not end while it is.
	Challenge(ctx context.Context, proposalID uint64) (until time.Time, pending bool, err error)
}
