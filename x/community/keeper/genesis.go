package keeper

import (
	"context"
	"slices"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// InitGenesis writes the constitution (or an export) and rebuilds every
// derived counter, index and queue from the records. It returns the initial
// validator set for CometBFT. The genesis state must have passed Validate.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) ([]abci.ValidatorUpdate, error) {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return nil, err
	}
	if err := k.MotionID.Set(ctx, max(gs.NextMotionId, 1)); err != nil {
		return nil, err
	}
	if err := k.SeatID.Set(ctx, max(gs.NextSeatId, 1)); err != nil {
		return nil, err
	}
	steps := []func(context.Context, types.GenesisState) error{
		k.initCommunities, k.initMembers, k.initSeats, k.initMotions,
	}
	for _, step := range steps {
		if err := step(ctx, gs); err != nil {
			return nil, err
		}
	}
	if gs.BoardChair != "" {
		if err := k.BoardChair.Set(ctx, gs.BoardChair); err != nil {
			return nil, err
		}
	}
	updates, err := k.initValidators(ctx, gs)
	if err != nil {
		return nil, err
	}
	if err := k.initLiveness(ctx, gs); err != nil {
		return nil, err
	}
	if err := k.initMisbehaviours(ctx, gs); err != nil {
		return nil, err
	}
	if gs.Params.Bootstrap {
		k.logger.Warn(gs.Params.BootstrapWarning())
	}
	return updates, nil
}

func (k *Keeper) initCommunities(ctx context.Context, gs types.GenesisState) error {
	for _, c := range gs.Communities {
		if err := k.Communities.Set(ctx, c.Id, c); err != nil {
			return err
		}
	}
	for _, b := range gs.Bodies {
		if err := k.Bodies.Set(ctx, b.Id, b); err != nil {
			return err
		}
		if err := k.BodyStats.Set(ctx, b.Id, types.BodyStats{}); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) initMembers(ctx context.Context, gs types.GenesisState) error {
	for _, m := range gs.Members {
		addr, err := k.parseAddr("member", m.Address)
		if err != nil {
			return err
		}
		if err := k.Members.Set(ctx, addr, m); err != nil {
			return err
		}
	}
	for _, ms := range gs.Memberships {
		addr, err := k.parseAddr("member", ms.Address)
		if err != nil {
			return err
		}
		if err := k.addMembership(ctx, addr, ms); err != nil {
			return err
		}
		for _, r := range ms.Roles {
			if err := k.RoleHolders.Set(ctx, collections.Join3(ms.CommunityId, int32(r), addr)); err != nil {
				return err
			}
		}
		if types.Represents(ms.Roles) {
			if err := k.Representing.Set(ctx, addr, ms.CommunityId); err != nil {
				return err
			}
		}
		if err := k.changeElectorate(ctx, ms.CommunityId, ms.Weight, false); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) initSeats(ctx context.Context, gs types.GenesisState) error {
	for _, d := range gs.Directors {
		addr, err := k.parseAddr("director", d.Address)
		if err != nil {
			return err
		}
		if err := k.Directors.Set(ctx, addr, d); err != nil {
			return err
		}
	}
	if err := k.VotingSeats.Set(ctx, 0); err != nil {
		return err
	}
	for _, s := range gs.Seats {
		if err := k.Seats.Set(ctx, s.Id, s); err != nil {
			return err
		}
		if s.Retired {
			continue
		}
		if s.Voting {
			if err := k.addVotingSeats(ctx, 1); err != nil {
				return err
			}
		}
		if s.Holder == "" {
			continue
		}
		addr, err := k.parseAddr("holder", s.Holder)
		if err != nil {
			return err
		}
		member, err := k.Members.Get(ctx, addr)
		if err != nil {
			return err
		}
		// the holder's record was restored above, exactly as exported
		if _, err := k.Directors.Get(ctx, addr); err != nil {
			return err
		}
		if err := k.occupySeat(ctx, s, addr, member.Region); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) initValidators(ctx context.Context, gs types.GenesisState) ([]abci.ValidatorUpdate, error) {
	var updates []abci.ValidatorUpdate
	for _, v := range gs.Validators {
		consAddr, err := k.consCodec.StringToBytes(v.ConsensusAddress)
		if err != nil {
			return nil, err
		}
		if err := k.Validators.Set(ctx, consAddr, v); err != nil {
			return nil, err
		}
		if !v.HoldsPower() {
			continue
		}
		if err := k.setValidatorPower(ctx, v, consAddr, v.Power); err != nil {
			return nil, err
		}
		if v.Status == types.ValidatorSuspended {
			// counted, but not in CometBFT's set: nothing to hand over
			if err := k.PendingValidators.Remove(ctx, consAddr); err != nil {
				return nil, err
			}
			if err := k.addSuspended(ctx, v.Power); err != nil {
				return nil, err
			}
			continue
		}
		// InitChain hands the whole set to CometBFT, so nothing is pending.
		if err := k.PendingValidators.Remove(ctx, consAddr); err != nil {
			return nil, err
		}
		if err := k.CometPower.Set(ctx, consAddr, v.Power); err != nil {
			return nil, err
		}
		update, err := k.toValidatorUpdate(v, v.Power)
		if err != nil {
			return nil, err
		}
		updates = append(updates, update)
	}
	if len(updates) == 0 {
		return nil, types.ErrEmptyValidatorSet.Wrap("the constitution names no active validator: run `polityd genesis constitution` or `polityd genesis add-validator`")
	}
	return updates, nil
}

func (k *Keeper) initMotions(ctx context.Context, gs types.GenesisState) error {
	for _, m := range gs.Motions {
		if err := k.importMotion(ctx, m); err != nil {
			return err
		}
		switch m.Status {
		case types.MotionStatusVoting:
			if err := k.MotionQueue.Set(ctx, collutil.At(m.VotingEndTime, m.Id)); err != nil {
				return err
			}
			// exported mid-block, or with more settled motions than a
			// block decides: the first EndBlock decides it
			if settled(m) {
				if err := k.SettledMotions.Set(ctx, m.Id); err != nil {
					return err
				}
			}
		case types.MotionStatusQueued:
			// Passed but not yet run: the first EndBlock runs it.
			if err := k.ExecutionQueue.Set(ctx, m.Id); err != nil {
				return err
			}
		}
	}
	for _, v := range gs.Votes {
		addr, err := k.parseAddr("voter", v.Voter)
		if err != nil {
			return err
		}
		if err := k.Votes.Set(ctx, collections.Join(v.MotionId, addr), v); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes out every record; counters and queues are left out
// because InitGenesis derives them.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if gs.Communities, err = collutil.Values(ctx, k.Communities.Iterate); err != nil {
		return nil, err
	}
	if gs.Bodies, err = collutil.Values(ctx, k.Bodies.Iterate); err != nil {
		return nil, err
	}
	if gs.Members, err = collutil.Values(ctx, k.Members.Iterate); err != nil {
		return nil, err
	}
	if gs.Memberships, err = collutil.Values(ctx, k.Memberships.Iterate); err != nil {
		return nil, err
	}
	if gs.Seats, err = collutil.Values(ctx, k.Seats.Iterate); err != nil {
		return nil, err
	}
	if gs.Directors, err = collutil.Values(ctx, k.Directors.Iterate); err != nil {
		return nil, err
	}
	if gs.Validators, err = collutil.Values(ctx, k.Validators.Iterate); err != nil {
		return nil, err
	}
	if gs.Motions, err = k.allMotions(ctx); err != nil {
		return nil, err
	}
	if gs.Votes, err = collutil.Values(ctx, k.Votes.Iterate); err != nil {
		return nil, err
	}
	if gs.NextMotionId, err = k.MotionID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextSeatId, err = k.SeatID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.BoardChair, err = k.GetBoardChair(ctx); err != nil {
		return nil, err
	}
	if gs.Liveness, err = collutil.Values(ctx, k.Liveness.Iterate); err != nil {
		return nil, err
	}
	if gs.Misbehaviours, err = collutil.Values(ctx, k.Misbehaviours.Iterate); err != nil {
		return nil, err
	}
	// Validators are keyed by address bytes; list them by bech32 address so the
	// export reads in a stable, human order.
	slices.SortFunc(gs.Validators, func(a, b types.Validator) int {
		return strings.Compare(a.ConsensusAddress, b.ConsensusAddress)
	})
	slices.SortFunc(gs.Liveness, func(a, b types.Liveness) int {
		return strings.Compare(a.ConsensusAddress, b.ConsensusAddress)
	})
	slices.SortStableFunc(gs.Misbehaviours, func(a, b types.Misbehaviour) int {
		return strings.Compare(a.ConsensusAddress, b.ConsensusAddress)
	})
	return gs, nil
}
