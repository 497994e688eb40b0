package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// CommunityKeeper is what x/empowered reads from x/community.
type CommunityKeeper interface {
	GetCommunity(ctx context.Context, id string) (communitytypes.Community, error)
	DecisionalParticipants(ctx context.Context) ([]communitytypes.Community, error)
	HasRole(ctx context.Context, communityID string, addr sdk.AccAddress, role communitytypes.Role) (bool, error)
	GetSeat(ctx context.Context, id uint64) (communitytypes.BoardSeat, error)
	// AllSeats lists every Board seat (bounded by the allocations).
	AllSeats(ctx context.Context) ([]communitytypes.BoardSeat, error)
}

// ProposalsKeeper is what x/empowered reads from x/proposals; it acts on
// proposals only through MsgVetoProposal and MsgApproveProposal.
type ProposalsKeeper interface {
	GetProposal(ctx context.Context, id uint64) (proposalstypes.Proposal, error)
	LinkedAdvice(ctx context.Context, proposalID uint64) ([]proposalstypes.Advice, error)
	GetAdvice(ctx context.Context, id uint64) (proposalstypes.Advice, error)
	ExecutingProposal(ctx context.Context) (uint64, error)
}
