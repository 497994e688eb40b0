package keeper_test

import (
	"fmt"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Capture paths of the validator set (one operator, many communities). The
// test constitution runs dev, ops, fin and users at 10 power each (25%, just
// under the cap), operated by their chairs.

// powerState is the export plus the derived power counters, which the export
// leaves out: a refused message must not move them either.
func powerState(f *keepertest.Fixture) func() string {
	return func() string {
		community, err1 := f.Keeper.CommunityPower.Iterate(f.Ctx, nil)
		tree, err2 := f.Keeper.TreePower.Iterate(f.Ctx, nil)
		if err1 != nil || err2 != nil {
			return fmt.Sprint(err1, err2)
		}
		cps, err1 := community.KeyValues()
		tps, err2 := tree.KeyValues()
		total, err3 := f.Keeper.TotalPower.Get(f.Ctx)
		return fmt.Sprintf("%s\ncommunity: %v\ntree: %v\ntotal: %d %v %v %v", f.ExportJSON(), cps, tps, total, err1, err2, err3)
	}
}

// treePower reads the power counted for a top-level community's tree.
func treePower(t *testing.T, f *keepertest.Fixture, root string) int64 {
	t.Helper()
	p, err := f.Keeper.TreePower.Get(f.Ctx, root)
	require.NoError(t, err)
	return p
}

// requireCaptureRefused checks a message is refused with target and
// changes neither the records nor the power counters.
func requireCaptureRefused(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireFailsUnchanged(t, msg, target, powerState(f))
}

// validatorOf is a MsgAdmitValidator for a named node with an explicit operator.
func validatorOf(t *testing.T, community, node, operator string, power int64) *types.MsgAdmitValidator {
	msg := admitValidatorMsg(t, community, node, power)
	msg.Operator = addr(operator).String()
	return msg
}

// createSubCommunity founds a community under parent with a validator share.
func createSubCommunity(f *keepertest.Fixture, id, parent, share string) {
	f.MustDeliver(&types.MsgCreateCommunity{
		Authority: f.Authority, Id: id, Name: "Community " + id, Kind: types.KindSupporting, ParentId: parent,
		Charter: constitution.CharterDocument(id), Rule: constitution.CommunityRule(keepertest.VotingPeriod),
		Seats: types.SeatAllocation{ValidatorPowerShare: share},
	})
}

// makeRoomAndRemoveDev admits gov and secretariat validators (10 each) so
// that dev can remove its only validator, leaving its record REMOVED.
func makeRoomAndRemoveDev(t *testing.T, f *keepertest.Fixture) {
	t.Helper()
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 10))
	f.MustDeliver(admitValidatorMsg(t, "secretariat", "secretariat-node", 10))
	f.MustDeliver(removeValidatorMsg("dev", "dev-node"))
	v, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("dev-node").Address())
	require.NoError(t, err)
	require.Equal(t, types.ValidatorRemoved, v.Status)
}

// TestCaptureOperatorInTwoCommunities: dev's chair, who runs dev's node,
// cannot also run one for gov (which would pass gov's own share check and put
// 20 of 50 power under one account), neither directly nor through gov's
// passed motion; nor after dev removed that node, since the record remains.
// A community may run several nodes under one operator.
func TestCaptureOperatorInTwoCommunities(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	capture := validatorOf(t, "gov", "gov-node", "dev-chair", 10)
	requireCaptureRefused(t, f, capture, types.ErrOperatorTaken)

	m := f.PassMotion("gov", capture)
	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, types.ErrOperatorTaken.Error())
	_, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("gov-node").Address())
	requireModuleErr(t, err, types.ErrValidatorNotFound)

	makeRoomAndRemoveDev(t, f)
	requireCaptureRefused(t, f, validatorOf(t, "fin", "fin-node-2", "dev-chair", 1), types.ErrOperatorTaken)
	// The operator's own community may still use it, for a new node.
	f.MustDeliver(validatorOf(t, "dev", "dev-node-2", "dev-chair", 5))
}

// TestCaptureConsensusKeyInTwoCommunities: CometBFT knows a validator by its
// key, so gov can neither take over dev's active key nor revive it once dev
// removed it (the old code overwrote the removed record with gov's); dev
// itself may bring its removed key back.
func TestCaptureConsensusKeyInTwoCommunities(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	requireCaptureRefused(t, f, validatorOf(t, "gov", "dev-node", "gov-chair", 5), types.ErrConsensusKeyTaken)

	makeRoomAndRemoveDev(t, f)
	// power 2 keeps gov within its share, so only the key rule refuses it
	revive := validatorOf(t, "gov", "dev-node", "gov-member", 2)
	requireCaptureRefused(t, f, revive, types.ErrConsensusKeyTaken)
	m := f.PassMotion("gov", revive)
	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, types.ErrConsensusKeyTaken.Error())
	v, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("dev-node").Address())
	require.NoError(t, err)
	require.Equal(t, "dev", v.CommunityId)
	require.Equal(t, types.ValidatorRemoved, v.Status)

	f.MustDeliver(admitValidatorMsg(t, "dev", "dev-node", 10))
}

// TestCaptureSubCommunityPowerCountsWithParent: dev holds 10 of 40, just
// under the cap. A child community with its own share cannot take dev's tree
// to a third (5 more: 15 of 45), though each alone would pass; a grandchild
// cannot either. Below the cap the child's power is counted with dev's.
func TestCaptureSubCommunityPowerCountsWithParent(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	createSubCommunity(f, "dev-child", "dev", "0.25")
	createSubCommunity(f, "dev-grandchild", "dev-child", "0.25")
	f.ResetEvents()

	requireCaptureRefused(t, f, validatorOf(t, "dev-child", "child-node", "child-operator", 5), types.ErrPowerCap)
	requireCaptureRefused(t, f, validatorOf(t, "dev-grandchild", "grandchild-node", "grandchild-operator", 5), types.ErrPowerCap)
	_, err := f.Deliver(validatorOf(t, "dev-child", "child-node", "child-operator", 5))
	require.ErrorContains(t, err, "dev with its sub-communities would hold 15 of 45")

	f.MustDeliver(validatorOf(t, "dev-child", "child-node", "child-operator", 4))
	require.Equal(t, int64(14), treePower(t, f, "dev"))
	requireCaptureRefused(t, f, validatorOf(t, "dev-grandchild", "grandchild-node", "grandchild-operator", 1), types.ErrPowerCap)
	requireCaptureRefused(t, f, validatorOf(t, "dev", "dev-node-2", "dev-chair", 1), types.ErrPowerCap)
}

// TestCaptureRemovalLiftsCommunityTree: a removal elsewhere raises every
// tree's share. dev (10) and its child (4) hold 14 of 50; users leaving would
// make it 14 of 40, above a third, though every community alone stays within
// its share and the cap.
func TestCaptureRemovalLiftsCommunityTree(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	createSubCommunity(f, "dev-child", "dev", "0.25")
	f.MustDeliver(validatorOf(t, "dev-child", "child-node", "child-operator", 4))
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 6))
	f.ResetEvents()
	requireCaptureRefused(t, f, removeValidatorMsg("users", "users-node"), types.ErrPowerCap)
	// Removing the child's node instead lowers the tree and is allowed.
	f.MustDeliver(removeValidatorMsg("dev-child", "child-node"))
	require.Equal(t, int64(10), treePower(t, f, "dev"))
}

// TestCaptureLeavingBootstrapCountsTrees: bootstrap mode suspends the cap,
// but it can be left only when every community tree is below a third: dev
// and its child hold 15 of 45 here.
func TestCaptureLeavingBootstrapCountsTrees(t *testing.T) {
	f := keepertest.NewFixture(t)
	f.InitGenesis(keepertest.Constitution(t, true))
	createSubCommunity(f, "dev-child", "dev", "0.25")
	f.MustDeliver(validatorOf(t, "dev-child", "child-node", "child-operator", 5))
	// The identity rules hold in bootstrap mode too.
	requireCaptureRefused(t, f, validatorOf(t, "gov", "gov-node", "child-operator", 5), types.ErrOperatorTaken)
	f.ResetEvents()
	params, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	params.Bootstrap = false
	requireCaptureRefused(t, f, &types.MsgUpdateParams{Authority: f.Authority, Params: params}, types.ErrPowerCap)
}

// TestCaptureCommunityCannotBeReparented: the tree a community's power counts
// in is fixed when it is founded. Founding it again under another parent is
// refused, and MsgCreateCommunity is the only message that carries a parent;
// a message that moved a community would have to move its tree's power and
// recheck the cap.
func TestCaptureCommunityCannotBeReparented(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	createSubCommunity(f, "lone", "", "0.25")
	f.ResetEvents()
	requireCaptureRefused(t, f, &types.MsgCreateCommunity{
		Authority: f.Authority, Id: "lone", Name: "Community lone", Kind: types.KindSupporting, ParentId: "dev",
		Charter: constitution.CharterDocument("lone"), Rule: constitution.CommunityRule(keepertest.VotingPeriod),
		Seats: types.SeatAllocation{ValidatorPowerShare: "0.25"},
	}, types.ErrCommunityExists)

	desc, err := proto.HybridResolver.FindDescriptorByName("polity.community.v1.Msg")
	require.NoError(t, err)
	methods := desc.(protoreflect.ServiceDescriptor).Methods()
	var withParent []string
	for i := range methods.Len() {
		in := methods.Get(i).Input()
		if in.Fields().ByName("parent_id") != nil {
			withParent = append(withParent, string(in.Name()))
		}
	}
	require.Equal(t, []string{"MsgCreateCommunity"}, withParent)
}
