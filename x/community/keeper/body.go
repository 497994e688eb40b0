package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// GetBody returns a body or ErrBodyNotFound.
func (k *Keeper) GetBody(ctx context.Context, id string) (types.Body, error) {
	b, err := k.Bodies.Get(ctx, id)
	if err != nil {
		return b, notFound(err, types.ErrBodyNotFound, "body %q", id)
	}
	return b, nil
}

// GetBodyStats returns the body's electorate size (zero when it has none yet).
func (k *Keeper) GetBodyStats(ctx context.Context, id string) (types.BodyStats, error) {
	s, err := k.BodyStats.Get(ctx, id)
	if err != nil {
		return types.BodyStats{}, collutil.NotFoundOK(err)
	}
	return s, nil
}

// ElectorateWeight is the weight a body's thresholds count: for the Board,
// every voting seat not retired, held or vacant, so that emptying seats
// never lowers what the remaining directors need (ICANN: thresholds count
// the Board's seats); for any other body, its members' total weight.
func (k *Keeper) ElectorateWeight(ctx context.Context, bodyID string) (uint64, error) {
	if bodyID == types.BoardBodyID {
		seats, err := k.VotingSeats.Get(ctx)
		return uint64(seats), collutil.NotFoundOK(err)
	}
	s, err := k.GetBodyStats(ctx, bodyID)
	return s.TotalWeight, err
}

// changeElectorate adds (or, with remove, subtracts) one voter of the given
// weight to a body's stats. Motions snapshot these stats at submission, so the
// stats must move in step with every membership and seat change.
func (k *Keeper) changeElectorate(ctx context.Context, bodyID string, weight uint64, remove bool) error {
	s, err := k.GetBodyStats(ctx, bodyID)
	if err != nil {
		return err
	}
	if remove {
		s.TotalWeight -= min(weight, s.TotalWeight)
		s.MemberCount -= min(1, s.MemberCount)
	} else {
		s.TotalWeight += weight
		s.MemberCount++
	}
	return k.BodyStats.Set(ctx, bodyID, s)
}

// changeWeight moves one member's weight in a body's stats from old to new;
// the member count stays.
func (k *Keeper) changeWeight(ctx context.Context, bodyID string, old, weight uint64) error {
	s, err := k.GetBodyStats(ctx, bodyID)
	if err != nil {
		return err
	}
	s.TotalWeight = s.TotalWeight - min(old, s.TotalWeight) + weight
	return k.BodyStats.Set(ctx, bodyID, s)
}

// validateRuleFor checks a rule against the store: every house must be a
// direct sub-community of the body's community, and the Board has no houses.
func (k *Keeper) validateRuleFor(ctx context.Context, body types.Body, rule types.DecisionRule) error {
	if err := rule.Validate(); err != nil {
		return err
	}
	for _, h := range rule.HouseIDs() {
		if body.Kind != types.BodyKindCommunity {
			return types.ErrInvalidRule.Wrap("only community bodies may have houses")
		}
		child, err := k.GetCommunity(ctx, h)
		if err != nil {
			return err
		}
		if child.ParentId != body.Id {
			return types.ErrInvalidRule.Wrapf("house %s is not a sub-community of %s", h, body.Id)
		}
	}
	// an action rule for a message no one can send would never apply
	for i, a := range rule.Actions {
		if _, err := k.cdc.InterfaceRegistry().Resolve(a.MsgTypeUrl); err != nil {
			return types.ErrInvalidRule.Wrapf("actions[%d]: unknown message type %s", i, a.MsgTypeUrl)
		}
	}
	return nil
}

// SetDecisionRule replaces a body's rule; open motions keep the rule they were
// submitted under.
func (k *Keeper) SetDecisionRule(ctx context.Context, bodyID string, rule types.DecisionRule) error {
	body, err := k.GetBody(ctx, bodyID)
	if err != nil {
		return err
	}
	if err := k.validateRuleFor(ctx, body, rule); err != nil {
		return err
	}
	body.Rule = rule
	touch(ctx, &body.Audit)
	if err := k.Bodies.Set(ctx, bodyID, body); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventDecisionRuleChanged{BodyId: bodyID})
}

// voter is one account's standing in a body for a given motion.
type voter struct {
	weight uint64
	// since is the height from which the account has held its place; only
	// places held before a motion's submission height may vote on it.
	since int64
}

// voterIn returns the account's standing in a body, or ok=false when it has
// none. Community bodies are voted by members with their weights (non-voting
// members have weight zero); the Board by holders of voting seats, one vote
// each (liaisons have weight zero).
func (k *Keeper) voterIn(ctx context.Context, body types.Body, addr sdk.AccAddress) (voter, bool, error) {
	switch body.Kind {
	case types.BodyKindCommunity:
		return k.communityVoter(ctx, body.Id, addr)
	case types.BodyKindBoard:
		seatID, err := k.SeatHolders.Get(ctx, addr)
		if err != nil {
			return voter{}, false, collutil.NotFoundOK(err)
		}
		seat, err := k.Seats.Get(ctx, seatID)
		if err != nil {
			return voter{}, false, err
		}
		if !seat.Voting {
			return voter{weight: 0, since: seat.AppointedHeight}, true, nil
		}
		return voter{weight: 1, since: seat.AppointedHeight}, true, nil
	default:
		return voter{}, false, types.ErrBodyNotFound.Wrapf("body %s has unknown kind %d", body.Id, body.Kind)
	}
}

// communityVoter returns a member's standing in one community: a
// non-voting member has weight zero, and a member whose weight changed
// stands with it only from that height.
func (k *Keeper) communityVoter(ctx context.Context, communityID string, addr sdk.AccAddress) (voter, bool, error) {
	ms, err := k.Memberships.Get(ctx, pairKey(communityID, addr))
	if err != nil {
		return voter{}, false, collutil.NotFoundOK(err)
	}
	since := ms.Audit.CreatedHeight
	// VotingSinceHeight is a sentinel: zero means "never changed", and a
	// zero-height export leaves it zero while it moves CreatedHeight below
	// zero, so it counts only when set.
	if ms.VotingSinceHeight != 0 && ms.VotingSinceHeight > since {
		since = ms.VotingSinceHeight
	}
	return voter{weight: ms.Weight, since: since}, true, nil
}
