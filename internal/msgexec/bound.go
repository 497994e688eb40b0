package msgexec

import "github.com/polity-chain/polity/internal/textutil"

// MaxErrorText bounds the text of the errors this package returns, which
// modules keep on records and in events.
const MaxErrorText = textutil.MaxErrorText

// boundedError cuts the text of an error to MaxErrorText bytes and keeps the
// error itself for errors.Is/As (Unwrap) and for its ABCI code and codespace
// (Cause, which cosmossdk.io/errors follows).
type boundedError struct{ err error }

func (e boundedError) Error() string { return textutil.Truncate(e.err.Error(), MaxErrorText) }
func (e boundedError) Unwrap() error { return e.err }
func (e boundedError) Cause() error  { return e.err }

// bound returns err with its text bounded, nil for nil.
func bound(err error) error {
	if err == nil {
		return nil
	}
	return boundedError{err}
}
