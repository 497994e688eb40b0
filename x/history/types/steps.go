package types

// Steps of a proposal's story (HistoryEntry.step). Within one block, entries
// are ordered by the rank of their step: the order in which the procedure
// can produce them.
const (
	StepSubmitted              = "SUBMITTED"
	StepComment                = "COMMENT"
	StepAdvice                 = "ADVICE"
	StepBoardVoteOpened        = "BOARD_VOTE_OPENED"
	StepBoardVote              = "BOARD_VOTE"
	StepAdviceAnswered         = "ADVICE_ANSWERED"
	StepAnswersAdvice          = "ANSWERS_ADVICE"
	StepBoardDecided           = "BOARD_DECIDED"
	StepPetition               = "PETITION"
	StepStatement              = "STATEMENT"
	StepDecision               = "DECISION"
	StepActionClosed           = "ACTION_CLOSED"
	StepIRPFiled               = "IRP_FILED"
	StepIRPPanel               = "IRP_PANEL"
	StepIRPPanelistDeclaration = "IRP_PANELIST_DECLARATION"
	StepIRPDeclared            = "IRP_DECLARED"
	StepReconsiderationFiled   = "RECONSIDERATION_FILED"
	StepReconsiderationClosed  = "RECONSIDERATION_CLOSED"
	StepEmergency              = "EMERGENCY"
	StepEmergencyEnded         = "EMERGENCY_ENDED"
	StepHold                   = "HOLD"
	StepHoldReleased           = "HOLD_RELEASED"
	StepDecided                = "DECIDED"
	StepExecuted               = "EXECUTED"
)

// stepOrder is the within-block order of the steps.
var stepOrder = []string{
	StepSubmitted, StepComment, StepAdvice, StepBoardVoteOpened, StepBoardVote, StepAdviceAnswered,
	StepAnswersAdvice, StepBoardDecided, StepPetition, StepStatement, StepDecision, StepIRPFiled,
	StepIRPPanel, StepIRPPanelistDeclaration, StepIRPDeclared, StepReconsiderationFiled,
	StepReconsiderationClosed, StepEmergency, StepEmergencyEnded, StepHold, StepHoldReleased, StepActionClosed,
	StepDecided, StepExecuted,
}

// StepRank is a step's place in stepOrder (unknown steps last).
func StepRank(step string) int {
	for i, s := range stepOrder {
		if s == step {
			return i
		}
	}
	return len(stepOrder)
}

// Steps lists every step, in within-block order.
func Steps() []string { return append([]string(nil), stepOrder...) }
