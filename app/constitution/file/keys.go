package file

import (
	"crypto/sha256"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	ctypes "github.com/polity-chain/polity/x/community/types"
)

// DefaultBalance is what a key receives when the file gives no balance.
const DefaultBalance = "1000000000" + ctypes.FeeDenom

// KeysToCreate lists the keys the file names without an address: the
// keyring must hold them (they are created if missing).
func KeysToCreate(f *File) []string {
	var names []string
	for _, k := range f.Keys {
		if k.Address == "" && k.Name != "" {
			names = append(names, k.Name)
		}
	}
	return names
}

// Placeholder is a stand-in account for a key that is not created yet, so
// that --check can validate a file without touching a keyring.
func Placeholder(name string) sdk.AccAddress {
	sum := sha256.Sum256([]byte("polity constitution key " + name))
	return sdk.AccAddress(sum[:20])
}

// keysAndBalances resolves every key and funds it.
func (c *compiler) keysAndBalances() {
	owner := map[string]int{}
	for i, k := range c.f.Keys {
		if k.Name == "" {
			c.ps.add(at("keys", i, "name"), "empty")
			continue
		}
		if _, dup := c.keys[k.Name]; dup {
			c.ps.add(at("keys", i, "name"), "duplicate key %q", k.Name)
			continue
		}
		var addr sdk.AccAddress
		if k.Address != "" {
			a, err := sdk.AccAddressFromBech32(k.Address)
			if err != nil {
				c.ps.add(at("keys", i, "address"), "%v", err)
				continue
			}
			addr = a
		} else if a, ok := c.env.Addresses[k.Name]; ok {
			addr = a
		} else {
			c.ps.add(at("keys", i, "name"), "no account for key %q", k.Name)
			continue
		}
		if j, dup := owner[addr.String()]; dup {
			// the name stays known, so its uses are not reported as well
			c.ps.add(at("keys", i, "address"), "duplicate address %s: already keys[%d] (%s)", addr, j, c.f.Keys[j].Name)
			c.keys[k.Name] = addr
			continue
		}
		owner[addr.String()] = i
		c.keys[k.Name] = addr
		bal := k.Balance
		if bal == "" {
			bal = DefaultBalance
		}
		coins, err := sdk.ParseCoinsNormalized(bal)
		if err != nil {
			c.ps.add(at("keys", i, "balance"), "%v", err)
			continue
		}
		c.res.Balances = append(c.res.Balances, banktypes.Balance{Address: addr.String(), Coins: coins})
	}
}
