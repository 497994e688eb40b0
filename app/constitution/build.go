package constitution

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

// ValidatorSpec is one genesis validator.
type ValidatorSpec struct {
	Community string
	Moniker   string
	PubKey    cryptotypes.PubKey
	// Operator names the key that runs the node; empty means the community's chair.
	Operator string
	Power    int64
}

// Spec is what varies between constitutions: the keys' addresses, the
// validators, the clock and the periods.
type Spec struct {
	// Addresses maps every name in People to its account.
	Addresses   map[string]sdk.AccAddress
	Validators  []ValidatorSpec
	GenesisTime time.Time
	// VotingPeriod is every body's voting period, the Board's votes on
	// proposals included: seconds on a local network, days in production.
	VotingPeriod time.Duration
	// CommentPeriod is the public comment period of policy, budget, bylaw and
	// technical proposals (resolutions have none).
	CommentPeriod time.Duration
	// ECPeriod is the Empowered Community's rejection window and approval
	// deadline, and its petition and decision periods (support: half of it).
	ECPeriod time.Duration
	// ChallengeWindow is the window after the Board's approval of a
	// resolution, technical action or policy before it takes effect, in which
	// an IRP, a reconsideration request or the EC's rejection of an operator
	// action holds it (zero: the EC period).
	ChallengeWindow time.Duration
	// ForumPeriod is the Empowered Community's community forum, the one stage
	// every action sits through (zero: half the EC period).
	ForumPeriod time.Duration
	// AdvicePeriod is how long the Board has to answer advice, and how long a
	// finished Board vote waits for those answers.
	AdvicePeriod time.Duration
	// ReviewPeriod is x/review's working period: panel picks, the Board's
	// deadlines, ombudsman reports and emergency consultations (emergency
	// actions lapse after two).
	ReviewPeriod time.Duration
	// Bootstrap suspends the power cap (single-node chains only).
	Bootstrap bool
	// Funds is what each named key receives, in upolity.
	Funds int64
}

// Result is the constitution's share of the genesis file.
type Result struct {
	Community *ctypes.GenesisState
	Proposals *ptypes.GenesisState
	Review    *rtypes.GenesisState
	Empowered *etypes.GenesisState
	Balances  []banktypes.Balance
}

// CharterDocument returns a deterministic placeholder charter for a community.
func CharterDocument(id string) ctypes.Document {
	uri := "https://polity.example/charters/" + id + ".md"
	sum := sha256.Sum256([]byte("Charter of the " + id + " community"))
	return ctypes.Document{Hash: hex.EncodeToString(sum[:]), Uri: uri}
}

// CommunityRule is the default community rule: a majority of the votes cast,
// with half the membership voting.
func CommunityRule(period time.Duration) ctypes.DecisionRule {
	return ctypes.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: period, Basis: ctypes.BasisVotesCast}
}

// BoardRule is a majority of all directors in office (ICANN: only directors
// count toward quorum and votes).
func BoardRule(period time.Duration) ctypes.DecisionRule {
	return ctypes.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: period, Basis: ctypes.BasisAllMembers}
}

// Build assembles the constitution. The result passes GenesisState.Validate.
func Build(spec Spec) (Result, error) {
	gs := ctypes.DefaultGenesis()
	gs.Params.Bootstrap = spec.Bootstrap
	// A seven-seat Board: at most two voting directors from one region keeps
	// the five-region coverage meaningful.
	gs.Params.Board.MaxVotingDirectorsPerRegion = 2
	gs.Bodies = []ctypes.Body{ctypes.NewBoardBody(BoardRule(spec.VotingPeriod))}
	audit := ctypes.Audit{CreatedAt: spec.GenesisTime, UpdatedAt: spec.GenesisTime}

	for _, c := range Communities {
		addr := ctypes.BodyAddress(c.ID).String()
		gs.Communities = append(gs.Communities, ctypes.Community{
			Id: c.ID, Name: c.Name, Kind: c.Kind, Charter: CharterDocument(c.ID),
			DecisionalParticipant: c.Decisional, Seats: c.Seats, Address: addr, Audit: audit,
			AdviceDeference: c.Privileged, CarveOutEligible: c.Privileged,
		})
		gs.Bodies = append(gs.Bodies, ctypes.Body{Id: c.ID, Kind: ctypes.BodyKindCommunity, Address: addr, Rule: CommunityRule(spec.VotingPeriod), Audit: audit})
	}
	seatOf := map[string][]uint64{} // community -> vacant seat ids, voting first
	for _, c := range Communities {
		for i := uint32(0); i < c.Seats.VotingBoardSeats+c.Seats.LiaisonBoardSeats; i++ {
			id := gs.NextSeatId
			gs.NextSeatId++
			gs.Seats = append(gs.Seats, ctypes.BoardSeat{Id: id, AppointingCommunity: c.ID, Voting: i < c.Seats.VotingBoardSeats, Audit: audit})
			seatOf[c.ID] = append(seatOf[c.ID], id)
		}
	}

	termEnd := spec.GenesisTime.Add(gs.Params.Board.TermDuration)
	var balances []banktypes.Balance
	for _, p := range People {
		addr, ok := spec.Addresses[p.Name]
		if !ok {
			return Result{}, fmt.Errorf("no address for key %q", p.Name)
		}
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(ctypes.FeeDenom, spec.Funds))})
		if p.independent() {
			continue
		}
		gs.Members = append(gs.Members, ctypes.Member{Address: addr.String(), StakeholderType: p.Stakeholder, Region: p.Region, Audit: audit})
		for _, m := range p.Memberships {
			roles, err := ctypes.NormalizeRoles(m.Roles)
			if err != nil {
				return Result{}, err
			}
			gs.Memberships = append(gs.Memberships, ctypes.Membership{CommunityId: m.Community, Address: addr.String(), Roles: roles, Weight: 1, Audit: audit})
		}
		if p.Seat == "" {
			continue
		}
		free := seatOf[p.Seat]
		if len(free) == 0 {
			return Result{}, fmt.Errorf("%s has no free seat for %s", p.Seat, p.Name)
		}
		seatOf[p.Seat] = free[1:]
		seat := &gs.Seats[free[0]-1]
		seat.Holder, seat.TermStart, seat.TermEnd = addr.String(), spec.GenesisTime, termEnd
		gs.Directors = append(gs.Directors, ctypes.DirectorRecord{Address: addr.String(), ConsecutiveTerms: 1, TotalTerms: 1, LastTermEnd: termEnd, Audit: audit})
	}

	for _, v := range spec.Validators {
		operator := v.Operator
		if operator == "" {
			operator = v.Community + "-chair"
		}
		opAddr, ok := spec.Addresses[operator]
		if !ok {
			return Result{}, fmt.Errorf("validator %s: no key %q for its operator", v.Moniker, operator)
		}
		pkAny, err := codectypes.NewAnyWithValue(v.PubKey)
		if err != nil {
			return Result{}, err
		}
		consAddr := sdk.ConsAddress(v.PubKey.Address())
		gs.Validators = append(gs.Validators, ctypes.Validator{
			ConsensusAddress: consAddr.String(), Operator: opAddr.String(), CommunityId: v.Community, Moniker: v.Moniker,
			ConsensusPubkey: pkAny, Power: v.Power, Status: ctypes.ValidatorActive, Audit: audit,
		})
	}
	review, err := reviewGenesis(spec)
	if err != nil {
		return Result{}, err
	}
	return Result{Community: gs, Proposals: proposalsGenesis(spec), Review: review, Empowered: empoweredGenesis(spec), Balances: balances}, nil
}

// empoweredGenesis keeps ICANN's thresholds with periods scaled to the EC
// period: petitions within it, support in half of it, the forum in the
// forum period (half of it by default), decisions in it.
func empoweredGenesis(spec Spec) *etypes.GenesisState {
	gs := etypes.DefaultGenesis()
	forum := spec.ForumPeriod
	if forum == 0 {
		forum = spec.ECPeriod / 2
	}
	for i := range gs.Params.Rules {
		r := &gs.Params.Rules[i]
		if !r.Approval {
			r.PetitionPeriod, r.SupportPeriod = spec.ECPeriod, spec.ECPeriod/2
		}
		r.ForumPeriod, r.DecisionPeriod = forum, spec.ECPeriod
	}
	gs.Params.InspectionResponsePeriod = spec.ReviewPeriod
	return gs
}

// standingPanel is the constitution's standing panel: panelist-1 to -7, the
// minimum x/review keeps (ICANN: at least 7).
const standingPanel = 7

// reviewGenesis seats the standing panel and the ombudsman and shortens the
// review periods to the spec's; review cycles keep their production length.
func reviewGenesis(spec Spec) (*rtypes.GenesisState, error) {
	gs := ReviewPeriods(spec)
	p := &gs.Params
	audit := ctypes.Audit{CreatedAt: spec.GenesisTime, UpdatedAt: spec.GenesisTime}
	for i := 1; i <= standingPanel; i++ {
		name := fmt.Sprintf("panelist-%d", i)
		addr, ok := spec.Addresses[name]
		if !ok {
			return nil, fmt.Errorf("no address for key %q", name)
		}
		gs.Panelists = append(gs.Panelists, rtypes.Panelist{Address: addr.String(), Name: "Panelist " + fmt.Sprint(i), Active: true, Confirmed: true, Audit: audit})
	}
	ombudsman, ok := spec.Addresses["ombudsman"]
	if !ok {
		return nil, fmt.Errorf("no address for key %q", "ombudsman")
	}
	gs.Ombudsman = &rtypes.Ombudsman{Address: ombudsman.String(), TermEnd: spec.GenesisTime.Add(p.OmbudsmanTerm), AppointedTime: spec.GenesisTime}
	return gs, nil
}

// ReviewPeriods is x/review's default genesis with the spec's working
// periods and no officers: the constitution file seats its own.
func ReviewPeriods(spec Spec) *rtypes.GenesisState {
	gs := rtypes.DefaultGenesis()
	p := &gs.Params
	p.PanelPickPeriod, p.BoardActionPeriod, p.ReconsiderationPeriod = spec.ReviewPeriod, spec.ReviewPeriod, spec.ReviewPeriod
	p.ComplaintPeriod, p.EmergencyConsultationPeriod, p.EmergencyExpiry = spec.ReviewPeriod, spec.ReviewPeriod, 2*spec.ReviewPeriod
	for i := range p.ReviewCycles {
		if p.ReviewCycles[i].Type == rtypes.ReviewPostEmergency {
			p.ReviewCycles[i].ReportPeriod = 5 * spec.ReviewPeriod
		}
	}
	return gs
}

// ProposalsGenesis and EmpoweredGenesis are the modules' genesis with the
// spec's periods, for the constitution file to start from.
func ProposalsGenesis(spec Spec) *ptypes.GenesisState { return proposalsGenesis(spec) }

// EmpoweredGenesis: see ProposalsGenesis.
func EmpoweredGenesis(spec Spec) *etypes.GenesisState { return empoweredGenesis(spec) }

// proposalsGenesis keeps the production procedures (thresholds, originators,
// EC treatment, classification guard) with the spec's periods, and registers
// the founding bylaws as version 1.
func proposalsGenesis(spec Spec) *ptypes.GenesisState {
	gs := ptypes.DefaultGenesis()
	for i := range gs.Params.KindRules {
		r := &gs.Params.KindRules[i]
		r.BoardRule.VotingPeriod = spec.VotingPeriod
		if r.PublicCommentPeriod > 0 {
			r.PublicCommentPeriod = spec.CommentPeriod
		}
		switch {
		case r.EcPeriod == 0:
		case r.Kind.AtLeast(ptypes.KindBudget) || spec.ChallengeWindow == 0:
			r.EcPeriod = spec.ECPeriod
		default:
			r.EcPeriod = spec.ChallengeWindow
		}
	}
	gs.Params.AdviceResponsePeriod, gs.Params.AdviceWait = spec.AdvicePeriod, spec.AdvicePeriod
	gs.Documents = []ptypes.DocumentVersion{{
		Kind: ptypes.DocumentBylaws, Version: 1, Document: FoundingBylaws(), Summary: "Founding bylaws", Time: spec.GenesisTime,
	}}
	return gs
}

// FoundingBylaws is a deterministic placeholder for the founding bylaws.
func FoundingBylaws() ctypes.Document {
	sum := sha256.Sum256([]byte("Polity founding bylaws"))
	return ctypes.Document{Hash: hex.EncodeToString(sum[:]), Uri: "https://polity.example/bylaws/v1.md"}
}
