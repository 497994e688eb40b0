package types

import (
	"slices"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
)

// timelyAnswers are the messages by which the Board answers a check within
// that check's own deadline: advice, a panel pick, an inspection, an IRP
// declaration, a reconsideration request, a review's recommendation, and the
// ratification or lifting of an emergency measure (which has its own limits).
// A challenge window longer than those deadlines would make the answer
// impossible, and each changes nothing but the check's own record. A fixed
// list in code, so that no parameter change can widen it.
var timelyAnswers = []string{
	"/polity.empowered.v1.MsgRespondInspection",
	"/polity.proposals.v1.MsgRespondToAdvice",
	"/polity.review.v1.MsgAddMinutes",
	"/polity.review.v1.MsgChoosePanelist",
	"/polity.review.v1.MsgDecideRecommendation",
	"/polity.review.v1.MsgDecideReconsideration",
	"/polity.review.v1.MsgLiftEmergency",
	"/polity.review.v1.MsgRatifyEmergency",
	"/polity.review.v1.MsgRecordBoardAction",
	"/polity.review.v1.MsgRecordConsultation",
	"/polity.review.v1.MsgRecordImplementation",
}

// TimelyAnswers lists the messages a resolution may carry and still take
// effect without a challenge window.
func TimelyAnswers() []string { return slices.Clone(timelyAnswers) }

// AnswersOnly reports whether a proposal only answers checks: a RESOLUTION
// whose every message is a timely answer (or that carries none, and so
// changes no state but its own record). It takes effect when the Board
// approves it; every other decision waits out its kind's challenge window
// (EC_REVIEW), in which an IRP, a reconsideration request or an EC rejection
// petition holds it.
func AnswersOnly(kind ProposalKind, msgs []*codectypes.Any) bool {
	if kind != KindResolution {
		return false
	}
	for _, m := range msgs {
		if m == nil {
			return false
		}
		if _, found := slices.BinarySearch(timelyAnswers, m.TypeUrl); !found {
			return false
		}
	}
	return true
}
