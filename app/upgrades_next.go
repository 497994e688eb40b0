//go:build polity_next

package app

// The polity_next build stands for the next release of polityd: it knows one
// more named upgrade, "v2-next", whose handler runs the module migrations like
// every other. e2e/upgrade_test.go builds it with `go build -tags polity_next`,
// has the Board schedule "v2-next" by a TECHNICAL proposal, and switches the
// halted node to this binary. The normal build does not know "v2-next", so it
// halts at the planned height.
func init() {
	Upgrades = append(Upgrades, Upgrade{Name: "v2-next"})
}
