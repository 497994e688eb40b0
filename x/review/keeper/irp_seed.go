package keeper

import (
	"context"
	"encoding/hex"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// The draw's seed (RFC 3797: public sources announced in advance). When the
// panel choices close, the case announces the next draw_seed_blocks heights;
// none of those blocks exists yet, and no side may choose after that. As each
// is finalised its hash is mixed into the seed (types.MixDrawSeed), and the
// draw runs once the last is in. No one block proposer sees the seed before
// the blocks of the others are fixed, and the seed is recomputable by anyone
// from the announced heights (types.DrawSeed).

// announceSeed closes a forming case's choices and announces its seed blocks:
// the draw_seed_blocks heights right after the current block.
func (k *Keeper) announceSeed(ctx context.Context, c *types.IRP, why string) error {
	_, height := blockTime(ctx)
	n := c.DrawSeedBlocks
	if n == 0 {
		// a case filed before the param existed takes the current value
		params, err := k.GetParams(ctx)
		if err != nil {
			return err
		}
		n = params.DrawSeedBlocks
		c.DrawSeedBlocks = n
	}
	clearSeed(c)
	for i := int64(1); i <= int64(n); i++ {
		c.SeedHeights = append(c.SeedHeights, height+i)
	}
	c.SeedHeight = c.SeedHeights[len(c.SeedHeights)-1]
	if err := k.PickQueue.Remove(ctx, collutil.At(c.PickDeadline, c.Id)); err != nil {
		return err
	}
	if err := k.SeedQueue.Set(ctx, collections.Join(c.SeedHeights[0], c.Id)); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventDrawSeedAnnounced{IrpId: c.Id, Heights: c.SeedHeights, Note: why})
}

// clearSeed forgets a case's seed blocks and seed.
func clearSeed(c *types.IRP) {
	c.SeedHeights, c.SeedHeight, c.Seed, c.SeedBlocksMixed = nil, 0, "", 0
}

// seedComplete reports whether every announced block's hash is in the seed.
func seedComplete(c types.IRP) bool {
	return len(c.SeedHeights) > 0 && int(c.SeedBlocksMixed) == len(c.SeedHeights)
}

// mixSeed mixes the hash of the block being finalised into a case's seed
// (EndBlock, at the case's next announced height) and draws after the last.
// A case that reaches this later than its height (the queue's per-block cap)
// or finds no block hash cannot use that block, and nothing stands in for
// it: new seed blocks are announced instead.
func (k *Keeper) mixSeed(ctx context.Context, id uint64) error {
	c, err := k.GetIRP(ctx, id)
	if err != nil {
		return err
	}
	mixed := int(c.SeedBlocksMixed)
	if c.Status != types.IRPPanelForming || mixed >= len(c.SeedHeights) {
		return nil // decided or already drawn: a stale entry
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	hash, height := sdkCtx.HeaderInfo().Hash, sdkCtx.BlockHeight()
	switch {
	case height != c.SeedHeights[mixed]:
		err = k.announceSeed(ctx, &c, fmt.Sprintf("block %d was not reached in time; new seed blocks", c.SeedHeights[mixed]))
	case len(hash) == 0:
		err = k.announceSeed(ctx, &c, fmt.Sprintf("block %d has no hash on record; new seed blocks", height))
	default:
		err = k.mixBlock(ctx, &c, hash)
	}
	if err != nil {
		return err
	}
	return k.storeIRP(ctx, c)
}

// mixBlock adds one block's hash to the seed, then queues the next height or
// runs the draw.
func (k *Keeper) mixBlock(ctx context.Context, c *types.IRP, hash []byte) error {
	prev := types.InitialDrawSeed(c.Id)
	if c.SeedBlocksMixed > 0 {
		var err error
		if prev, err = hex.DecodeString(c.Seed); err != nil {
			return types.ErrInvalidGenesis.Wrapf("irp %d: seed %q is not hex", c.Id, c.Seed)
		}
	}
	c.Seed = hex.EncodeToString(types.MixDrawSeed(prev, hash))
	c.SeedBlocksMixed++
	if !seedComplete(*c) {
		return k.SeedQueue.Set(ctx, collections.Join(c.SeedHeights[c.SeedBlocksMixed], c.Id))
	}
	return k.tryDraw(ctx, c)
}
