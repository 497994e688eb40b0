package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// RegisterParty registers an external party (the secretariat's motion). A
// registered party has standing: it may transact like a member and file
// independent reviews.
//
// The msg server has checked the signer.
func (k *Keeper) RegisterParty(ctx context.Context, address, name string, profile communitytypes.Document) error {
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
	if err := checkDocument("profile", profile, params.MaxUriLength); err != nil {
		return err
	}
	party, err := k.Parties.Get(ctx, addr)
	if err == nil && party.Active {
		return types.ErrAlreadyDone.Wrapf("%s is already registered", address)
	}
	now, height := blockTime(ctx)
	audit := communitytypes.Audit{CreatedHeight: height, CreatedAt: now, UpdatedHeight: height, UpdatedAt: now}
	if err == nil {
		audit.CreatedHeight, audit.CreatedAt = party.Audit.CreatedHeight, party.Audit.CreatedAt
	}
	party = types.Party{Address: address, Name: name, Profile: profile, Active: true, Audit: audit}
	if err := k.Parties.Set(ctx, addr, party); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventPartyRegistered{Address: address, Active: true})
}

// DeregisterParty withdraws a registration (the secretariat's motion); the
// record stays, inactive.
//
// The msg server has checked the signer.
func (k *Keeper) DeregisterParty(ctx context.Context, address string) error {
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	party, err := get(ctx, k.Parties, addr, "party")
	if err != nil {
		return err
	}
	if !party.Active {
		return types.ErrAlreadyDone.Wrapf("%s is not registered", address)
	}
	now, height := blockTime(ctx)
	party.Active, party.Audit.UpdatedHeight, party.Audit.UpdatedAt = false, height, now
	if err := k.Parties.Set(ctx, addr, party); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventPartyRegistered{Address: address, Active: false})
}

// HasStanding reports whether x/review gives an account standing on the
// chain: an active registered party, an active standing panelist, or the
// ombudsman (the permission ante decorator asks every module that grants it).
func (k *Keeper) HasStanding(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	if party, err := k.Parties.Get(ctx, addr); err == nil && party.Active {
		return true, nil
	} else if err := collutil.NotFoundOK(err); err != nil {
		return false, err
	}
	if p, err := k.Panelists.Get(ctx, addr); err == nil && p.Active {
		return true, nil
	} else if err := collutil.NotFoundOK(err); err != nil {
		return false, err
	}
	o, err := k.Ombudsman.Get(ctx)
	if err != nil {
		return false, collutil.NotFoundOK(err)
	}
	// only the ombudsman in office, as requireOmbudsman: the term's end
	// takes the standing away with the office
	now, _ := blockTime(ctx)
	return o.Address == addr.String() && now.Before(o.TermEnd), nil
}

// isParty reports whether an account is an active registered party.
func (k *Keeper) isParty(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	party, err := k.Parties.Get(ctx, addr)
	if err != nil {
		return false, collutil.NotFoundOK(err)
	}
	return party.Active, nil
}
