package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

func allMsgs() []sdk.Msg {
	return []sdk.Msg{
		&MsgPetition{}, &MsgSupportPetition{}, &MsgPostStatement{}, &MsgDecide{}, &MsgRespondInspection{}, &MsgUpdateParams{},
	}
}

// RegisterLegacyAminoCodec registers the messages as "empowered/<MsgName>".
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	for _, msg := range allMsgs() {
		legacy.RegisterAminoMsg(cdc, msg, "empowered/"+sdk.MsgTypeURL(msg)[len("/polity.empowered.v1."):])
	}
}

// RegisterInterfaces registers every Msg for decoding.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), allMsgs()...)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}

// OpenDoorMessages are the messages any account may send: forum statements.
func OpenDoorMessages() []string { return []string{sdk.MsgTypeURL(&MsgPostStatement{})} }
