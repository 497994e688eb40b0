package gatewayroutes

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadRebuildsTemplates(t *testing.T) {
	routes, err := Read("../../x")
	require.NoError(t, err)
	require.Contains(t, routes, Route{Method: "GET", Path: "/polity/review/v1/irps/{id}", File: "../../x/review/types/query.pb.gw.go"})
	require.Contains(t, routes, Route{Method: "GET", Path: "/polity/community/v1/motions/{id}/votes/{voter}", File: "../../x/community/types/query.pb.gw.go"})
	seen := map[Route]bool{}
	for _, r := range routes {
		require.False(t, seen[r], "%v listed twice", r)
		seen[r] = true
	}
}

func TestReadRefusesAMissingDirectory(t *testing.T) {
	_, err := Read(t.TempDir())
	require.ErrorContains(t, err, "no *.pb.gw.go")
}
