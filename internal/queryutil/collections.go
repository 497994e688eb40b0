package queryutil

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"
)

// All pages through a collection's records, keeping those that pass keep (nil
// keeps every record). Use it only where no index narrows the filter.
func All[K, V any, C query.Collection[K, V]](ctx context.Context, coll C, pageReq *query.PageRequest, keep func(V) bool) ([]V, *query.PageResponse, error) {
	var pred func(K, V) (bool, error)
	if keep != nil {
		pred = func(_ K, v V) (bool, error) { return keep(v), nil }
	}
	return query.CollectionFilteredPaginate(ctx, coll, Page(pageReq), pred,
		func(_ K, v V) (V, error) { return v, nil })
}

// Getter reads one record by its primary key (a collections Map or IndexedMap).
type Getter[K, V any] interface {
	Get(ctx context.Context, key K) (V, error)
}

// ByIndex pages through one reference key's entries of a Multi index (pairs of
// reference and primary key), reading each record from records and keeping
// those that pass keep (nil keeps every record without reading it twice).
func ByIndex[R, K, V any, C query.Collection[collections.Pair[R, K], collections.NoValue]](
	ctx context.Context, idx C, ref R, pageReq *query.PageRequest, records Getter[K, V], keep func(V) bool,
) ([]V, *query.PageResponse, error) {
	var pred func(collections.Pair[R, K], collections.NoValue) (bool, error)
	if keep != nil {
		pred = func(key collections.Pair[R, K], _ collections.NoValue) (bool, error) {
			v, err := records.Get(ctx, key.K2())
			return err == nil && keep(v), err
		}
	}
	return query.CollectionFilteredPaginate(ctx, idx, Page(pageReq), pred,
		func(key collections.Pair[R, K], _ collections.NoValue) (V, error) { return records.Get(ctx, key.K2()) },
		query.WithCollectionPaginationPairPrefix[R, K](ref))
}

// Under pages through the records of a pair-keyed collection whose first key
// part is ref (a proposal's votes, a community's memberships).
func Under[R, K, V any, C query.Collection[collections.Pair[R, K], V]](ctx context.Context, coll C, ref R, pageReq *query.PageRequest) ([]V, *query.PageResponse, error) {
	return query.CollectionPaginate(ctx, coll, Page(pageReq),
		func(_ collections.Pair[R, K], v V) (V, error) { return v, nil },
		query.WithCollectionPaginationPairPrefix[R, K](ref))
}
