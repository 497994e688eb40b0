package app

import (
	"slices"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// GovernanceMetrics is a Prometheus collector of Polity's governance state:
// open motions, proposals by status, Empowered Community actions by stage,
// IRP cases by status, queue depths, each validator's power, missed blocks
// and down flag, and whether bootstrap mode suspends the power cap. It reads the last committed block when scraped, off
// the consensus path, so the state machine never computes a metric. The node
// registers it beside CometBFT's metrics (config.toml's
// prometheus_listen_addr, default 127.0.0.1:26660).
type GovernanceMetrics struct {
	app                                      *App
	motions, proposals, actions, irps, queue *prometheus.Desc
	power, missed, down, scrapeError         *prometheus.Desc
	bootstrap                                *prometheus.Desc
	mempoolTxs, mempoolBytes                 *prometheus.Desc
	mempoolWaiting, mempoolWaitsTotal        *prometheus.Desc
}

// NewGovernanceMetrics returns the collector for app.
func NewGovernanceMetrics(app *App) *GovernanceMetrics {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc("polity_"+name, help, labels, nil)
	}
	return &GovernanceMetrics{
		app:       app,
		motions:   d("motions", "Motions still voting or queued to execute, by status.", "status"),
		proposals: d("proposals", "Proposals by status.", "status"),
		actions:   d("ec_actions", "Empowered Community actions by stage.", "stage"),
		irps:      d("irps", "IRP cases by status.", "status"),
		queue:     d("queue_depth", "Entries waiting in an EndBlock queue.", "module", "queue"),
		// A rotated or re-admitted validator keeps its moniker and community:
		// the consensus address tells the records apart.
		power:       d("validator_power", "A validator's consensus power (0 once removed).", "moniker", "community", "consensus_address"),
		missed:      d("validator_missed_blocks_total", "Blocks a validator missed since its record began.", "moniker", "community", "consensus_address"),
		down:        d("validator_down", "1 while a validator is flagged down (too many missed blocks in a window).", "moniker", "community", "consensus_address"),
		scrapeError: d("metrics_scrape_error", "1 when the governance state could not be read at this scrape."),
		bootstrap:   d("bootstrap_mode", "1 while bootstrap mode suspends the 1/3 validator power cap (params.bootstrap)."),
		// CometBFT's own mempool_size reads 0 with the app-side mempool
		mempoolTxs:   d("mempool_txs", "Transactions waiting in the app-side mempool (0 with CometBFT's mempool)."),
		mempoolBytes: d("mempool_bytes", "Bytes of the transactions waiting in the app-side mempool (0 with CometBFT's mempool)."),
		// a client's transactions that arrived ahead of their sender's earlier ones
		mempoolWaiting:    d("mempool_waiting", "Transactions waiting for their sender's earlier ones before CheckTx admits them (app-side mempool)."),
		mempoolWaitsTotal: d("mempool_sequence_waits_total", "Transactions that ever waited for their sender's earlier ones (app-side mempool)."),
	}
}

// Describe implements prometheus.Collector.
func (m *GovernanceMetrics) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{m.motions, m.proposals, m.actions, m.irps, m.queue, m.power, m.missed, m.down, m.scrapeError, m.bootstrap, m.mempoolTxs, m.mempoolBytes, m.mempoolWaiting, m.mempoolWaitsTotal} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (m *GovernanceMetrics) Collect(ch chan<- prometheus.Metric) {
	failed := 0.0
	if err := m.collect(ch); err != nil {
		m.app.Logger().Error("governance metrics", "err", err)
		failed = 1
	}
	ch <- prometheus.MustNewConstMetric(m.scrapeError, prometheus.GaugeValue, failed)
	txs, bytes := m.app.AppMempoolSize()
	ch <- prometheus.MustNewConstMetric(m.mempoolTxs, prometheus.GaugeValue, float64(txs))
	ch <- prometheus.MustNewConstMetric(m.mempoolBytes, prometheus.GaugeValue, float64(bytes))
	waiting, waited := m.app.AppMempoolWaits()
	ch <- prometheus.MustNewConstMetric(m.mempoolWaiting, prometheus.GaugeValue, float64(waiting))
	ch <- prometheus.MustNewConstMetric(m.mempoolWaitsTotal, prometheus.CounterValue, float64(waited))
}

func (m *GovernanceMetrics) collect(ch chan<- prometheus.Metric) error {
	ctx, err := m.app.CreateQueryContext(0, false)
	if err != nil {
		return err
	}
	gauge := func(d *prometheus.Desc, v int, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(v), labels...)
	}
	ck, pk, rk, ek := m.app.CommunityKeeper, m.app.ProposalsKeeper, m.app.ReviewKeeper, m.app.EmpoweredKeeper
	params, err := ck.GetParams(ctx)
	if err != nil {
		return err
	}
	bootstrap := 0
	if params.Bootstrap {
		bootstrap = 1
	}
	gauge(m.bootstrap, bootstrap)
	for _, s := range []communitytypes.MotionStatus{communitytypes.MotionStatusVoting, communitytypes.MotionStatusQueued} {
		n, err := collutil.CountRef(ctx, ck.Motions.Indexes.Status, int32(s))
		if err != nil {
			return err
		}
		gauge(m.motions, n, trimEnum(s.String(), "MOTION_STATUS_"))
	}
	for _, s := range enumValues(proposalstypes.ProposalStatus_name) {
		n, err := collutil.CountRef(ctx, pk.Proposals.Indexes.Status, s)
		if err != nil {
			return err
		}
		gauge(m.proposals, n, trimEnum(proposalstypes.ProposalStatus(s).String(), "PROPOSAL_STATUS_"))
	}
	for _, s := range enumValues(empoweredtypes.Stage_name) {
		n, err := collutil.CountRef(ctx, ek.Actions.Indexes.Stage, s)
		if err != nil {
			return err
		}
		gauge(m.actions, n, trimEnum(empoweredtypes.Stage(s).String(), "STAGE_"))
	}
	for _, s := range enumValues(reviewtypes.IRPStatus_name) {
		n, err := collutil.CountRef(ctx, rk.IRPs.Indexes.Status, s)
		if err != nil {
			return err
		}
		gauge(m.irps, n, trimEnum(reviewtypes.IRPStatus(s).String(), "IRP_STATUS_"))
	}
	for _, q := range []struct {
		module, name string
		count        func() (int, error)
	}{
		{communitytypes.ModuleName, "motion_deadlines", func() (int, error) { return collutil.Count(ctx, ck.MotionQueue) }},
		{communitytypes.ModuleName, "motion_execution", func() (int, error) { return collutil.Count(ctx, ck.ExecutionQueue) }},
		{proposalstypes.ModuleName, "phase_deadlines", func() (int, error) { return collutil.Count(ctx, pk.PhaseQueue) }},
		{proposalstypes.ModuleName, "advice_deadlines", func() (int, error) { return collutil.Count(ctx, pk.AdviceQueue) }},
		{proposalstypes.ModuleName, "proposal_execution", func() (int, error) { return collutil.Count(ctx, pk.ExecutionQueue) }},
		{empoweredtypes.ModuleName, "action_deadlines", func() (int, error) { return collutil.Count(ctx, ek.ActionQueue) }},
	} {
		n, err := q.count()
		if err != nil {
			return err
		}
		gauge(m.queue, n, q.module, q.name)
	}
	validators, err := ck.Validators.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	kvs, err := validators.KeyValues()
	if err != nil {
		return err
	}
	for _, kv := range kvs {
		v := kv.Value
		l, err := ck.Liveness.Get(ctx, kv.Key)
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		down := 0
		if l.Down {
			down = 1
		}
		gauge(m.power, int(v.Power), v.Moniker, v.CommunityId, v.ConsensusAddress)
		gauge(m.missed, int(l.MissedTotal), v.Moniker, v.CommunityId, v.ConsensusAddress)
		gauge(m.down, down, v.Moniker, v.CommunityId, v.ConsensusAddress)
	}
	return nil
}

// enumValues lists an enum's values but UNSPECIFIED (0), in order.
func enumValues(names map[int32]string) []int32 {
	var out []int32
	for v := range names {
		if v != 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

func trimEnum(s, prefix string) string { return strings.ToLower(strings.TrimPrefix(s, prefix)) }
