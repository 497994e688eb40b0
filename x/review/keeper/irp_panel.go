package keeper

import (
	"context"
	"fmt"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// ChoosePanelist records one side's choice: the claimant's, or the Board's
// (by a Board motion or resolution) as respondent. A chosen panelist must be
// active, free of conflicts and not the other side's choice.
func (k *Keeper) ChoosePanelist(ctx context.Context, msg *types.MsgChoosePanelist) error {
	c, err := k.GetIRP(ctx, msg.IrpId)
	if err != nil {
		return err
	}
	claimantSide := msg.Chooser == c.Claimant
	respondentSide := msg.Chooser == k.auth.Board || msg.Chooser == k.auth.Governance
	if !claimantSide && !respondentSide {
		return types.ErrUnauthorized.Wrapf("only the claimant or the Board chooses panelists for case %d", c.Id)
	}
	if c.Status != types.IRPPanelForming {
		return types.ErrWrongPhase.Wrapf("case %d is %s: its panel is formed", c.Id, c.Status)
	}
	if (claimantSide && c.ClaimantPick != "") || (!claimantSide && c.RespondentPick != "") {
		return types.ErrAlreadyDone.Wrapf("this side already chose its panelist for case %d", c.Id)
	}
	// Each side chooses within the pick period; after it the draw fills the
	// panel. Once the seed blocks are announced no choice may change the pool
	// the seed will draw from.
	if now, _ := blockTime(ctx); !now.Before(c.PickDeadline) || len(c.SeedHeights) > 0 {
		return types.ErrOutOfWindow.Wrapf("the panel choices of case %d closed (deadline %s)", c.Id, c.PickDeadline)
	}
	addr, err := k.parseAddr("panelist", msg.Panelist)
	if err != nil {
		return err
	}
	p, err := get(ctx, k.Panelists, addr, "panelist")
	if err != nil {
		return err
	}
	if !p.Active || !p.Confirmed || msg.Panelist == c.ClaimantPick || msg.Panelist == c.RespondentPick {
		return types.ErrConflicted.Wrapf("%s is not an available panelist", msg.Panelist)
	}
	if reason, err := k.conflict(ctx, c, addr); err != nil || reason != "" {
		if err == nil {
			err = types.ErrConflicted.Wrapf("%s: %s", msg.Panelist, reason)
		}
		return err
	}
	side := "respondent"
	if claimantSide {
		c.ClaimantPick, side = msg.Panelist, "claimant"
	} else {
		c.RespondentPick = msg.Panelist
	}
	if err := k.addOpenCase(ctx, msg.Panelist, 1); err != nil {
		return err
	}
	if err := k.emit(ctx, &types.EventPanelistChosen{IrpId: c.Id, Panelist: msg.Panelist, Side: side}); err != nil {
		return err
	}
	if c.ClaimantPick != "" && c.RespondentPick != "" {
		if err := k.announceSeed(ctx, &c, "both sides chose"); err != nil {
			return err
		}
	}
	return k.storeIRP(ctx, c)
}

// conflict says why a panelist may not sit on a case ("" when free): a
// panelist holding a Board seat sits on the respondent's side; one who shares
// a community with the claimant (or, for the Empowered Community, belongs to a
// decisional participant) sits on the claimant's.
func (k *Keeper) conflict(ctx context.Context, c types.IRP, panelist sdk.AccAddress) (string, error) {
	if panelist.String() == c.Claimant {
		return "is the claimant", nil
	}
	if _, held, err := k.community.BoardSeatOf(ctx, panelist); err != nil || held {
		return "holds a Board seat (the respondent)", err
	}
	ms, err := k.community.MembershipsOf(ctx, panelist)
	if err != nil || len(ms) == 0 {
		return "", err
	}
	var claimantCommunities []string
	switch c.ClaimantKind {
	case types.ClaimantMember:
		addr, err := k.parseAddr("claimant", c.Claimant)
		if err != nil {
			return "", err
		}
		own, err := k.community.MembershipsOf(ctx, addr)
		if err != nil {
			return "", err
		}
		for _, m := range own {
			claimantCommunities = append(claimantCommunities, m.CommunityId)
		}
	case types.ClaimantCommunity:
		claimantCommunities = []string{c.ClaimantCommunity}
	}
	for _, m := range ms {
		if slices.Contains(claimantCommunities, m.CommunityId) {
			return "is a member of " + m.CommunityId + ", the claimant's community", nil
		}
		if c.ClaimantKind == types.ClaimantEmpowered {
			comm, err := k.community.GetCommunity(ctx, m.CommunityId)
			if err != nil {
				return "", err
			}
			if comm.DecisionalParticipant {
				return "is a member of " + m.CommunityId + ", a decisional participant of the claimant", nil
			}
		}
	}
	return "", nil
}

// tryDraw completes the panel once every seed block is mixed in: panelists a
// side failed to choose are drawn for it, then the third, from the eligible
// panelists in the published order (see types.DrawPanelists).
func (k *Keeper) tryDraw(ctx context.Context, c *types.IRP) error {
	if !seedComplete(*c) || c.Status != types.IRPPanelForming {
		return nil
	}
	eligible, err := k.eligible(ctx, *c)
	if err != nil {
		return err
	}
	missing := 1
	for _, pick := range []string{c.ClaimantPick, c.RespondentPick} {
		if pick == "" {
			missing++
		}
	}
	drawn, err := types.DrawPanelists(c.Seed, eligible, missing)
	if err != nil {
		return k.retryDraw(ctx, c, "the panel cannot be completed yet: "+err.Error())
	}
	// the pool and the picks are kept so that anyone can recompute the draw
	// (DrawPanelists(seed, pool, len(picks)) == picks), not only the seed
	c.DrawPool, c.DrawnPanelists = slices.Sorted(slices.Values(eligible)), slices.Clone(drawn)
	c.DrawnTime, _ = blockTime(ctx)
	for _, side := range []*string{&c.ClaimantPick, &c.RespondentPick} {
		if *side == "" {
			*side, drawn = drawn[0], drawn[1:]
			if err := k.addOpenCase(ctx, *side, 1); err != nil {
				return err
			}
		}
	}
	if err := k.addOpenCase(ctx, drawn[0], 1); err != nil {
		return err
	}
	c.Panel = []string{c.ClaimantPick, c.RespondentPick, drawn[0]}
	for _, p := range c.Panel {
		if err := k.emit(ctx, &types.EventPanelistChosen{IrpId: c.Id, Panelist: p, Side: "panel", Seed: c.Seed}); err != nil {
			return err
		}
	}
	return k.setIRPStatus(ctx, c, types.IRPInReview, fmt.Sprintf("panel drawn with seed %s from %d eligible panelists", c.Seed, len(eligible)))
}

// retryDraw keeps a case whose panel cannot be completed (too few eligible
// panelists) forming. The spent seed is dropped, since it is public now and a
// side choosing again could grind the draw with it; the choices reopen until
// the pick deadline (moved one pick period on if it has passed), when new
// seed blocks are announced, by which time the Board may have appointed
// panelists.
func (k *Keeper) retryDraw(ctx context.Context, c *types.IRP, note string) error {
	clearSeed(c)
	if now, _ := blockTime(ctx); !now.Before(c.PickDeadline) {
		params, err := k.GetParams(ctx)
		if err != nil {
			return err
		}
		c.PickDeadline = deadline(ctx, params.PanelPickPeriod)
	}
	if err := k.PickQueue.Set(ctx, collutil.At(c.PickDeadline, c.Id)); err != nil {
		return err
	}
	note += "; new seed blocks are announced when the choices close at " + c.PickDeadline.UTC().String()
	return k.setIRPStatus(ctx, c, types.IRPPanelForming, note)
}

// eligible lists the active, unconflicted panelists not already chosen. The
// standing panel is appointed by the Board, so it is small.
func (k *Keeper) eligible(ctx context.Context, c types.IRP) ([]string, error) {
	iter, err := k.Panelists.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	kvs, err := iter.KeyValues()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, kv := range kvs {
		if !kv.Value.Active || !kv.Value.Confirmed || kv.Value.Address == c.ClaimantPick || kv.Value.Address == c.RespondentPick {
			continue
		}
		reason, err := k.conflict(ctx, c, kv.Key)
		if err != nil {
			return nil, err
		}
		if reason == "" {
			out = append(out, kv.Value.Address)
		}
	}
	return out, nil
}

// setIRPStatus moves a case and emits the change.
func (k *Keeper) setIRPStatus(ctx context.Context, c *types.IRP, status types.IRPStatus, note string) error {
	c.Status = status
	return k.emit(ctx, &types.EventIRPStatusChanged{IrpId: c.Id, Status: status, Note: note})
}
