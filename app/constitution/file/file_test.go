package file_test

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

func init() { app.SetAddressConfig() }

// cdc writes genesis states as JSON, consensus keys included.
var cdc = func() codec.Codec {
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	return codec.NewProtoCodec(registry)
}()

var genesisTime = time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)

// consKey is a deterministic consensus key per name.
func consKey(name string) cryptotypes.PubKey {
	return ed25519.GenPrivKeyFromSecret([]byte(name)).PubKey()
}

// readKey stands in for the CLI's consensus key parser: "self" is node0's
// key, anything else base64.
func readKey(s string) (cryptotypes.PubKey, error) {
	if s == "self" {
		return consKey("node0"), nil
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(raw) != ed25519.PubKeySize {
		return nil, fmt.Errorf("consensus key %q: not base64 of an ed25519 key", s)
	}
	return &ed25519.PubKey{Key: raw}, nil
}

func b64(name string) string { return base64.StdEncoding.EncodeToString(consKey(name).Bytes()) }

// envFor gives every key of f its placeholder account.
func envFor(f *file.File) file.Env {
	addrs := map[string]sdk.AccAddress{}
	for _, name := range file.KeysToCreate(f) {
		addrs[name] = file.Placeholder(name)
	}
	return file.Env{GenesisTime: genesisTime, Addresses: addrs, ConsensusKey: readKey}
}

func example(t *testing.T, name string) *file.File {
	t.Helper()
	data, err := file.Example(name)
	require.NoError(t, err)
	f, err := file.Parse(data)
	require.NoError(t, err)
	return f
}

// TestExamplesCompile: every shipped example passes the file's checks and
// every module's genesis validation.
func TestExamplesCompile(t *testing.T) {
	require.Equal(t, []string{"defi", "dev", "icann"}, file.ExampleNames())
	for _, name := range file.ExampleNames() {
		t.Run(name, func(t *testing.T) {
			f := example(t, name)
			_, err := file.Compile(f, envFor(f))
			require.NoError(t, err)
		})
	}
}

// TestDevIsTheGoConstitution: the dev example is today's Go constitution
// with localnet's windows, field for field.
func TestDevIsTheGoConstitution(t *testing.T) {
	f := example(t, "dev")
	env := envFor(f)
	got, err := file.Compile(f, env)
	require.NoError(t, err)

	spec := constitution.Spec{
		Addresses: env.Addresses, GenesisTime: genesisTime, Bootstrap: true, Funds: 1_000_000_000,
		Validators:   []constitution.ValidatorSpec{{Community: "ops", Moniker: "node0", PubKey: consKey("node0"), Power: 10}},
		VotingPeriod: 5 * time.Minute, CommentPeriod: 30 * time.Second, ECPeriod: 2 * time.Minute,
		ChallengeWindow: 20 * time.Second, ForumPeriod: 20 * time.Second, AdvicePeriod: 5 * time.Minute, ReviewPeriod: 5 * time.Minute,
	}
	want, err := constitution.Build(spec)
	require.NoError(t, err)
	require.Equal(t, want.Community, got.Community)
	require.Equal(t, want.Proposals, got.Proposals)
	require.Equal(t, want.Review, got.Review)
	require.Equal(t, want.Empowered, got.Empowered)
	require.Equal(t, want.Balances, got.Balances)
}

// TestDurations reads human durations and writes them back.
func TestDurations(t *testing.T) {
	for in, want := range map[string]time.Duration{"30s": 30 * time.Second, "36h": 36 * time.Hour, "21d": 21 * 24 * time.Hour, "1.5d": 36 * time.Hour, "2w": 14 * 24 * time.Hour, "1h30m": 90 * time.Minute} {
		d, err := file.ParseDuration(in)
		require.NoError(t, err, in)
		require.Equal(t, want, d, in)
	}
	for _, bad := range []string{"", "3x", "-1d", "d", "5 days"} {
		_, err := file.ParseDuration(bad)
		require.Error(t, err, bad)
	}
	require.Equal(t, "21d", file.FormatDuration(21*24*time.Hour))
	require.Equal(t, "36h", file.FormatDuration(36*time.Hour))
	require.Equal(t, "90s", file.FormatDuration(90*time.Second))
}

// TestParamsOverride: a rule in a list is changed by its key, durations are
// human, and unknown parameters are problems at their path.
func TestParamsOverride(t *testing.T) {
	f := example(t, "dev")
	f.Params.Review = map[string]any{"irp_filing_window": "45d", "min_standing_panel": 9.0}
	f.Params.Empowered = map[string]any{"rules": []any{map[string]any{"power": "POWER_REJECT_BUDGET", "petition_period": "21d"}}}
	f.Officers.Panelists = append(f.Officers.Panelists, file.Panelist{Key: "panelist-8"}, file.Panelist{Key: "panelist-9"})
	f.Keys = append(f.Keys, file.Key{Name: "panelist-8"}, file.Key{Name: "panelist-9"})
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	require.Equal(t, 45*24*time.Hour, res.Review.Params.IrpFilingWindow)
	require.Equal(t, uint32(9), res.Review.Params.MinStandingPanel)
	found := false
	for _, r := range res.Empowered.Params.Rules {
		if r.Power.String() == "POWER_REJECT_BUDGET" {
			require.Equal(t, 21*24*time.Hour, r.PetitionPeriod)
			found = true
		} else {
			require.Equal(t, 2*time.Minute, r.DecisionPeriod, "other rules keep the windows")
		}
	}
	require.True(t, found)

	f.Params.Review = map[string]any{"irp_filing_window": "soon", "no_such_param": 1.0}
	_, err = file.Compile(f, envFor(f))
	require.EqualError(t, err, strings.Join([]string{
		`params.review.irp_filing_window: bad duration "soon": want e.g. 30s, 36h, 21d`,
		`params.review.no_such_param: unknown parameter`,
	}, "\n"))
}

// TestUnknownFieldRefused: a misspelt field is an error, not ignored, and
// every one is reported at its path in the file, inside lists and nested
// objects; module params (free-form maps) are checked by Compile instead.
func TestUnknownFieldRefused(t *testing.T) {
	_, err := file.Parse([]byte("communities:\n  - id: a\n    knd: advisory\n"))
	require.EqualError(t, err, "constitution: communities[0].knd: unknown field")

	_, err = file.Parse([]byte(`
bootstrp: true
communities:
  - id: a
  - id: b
    chartr: x
board:
  seats:
    - {appointed_by: a, reigon: 1}
params:
  review: {anything: 1}
`))
	require.EqualError(t, err, strings.Join([]string{
		"constitution: board.seats[0].reigon: unknown field",
		"bootstrp: unknown field",
		"communities[1].chartr: unknown field",
	}, "\n"))
}

// TestRoundTrip: every example's genesis, described as a file again
// (FromGenesis, as --from-export does), compiles to the same genesis state.
func TestRoundTrip(t *testing.T) {
	for _, name := range file.ExampleNames() {
		t.Run(name, func(t *testing.T) {
			f := example(t, name)
			first, err := file.Compile(f, envFor(f))
			require.NoError(t, err)
			back, err := file.FromGenesis(first)
			require.NoError(t, err)
			data, err := file.Marshal(back)
			require.NoError(t, err)
			reread, err := file.Parse(data)
			require.NoError(t, err)
			require.Empty(t, file.KeysToCreate(reread), "every key keeps its address")
			second, err := file.Compile(reread, file.Env{GenesisTime: genesisTime, ConsensusKey: readKey})
			require.NoError(t, err)
			// as JSON: an empty list and no list are the same state
			for i, pair := range [][2]proto.Message{{first.Community, second.Community}, {first.Proposals, second.Proposals}, {first.Review, second.Review}, {first.Empowered, second.Empowered}} {
				a, err := cdc.MarshalJSON(pair[0])
				require.NoError(t, err)
				b, err := cdc.MarshalJSON(pair[1])
				require.NoError(t, err)
				require.JSONEq(t, string(a), string(b), "module %d", i)
			}
			// accounts the constitution does not name (dev's outsider) are
			// not part of it: the bank's state is not a constitution
			require.Subset(t, first.Balances, second.Balances)
			require.GreaterOrEqual(t, len(second.Balances), len(first.Balances)-1)
		})
	}
}

// TestICANNNomCom: the icann example's NomCom has its five non-voting
// members (weight 0, out of its electorate) and appoints into the GNSO, its
// two houses, the ccNSO and the ALAC.
func TestICANNNomCom(t *testing.T) {
	f := example(t, "icann")
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	nonVoting, voting := 0, 0
	for _, ms := range res.Community.Memberships {
		if ms.CommunityId != "nomcom" {
			continue
		}
		if ms.NonVoting {
			require.Zero(t, ms.Weight)
			nonVoting++
		} else {
			voting++
		}
	}
	require.Equal(t, 5, nonVoting, "chair, associate chair, GAC, RSSAC and SSAC liaisons")
	require.Equal(t, 2, voting)
	for _, c := range res.Community.Communities {
		if c.Id == "nomcom" {
			require.Equal(t, []ctypes.Appointment{
				{IntoCommunityId: "gnso", VotingSeats: 2, NonVotingSeats: 1},
				{IntoCommunityId: "gnso-cph", VotingSeats: 1},
				{IntoCommunityId: "gnso-ncph", VotingSeats: 1},
				{IntoCommunityId: "ccnso", VotingSeats: 3},
				{IntoCommunityId: "alac", VotingSeats: 5},
			}, c.Appointments)
		}
	}
}

// TestIcannGNSOAndReviews: the icann example's GNSO decides by a majority
// of each house, and its recommendations to the Board (MsgSubmitProposal)
// by the GNSO Supermajority; every SO, AC and the NomCom has its own
// organisational review due five years after genesis.
func TestIcannGNSOAndReviews(t *testing.T) {
	f := example(t, "icann")
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	var gnso ctypes.DecisionRule
	for _, b := range res.Community.Bodies {
		if b.Id == "gnso" {
			gnso = b.Rule
		}
	}
	require.Len(t, gnso.Houses, 2, "a majority of each house by default")
	require.Empty(t, gnso.AnyOf)
	require.Len(t, gnso.Actions, 1)
	submit := gnso.Actions[0]
	require.Equal(t, "/polity.proposals.v1.MsgSubmitProposal", submit.MsgTypeUrl)
	require.Len(t, submit.Rule.AnyOf, 3, "2/3 of each house, or 3/4 of either and a majority of the other")
	require.Equal(t, gnso.Quorum, submit.Rule.Quorum, "inherited from the GNSO's rule")
	require.Equal(t, gnso.Basis, submit.Rule.Basis)

	cycle, ok := res.Review.Params.PerCommunityCycle()
	require.True(t, ok)
	require.Equal(t, 1825*24*time.Hour, cycle.Period)
	var reviewed []string
	for _, cr := range res.Review.CommunityReviews {
		reviewed = append(reviewed, cr.CommunityId)
		require.Equal(t, genesisTime.Add(cycle.Period), cr.Due)
	}
	require.Equal(t, []string{"aso", "ccnso", "gnso", "alac", "gac", "rssac", "ssac", "ietf", "nomcom"}, reviewed)
}
