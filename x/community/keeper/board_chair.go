package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// SetBoardChair elects the Board chair among the voting directors (a Board
// motion); an empty director leaves the chair vacant. The chair loses the
// office with the seat. The msg server has checked the signer.
func (k *Keeper) SetBoardChair(ctx context.Context, director string) error {
	if director != "" {
		addr, err := k.parseAddr("director", director)
		if err != nil {
			return err
		}
		seat, held, err := k.BoardSeatOf(ctx, addr)
		if err != nil {
			return err
		}
		if !held || !seat.Voting {
			return types.ErrSeatNotFound.Wrapf("%s holds no voting seat and cannot chair the Board", director)
		}
	}
	if err := k.BoardChair.Set(ctx, director); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventBoardChairChanged{Chair: director})
}

// GetBoardChair returns the Board chair ("" when none).
func (k *Keeper) GetBoardChair(ctx context.Context) (string, error) {
	chair, err := k.BoardChair.Get(ctx)
	if err != nil {
		return "", collutil.NotFoundOK(err)
	}
	return chair, nil
}

// releaseChair vacates the chair when its holder leaves the Board.
func (k *Keeper) releaseChair(ctx context.Context, holder string) error {
	chair, err := k.GetBoardChair(ctx)
	if err != nil || chair != holder || chair == "" {
		return err
	}
	if err := k.BoardChair.Set(ctx, ""); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventBoardChairChanged{Chair: ""})
}
