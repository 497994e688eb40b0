package queryutil

import (
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"cosmossdk.io/collections"
)

// ErrNilRequest is every query server's answer to a nil request.
var ErrNilRequest = status.Error(codes.InvalidArgument, "empty request")

// Statuses says which of a module's registered errors mean "not found" and
// which "bad input", so that REST answers 404 and 400 for them, not 500.
type Statuses struct {
	NotFound []error
	Invalid  []error
}

// Of maps a keeper error to a gRPC status: NotFound for the module's
// not-found errors and a missing collections record, InvalidArgument for bad
// input, Internal for the rest.
func (s Statuses) Of(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, collections.ErrNotFound) || isAny(err, s.NotFound):
		return status.Error(codes.NotFound, err.Error())
	case isAny(err, s.Invalid):
		return status.Error(codes.InvalidArgument, err.Error())
	default:
		return status.Error(codes.Internal, err.Error())
	}
}

func isAny(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
