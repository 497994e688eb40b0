package keeper_test

import (
	"testing"

	"github.com/polity-chain/polity/testutil/rapidflags"
)

// TestMain gives the property tests their deterministic defaults.
func TestMain(m *testing.M) { rapidflags.Main(m) }
