package file

import (
	"time"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

// Env is what a file cannot say itself: where it is written and by whom.
type Env struct {
	GenesisTime time.Time
	// Addresses holds every key's account (see Addresses).
	Addresses map[string]sdk.AccAddress
	// ConsensusKey reads a validator's consensus_key.
	ConsensusKey func(string) (cryptotypes.PubKey, error)
	// Bootstrap forces the power cap off whatever the file says.
	Bootstrap bool
}

// compiler carries one compilation: the file, its environment, what is
// built so far and every problem found.
type compiler struct {
	f    *File
	env  Env
	spec constitution.Spec
	res  constitution.Result
	ps   Problems
	// keys and communities index the file by name, for references.
	keys        map[string]sdk.AccAddress
	communities map[string]int
	members     map[string]ctypes.Member
	audit       ctypes.Audit
}

// Compile builds the genesis state of the file and checks it: first the
// file's own rules, each problem at its path, then, if those pass, every
// module's genesis validation. A file without problems yields a genesis that
// the modules accept.
func Compile(f *File, env Env) (constitution.Result, error) {
	c := &compiler{f: f, env: env, keys: map[string]sdk.AccAddress{}, communities: map[string]int{}, members: map[string]ctypes.Member{}}
	c.audit = ctypes.Audit{CreatedAt: env.GenesisTime, UpdatedAt: env.GenesisTime}
	c.windows()
	c.res.Community = ctypes.DefaultGenesis()
	c.res.Proposals = constitution.ProposalsGenesis(c.spec)
	c.res.Empowered = constitution.EmpoweredGenesis(c.spec)
	c.res.Review = constitution.ReviewPeriods(c.spec)
	if c.f.Windows.Base == baseProduction {
		docs := c.res.Proposals.Documents
		c.res.Proposals, c.res.Empowered, c.res.Review = ptypes.DefaultGenesis(), etypes.DefaultGenesis(), rtypes.DefaultGenesis()
		c.res.Proposals.Documents = docs
	}
	c.params()
	c.keysAndBalances()
	c.buildCommunities()
	c.buildMembers()
	c.buildBoard()
	c.buildOfficers()
	c.communityReviews()
	c.buildValidators()
	c.checkBootstrap()
	c.bylaws()
	c.checkIndependence()
	c.checkEmpoweredReach()
	if len(c.ps) == 0 {
		c.validateModules()
	}
	return c.res, c.ps.Err()
}

const (
	baseDev        = "dev"
	baseProduction = "production"
)

// windows reads the windows into the spec, with today's flag defaults.
func (c *compiler) windows() {
	w := c.f.Windows
	c.spec = constitution.Spec{GenesisTime: c.env.GenesisTime}
	switch w.Base {
	case "", baseDev:
	case baseProduction:
		for _, o := range []struct{ field, value string }{{"comment", w.Comment}, {"ec", w.EC}, {"challenge", w.Challenge}, {"forum", w.Forum}, {"advice", w.Advice}, {"review", w.Review}} {
			if o.value != "" {
				c.ps.add("windows."+o.field, "with base production the modules keep their own periods: set this one in params")
			}
		}
		c.spec.VotingPeriod = c.duration("windows.voting", w.Voting, 14*day)
		return
	default:
		c.ps.add("windows.base", "unknown base %q: want dev or production", w.Base)
	}
	for _, d := range []struct {
		field, value, fallback string
		into                   *time.Duration
	}{
		{"voting", w.Voting, "30s", &c.spec.VotingPeriod},
		{"comment", w.Comment, "10s", &c.spec.CommentPeriod},
		{"ec", w.EC, "20s", &c.spec.ECPeriod},
		{"challenge", w.Challenge, "0s", &c.spec.ChallengeWindow},
		{"forum", w.Forum, "0s", &c.spec.ForumPeriod},
		{"advice", w.Advice, "60s", &c.spec.AdvicePeriod},
		{"review", w.Review, "60s", &c.spec.ReviewPeriod},
	} {
		v := d.value
		if v == "" {
			v = d.fallback
		}
		dur, err := ParseDuration(v)
		if err != nil {
			c.ps.add("windows."+d.field, "%v", err)
			continue
		}
		*d.into = dur
	}
}

// params lays the file's overrides over the windows' parameters.
func (c *compiler) params() {
	p := c.f.Params
	overlayParams("params.community", &c.res.Community.Params, p.Community, &c.ps)
	overlayParams("params.proposals", &c.res.Proposals.Params, p.Proposals, &c.ps)
	overlayParams("params.review", &c.res.Review.Params, p.Review, &c.ps)
	overlayParams("params.empowered", &c.res.Empowered.Params, p.Empowered, &c.ps)
	if c.f.Bootstrap || c.env.Bootstrap {
		c.res.Community.Params.Bootstrap = true
	}
}

// duration reads an optional duration field, fallback when empty.
func (c *compiler) duration(path, s string, fallback time.Duration) time.Duration {
	if s == "" {
		return fallback
	}
	d, err := ParseDuration(s)
	if err != nil {
		c.ps.add(path, "%v", err)
		return fallback
	}
	return d
}

// key resolves a key name used at path; "" when it is not declared.
func (c *compiler) key(path, name string) string {
	addr, ok := c.keys[name]
	if !ok {
		c.ps.add(path, "no key %q", name)
		return ""
	}
	return addr.String()
}

// community checks that a community id used at path exists.
func (c *compiler) community(path, id string) bool {
	if _, ok := c.communities[id]; !ok {
		c.ps.add(path, "no community %q", id)
		return false
	}
	return true
}

func (c *compiler) bylaws() {
	if c.f.Bylaws == nil {
		return
	}
	doc := ctypes.Document{Hash: c.f.Bylaws.Hash, Uri: c.f.Bylaws.URI}
	if err := doc.Validate(c.res.Community.Params.MaxUriLength); err != nil {
		c.ps.add("bylaws", "%v", err)
	}
	c.res.Proposals.Documents[0].Document = doc
}

// officers seats the ombudsman and the standing panel.
func (c *compiler) buildOfficers() {
	o := c.f.Officers
	gs := c.res.Review
	seen := map[string]int{}
	for i, p := range o.Panelists {
		addr := c.key(at("officers.panelists", i, "key"), p.Key)
		if j, dup := seen[p.Key]; dup {
			c.ps.add(at("officers.panelists", i, "key"), "%q is already officers.panelists[%d]", p.Key, j)
			continue
		}
		seen[p.Key] = i
		name := p.Name
		if name == "" {
			name = p.Key
		}
		gs.Panelists = append(gs.Panelists, rtypes.Panelist{Address: addr, Name: name, Active: true, Confirmed: true, Audit: c.audit})
	}
	if min := gs.Params.MinStandingPanel; len(o.Panelists) > 0 && uint32(len(o.Panelists)) < min {
		c.ps.add("officers.panelists", "%d panelists, x/review needs at least %d (params.review.min_standing_panel)", len(o.Panelists), min)
	}
	if o.Ombudsman != "" {
		addr := c.key("officers.ombudsman", o.Ombudsman)
		gs.Ombudsman = &rtypes.Ombudsman{Address: addr, TermEnd: c.env.GenesisTime.Add(gs.Params.OmbudsmanTerm), AppointedTime: c.env.GenesisTime}
	}
}

// communityReviews gives every community reviewed on its own its first
// organisational review a period after genesis, when that cycle is per
// community (x/review then keeps each on its own schedule).
func (c *compiler) communityReviews() {
	cycle, ok := c.res.Review.Params.PerCommunityCycle()
	if !ok {
		return
	}
	due := c.env.GenesisTime.Add(cycle.Period).Truncate(time.Second)
	for _, com := range c.res.Community.Communities {
		if rtypes.ReviewedOnItsOwn(com) {
			c.res.Review.CommunityReviews = append(c.res.Review.CommunityReviews, rtypes.CommunityReview{CommunityId: com.Id, Due: due})
		}
	}
}
