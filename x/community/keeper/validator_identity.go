package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// checkConsensusKey refuses a consensus key recorded for another community's
// validator, active or removed. CometBFT knows a validator only by its key,
// so a key that moved would carry one operator's node (and signing history)
// from one community's power to another's. Records are never deleted, so a
// key once used stays with its first community for good.
func checkConsensusKey(existing types.Validator, communityID string) error {
	if existing.ConsensusAddress == "" || existing.CommunityId == communityID {
		return nil
	}
	return types.ErrConsensusKeyTaken.Wrapf("%s is recorded as %s's validator %q (%s); a consensus key serves one community only",
		existing.ConsensusAddress, existing.CommunityId, existing.Moniker, existing.Status)
}

// checkOperator refuses an operator recorded for another community's
// validator, active or removed: one account running nodes for two
// communities would add their powers under one control, past the cap. Every
// admission keeps an operator's records in one community, so the first
// record the operator index yields speaks for all (one bounded lookup).
func (k *Keeper) checkOperator(ctx context.Context, operator sdk.AccAddress, communityID string) error {
	iter, err := k.Validators.Indexes.Operator.MatchExact(ctx, operator)
	if err != nil {
		return err
	}
	defer iter.Close()
	if !iter.Valid() {
		return nil
	}
	key, err := iter.PrimaryKey()
	if err != nil {
		return err
	}
	v, err := k.Validators.Get(ctx, key)
	if err != nil {
		return err
	}
	if v.CommunityId != communityID {
		return types.ErrOperatorTaken.Wrapf("%s operates %s's validator %q (%s); an operator serves one community only",
			v.Operator, v.CommunityId, v.Moniker, v.Status)
	}
	return nil
}
