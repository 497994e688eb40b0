package simulation

import (
	"math/rand"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Payloads are the decisions a community or the Board may take by motion:
// admitting and removing members, admitting and removing validators (the
// power cap must refuse what would break it), appointing directors to
// vacant seats, vacating seats, electing chairs, representatives, liaisons
// and NomCom delegates (a member's roles) and electing the Board chair; and,
// by Board proposal, the governance changes of GovernancePayloads (rarely:
// each is a slow bylaw amendment). ParamsPayloads are apart: directors
// propose them in an operation of their own (x/proposals).
func Payloads(k *keeper.Keeper, governance string) []simutil.Payload {
	return append([]simutil.Payload{
		func(r *rand.Rand, _ sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			acc, _ := simtypes.RandomAcc(r, accs)
			return &types.MsgAdmitMember{
				Authority: types.BodyAddress(body).String(), CommunityId: body, Address: acc.Address.String(),
				Roles: []types.Role{types.RoleMember}, Weight: 1,
				Region:          simutil.Pick(r, types.AllRegions()),
				StakeholderType: types.StakeholderType(1 + r.Intn(9)),
			}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			// a community keeps a few members, or it could never decide again
			voters := Voters(ctx, k, body)
			if len(voters) <= minMembers || body == types.BoardBodyID {
				return nil
			}
			return &types.MsgRemoveMember{Authority: types.BodyAddress(body).String(), CommunityId: body,
				Address: simutil.Pick(r, voters), Reason: "simulation"}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			return admitValidator(r, ctx, k, body)
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			return removeValidator(r, ctx, k, body)
		},
		func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			return seatChange(r, ctx, k, accs, body)
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			directors := Voters(ctx, k, types.BoardBodyID)
			if body != types.BoardBodyID || len(directors) == 0 {
				return nil
			}
			return &types.MsgSetBoardChair{Authority: types.BodyAddress(body).String(), Director: simutil.Pick(r, directors)}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			return memberRoles(r, ctx, k, body)
		},
	}, simutil.Rarely(3, GovernancePayloads(k, governance)...)...)
}

// memberRoles proposes new roles for one of the community's members: plain
// membership, or one representative role (a second chair or a delegate
// beyond the allocation is refused, as it must be).
func memberRoles(r *rand.Rand, ctx sdk.Context, k *keeper.Keeper, body string) sdk.Msg {
	voters := Voters(ctx, k, body)
	if len(voters) == 0 || body == types.BoardBodyID {
		return nil
	}
	roles := []types.Role{types.RoleMember}
	if r.Intn(3) > 0 {
		roles = append(roles, simutil.Pick(r, types.RepresentativeRoles))
	}
	return &types.MsgSetMemberRoles{Authority: types.BodyAddress(body).String(), CommunityId: body,
		Address: simutil.Pick(r, voters), Roles: roles}
}

// admitValidator proposes a new validator run by one of the community's
// members, with a fresh key from the seeded source and a random power.
func admitValidator(r *rand.Rand, ctx sdk.Context, k *keeper.Keeper, body string) sdk.Msg {
	voters := Voters(ctx, k, body)
	if len(voters) == 0 || body == types.BoardBodyID {
		return nil
	}
	seed := make([]byte, 32)
	r.Read(seed)
	pk, err := codectypes.NewAnyWithValue(ed25519.GenPrivKeyFromSecret(seed).PubKey())
	if err != nil {
		return nil
	}
	return &types.MsgAdmitValidator{Authority: types.BodyAddress(body).String(), CommunityId: body,
		Operator: simutil.Pick(r, voters), ConsensusPubkey: pk, Moniker: body + "-sim", Power: 1 + r.Int63n(20)}
}

// removeValidator proposes removing one of the community's validators.
func removeValidator(r *rand.Rand, ctx sdk.Context, k *keeper.Keeper, body string) sdk.Msg {
	validators := simutil.ByIndex(ctx, k.Validators.Indexes.Community, k.Validators.Get, body)
	if len(validators) == 0 {
		return nil
	}
	v := simutil.Pick(r, validators)
	return &types.MsgRemoveValidator{Authority: types.BodyAddress(body).String(), CommunityId: body, ConsensusAddress: v.ConsensusAddress}
}

// seatChange proposes filling one of the community's vacant seats with a
// random account, or vacating one of its held seats.
func seatChange(r *rand.Rand, ctx sdk.Context, k *keeper.Keeper, accs []simtypes.Account, body string) sdk.Msg {
	seats, err := k.AllSeats(ctx)
	if err != nil {
		return nil
	}
	var own []types.BoardSeat
	for _, s := range seats {
		if s.AppointingCommunity == body && !s.Retired {
			own = append(own, s)
		}
	}
	if len(own) == 0 {
		return nil
	}
	s := simutil.Pick(r, own)
	authority := types.BodyAddress(body).String()
	if s.Holder != "" {
		return &types.MsgVacateSeat{Authority: authority, SeatId: s.Id, Reason: "simulation"}
	}
	acc, _ := simtypes.RandomAcc(r, accs)
	return &types.MsgAppointDirector{Authority: authority, SeatId: s.Id, Director: acc.Address.String(),
		Region: simutil.Pick(r, types.AllRegions()), StakeholderType: types.StakeholderType(1 + r.Intn(9))}
}
