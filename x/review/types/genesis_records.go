package types

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
)

// The checks below follow what the keeper does to each record (x/review/keeper):
// a rule here states an invariant every message and EndBlock step keeps, so
// that a genesis file cannot import a record the chain could never reach.

// checkIRPs checks every case against its status.
func (gs GenesisState) checkIRPs(ac address.Codec, panelists map[string]bool) error {
	for _, c := range gs.Irps {
		if !known(IRPStatus_name, int32(c.Status)) {
			return fmt.Errorf("irp %d: invalid status %d", c.Id, c.Status)
		}
		for _, check := range []func() error{
			func() error { return checkIRPFiling(ac, c) },
			func() error { return checkIRPPanel(c, panelists) },
			func() error { return checkIRPDecision(c) },
		} {
			if err := check(); err != nil {
				return fmt.Errorf("irp %d (%s): %w", c.Id, c.Status, err)
			}
		}
	}
	return gs.checkOpenCases()
}

// checkOpenCases checks each panelist's open_cases against the open cases it
// was chosen or drawn for: removal relies on the count.
func (gs GenesisState) checkOpenCases() error {
	count := map[string]uint32{}
	for _, c := range gs.Irps {
		switch c.Status {
		case IRPPanelForming:
			for _, p := range []string{c.ClaimantPick, c.RespondentPick} {
				if p != "" {
					count[p]++
				}
			}
		case IRPInReview:
			for _, p := range c.Panel {
				count[p]++
			}
		}
	}
	for _, p := range gs.Panelists {
		if p.OpenCases != count[p.Address] {
			return fmt.Errorf("panelist %s: open_cases %d, but it sits on %d open cases", p.Address, p.OpenCases, count[p.Address])
		}
	}
	return nil
}

// checkIRPFiling checks what FileIRP records.
func checkIRPFiling(ac address.Codec, c IRP) error {
	if _, err := addrutil.Parse(ac, c.Claimant); err != nil {
		return fmt.Errorf("claimant: %w", err)
	}
	// standing is checked under a specified kind
	if !known(ClaimantKind_name, int32(c.ClaimantKind)) {
		return fmt.Errorf("invalid claimant kind %d", c.ClaimantKind)
	}
	// a community files by its own motion, so the case names it
	if c.ClaimantKind == ClaimantCommunity && c.ClaimantCommunity == "" {
		return errors.New("a community claimant without its community")
	}
	// a case challenges a Board decision or a described inaction
	if c.ProposalId == 0 && c.Inaction == "" {
		return errors.New("neither a proposal nor an inaction")
	}
	// a claim cites at least one provision (the upper limit is a param and
	// may have been lowered since)
	if len(c.Provisions) == 0 || slices.Contains(c.Provisions, "") {
		return errors.New("no provisions cited, or an empty one")
	}
	if err := checkDoc("claim", c.Claim); err != nil {
		return err
	}
	// only members and registered parties pay the deposit that is refunded
	if err := c.Deposit.Validate(); err != nil {
		return fmt.Errorf("deposit: %w", err)
	}
	if !c.Deposit.Empty() && c.ClaimantKind != ClaimantMember && c.ClaimantKind != ClaimantParty {
		return fmt.Errorf("a %s claimant pays no deposit", c.ClaimantKind)
	}
	return nil
}

// checkIRPPanel checks the panel's formation and its interim relief.
func checkIRPPanel(c IRP, panelists map[string]bool) error {
	// each side chooses a standing panelist (kept on record when retired), and
	// not the other side's choice
	for _, pick := range []string{c.ClaimantPick, c.RespondentPick} {
		if pick != "" && !panelists[pick] {
			return fmt.Errorf("pick %s is not a panelist", pick)
		}
	}
	if c.ClaimantPick != "" && c.ClaimantPick == c.RespondentPick {
		return errors.New("both sides picked the same panelist")
	}
	if err := checkIRPSeed(c); err != nil {
		return err
	}
	// the case holds its proposal exactly as its request and votes say
	// (x/review's InitGenesis checks the hold itself in x/proposals)
	if c.ReliefRequested && c.ProposalId == 0 {
		return errors.New("interim relief requested against an inaction")
	}
	if c.Stayed != c.HoldsProposal() {
		return fmt.Errorf("stayed is %t, but its request and the panel's votes say %t", c.Stayed, c.HoldsProposal())
	}
	if c.Status == IRPPanelForming {
		// the pick queue is rebuilt from the pick deadline
		if c.PickDeadline.IsZero() {
			return errors.New("no pick deadline")
		}
		// the panel is set in the same step that moves the case to review
		if len(c.Panel) != 0 || len(c.StayVotes) != 0 || len(c.ReliefObjections) != 0 {
			return errors.New("a panel or relief votes before the panel is drawn")
		}
		return checkIRPDraw(c)
	}
	// from review on: the claimant's pick, the respondent's, and the drawn
	// third, three distinct panelists drawn from a complete seed
	if len(c.SeedHeights) == 0 || int(c.SeedBlocksMixed) != len(c.SeedHeights) {
		return errors.New("a panel without a complete seed")
	}
	if len(c.Panel) != 3 || c.Panel[0] != c.ClaimantPick || c.Panel[1] != c.RespondentPick {
		return errors.New("the panel is not the two picks and a drawn third")
	}
	if !panelists[c.Panel[2]] || c.Panel[2] == c.Panel[0] || c.Panel[2] == c.Panel[1] {
		return fmt.Errorf("drawn panelist %s is not a distinct panelist", c.Panel[2])
	}
	if err := checkIRPDraw(c); err != nil {
		return err
	}
	// relief votes are cast once by members of the panel, on a proposal,
	// either for or against; votes against answer a request
	for i, v := range c.StayVotes {
		if !slices.Contains(c.Panel, v) || slices.Contains(c.StayVotes[:i], v) {
			return fmt.Errorf("stay vote of %s: not on the panel, or twice", v)
		}
	}
	for i, v := range c.ReliefObjections {
		if !slices.Contains(c.Panel, v) || slices.Contains(c.ReliefObjections[:i], v) || slices.Contains(c.StayVotes, v) {
			return fmt.Errorf("vote against relief of %s: not on the panel, twice, or also for", v)
		}
	}
	if len(c.ReliefObjections) > 0 && !c.ReliefRequested {
		return errors.New("votes against relief without a request")
	}
	if len(c.StayVotes) > 0 && c.ProposalId == 0 {
		return errors.New("stay votes on an inaction")
	}
	return nil
}

// checkIRPDecision checks the declaration and the Board's response to it.
func checkIRPDecision(c IRP) error {
	decided := c.Status != IRPPanelForming && c.Status != IRPInReview
	upheld := c.Status == IRPUpheld || c.Status == IRPBoardActed || c.Status == IRPBoardDeadlineMissed
	// the outcome and its reasoning are written by the deciding declaration,
	// together with the status
	want := OutcomeUnspecified
	if upheld {
		want = OutcomeUpheld
	} else if c.Status == IRPDenied {
		want = OutcomeDenied
	}
	if c.Outcome != want {
		return fmt.Errorf("outcome %s does not fit the status", c.Outcome)
	}
	if err := docIff("reasoning", c.Reasoning, decided); err != nil {
		return err
	}
	if !decided && (c.DeclaredHeight != 0 || !c.DeclaredTime.IsZero()) {
		return errors.New("declared before a decision")
	}
	// an upheld declaration sets the Board's deadline (the Board queue is
	// rebuilt from it); nothing else does
	if upheld == c.BoardDeadline.IsZero() {
		return errors.New("a board_deadline exactly when upheld is required")
	}
	// the Board's action is recorded with the move to BOARD_ACTED
	if err := docIff("board_action", c.BoardAction, c.Status == IRPBoardActed); err != nil {
		return err
	}
	// a missed deadline is marked with the move to BOARD_DEADLINE_MISSED and
	// stays marked only through a late action
	if c.Status == IRPBoardDeadlineMissed && !c.DeadlineMissed {
		return errors.New("deadline_missed unset")
	}
	if c.DeadlineMissed && c.Status != IRPBoardDeadlineMissed && c.Status != IRPBoardActed {
		return errors.New("deadline_missed set before a Board deadline passed")
	}
	return nil
}

// checkDeclarations checks the panelists' declarations against their cases.
func (gs GenesisState) checkDeclarations(ac address.Codec) error {
	irps := map[uint64]IRP{}
	for _, c := range gs.Irps {
		irps[c.Id] = c
	}
	declared := map[string]bool{}
	counts := map[uint64]map[Outcome]int{}
	for _, d := range gs.Declarations {
		c, ok := irps[d.IrpId]
		if !ok {
			return fmt.Errorf("declaration of %s: irp %d not found", d.Panelist, d.IrpId)
		}
		key := fmt.Sprintf("%d|%s", d.IrpId, d.Panelist)
		if _, err := addrutil.Parse(ac, d.Panelist); err != nil || declared[key] {
			return fmt.Errorf("declaration of %s on irp %d: bad or duplicate panelist", d.Panelist, d.IrpId)
		}
		declared[key] = true
		// only a member of the case's panel declares, upheld or denied, with
		// reasons
		if !slices.Contains(c.Panel, d.Panelist) {
			return fmt.Errorf("declaration of %s on irp %d: not on its panel", d.Panelist, d.IrpId)
		}
		if d.Outcome != OutcomeUpheld && d.Outcome != OutcomeDenied {
			return fmt.Errorf("declaration of %s on irp %d: invalid outcome %d", d.Panelist, d.IrpId, d.Outcome)
		}
		if err := checkDoc("reasoning", d.Reasoning); err != nil {
			return fmt.Errorf("declaration of %s on irp %d: %w", d.Panelist, d.IrpId, err)
		}
		if counts[d.IrpId] == nil {
			counts[d.IrpId] = map[Outcome]int{}
		}
		counts[d.IrpId][d.Outcome]++
	}
	// the second matching declaration decides a case and closes it to more: a
	// case in review has at most one of each outcome, a decided case exactly
	// two of its own
	for _, c := range gs.Irps {
		n := counts[c.Id]
		if c.Status == IRPInReview && (n[OutcomeUpheld] > 1 || n[OutcomeDenied] > 1) {
			return fmt.Errorf("irp %d: two matching declarations but still in review", c.Id)
		}
		if c.Outcome != OutcomeUnspecified && n[c.Outcome] != 2 {
			return fmt.Errorf("irp %d: decided %s by %d declarations, not 2", c.Id, c.Outcome, n[c.Outcome])
		}
	}
	return nil
}

// checkReconsiderations checks each request against its status.
func (gs GenesisState) checkReconsiderations(ac address.Codec) error {
	for _, r := range gs.Reconsiderations {
		if err := checkReconsideration(ac, r); err != nil {
			return fmt.Errorf("reconsideration %d (%s): %w", r.Id, r.Status, err)
		}
	}
	return nil
}

func checkReconsideration(ac address.Codec, r Reconsideration) error {
	if _, err := addrutil.Parse(ac, r.Requester); err != nil {
		return fmt.Errorf("requester: %w", err)
	}
	if !known(ReconsiderationStatus_name, int32(r.Status)) {
		return fmt.Errorf("invalid status %d", r.Status)
	}
	// filing requires grounds and a request, and sets the deadline the queue
	// is rebuilt from
	if r.Grounds == "" {
		return errors.New("no grounds")
	}
	if err := checkDoc("request", r.Request); err != nil {
		return err
	}
	if r.Deadline.IsZero() {
		return errors.New("no deadline")
	}
	decided := r.Status == ReconsiderationGranted || r.Status == ReconsiderationDenied
	// the ombudsman's evaluation moves a request to EVALUATED; the Board
	// decides after it, or without it only once the deadline has passed
	switch {
	case r.Status == ReconsiderationFiled:
		if err := docIff("evaluation", r.Evaluation, false); err != nil {
			return err
		}
	case r.Status == ReconsiderationEvaluated:
		if err := checkDoc("evaluation", r.Evaluation); err != nil {
			return err
		}
	case isEmptyDoc(r.Evaluation) && !r.Overdue:
		return errors.New("decided without an evaluation before the deadline")
	default:
		if err := checkOptionalDoc("evaluation", r.Evaluation); err != nil {
			return err
		}
	}
	// the Board's decision is recorded with the move to GRANTED or DENIED
	if err := docIff("decision", r.Decision, decided); err != nil {
		return err
	}
	// a frivolous finding is an evaluation's; a frivolous dismissal is a
	// denial on that finding
	if r.EvaluatedFrivolous && isEmptyDoc(r.Evaluation) {
		return errors.New("found frivolous without an evaluation")
	}
	if r.DismissedFrivolous && (r.Status != ReconsiderationDenied || !r.EvaluatedFrivolous) {
		return errors.New("dismissed as frivolous without a denial on a frivolous finding")
	}
	// the deposit is held until a plain evaluation, the decision or the
	// deadline; it is kept only on a frivolous dismissal
	held := r.Status == ReconsiderationFiled || (r.Status == ReconsiderationEvaluated && r.EvaluatedFrivolous)
	return checkDeposit(r.Deposit, r.DepositStatus, held && !r.Overdue, r.DismissedFrivolous)
}

// checkComplaints checks each complaint against its status.
func (gs GenesisState) checkComplaints(ac address.Codec) error {
	for _, c := range gs.Complaints {
		if err := checkComplaint(ac, c); err != nil {
			return fmt.Errorf("complaint %d (%s): %w", c.Id, c.Status, err)
		}
	}
	return nil
}

func checkComplaint(ac address.Codec, c Complaint) error {
	if _, err := addrutil.Parse(ac, c.Complainant); err != nil {
		return fmt.Errorf("complainant: %w", err)
	}
	if !known(ComplaintStatus_name, int32(c.Status)) {
		return fmt.Errorf("invalid status %d", c.Status)
	}
	// filing requires a subject and the complaint, and sets the deadline the
	// queue is rebuilt from
	if c.Subject == "" {
		return errors.New("no subject")
	}
	if err := checkDoc("complaint", c.Complaint); err != nil {
		return err
	}
	if c.Deadline.IsZero() {
		return errors.New("no deadline")
	}
	// the report is recorded with the move to REPORTED, and may dismiss the
	// complaint as frivolous
	reported := c.Status == ComplaintReported
	if err := docIff("report", c.Report, reported); err != nil {
		return err
	}
	if c.DismissedFrivolous && !reported {
		return errors.New("dismissed as frivolous without a report")
	}
	return checkDeposit(c.Deposit, c.DepositStatus, !reported && !c.Overdue, c.DismissedFrivolous)
}

// checkReviews checks each review against its status and returns them by id.
func (gs GenesisState) checkReviews(ac address.Codec) (map[uint64]Review, error) {
	out := map[uint64]Review{}
	for _, r := range gs.Reviews {
		if err := checkReview(ac, r); err != nil {
			return nil, fmt.Errorf("review %d (%s): %w", r.Id, r.Status, err)
		}
		out[r.Id] = r
	}
	return out, nil
}

func checkReview(ac address.Codec, r Review) error {
	if !known(ReviewType_name, int32(r.Type)) {
		return fmt.Errorf("invalid type %d", r.Type)
	}
	if !known(ReviewStatus_name, int32(r.Status)) {
		return fmt.Errorf("invalid status %d", r.Status)
	}
	// periodic reviews of the institution have no subject; an organisational
	// review names its community (post-emergency subjects are checked with
	// the emergencies)
	switch {
	case (r.Type == ReviewAccountability || r.Type == ReviewSecurity) && r.Subject != "":
		return fmt.Errorf("a %s review has no subject", r.Type)
	case r.Type == ReviewOrganisational && r.Subject == "":
		return errors.New("an organisational review without its community")
	}
	// opening sets the report deadline the queue is rebuilt from
	if r.ReportDue.IsZero() {
		return errors.New("no report_due")
	}
	// nominees are distinct accounts; the team is appointed from them, once,
	// with the move to IN_PROGRESS
	for i, n := range r.Nominees {
		if _, err := addrutil.Parse(ac, n); err != nil || slices.Contains(r.Nominees[:i], n) {
			return fmt.Errorf("nominee %s: bad or duplicate address", n)
		}
	}
	for i, m := range r.Team {
		if !slices.Contains(r.Nominees, m) || slices.Contains(r.Team[:i], m) {
			return fmt.Errorf("team member %s: not a nominee, or listed twice", m)
		}
	}
	if (r.Status == ReviewOpen) != (len(r.Team) == 0) {
		return errors.New("a team exactly when no longer open is required")
	}
	// the report and its recommendations are filed with the move to REPORTED
	// (CLOSED when none is left open); open ones are a subset
	reported := r.Status == ReviewReported || r.Status == ReviewClosed
	if err := docIff("report", r.Report, reported); err != nil {
		return err
	}
	if r.Recommendations > MaxRecommendations || r.OpenRecommendations > r.Recommendations {
		return fmt.Errorf("%d recommendations, %d open", r.Recommendations, r.OpenRecommendations)
	}
	if !reported && r.Recommendations != 0 {
		return errors.New("recommendations before the report")
	}
	if reported && (r.Status == ReviewClosed) != (r.OpenRecommendations == 0) {
		return fmt.Errorf("%d open recommendations do not fit the status", r.OpenRecommendations)
	}
	return nil
}

// checkRecommendations checks the recommendations against their reviews: a
// report lists its recommendations at indices 0 to n-1, and the review counts
// those not yet rejected or implemented as open.
func (gs GenesisState) checkRecommendations(reviews map[uint64]Review) error {
	seen := map[[2]uint64]bool{}
	total, open := map[uint64]uint32{}, map[uint64]uint32{}
	for _, rec := range gs.Recommendations {
		r, ok := reviews[rec.ReviewId]
		key := [2]uint64{rec.ReviewId, uint64(rec.Index)}
		if !ok || rec.Index >= r.Recommendations || seen[key] {
			return fmt.Errorf("recommendation %d/%d: review not found, index beyond its report or duplicated", rec.ReviewId, rec.Index)
		}
		seen[key] = true
		if err := checkRecommendation(rec); err != nil {
			return fmt.Errorf("recommendation %d/%d (%s): %w", rec.ReviewId, rec.Index, rec.Status, err)
		}
		total[rec.ReviewId]++
		if rec.Status == RecommendationProposed || rec.Status == RecommendationApproved {
			open[rec.ReviewId]++
		}
	}
	for _, r := range gs.Reviews {
		if total[r.Id] != r.Recommendations || open[r.Id] != r.OpenRecommendations {
			return fmt.Errorf("review %d: counts %d recommendations (%d open), genesis has %d (%d open)",
				r.Id, r.Recommendations, r.OpenRecommendations, total[r.Id], open[r.Id])
		}
	}
	return nil
}

func checkRecommendation(rec Recommendation) error {
	if rec.UpdatedHeight != 0 && rec.UpdatedHeight < rec.CreatedHeight {
		return fmt.Errorf("updated_height %d below created_height %d", rec.UpdatedHeight, rec.CreatedHeight)
	}
	if !known(RecommendationStatus_name, int32(rec.Status)) {
		return fmt.Errorf("invalid status %d", rec.Status)
	}
	if rec.Text == "" {
		return errors.New("no text")
	}
	// approval sets the implementation due date (the queue is rebuilt from
	// it), and only an approved recommendation becomes overdue
	approved := rec.Status == RecommendationApproved || rec.Status == RecommendationImplemented
	if approved == rec.Due.IsZero() {
		return errors.New("a due date exactly when approved is required")
	}
	if rec.Overdue && !approved {
		return errors.New("overdue without approval")
	}
	// the evidence is recorded with the move to IMPLEMENTED
	return docIff("evidence", rec.Evidence, rec.Status == RecommendationImplemented)
}

// checkEmergencies checks each action and the post-emergency review it
// opened: every action opens its own, named after it, in the same step.
func (gs GenesisState) checkEmergencies(ac address.Codec, reviews map[uint64]Review) error {
	opened := map[uint64]bool{}
	for _, e := range gs.Emergencies {
		if err := checkEmergency(ac, e); err != nil {
			return fmt.Errorf("emergency %d (%s): %w", e.Id, e.Status, err)
		}
		r, ok := reviews[e.ReviewId]
		if !ok || opened[e.ReviewId] {
			return fmt.Errorf("emergency %d: review %d not found or shared", e.Id, e.ReviewId)
		}
		opened[e.ReviewId] = true
		if r.Type != ReviewPostEmergency || r.Subject != fmt.Sprintf("emergency/%d", e.Id) {
			return fmt.Errorf("emergency %d: review %d is not its post-emergency review", e.Id, e.ReviewId)
		}
	}
	for _, r := range gs.Reviews {
		if r.Type == ReviewPostEmergency && !opened[r.Id] {
			return fmt.Errorf("review %d: a post-emergency review of no emergency", r.Id)
		}
	}
	return nil
}

func checkEmergency(ac address.Codec, e Emergency) error {
	if _, err := addrutil.Parse(ac, e.Chair); err != nil {
		return fmt.Errorf("chair: %w", err)
	}
	if !known(EmergencyKind_name, int32(e.Kind)) {
		return fmt.Errorf("invalid kind %d", e.Kind)
	}
	if !known(EmergencyStatus_name, int32(e.Status)) {
		return fmt.Errorf("invalid status %d", e.Status)
	}
	// the target fits the kind: none for a statement, a proposal id to
	// suspend (undoing the action parses it), a message type to pause (the
	// pause counters are rebuilt from it)
	switch e.Kind {
	case EmergencyStatement:
		if e.Target != "" {
			return errors.New("a statement has no target")
		}
	case EmergencySuspendProposal:
		if _, err := strconv.ParseUint(e.Target, 10, 64); err != nil {
			return fmt.Errorf("target %q is not a proposal id", e.Target)
		}
	case EmergencyPauseMessage:
		if e.Target == "" {
			return errors.New("no message type to pause")
		}
		if !Pausable(e.Target) {
			return fmt.Errorf("%s may never be paused", e.Target)
		}
	}
	// the statement opens the minutes; every minute is a document
	if err := checkDoc("statement", e.Statement); err != nil {
		return err
	}
	if len(e.Minutes) == 0 || e.Minutes[0] != e.Statement {
		return errors.New("the minutes do not open with the statement")
	}
	for _, m := range e.Minutes {
		if err := checkDoc("minutes", m); err != nil {
			return err
		}
	}
	// a consultation is recorded with the community consulted
	if err := docIff("consultation", e.Consultation, e.ConsultedCommunity != ""); err != nil {
		return err
	}
	// taking the action sets its deadlines, which the queues are rebuilt from
	if e.ConsultationDeadline.IsZero() || e.Expiry.IsZero() || e.Ends.Before(e.Expiry) {
		return errors.New("no consultation deadline or expiry, or it ends before its expiry")
	}
	// an action that ended records when: the cooldown runs from it
	ended := e.Status == EmergencyLifted || e.Status == EmergencyExpired
	if ended == e.EndedTime.IsZero() {
		return errors.New("ended_time set exactly when the action ended is required")
	}
	return nil
}
