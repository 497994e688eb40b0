package file

import (
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	ctypes "github.com/polity-chain/polity/x/community/types"
)

// DefaultPower is a validator's power when the file gives none.
const DefaultPower = 10

// buildValidators writes the validators and checks the power cap: each
// top-level community, with its sub-communities, below 1/3 of the power,
// and each community within its validator_power_share.
func (c *compiler) buildValidators() {
	gs := c.res.Community
	powerOf := map[string]int64{}
	var total int64
	seenKey := map[string]int{}
	for i, v := range c.f.Validators {
		path := at("validators", i, "")
		if v.Moniker == "" {
			c.ps.add(path+".moniker", "empty")
		}
		if !c.community(path+".community", v.Community) {
			continue
		}
		if v.Power < 0 {
			c.ps.add(path+".power", "must be positive")
			continue
		}
		power := v.Power
		if power == 0 {
			power = DefaultPower
		}
		operator := v.Operator
		opPath := path + ".operator"
		if operator == "" {
			if operator = c.chairOf(v.Community); operator == "" {
				c.ps.add(opPath, "empty, and community %q has no chair to run it", v.Community)
				continue
			}
		}
		opAddr := c.key(opPath, operator)
		if c.env.ConsensusKey == nil {
			c.ps.add(path+".consensus_key", "no way to read consensus keys")
			continue
		}
		pk, err := c.env.ConsensusKey(v.ConsensusKey)
		if err != nil {
			c.ps.add(path+".consensus_key", "%v", err)
			continue
		}
		if err := ctypes.ValidateConsensusKey(pk); err != nil {
			c.ps.add(path+".consensus_key", "%v", err)
			continue
		}
		cons := sdk.ConsAddress(pk.Address()).String()
		if j, dup := seenKey[cons]; dup {
			c.ps.add(path+".consensus_key", "same key as validators[%d]", j)
			continue
		}
		seenKey[cons] = i
		pkAny, err := codectypes.NewAnyWithValue(pk)
		if err != nil {
			c.ps.add(path+".consensus_key", "%v", err)
			continue
		}
		gs.Validators = append(gs.Validators, ctypes.Validator{
			ConsensusAddress: cons, Operator: opAddr, CommunityId: v.Community, Moniker: v.Moniker,
			ConsensusPubkey: pkAny, Power: power, Status: ctypes.ValidatorActive, Audit: c.audit,
		})
		powerOf[v.Community] += power
		total += power
	}
	if len(c.f.Validators) == 0 {
		c.ps.add("validators", "none: a chain needs at least one")
	}
	if gs.Params.Bootstrap || total == 0 {
		return
	}
	roots := map[string]int64{}
	var order []string
	for _, com := range gs.Communities {
		if err := ctypes.CheckPowerShare(false, com, powerOf[com.Id], total); err != nil {
			c.ps.add("validators", "%v", err)
		}
		root := c.root(com.Id)
		if _, ok := roots[root]; !ok {
			order = append(order, root)
		}
		roots[root] += powerOf[com.Id]
	}
	for _, root := range order {
		if err := ctypes.CheckTreePower(false, root, roots[root], total); err != nil {
			c.ps.add("validators", "%v", err)
		}
	}
}

// root is the top-level community above id (id itself when top-level; id
// when the tree is broken, which is reported elsewhere).
func (c *compiler) root(id string) string {
	cur := id
	for steps := 0; steps <= len(c.f.Communities); steps++ {
		i, ok := c.communities[cur]
		if !ok || c.f.Communities[i].Parent == "" {
			return cur
		}
		cur = c.f.Communities[i].Parent
	}
	return id
}
