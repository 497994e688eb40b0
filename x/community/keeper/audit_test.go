package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Short names for the shared audit stamps.
type stamp = keepertest.Stamp

var (
	at           = keepertest.At
	requireLater = keepertest.RequireLater
)

// here is the current block's stamp.
func here(f *keepertest.Fixture) stamp { return f.Here() }

// requireMotionStamps reads a motion and checks that it was submitted at
// submitted and last changed in the current block.
func requireMotionStamps(t *testing.T, f *keepertest.Fixture, id uint64, submitted stamp) types.Motion {
	t.Helper()
	m := f.Motion(id)
	require.Equal(t, submitted, at(m.SubmitHeight, m.SubmitTime), "the submission stamp stays")
	require.Equal(t, here(f), at(m.UpdatedHeight, m.UpdatedTime), "stamped by the change in this block")
	return m
}

// TestAuditMotion checks that a motion is stamped when submitted, as a vote
// arrives in a later block, and when EndBlock decides it at the end of its
// voting period; and that a withdrawal is stamped too.
func TestAuditMotion(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.NextBlock(time.Second)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
	withdrawn := f.MustSubmitMotion(addr("dev-chair"), "dev")
	submitted := here(f)
	requireMotionStamps(t, f, id, submitted)

	f.NextBlock(time.Minute)
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	m := requireMotionStamps(t, f, id, submitted)
	require.Equal(t, uint64(1), m.Tally.Yes, "the tally is updated as the vote arrives")
	require.Equal(t, types.MotionStatusVoting, m.Status)
	requireLater(t, submitted, here(f))

	f.NextBlock(time.Minute)
	f.MustDeliver(&types.MsgWithdrawMotion{Proposer: addr("dev-chair").String(), MotionId: withdrawn})
	w := requireMotionStamps(t, f, withdrawn, submitted)
	require.Equal(t, types.MotionStatusWithdrawn, w.Status)

	f.Advance(m.VotingEndTime.Sub(f.Now())) // EndBlock decides it
	m = requireMotionStamps(t, f, id, submitted)
	require.Equal(t, types.MotionStatusPassed, m.Status)
	require.Equal(t, here(f), at(m.DecidedHeight, m.DecidedTime))
}

// director reads a person's service record, which must exist.
func director(t *testing.T, f *keepertest.Fixture, name string) types.DirectorRecord {
	t.Helper()
	d, err := f.Keeper.Directors.Get(f.Ctx, addr(name))
	require.NoError(t, err)
	return d
}

// TestAuditDirectorRecord checks a service record's stamps: created at the
// first appointment, updated when a term is cut short, and updated when the
// person is appointed again by a motion EndBlock decides.
func TestAuditDirectorRecord(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	genesis := director(t, f, "director-dev").Audit
	require.Equal(t, genesis.CreatedAt, genesis.UpdatedAt, "the constitution stamps its directors at genesis")
	created := at(genesis.CreatedHeight, genesis.CreatedAt)

	// A first appointment creates the record.
	vacate(f, seatNomcom1)
	f.NextBlock(time.Second)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
	d := director(t, f, "newcomer")
	require.Equal(t, here(f), at(d.Audit.CreatedHeight, d.Audit.CreatedAt))
	require.Equal(t, here(f), at(d.Audit.UpdatedHeight, d.Audit.UpdatedAt))

	// Cutting a term short changes the record.
	f.NextBlock(time.Minute)
	vacate(f, seatDev)
	d = director(t, f, "director-dev")
	require.Equal(t, f.Now(), d.LastTermEnd)
	require.Equal(t, created, at(d.Audit.CreatedHeight, d.Audit.CreatedAt))
	require.Equal(t, here(f), at(d.Audit.UpdatedHeight, d.Audit.UpdatedAt))
	requireLater(t, created, here(f))

	// The community's motion reappoints the director when EndBlock decides it.
	f.NextBlock(time.Second)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev", appointMsg("dev", seatDev, "director-dev", types.RegionUnspecified))
	f.NextBlock(time.Minute)
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	f.Advance(f.Motion(id).VotingEndTime.Sub(f.Now()))
	require.Equal(t, types.MotionStatusPassed, f.Motion(id).Status, f.Motion(id).FailureReason)
	d = director(t, f, "director-dev")
	require.Equal(t, uint32(2), d.TotalTerms)
	require.Equal(t, created, at(d.Audit.CreatedHeight, d.Audit.CreatedAt))
	require.Equal(t, here(f), at(d.Audit.UpdatedHeight, d.Audit.UpdatedAt))
}

// TestAuditGenesisRoundTrip checks that genesis import restores motion and
// director stamps exactly, even in a later block.
func TestAuditGenesisRoundTrip(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.NextBlock(time.Second)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.NextBlock(time.Minute)
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	vacate(f, seatDev)
	gs := f.Export()
	exported := f.ExportJSON()

	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight()+10, f.Now().Add(time.Hour))
	g.InitGenesis(gs)
	require.JSONEq(t, string(exported), string(g.ExportJSON()))
	require.Equal(t, f.Motion(id), g.Motion(id))
}
