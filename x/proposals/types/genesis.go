package types

import (
	"fmt"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// DefaultGenesis has the default params and nothing else; the constitution
// adds the founding bylaws.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextProposalId: 1, NextAdviceId: 1, NextCommentId: 1}
}

// Validate rejects everything InitGenesis would: bad params, duplicate or
// dangling ids, tallies and pending-advice counts that do not match their
// records, and sequences behind the records.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := gs.validate(ac); err != nil {
		return ErrInvalidGenesis.Wrap(err.Error())
	}
	return nil
}

func (gs GenesisState) validate(ac address.Codec) error {
	proposals := map[uint64]Proposal{}
	for _, p := range gs.Proposals {
		if p.Id == 0 || p.Id >= gs.NextProposalId {
			return fmt.Errorf("proposal %d: id not below next_proposal_id %d", p.Id, gs.NextProposalId)
		}
		if _, dup := proposals[p.Id]; dup {
			return fmt.Errorf("proposal %d listed twice", p.Id)
		}
		if !p.Kind.Valid() || p.Rule.Kind != p.Kind {
			return fmt.Errorf("proposal %d: invalid kind %d", p.Id, p.Kind)
		}
		if _, ok := ProposalStatus_name[int32(p.Status)]; !ok || p.Status == StatusUnspecified {
			return fmt.Errorf("proposal %d: invalid status %d", p.Id, p.Status)
		}
		if _, err := addrutil.Parse(ac, p.Proposer); err != nil {
			return fmt.Errorf("proposal %d: proposer: %w", p.Id, err)
		}
		if p.Originator == "" || p.Title == "" {
			return fmt.Errorf("proposal %d: originator and title are required", p.Id)
		}
		if err := p.Rule.Validate(); err != nil {
			return fmt.Errorf("proposal %d: %w", p.Id, err)
		}
		// An open proposal moves on only through the queue entry InitGenesis
		// derives from its deadline, and an APPROVED one only when its stay
		// is lifted. (Fix: records breaking this used to pass and then stay
		// open for ever.)
		if p.Status == StatusApproved && p.HoldCount == 0 {
			return fmt.Errorf("proposal %d: APPROVED but not held", p.Id)
		}
		if p.Stayed != (p.HoldCount > 0) {
			return fmt.Errorf("proposal %d: stayed is %t with %d holds", p.Id, p.Stayed, p.HoldCount)
		}
		// A QUEUED proposal waits in the execution queue, not for a deadline,
		// and only while nothing holds it.
		if p.Status == StatusQueued && (p.HoldCount > 0 || !p.Deadline.IsZero()) {
			return fmt.Errorf("proposal %d: QUEUED with %d holds or a deadline", p.Id, p.HoldCount)
		}
		if !p.Status.Terminal() && p.Status != StatusApproved && p.Status != StatusQueued && p.Deadline.IsZero() {
			return fmt.Errorf("proposal %d: %s without a deadline", p.Id, p.Status)
		}
		if p.ExecutedHeight != 0 && p.Status != StatusRatified && p.Status != StatusExecutionFailed {
			return fmt.Errorf("proposal %d: executed_height set but %s", p.Id, p.Status)
		}
		// An update height of zero is accepted: proposals written before the
		// field existed carry none until their next change.
		if p.UpdatedHeight != 0 && p.UpdatedHeight < p.SubmitHeight {
			return fmt.Errorf("proposal %d: updated_height %d below submit_height %d", p.Id, p.UpdatedHeight, p.SubmitHeight)
		}
		proposals[p.Id] = p
	}
	tallies := map[uint64]communitytypes.Tally{}
	voted := map[string]bool{}
	for _, v := range gs.Votes {
		if _, ok := proposals[v.ProposalId]; !ok {
			return fmt.Errorf("vote of %s: proposal %d not found", v.Director, v.ProposalId)
		}
		if _, err := addrutil.Parse(ac, v.Director); err != nil {
			return fmt.Errorf("vote on proposal %d: %w", v.ProposalId, err)
		}
		key := fmt.Sprintf("%d|%s", v.ProposalId, v.Director)
		if voted[key] {
			return fmt.Errorf("%s voted twice on proposal %d", v.Director, v.ProposalId)
		}
		voted[key] = true
		if v.Option < communitytypes.OptionYes || v.Option > communitytypes.OptionAbstain {
			return fmt.Errorf("vote of %s on proposal %d: invalid option", v.Director, v.ProposalId)
		}
		tallies[v.ProposalId] = tallies[v.ProposalId].Add(v.Option, 1)
	}
	comments := map[string]bool{}
	for _, c := range gs.Comments {
		if _, ok := proposals[c.ProposalId]; !ok {
			return fmt.Errorf("comment %d: proposal %d not found", c.Id, c.ProposalId)
		}
		key := fmt.Sprintf("%d|%d", c.ProposalId, c.Id)
		if c.Id == 0 || c.Id >= gs.NextCommentId || comments[key] {
			return fmt.Errorf("comment %d: id duplicated or not below next_comment_id", c.Id)
		}
		comments[key] = true
	}
	pending := map[uint64]uint32{}
	advice := map[uint64]bool{}
	for _, a := range gs.Advice {
		if a.Id == 0 || a.Id >= gs.NextAdviceId || advice[a.Id] {
			return fmt.Errorf("advice %d: id duplicated or not below next_advice_id", a.Id)
		}
		advice[a.Id] = true
		if _, ok := AdviceStatus_name[int32(a.Status)]; !ok || a.Status == AdviceUnspecified {
			return fmt.Errorf("advice %d: invalid status", a.Id)
		}
		if a.UpdatedHeight != 0 && a.UpdatedHeight < a.SubmitHeight {
			return fmt.Errorf("advice %d: updated_height %d below submit_height %d", a.Id, a.UpdatedHeight, a.SubmitHeight)
		}
		if a.ProposalId != 0 {
			if _, ok := proposals[a.ProposalId]; !ok {
				return fmt.Errorf("advice %d: proposal %d not found", a.Id, a.ProposalId)
			}
			if a.Status != AdviceAnswered {
				pending[a.ProposalId]++
			}
		}
	}
	for _, p := range gs.Proposals {
		if tallies[p.Id] != p.BoardTally {
			return fmt.Errorf("proposal %d: Board tally does not match its votes", p.Id)
		}
		if !p.Status.Terminal() && pending[p.Id] != p.PendingAdvice {
			return fmt.Errorf("proposal %d: pending_advice %d, but %d linked advice unanswered", p.Id, p.PendingAdvice, pending[p.Id])
		}
	}
	if err := gs.validateHolds(ac, proposals); err != nil {
		return err
	}
	if err := gs.validateCoolingOff(proposals); err != nil {
		return err
	}
	if err := gs.validateReleasedHolds(ac, proposals); err != nil {
		return err
	}
	if err := gs.validateDocumentTexts(proposals); err != nil {
		return err
	}
	versions := map[string]bool{}
	for _, d := range gs.Documents {
		if d.Kind < DocumentBylaws || d.Kind > DocumentBudget || d.Version == 0 {
			return fmt.Errorf("document %s/%s v%d: invalid kind or version", d.Kind, d.Scope, d.Version)
		}
		key := fmt.Sprintf("%d|%s|%d", d.Kind, d.Scope, d.Version)
		if versions[key] {
			return fmt.Errorf("document %s/%s v%d listed twice", d.Kind, d.Scope, d.Version)
		}
		versions[key] = true
		if d.ProposalId != 0 {
			if _, ok := proposals[d.ProposalId]; !ok {
				return fmt.Errorf("document %s v%d: proposal %d not found", d.Kind, d.Version, d.ProposalId)
			}
		}
		if err := ValidateDocumentText(d.Text, d.Document); err != nil {
			return fmt.Errorf("document %s/%s v%d: %w", d.Kind, d.Scope, d.Version, err)
		}
	}
	return nil
}

// validateHolds checks every hold against its proposal, and each proposal's
// hold_count against its holds.
func (gs GenesisState) validateHolds(ac address.Codec, proposals map[uint64]Proposal) error {
	counts := map[uint64]uint32{}
	seen := map[string]bool{}
	for _, h := range gs.Holds {
		if _, ok := proposals[h.ProposalId]; !ok {
			return fmt.Errorf("hold %s: proposal %d not found", h.Source, h.ProposalId)
		}
		if err := ValidateHoldSource(h.Source); err != nil {
			return fmt.Errorf("hold on proposal %d: %w", h.ProposalId, err)
		}
		if _, err := addrutil.Parse(ac, h.Holder); err != nil {
			return fmt.Errorf("hold %s on proposal %d: holder: %w", h.Source, h.ProposalId, err)
		}
		key := fmt.Sprintf("%d|%s", h.ProposalId, h.Source)
		if seen[key] {
			return fmt.Errorf("hold %s on proposal %d listed twice", h.Source, h.ProposalId)
		}
		seen[key] = true
		counts[h.ProposalId]++
	}
	for _, p := range gs.Proposals {
		if counts[p.Id] != p.HoldCount {
			return fmt.Errorf("proposal %d: hold_count %d, but %d holds", p.Id, p.HoldCount, counts[p.Id])
		}
	}
	return nil
}

// validateCoolingOff checks that each cooling message comes from a vetoed or
// returned proposal, once.
func (gs GenesisState) validateCoolingOff(proposals map[uint64]Proposal) error {
	seen := map[string]bool{}
	for _, c := range gs.CoolingOff {
		p, ok := proposals[c.ProposalId]
		if !ok || (p.Status != StatusVetoed && p.Status != StatusReturned) {
			return fmt.Errorf("cooling-off of %x: proposal %d is not vetoed or returned", c.MessageHash, c.ProposalId)
		}
		if len(c.MessageHash) != 32 || seen[string(c.MessageHash)] || c.Until.IsZero() {
			return fmt.Errorf("cooling-off of %x: a 32-byte hash, once, with an end", c.MessageHash)
		}
		seen[string(c.MessageHash)] = true
	}
	for _, p := range gs.Proposals {
		if p.ReturnedByIrp != 0 && p.Status != StatusReturned {
			return fmt.Errorf("proposal %d: returned_by_irp set but %s", p.Id, p.Status)
		}
	}
	return nil
}

// Terminal reports whether a status is final.
func (s ProposalStatus) Terminal() bool {
	switch s {
	case StatusPublicComment, StatusBoardVote, StatusECReview, StatusApproved, StatusQueued:
		return false
	}
	return true
}
