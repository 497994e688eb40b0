package addrutil_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/polity-chain/polity/internal/addrutil"
)

func TestParse(t *testing.T) {
	codec := addresscodec.NewBech32Codec("polity")
	canonical, err := codec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	bz, err := addrutil.Parse(codec, canonical)
	require.NoError(t, err)
	require.Len(t, bz, 20)

	_, err = addrutil.Parse(codec, strings.ToUpper(canonical))
	require.ErrorContains(t, err, "canonical form; use "+canonical)

	_, err = addrutil.Parse(codec, "")
	require.Error(t, err)
	_, err = addrutil.Parse(codec, "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a")
	require.Error(t, err, "another prefix is refused")
}
