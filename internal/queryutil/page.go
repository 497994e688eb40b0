// Package queryutil holds what the four modules' query servers share.
package queryutil

import "github.com/cosmos/cosmos-sdk/types/query"

// MaxPageLimit caps a list page, so one query cannot read a whole store.
const MaxPageLimit = 200

// Page applies the page-size cap. Without a request it returns the first
// page of the default size; the total is counted only when the client asks
// (count_total), since counting walks every matching record.
func Page(p *query.PageRequest) *query.PageRequest {
	if p == nil {
		return &query.PageRequest{Limit: query.DefaultLimit}
	}
	if p.Limit > MaxPageLimit {
		cp := *p
		cp.Limit = MaxPageLimit
		return &cp
	}
	return p
}
