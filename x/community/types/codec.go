package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	sdktx "github.com/cosmos/cosmos-sdk/types/tx"
)

// allMsgs lists every Msg of the module with its amino name, in one place so the
// amino and interface registrations cannot drift apart.
func allMsgs() []sdk.Msg {
	return []sdk.Msg{
		&MsgUpdateParams{}, &MsgCreateCommunity{}, &MsgUpdateCommunityCharter{},
		&MsgSetSeatAllocation{}, &MsgSetDecisionRule{}, &MsgSetDecisionalParticipant{},
		&MsgAdmitMember{}, &MsgRemoveMember{}, &MsgSetMemberRoles{}, &MsgSetMemberVoting{},
		&MsgSetAppointments{}, &MsgAppointMember{}, &MsgRemoveAppointee{},
		&MsgAppointDirector{}, &MsgVacateSeat{}, &MsgAdmitValidator{}, &MsgRemoveValidator{},
		&MsgSetBoardChair{}, &MsgUpdateProfile{}, &MsgResign{},
		&MsgSubmitMotion{}, &MsgVote{}, &MsgWithdrawMotion{},
	}
}

// RegisterLegacyAminoCodec registers the messages for amino JSON signing, using
// the amino.name declared in tx.proto ("community/<MsgName>").
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	for _, msg := range allMsgs() {
		legacy.RegisterAminoMsg(cdc, msg, "community/"+sdk.MsgTypeURL(msg)[len("/polity.community.v1."):])
	}
}

// RegisterInterfaces registers every Msg so that REST tx JSON, motions and
// indexers can decode them.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), allMsgs()...)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}

var (
	_ codectypes.UnpackInterfacesMessage = (*Validator)(nil)
	_ codectypes.UnpackInterfacesMessage = (*MsgAdmitValidator)(nil)
	_ codectypes.UnpackInterfacesMessage = (*MsgSubmitMotion)(nil)
	_ codectypes.UnpackInterfacesMessage = (*Motion)(nil)
	_ codectypes.UnpackInterfacesMessage = (*GenesisState)(nil)
)

// UnpackInterfaces resolves the consensus key.
func (v *Validator) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	var pk cryptotypes.PubKey
	return unpacker.UnpackAny(v.ConsensusPubkey, &pk)
}

// UnpackInterfaces resolves the consensus key.
func (m *MsgAdmitValidator) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	var pk cryptotypes.PubKey
	return unpacker.UnpackAny(m.ConsensusPubkey, &pk)
}

// UnpackInterfaces resolves the motion's messages.
func (m *MsgSubmitMotion) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	return sdktx.UnpackInterfaces(unpacker, m.Messages)
}

// UnpackInterfaces resolves the motion's messages.
func (m *Motion) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	return sdktx.UnpackInterfaces(unpacker, m.Messages)
}

// UnpackInterfaces resolves every Any in the genesis state.
func (gs *GenesisState) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	for i := range gs.Validators {
		if err := gs.Validators[i].UnpackInterfaces(unpacker); err != nil {
			return err
		}
	}
	for i := range gs.Motions {
		if err := gs.Motions[i].UnpackInterfaces(unpacker); err != nil {
			return err
		}
	}
	return nil
}
