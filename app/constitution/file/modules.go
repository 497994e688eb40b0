package file

import (
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// validateModules runs each Polity module's own genesis validation on the
// result: what the file's checks let through, the chain would still refuse
// at start, so it is a problem of the file too.
func (c *compiler) validateModules() {
	cfg := sdk.GetConfig()
	ac := addresscodec.NewBech32Codec(cfg.GetBech32AccountAddrPrefix())
	cc := addresscodec.NewBech32Codec(cfg.GetBech32ConsensusAddrPrefix())
	for _, m := range []struct {
		name string
		err  error
	}{
		{"community", c.res.Community.Validate(ac, cc)},
		{"proposals", c.res.Proposals.Validate(ac)},
		{"review", c.res.Review.Validate(ac)},
		{"empowered", c.res.Empowered.Validate(ac)},
	} {
		if m.err != nil {
			c.ps.add("genesis."+m.name, "%v", m.err)
		}
	}
}
