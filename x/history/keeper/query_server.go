package keeper

import (
	"context"
	"errors"

	errorsmod "cosmossdk.io/errors"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

var _ types.QueryServer = queryServer{}

type queryServer struct{ k *Keeper }

// NewQueryServer returns the x/history query service.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// grpcError maps an error to its gRPC status (REST 404, 400 or 500).
var grpcError = queryutil.Statuses{
	NotFound: []error{types.ErrProposalNotFound},
	Invalid:  []error{types.ErrInvalidRequest},
}.Of

// ProposalHistory returns one proposal's story in time order.
func (q queryServer) ProposalHistory(ctx context.Context, req *types.QueryProposalHistoryRequest) (*types.QueryProposalHistoryResponse, error) {
	if req == nil || req.Id == 0 {
		return nil, grpcError(errorsmod.Wrap(types.ErrInvalidRequest, "a proposal id (> 0) is required"))
	}
	p, err := q.k.proposals.GetProposal(ctx, req.Id) // with its Board tally
	if errors.Is(err, proposalstypes.ErrProposalNotFound) {
		return nil, grpcError(errorsmod.Wrapf(types.ErrProposalNotFound, "proposal %d", req.Id))
	}
	if err != nil {
		return nil, grpcError(err)
	}
	entries, err := q.k.History(ctx, p)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalHistoryResponse{
		ProposalId: p.Id, Title: p.Title, Kind: p.Kind.String(), Status: p.Status.String(), Entries: entries,
	}, nil
}
