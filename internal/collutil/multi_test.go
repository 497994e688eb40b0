package collutil_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/colltest"
	store "cosmossdk.io/collections/corecompat"

	"github.com/polity-chain/polity/internal/collutil"
)

// countingService counts the writes (sets and deletes) to its store.
type countingService struct {
	colltest.StoreService
	writes *int
}

func (s countingService) OpenKVStore(ctx context.Context) store.KVStore {
	return countingStore{KVStore: s.StoreService.OpenKVStore(ctx), writes: s.writes}
}

type countingStore struct {
	store.KVStore
	writes *int
}

func (s countingStore) Set(k, v []byte) error { *s.writes++; return s.KVStore.Set(k, v) }
func (s countingStore) Delete(k []byte) error { *s.writes++; return s.KVStore.Delete(k) }

type record struct{ Body, Status string }

type recordIndexes struct {
	BodyStatus *collutil.Multi[collections.Pair[string, string], uint64, record]
}

func (i recordIndexes) IndexesList() []collections.Index[uint64, record] {
	return []collections.Index[uint64, record]{i.BodyStatus}
}

// TestMultiSkipsUnchangedRef checks that saving a record under an unchanged
// reference key writes only the record, that a changed key moves the entry,
// and that removal drops it: the entries are the SDK Multi's.
func TestMultiSkipsUnchangedRef(t *testing.T) {
	svc, ctx := colltest.MockStore()
	writes := 0
	sb := collections.NewSchemaBuilder(countingService{StoreService: *svc, writes: &writes})
	m := collections.NewIndexedMap(sb, collections.NewPrefix(1), "records", collections.Uint64Key, recordValue{},
		recordIndexes{BodyStatus: collutil.NewMulti(sb, collections.NewPrefix(2), "by_body_status",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), collections.Uint64Key,
			func(_ uint64, r record) (collections.Pair[string, string], error) {
				return collections.Join(r.Body, r.Status), nil
			})})
	_, err := sb.Build()
	require.NoError(t, err)

	keys := func(body, status string) []uint64 {
		iter, err := m.Indexes.BodyStatus.MatchExact(ctx, collections.Join(body, status))
		require.NoError(t, err)
		pks, err := iter.PrimaryKeys()
		require.NoError(t, err)
		return pks
	}
	require.NoError(t, m.Set(ctx, 1, record{"dev", "voting"}))
	require.Equal(t, []uint64{1}, keys("dev", "voting"))

	writes = 0
	require.NoError(t, m.Set(ctx, 1, record{"dev", "voting"}))
	require.Equal(t, 1, writes, "an unchanged reference key writes only the record")
	require.Equal(t, []uint64{1}, keys("dev", "voting"))

	require.NoError(t, m.Set(ctx, 1, record{"dev", "passed"}))
	require.Empty(t, keys("dev", "voting"))
	require.Equal(t, []uint64{1}, keys("dev", "passed"))

	require.NoError(t, m.Remove(ctx, 1))
	require.Empty(t, keys("dev", "passed"))
}

// recordValue encodes a record as "body/status".
type recordValue struct{}

func (recordValue) Encode(r record) ([]byte, error) { return []byte(r.Body + "/" + r.Status), nil }
func (recordValue) Decode(b []byte) (record, error) {
	for i := range b {
		if b[i] == '/' {
			return record{string(b[:i]), string(b[i+1:])}, nil
		}
	}
	return record{}, nil
}
func (recordValue) EncodeJSON(r record) ([]byte, error) { return recordValue{}.Encode(r) }
func (recordValue) DecodeJSON(b []byte) (record, error) { return recordValue{}.Decode(b) }
func (recordValue) Stringify(r record) string           { return r.Body + "/" + r.Status }
func (recordValue) ValueType() string                   { return "record" }
