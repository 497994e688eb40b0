package types

// reliefMajority is a majority of a three-member panel.
const reliefMajority = 2

// HoldsProposal reports whether a case holds its challenged proposal: only
// while it is open (panel forming or in review), and then while a panel
// majority is for a stay, or while a request for interim relief made at
// filing has not met a panel majority against it.
func (c IRP) HoldsProposal() bool {
	if c.Status != IRPPanelForming && c.Status != IRPInReview {
		return false
	}
	return len(c.StayVotes) >= reliefMajority || (c.ReliefRequested && len(c.ReliefObjections) < reliefMajority)
}
