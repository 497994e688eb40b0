package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
)

// RequiredKind is the weakest kind that may carry a message. A consensus
// parameter change that sets AuthorityParams would hand every SDK module's
// authority to another address, so it needs a fundamental bylaw amendment
// whatever the table says.
func (p Params) RequiredKind(msg sdk.Msg) ProposalKind {
	if m, ok := msg.(*consensustypes.MsgUpdateParams); ok && m.Auth != nil && m.Auth.Authority != "" {
		return KindFundamentalBylaw
	}
	return p.MinKind(sdk.MsgTypeURL(msg))
}
