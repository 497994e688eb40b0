// Package invariantutil holds what every Polity module's invariants share:
// the sdk.Invariant shape built from a list of problems, combining a module's
// invariants into one, and the check that a deadline queue holds exactly the
// open records it should.
//
// Invariants are read-only audits of stored state. They are run by the
// simulation after every block and by keeper tests; they are not part of the
// state machine, so they may build maps (keys are sorted before anything is
// reported, to keep messages reproducible).
package invariantutil

import (
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Check is an invariant's body: the problems found, or an error when the
// state could not even be read (which is itself a broken invariant).
type Check func(ctx sdk.Context) ([]string, error)

// New turns a check into an sdk.Invariant named module/route.
//
//nolint:staticcheck // sdk.Invariant is the shape the brief and x/crisis-era tools expect
func New(module, route string, check Check) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		problems, err := check(ctx)
		if err != nil {
			problems = append(problems, "cannot read state: "+err.Error())
		}
		msg := fmt.Sprintf("%d problem(s)", len(problems))
		if len(problems) > 0 {
			msg += ":\n  " + strings.Join(problems, "\n  ")
		}
		return sdk.FormatInvariant(module, route, msg), len(problems) > 0
	}
}

// All runs every invariant and reports the first broken one, or the last
// message when all hold.
//
//nolint:staticcheck // see New
func All(invariants ...sdk.Invariant) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		var msg string
		for _, inv := range invariants {
			var broken bool
			if msg, broken = inv(ctx); broken {
				return msg, true
			}
		}
		return msg, false
	}
}

// Route is one registered invariant.
type Route struct {
	Name      string
	Invariant sdk.Invariant //nolint:staticcheck // see New
}

// Combine folds a module's routes into one invariant.
//
//nolint:staticcheck // see New
func Combine(routes []Route) sdk.Invariant {
	invs := make([]sdk.Invariant, len(routes))
	for i, r := range routes {
		invs[i] = r.Invariant
	}
	return All(invs...)
}
