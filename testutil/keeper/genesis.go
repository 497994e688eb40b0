package keeper

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/x/community/types"
)

// VotingPeriod is every body's voting period in the test constitution.
const VotingPeriod = time.Hour

// ValidatorPower is the power of each constitution validator.
const ValidatorPower = 10

// ValidatorCommunities run one validator each in the test constitution: four
// communities of 10 power hold 25% each, within their 0.25 allocation and
// below the 1/3 cap.
var ValidatorCommunities = []string{"dev", "ops", "fin", "users"}

// Addr is a deterministic account address for a name; nobody holds its key,
// which tests do not need since they deliver messages directly.
func Addr(name string) sdk.AccAddress {
	sum := sha256.Sum256([]byte("polity-test/account/" + name))
	return sdk.AccAddress(sum[:20])
}

// ConsKey is a deterministic ed25519 consensus key for a name.
func ConsKey(name string) cryptotypes.PubKey {
	return ed25519.GenPrivKeyFromSecret([]byte("polity-test/consensus/" + name)).PubKey()
}

// ConsAddr is the bech32 consensus address of ConsKey(name).
func ConsAddr(name string) string {
	return sdk.ConsAddress(ConsKey(name).Address()).String()
}

// BodyAuthority is the address a body's passed motion signs with.
func BodyAuthority(bodyID string) string { return types.BodyAddress(bodyID).String() }

// Periods of the test constitution's proposal procedures. Each differs from
// VotingPeriod (the Board's vote on a proposal) so a test can tell the phases
// apart by their deadlines.
const (
	// CommentPeriod is the public comment period of every kind but RESOLUTION.
	CommentPeriod = 2 * time.Hour
	// ECPeriod is the Empowered Community's rejection window and approval deadline.
	ECPeriod = 3 * time.Hour
	// AdvicePeriod is the advice response period and the advice wait.
	AdvicePeriod = 4 * time.Hour
	// ReviewPeriod is x/review's working period (panel picks, the Board's
	// deadlines, ombudsman reports, emergency consultations) and the
	// Empowered Community's inspection response period.
	ReviewPeriod = 5 * time.Hour
	// ChallengeWindow is the window of resolutions, technical actions and
	// policies between the Board's approval and their effect.
	ChallengeWindow = 30 * time.Minute
)

// BuildConstitution builds the default constitution (app/constitution) with
// Addr accounts for every key, one validator of ValidatorPower in each of
// ValidatorCommunities (operated by the community chair, moniker
// "<community>-node"), an hour's voting period, the proposal periods above and
// the cap enforced unless bootstrap is set.
func BuildConstitution(tb testing.TB, bootstrap bool) constitution.Result {
	tb.Helper()
	SetAddressConfig()
	addrs := map[string]sdk.AccAddress{}
	for _, name := range constitution.KeyNames() {
		addrs[name] = Addr(name)
	}
	var validators []constitution.ValidatorSpec
	for _, c := range ValidatorCommunities {
		validators = append(validators, constitution.ValidatorSpec{
			Community: c, Moniker: c + "-node", PubKey: ConsKey(c + "-node"), Power: ValidatorPower,
		})
	}
	res, err := constitution.Build(constitution.Spec{
		Addresses: addrs, Validators: validators, GenesisTime: GenesisTime,
		VotingPeriod: VotingPeriod, CommentPeriod: CommentPeriod, ECPeriod: ECPeriod, ChallengeWindow: ChallengeWindow, AdvicePeriod: AdvicePeriod,
		ReviewPeriod: ReviewPeriod, Bootstrap: bootstrap, Funds: 1_000_000,
	})
	require.NoError(tb, err)
	return res
}

// Constitution is the x/community share of BuildConstitution.
func Constitution(tb testing.TB, bootstrap bool) *types.GenesisState {
	tb.Helper()
	return BuildConstitution(tb, bootstrap).Community
}

// NewConstitutionFixture returns a fixture with the test constitution loaded
// (cap enforced) at height 1 into every module: x/community, x/proposals,
// x/review and x/empowered; genesis members may vote on motions submitted
// from this block on.
func NewConstitutionFixture(tb testing.TB) *Fixture {
	tb.Helper()
	f := NewFixture(tb)
	res := BuildConstitution(tb, false)
	f.InitGenesis(res.Community)
	f.InitProposalsGenesis(res.Proposals)
	f.InitReviewGenesis(res.Review)
	f.InitEmpoweredGenesis(res.Empowered)
	f.ResetEvents()
	return f
}

// NewProposalsFixture returns a fixture with the test constitution loaded
// into x/community and x/proposals only, and x/proposals standing alone: no
// Empowered Community hooks, so its EC phases follow its own deadlines and
// tests drive them with MsgVetoProposal and MsgApproveProposal directly.
func NewProposalsFixture(tb testing.TB) *Fixture {
	tb.Helper()
	f := newFixture(tb, false)
	res := BuildConstitution(tb, false)
	f.InitGenesis(res.Community)
	f.InitProposalsGenesis(res.Proposals)
	f.ResetEvents()
	return f
}
