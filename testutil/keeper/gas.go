package keeper

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

// ReadGas is the KV gas of reading record as stored: the flat cost of a read
// and the cost of each of its bytes. A test that requires a code path to
// skip (or make) that read compares gas by at least this much.
func ReadGas(t testing.TB, cdc codec.Codec, record proto.Message) uint64 {
	t.Helper()
	raw, err := cdc.Marshal(record)
	require.NoError(t, err)
	cfg := storetypes.KVGasConfig()
	return cfg.ReadCostFlat + cfg.ReadCostPerByte*uint64(len(raw))
}
