package queryutil_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/polity-chain/polity/internal/queryutil"
)

var (
	errMissing = errorsmod.Register("queryutil_test", 2, "thing not found")
	errBad     = errorsmod.Register("queryutil_test", 3, "bad thing")
)

func TestStatuses(t *testing.T) {
	s := queryutil.Statuses{NotFound: []error{errMissing}, Invalid: []error{errBad}}
	require.NoError(t, s.Of(nil))
	for _, c := range []struct {
		err  error
		want codes.Code
	}{
		{errMissing.Wrap("thing 7"), codes.NotFound},
		{fmt.Errorf("reading: %w", collections.ErrNotFound), codes.NotFound},
		{errBad.Wrap("no"), codes.InvalidArgument},
		{errors.New("disk"), codes.Internal},
	} {
		got := s.Of(c.err)
		require.Equal(t, c.want, status.Code(got), "%v", c.err)
		require.Contains(t, status.Convert(got).Message(), c.err.Error())
	}
	require.Equal(t, codes.InvalidArgument, status.Code(queryutil.ErrNilRequest))
}
