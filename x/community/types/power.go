package types

import (
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

// PowerCap is the chain-wide cap on one community's share of voting power: it
// must stay strictly below one third, so that no single stakeholder group can
// halt the chain and every block needs at least three groups to finalise.
var PowerCap = math.LegacyNewDecWithPrec(1, 0).QuoInt64(3)

// Validate checks a seat allocation; a validator power share must lie in
// [0, 1/3).
func (s SeatAllocation) Validate() error {
	share, err := s.PowerShare()
	if err != nil {
		return err
	}
	if share.GTE(PowerCap) {
		return ErrInvalidSeatAllocation.Wrapf("validator power share %s must be below 1/3", s.ValidatorPowerShare)
	}
	if s.VotingBoardSeats > 32 || s.LiaisonBoardSeats > 32 || s.NomcomDelegates > 32 {
		return ErrInvalidSeatAllocation.Wrap("at most 32 seats or delegates of each kind")
	}
	return nil
}

// PowerShare parses the validator power share; empty means none.
func (s SeatAllocation) PowerShare() (math.LegacyDec, error) {
	if s.ValidatorPowerShare == "" {
		return math.LegacyZeroDec(), nil
	}
	d, err := math.LegacyNewDecFromStr(s.ValidatorPowerShare)
	if err != nil || d.IsNegative() {
		return math.LegacyDec{}, ErrInvalidSeatAllocation.Wrapf("validator power share %q is not a non-negative decimal", s.ValidatorPowerShare)
	}
	return d, nil
}

// CheckPowerShare enforces, for one community, the chain-wide cap (power × 3 <
// total) and the community's own allocation (power ≤ share × total). Bootstrap
// mode suspends both so a single-node development chain can run.
func CheckPowerShare(bootstrap bool, c Community, power, total int64) error {
	if bootstrap || power == 0 {
		return nil
	}
	if power*3 >= total {
		return ErrPowerCap.Wrapf("community %s would hold %d of %d voting power: every community must stay below 1/3", c.Id, power, total)
	}
	share, err := c.Seats.PowerShare()
	if err != nil {
		return err
	}
	if share.MulInt64(total).LT(math.LegacyNewDec(power)) {
		return ErrPowerCap.Wrapf("community %s would hold %d of %d voting power, above its allocated share %s", c.Id, power, total, share)
	}
	return nil
}

// CheckTreePower enforces the 1/3 cap on a top-level community together with
// every community below it (power × 3 < total). A sub-community is part of
// its parent's stakeholder group: counted alone, a parent just under the cap
// could pass it through a child's validators. Bootstrap mode suspends it.
func CheckTreePower(bootstrap bool, root string, power, total int64) error {
	if bootstrap || power == 0 {
		return nil
	}
	if power*3 >= total {
		return ErrPowerCap.Wrapf("community %s with its sub-communities would hold %d of %d voting power: every top-level community, counted with its sub-communities, must stay below 1/3", root, power, total)
	}
	return nil
}

// PowerShareOf formats power / total as a decimal string for queries.
func PowerShareOf(power, total int64) string {
	if total == 0 {
		return math.LegacyZeroDec().String()
	}
	return math.LegacyNewDec(power).QuoInt64(total).String()
}

// ValidateConsensusKey accepts only ed25519 keys, the key type CometBFT's
// default consensus params allow.
func ValidateConsensusKey(pk cryptotypes.PubKey) error {
	if pk == nil {
		return ErrInvalidPubKey.Wrap("missing")
	}
	if _, ok := pk.(*ed25519.PubKey); !ok {
		return ErrInvalidPubKey.Wrapf("key type %s, want ed25519", pk.Type())
	}
	if len(pk.Bytes()) != ed25519.PubKeySize {
		return ErrInvalidPubKey.Wrapf("%d bytes, want %d", len(pk.Bytes()), ed25519.PubKeySize)
	}
	return nil
}
