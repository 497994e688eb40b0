package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// allMsgs lists every Msg of the module.
func allMsgs() []sdk.Msg {
	return []sdk.Msg{
		&MsgRegisterParty{}, &MsgDeregisterParty{}, &MsgAppointPanelist{}, &MsgRemovePanelist{}, &MsgConfirmPanelist{},
		&MsgFileIRP{}, &MsgChoosePanelist{}, &MsgPanelStay{}, &MsgDeclare{}, &MsgRecordBoardAction{},
		&MsgFileReconsideration{}, &MsgEvaluateReconsideration{}, &MsgDecideReconsideration{},
		&MsgAppointOmbudsman{}, &MsgFileComplaint{}, &MsgAcknowledgeComplaint{}, &MsgReportComplaint{},
		&MsgNominateReviewer{}, &MsgAppointReviewTeam{}, &MsgFileReviewReport{}, &MsgDecideRecommendation{},
		&MsgRecordImplementation{}, &MsgTakeEmergencyAction{}, &MsgRecordConsultation{}, &MsgAddMinutes{},
		&MsgRatifyEmergency{}, &MsgLiftEmergency{}, &MsgUpdateParams{},
	}
}

// RegisterLegacyAminoCodec registers the messages as "review/<MsgName>".
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	for _, msg := range allMsgs() {
		legacy.RegisterAminoMsg(cdc, msg, "review/"+sdk.MsgTypeURL(msg)[len("/polity.review.v1."):])
	}
}

// RegisterInterfaces registers every Msg for decoding.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), allMsgs()...)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}

// OpenDoorMessages are the filings any account may send (paying the
// open-door fee): reconsideration requests, complaints, and IRP filings
// (which still need standing: registered parties have it).
func OpenDoorMessages() []string {
	return []string{
		sdk.MsgTypeURL(&MsgFileIRP{}), sdk.MsgTypeURL(&MsgFileReconsideration{}), sdk.MsgTypeURL(&MsgFileComplaint{}),
	}
}
