package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// AppointPanelist adds a member to the standing panel (Board resolution). A
// director or the ombudsman may not sit on the panel that reviews the Board.
//
// The msg server has checked the signer.
func (k *Keeper) AppointPanelist(ctx context.Context, address, name string) error {
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkText("name", name, params.MaxTextLength, true); err != nil {
		return err
	}
	existing, err := k.Panelists.Get(ctx, addr)
	if err == nil && existing.Active {
		return types.ErrAlreadyDone.Wrapf("%s is already a panelist", address)
	}
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if err := k.checkIndependent(ctx, addr, officePanelist); err != nil {
		return err
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	now, height := blockTime(ctx)
	// The panelist sits on cases only once the Empowered Community confirms
	// it (MsgConfirmPanelist); the rule is the same whatever is wired, the
	// hook only opens the confirmation action.
	p := types.Panelist{
		Address: address, Name: name, AppointedBy: by, Active: true, Confirmed: false,
		Audit: communitytypes.Audit{CreatedHeight: height, CreatedAt: now, UpdatedHeight: height, UpdatedAt: now},
		// a retired panelist reappointed keeps the count of the cases it still sits on
		OpenCases: existing.OpenCases,
	}
	if err := k.Panelists.Set(ctx, addr, p); err != nil {
		return err
	}
	if err := k.emit(ctx, &types.EventPanelistChanged{Address: address, Active: true}); err != nil {
		return err
	}
	return k.afterPanelistAppointed(ctx, address)
}

// ConfirmPanelist records the Empowered Community's approval of a panelist.
//
// The msg server has checked the signer.
func (k *Keeper) ConfirmPanelist(ctx context.Context, address string) error {
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	p, err := get(ctx, k.Panelists, addr, "panelist")
	if err != nil {
		return err
	}
	if !p.Active || p.Confirmed {
		return types.ErrAlreadyDone.Wrapf("%s is not an unconfirmed active panelist", address)
	}
	now, height := blockTime(ctx)
	p.Confirmed, p.Audit.UpdatedHeight, p.Audit.UpdatedAt = true, height, now
	if err := k.Panelists.Set(ctx, addr, p); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventPanelistChanged{Address: address, Active: true})
}

// RemovePanelist retires a panelist. The panel reviews the Board, so the
// Board's own majority may not thin it: removal takes the Empowered
// Community, or governance through a FUNDAMENTAL_BYLAW (which the Empowered
// Community must approve: the classification guard); never from a case the
// panelist sits on, and never below min_standing_panel.
//
// The msg server has checked the signer.
func (k *Keeper) RemovePanelist(ctx context.Context, address string) error {
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	p, err := get(ctx, k.Panelists, addr, "panelist")
	if err != nil {
		return err
	}
	if !p.Active {
		return types.ErrAlreadyDone.Wrapf("%s is not an active panelist", address)
	}
	if p.OpenCases > 0 {
		return types.ErrWrongPhase.Wrapf("%s sits on %d open case(s): a panelist is never removed from a case", address, p.OpenCases)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if p.Confirmed {
		n, err := k.sittingPanelists(ctx)
		if err != nil {
			return err
		}
		if n-1 < int(params.MinStandingPanel) {
			return types.ErrLimit.Wrapf("the standing panel would fall to %d, below its minimum of %d", n-1, params.MinStandingPanel)
		}
	}
	now, height := blockTime(ctx)
	p.Active, p.Audit.UpdatedHeight, p.Audit.UpdatedAt = false, height, now
	if err := k.Panelists.Set(ctx, addr, p); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventPanelistChanged{Address: address, Active: false})
}

// sittingPanelists counts the active, confirmed panelists. The standing
// panel is appointed by Board resolutions and confirmed by the Empowered
// Community, so it is small (as eligible assumes).
func (k *Keeper) sittingPanelists(ctx context.Context) (int, error) {
	iter, err := k.Panelists.Iterate(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	n := 0
	for ; iter.Valid(); iter.Next() {
		p, err := iter.Value()
		if err != nil {
			return 0, err
		}
		if p.Active && p.Confirmed {
			n++
		}
	}
	return n, nil
}

// addOpenCase counts a case a panelist was chosen or drawn for (+1) or that
// was decided (-1).
func (k *Keeper) addOpenCase(ctx context.Context, panelist string, delta int) error {
	addr, err := k.parseAddr("panelist", panelist)
	if err != nil {
		return err
	}
	p, err := get(ctx, k.Panelists, addr, "panelist")
	if err != nil {
		return err
	}
	if delta < 0 && p.OpenCases == 0 {
		return nil
	}
	p.OpenCases = uint32(int(p.OpenCases) + delta)
	return k.Panelists.Set(ctx, addr, p)
}

// The offices of independent review.
const (
	officePanelist  = "a panelist"
	officeOmbudsman = "the ombudsman"
)

// checkIndependent refuses an appointment to an office of independent
// review (panelist, ombudsman) of anyone holding a Board seat or the other
// office: the offices check each other (the ombudsman may be reappointed).
func (k *Keeper) checkIndependent(ctx context.Context, addr sdk.AccAddress, office string) error {
	if _, held, err := k.community.BoardSeatOf(ctx, addr); err != nil || held {
		if err == nil {
			err = types.ErrIncompatible.Wrapf("%s holds a Board seat: a director cannot be %s", addr, office)
		}
		return err
	}
	if p, err := k.Panelists.Get(ctx, addr); err == nil && p.Active && office != officePanelist {
		return types.ErrIncompatible.Wrapf("%s sits on the standing panel: a panelist cannot be %s", addr, office)
	} else if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	o, err := k.Ombudsman.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if now, _ := blockTime(ctx); office != officeOmbudsman && o.Address == addr.String() && now.Before(o.TermEnd) {
		return types.ErrIncompatible.Wrapf("%s is the ombudsman: the ombudsman cannot be %s", addr, office)
	}
	return nil
}
