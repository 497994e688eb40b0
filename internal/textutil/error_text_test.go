package textutil_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/polity-chain/polity/internal/textutil"
)

func TestErrorTextIsBounded(t *testing.T) {
	if got := textutil.ErrorText(errors.New("short")); got != "short" {
		t.Fatalf("ErrorText(short) = %q", got)
	}
	long := errors.New(strings.Repeat("é", textutil.MaxErrorText))
	if got := textutil.ErrorText(long); len(got) > textutil.MaxErrorText || !strings.HasPrefix(long.Error(), got) {
		t.Fatalf("ErrorText of %d bytes gave %d bytes", len(long.Error()), len(got))
	}
}
