package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
	sdktx "github.com/cosmos/cosmos-sdk/types/tx"
)

// allMsgs lists every Msg of the module.
func allMsgs() []sdk.Msg {
	return []sdk.Msg{
		&MsgSubmitProposal{}, &MsgComment{}, &MsgSubmitAdvice{}, &MsgBoardVote{}, &MsgWithdrawProposal{},
		&MsgRespondToAdvice{}, &MsgVetoProposal{}, &MsgApproveProposal{}, &MsgStayProposal{},
		&MsgAnnulProposal{}, &MsgUpdateParams{},
	}
}

// RegisterLegacyAminoCodec registers the messages as "proposals/<MsgName>".
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	for _, msg := range allMsgs() {
		legacy.RegisterAminoMsg(cdc, msg, "proposals/"+sdk.MsgTypeURL(msg)[len("/polity.proposals.v1."):])
	}
}

// RegisterInterfaces registers every Msg for decoding.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), allMsgs()...)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}

var (
	_ codectypes.UnpackInterfacesMessage = (*MsgSubmitProposal)(nil)
	_ codectypes.UnpackInterfacesMessage = (*Proposal)(nil)
	_ codectypes.UnpackInterfacesMessage = (*GenesisState)(nil)
)

// UnpackInterfaces resolves the proposal's messages.
func (m *MsgSubmitProposal) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	return sdktx.UnpackInterfaces(unpacker, m.Messages)
}

// UnpackInterfaces resolves the proposal's messages.
func (p *Proposal) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	return sdktx.UnpackInterfaces(unpacker, p.Messages)
}

// UnpackInterfaces resolves every proposal's messages.
func (gs *GenesisState) UnpackInterfaces(unpacker codectypes.AnyUnpacker) error {
	for i := range gs.Proposals {
		if err := gs.Proposals[i].UnpackInterfaces(unpacker); err != nil {
			return err
		}
	}
	return nil
}
