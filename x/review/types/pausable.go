package types

import "strings"

// unpausable are the message types (or type prefixes) an emergency may never
// pause, fixed in code: the Board must always be able to vote on, ratify and
// lift emergency actions; bodies to pass motions; the Empowered Community to
// petition, support, speak and decide; and anyone to file a review, a
// reconsideration or a complaint. Emergency powers must not silence the
// checks on the Board.
var unpausable = []string{
	"/polity.proposals.v1.", "/polity.review.v1.", "/polity.empowered.v1.",
	"/polity.community.v1.MsgVote", "/polity.community.v1.MsgSubmitMotion", "/polity.community.v1.MsgWithdrawMotion",
}

// Pausable reports whether an emergency action may pause a message type.
func Pausable(typeURL string) bool {
	for _, prefix := range unpausable {
		if strings.HasPrefix(typeURL, prefix) {
			return false
		}
	}
	return true
}
