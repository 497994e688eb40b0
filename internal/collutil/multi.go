package collutil

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
)

// Multi is the collections Multi index that leaves its entry alone when a
// record is saved with an unchanged reference key. The SDK's Multi deletes and
// rewrites the entry on every save; a vote saves its motion or proposal (the
// tally changes, the indexed body, status or kind do not), so each index
// would cost a delete, a write and, at commit, a rewritten IAVL leaf, for
// nothing. The stored entries are exactly the SDK Multi's.
type Multi[R, K, V any] struct {
	*indexes.Multi[R, K, V]
	refCodec  codec.KeyCodec[R]
	getRefKey func(K, V) (R, error)
}

// NewMulti is indexes.NewMulti with the unchanged-key shortcut.
func NewMulti[R, K, V any](
	schema *collections.SchemaBuilder, prefix collections.Prefix, name string,
	refCodec codec.KeyCodec[R], pkCodec codec.KeyCodec[K], getRefKey func(K, V) (R, error),
) *Multi[R, K, V] {
	return &Multi[R, K, V]{
		Multi:     indexes.NewMulti(schema, prefix, name, refCodec, pkCodec, getRefKey),
		refCodec:  refCodec,
		getRefKey: getRefKey,
	}
}

// Reference implements collections.Index: when the record existed under the
// same reference key, its entry is already right.
func (m *Multi[R, K, V]) Reference(ctx context.Context, pk K, newValue V, lazyOldValue func() (V, error)) error {
	old, err := lazyOldValue()
	if err == nil {
		same, err := m.sameRef(pk, old, newValue)
		if err != nil || same {
			return err
		}
	}
	return m.Multi.Reference(ctx, pk, newValue, func() (V, error) { return old, err })
}

// sameRef compares the reference keys of two values by their encoding (keys
// such as Pair hold pointers, so == would not do).
func (m *Multi[R, K, V]) sameRef(pk K, a, b V) (bool, error) {
	ra, err := m.getRefKey(pk, a)
	if err != nil {
		return false, err
	}
	rb, err := m.getRefKey(pk, b)
	if err != nil {
		return false, err
	}
	ea, err := encodeKey(m.refCodec, ra)
	if err != nil {
		return false, err
	}
	eb, err := encodeKey(m.refCodec, rb)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ea, eb), nil
}

func encodeKey[R any](c codec.KeyCodec[R], key R) ([]byte, error) {
	buf := make([]byte, c.Size(key))
	n, err := c.Encode(buf, key)
	return buf[:n], err
}
