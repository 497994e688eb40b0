// Package file reads a constitution written as a file (YAML or JSON, one
// schema) and turns it into Polity's genesis state. docs/constitution.md is
// the reference of every field; docs/constitution.schema.json is the same
// schema for editors, kept in step by a test.
package file

// File is a whole constitution. Every part may be omitted and then takes the
// default documented on its field.
type File struct {
	// Bootstrap suspends the 1/3 validator power cap (single-node chains only).
	Bootstrap bool `json:"bootstrap,omitempty"`
	// Windows derive every period from a few, as the flags of
	// `polityd genesis constitution` do; Params then override single values.
	Windows Windows `json:"windows,omitempty"`
	// Bylaws is the founding bylaws document (default: a placeholder).
	Bylaws *Document `json:"bylaws,omitempty"`
	// Keys are the named accounts: created in the keyring when no address is
	// given. Every name the file uses elsewhere must be listed here.
	Keys []Key `json:"keys,omitempty"`
	// Communities form a tree through Parent, in genesis order.
	Communities []Community `json:"communities,omitempty"`
	// Members are the keys that belong to communities or hold Board seats.
	Members []Member `json:"members,omitempty"`
	// Board is the Board's rule, seats and chair.
	Board Board `json:"board,omitempty"`
	// Officers are x/review's ombudsman and standing panel.
	Officers Officers `json:"officers,omitempty"`
	// Validators are the genesis validators.
	Validators []Validator `json:"validators,omitempty"`
	// Params override single module parameters, in the modules' own JSON
	// shape, with human durations ("21d") for durations.
	Params Params `json:"params,omitempty"`
}

// Windows are the periods most constitutions set together. Durations are
// human: "30s", "36h", "21d", "1h30m".
type Windows struct {
	// Base is "dev" (default): every period derives from the windows below,
	// with today's development defaults; or "production": every module keeps
	// its own defaults (ICANN's values: a 40-day public comment, 21/7/21/21
	// days for a rejection action, 30/21 for an approval, ...), Voting only
	// sets the bodies' voting period (default 14d) and the other windows
	// must be empty: change single periods in Params.
	Base string `json:"base,omitempty"`
	// Voting is every body's voting period, the Board's on proposals too
	// (default 30s).
	Voting string `json:"voting,omitempty"`
	// Comment is the public comment period of policy, budget, bylaw and
	// technical proposals (default 10s; ICANN 40d).
	Comment string `json:"comment,omitempty"`
	// EC is the Empowered Community's rejection window and approval deadline
	// and its petition and decision periods; support takes half (default 20s).
	EC string `json:"ec,omitempty"`
	// Challenge is the window after the Board approves a resolution,
	// technical action or policy before it takes effect (default: EC).
	Challenge string `json:"challenge,omitempty"`
	// Forum is the Empowered Community's community forum (default: half EC).
	Forum string `json:"forum,omitempty"`
	// Advice is how long the Board has to answer advice (default 60s).
	Advice string `json:"advice,omitempty"`
	// Review is x/review's working period (default 60s).
	Review string `json:"review,omitempty"`
}

// Document is a hash-anchored document.
type Document struct {
	URI  string `json:"uri"`
	Hash string `json:"hash"`
}

// Key is a named account.
type Key struct {
	Name string `json:"name"`
	// Address uses an existing account (bech32); empty creates the key in
	// the keyring.
	Address string `json:"address,omitempty"`
	// Balance in coins, e.g. "1000000000upolity" (default 1000000000upolity;
	// "0upolity" gives an account without funds).
	Balance string `json:"balance,omitempty"`
}

// Community is one community and its body.
type Community struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind: supporting, advisory, nominating or secretariat.
	Kind string `json:"kind"`
	// Parent is the community this one belongs to ("" for a top-level one).
	Parent string `json:"parent,omitempty"`
	// Charter defaults to a placeholder derived from the id.
	Charter *Document `json:"charter,omitempty"`
	// DecisionalParticipant: the community takes part in Empowered Community
	// decisions.
	DecisionalParticipant bool `json:"decisional_participant,omitempty"`
	// AdviceDeference: the Board needs a supermajority to act against its
	// consensus advice (advisory communities only).
	AdviceDeference bool `json:"advice_deference,omitempty"`
	// CarveOutEligible: it is carved out of Empowered Community challenges to
	// the Board's implementation of its advice (advisory decisional ones only).
	CarveOutEligible bool `json:"carve_out_eligible,omitempty"`
	// NomcomDelegates is how many NomCom delegates it designates (default 0).
	NomcomDelegates uint32 `json:"nomcom_delegates,omitempty"`
	// ValidatorPowerShare is the most of the voting power its validators may
	// hold, a decimal below 1/3 (default "0": it runs no validator).
	ValidatorPowerShare string `json:"validator_power_share,omitempty"`
	// Rule is its body's decision rule (default: majority of votes cast,
	// quorum one half, the voting window).
	Rule *Rule `json:"rule,omitempty"`
	// Appoints lists the communities this one appoints members into by its
	// own motion (ICANN: the NomCom into the GNSO, ccNSO and ALAC
	// councils), each at most once (default: none).
	Appoints []Appointment `json:"appoints,omitempty"`
}

// Appointment is how many members a community may place in another.
type Appointment struct {
	// Into is the community the appointees join (not the appointer itself).
	Into string `json:"into"`
	// Seats is how many voting members (weight 1) it appoints (default 0).
	Seats uint32 `json:"seats,omitempty"`
	// NonVotingSeats is how many non-voting members it appoints (default 0);
	// Seats and NonVotingSeats may not both be 0.
	NonVotingSeats uint32 `json:"non_voting_seats,omitempty"`
}

// Rule is a body's decision rule.
type Rule struct {
	// Threshold is the share of yes votes needed, in (0, 1] (default "0.5").
	Threshold string `json:"threshold,omitempty"`
	// Quorum is the share that must take part, in [0, 1] (default "0.5").
	Quorum string `json:"quorum,omitempty"`
	// VotingPeriod (default: the voting window).
	VotingPeriod string `json:"voting_period,omitempty"`
	// Basis: votes_cast or all_members (default: votes_cast for communities,
	// all_members for the Board).
	Basis string `json:"basis,omitempty"`
	// AbstainCounts counts abstentions toward the threshold's denominator.
	AbstainCounts bool `json:"abstain_counts,omitempty"`
	// Houses are sub-communities each of which must also reach its threshold
	// (at most 4).
	Houses []House `json:"houses,omitempty"`
	// AnyOf lists alternative sets of house thresholds (at most 8): when
	// given, at least one set must hold in full, besides threshold and
	// houses. "3/4 of one house and a majority of the other" is two sets,
	// one per ordering.
	AnyOf []Alternative `json:"any_of,omitempty"`
	// Actions are rules for motions carrying a given message type (at most
	// 16). A motion must meet the rule of each of its messages' types, or
	// this rule for a message no action names (and for a motion with no
	// messages): every rule that applies, not only one.
	Actions []ActionRule `json:"actions,omitempty"`
}

// House is one house of a body: a sub-community with its own threshold.
type House struct {
	Community string `json:"community"`
	Threshold string `json:"threshold"`
}

// Alternative is one set of house thresholds of a rule's any_of.
type Alternative struct {
	Houses []House `json:"houses"`
}

// ActionRule is the rule for motions carrying one message type. Threshold,
// quorum, voting period, basis and abstain_counts default to the body's own
// rule; houses and any_of are not inherited.
type ActionRule struct {
	// MsgTypeURL is the message's full type URL, e.g.
	// "/polity.proposals.v1.MsgSubmitProposal".
	MsgTypeURL    string        `json:"msg_type_url"`
	Threshold     string        `json:"threshold,omitempty"`
	Quorum        string        `json:"quorum,omitempty"`
	VotingPeriod  string        `json:"voting_period,omitempty"`
	Basis         string        `json:"basis,omitempty"`
	AbstainCounts *bool         `json:"abstain_counts,omitempty"`
	Houses        []House       `json:"houses,omitempty"`
	AnyOf         []Alternative `json:"any_of,omitempty"`
}

// Member is a key's member record and its memberships.
type Member struct {
	Key string `json:"key"`
	// Stakeholder: government, financial_institution, industry_association,
	// engineer, operator, user, standards_body, academia or civil_society.
	Stakeholder string `json:"stakeholder"`
	// Region: africa, asia_pacific, europe, latin_america_caribbean or
	// north_america (required of voting directors).
	Region     string `json:"region,omitempty"`
	ProfileURI string `json:"profile_uri,omitempty"`
	// Attributes the member declares of themself (affiliation, employer,
	// country, ...): at most 16, keys of a-z, 0-9 and _, values up to 256
	// bytes. No rule reads them; the member replaces them with
	// update-profile.
	Attributes  map[string]string `json:"attributes,omitempty"`
	Memberships []Membership      `json:"memberships,omitempty"`
}

// Membership places a member in a community.
type Membership struct {
	Community string `json:"community"`
	// Roles: member (always held), chair, representative, liaison,
	// nomcom_delegate.
	Roles []string `json:"roles,omitempty"`
	// Weight of its vote (default 1; must be left out when Voting is false).
	Weight uint64 `json:"weight,omitempty"`
	// Voting false makes a non-voting member: a member with standing, roles
	// and comments, but no vote, no motions, and no part in the body's
	// eligible weight, quorum or tallies (default true).
	Voting *bool `json:"voting,omitempty"`
	// AppointedBy names the community that appointed this member under its
	// appoints allowance into Community (default: the community admitted
	// it). The kind of seat follows Voting.
	AppointedBy string `json:"appointed_by,omitempty"`
}

// Board is the Board of Directors.
type Board struct {
	// Rule is the Board's decision rule on motions (default: majority of all
	// directors, quorum one half, the voting window).
	Rule *Rule `json:"rule,omitempty"`
	// Chair names the key chairing the Board (a voting director; optional).
	Chair string `json:"chair,omitempty"`
	// Seats in order; a community's voting and liaison allocation is the
	// number of its seats here.
	Seats []Seat `json:"seats,omitempty"`
}

// Seat is one Board seat.
type Seat struct {
	// AppointedBy is the community that fills the seat (required unless
	// ExOfficio; then empty or "board").
	AppointedBy string `json:"appointed_by,omitempty"`
	// ExOfficio: the seat is held by an office the Board fills (ICANN's
	// President and CEO): only a motion of the Board appoints or removes its
	// holder, no community; the Empowered Community's recall of the Board
	// still vacates it.
	ExOfficio bool `json:"ex_officio,omitempty"`
	// OutsideRegionalCap: the holder counts neither toward
	// max_voting_directors_per_region nor toward every region's coverage of
	// a full Board, and needs no region (voting seats only).
	OutsideRegionalCap bool `json:"outside_regional_cap,omitempty"`
	// Liaison makes it a non-voting liaison seat.
	Liaison bool `json:"liaison,omitempty"`
	// Holder names the key holding it; empty leaves it vacant. The holder
	// must be a member (voting directors with a region).
	Holder string `json:"holder,omitempty"`
	// Title is a note for readers (e.g. "President and CEO"); the chain
	// does not store it.
	Title string `json:"title,omitempty"`
}

// Officers are x/review's independent officers.
type Officers struct {
	// Ombudsman names the key of the ombudsman (optional).
	Ombudsman string `json:"ombudsman,omitempty"`
	// Panelists are the standing panel of independent panelists (x/review
	// needs at least its min_standing_panel, 7 by default, to form IRPs).
	Panelists []Panelist `json:"panelists,omitempty"`
}

// Panelist is one standing panelist.
type Panelist struct {
	Key  string `json:"key"`
	Name string `json:"name,omitempty"`
}

// Validator is one genesis validator.
type Validator struct {
	Moniker   string `json:"moniker"`
	Community string `json:"community"`
	// ConsensusKey is what `polityd comet show-validator` prints, the bare
	// base64 key, or "self": this node's key (read from --home).
	ConsensusKey string `json:"consensus_key"`
	// Operator names the key that runs the node (default: the community's
	// chair).
	Operator string `json:"operator,omitempty"`
	// Power is its consensus voting power (default 10).
	Power int64 `json:"power,omitempty"`
}

// Params override module parameters: each is an object in the module's
// params JSON shape (see `polityd q <module> params`). Nested objects merge;
// lists of rules merge element by element on their key (kind, power, type,
// msg_type_url); other lists replace. Durations are human ("21d").
type Params struct {
	Community map[string]any `json:"community,omitempty"`
	Proposals map[string]any `json:"proposals,omitempty"`
	Review    map[string]any `json:"review,omitempty"`
	Empowered map[string]any `json:"empowered,omitempty"`
}
