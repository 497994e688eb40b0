package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// CommunityKeeper is what x/review reads from x/community.
type CommunityKeeper interface {
	GetCommunity(ctx context.Context, id string) (communitytypes.Community, error)
	BoardSeatOf(ctx context.Context, addr sdk.AccAddress) (communitytypes.BoardSeat, bool, error)
	GetBoardChair(ctx context.Context) (string, error)
	HasStanding(ctx context.Context, addr sdk.AccAddress) (bool, error)
	MembershipsOf(ctx context.Context, addr sdk.AccAddress) ([]communitytypes.Membership, error)
	// NextCommunity returns the community after id in id order, wrapping around.
	NextCommunity(ctx context.Context, after string) (string, bool, error)
}

// ProposalsKeeper is what x/review reads from x/proposals; it changes
// proposals only by sending MsgStayProposal and MsgAnnulProposal through the
// message router, as the review authority.
type ProposalsKeeper interface {
	GetProposal(ctx context.Context, id uint64) (proposalstypes.Proposal, error)
	ExecutingProposal(ctx context.Context) (uint64, error)
	// GetHold returns a source's hold on a proposal, if it has one.
	GetHold(ctx context.Context, proposalID uint64, source string) (proposalstypes.Hold, bool, error)
	// AllHolds lists every hold in force (genesis checks only).
	AllHolds(ctx context.Context) ([]proposalstypes.Hold, error)
}

// BankKeeper moves the deposits of IRPs, reconsiderations and complaints.
type BankKeeper interface {
	SpendableCoins(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
}

// EmpoweredHooks is the Empowered Community's part in x/review, which
// x/empowered implements: standing-panel appointments need its approval.
type EmpoweredHooks interface {
	// AfterPanelistAppointed opens the Empowered Community's approval of a
	// panelist the Board appointed.
	AfterPanelistAppointed(ctx context.Context, panelist string) error
}
