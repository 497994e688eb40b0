package types

import "strings"

// unpausable are the message types (or type prefixes) an emergency may never
// pause: the Board must always be able to vote on, ratify and lift emergency
// actions, and bodies to pass motions.
var unpausable = []string{"/polity.proposals.v1.", "/polity.review.v1.", "/polity.community.v1.MsgVote", "/polity.community.v1.MsgSubmitMotion"}

// Pausable reports whether an emergency action may pause a message type.
func Pausable(typeURL string) bool {
	for _, prefix := range unpausable {
		if strings.HasPrefix(typeURL, prefix) {
			return false
		}
	}
	return true
}
