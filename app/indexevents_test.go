package app_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/internal/eventutil"
)

// TestIndexedEventsCoverPlainEvents checks that the default index-events list
// holds every attribute of every plain event a Polity module can emit (so
// tx_search finds any of them), the SDK attributes the explorer searches, and
// no typed-event attribute.
func TestIndexedEventsCoverPlainEvents(t *testing.T) {
	indexed := app.IndexedEvents()
	events := 0
	gogoproto.GogoResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		if !strings.HasPrefix(string(fd.Package()), "polity.") {
			return true
		}
		module := strings.Split(string(fd.Package()), ".")[1]
		for i := range fd.Messages().Len() {
			name := fd.Messages().Get(i).FullName()
			if !strings.HasPrefix(string(name.Name()), "Event") {
				continue
			}
			typ := gogoproto.MessageType(string(name))
			require.NotNil(t, typ, name)
			ev := reflectNew(typ)
			attrs, err := eventutil.PlainAttributes(ev)
			require.NoError(t, err, name)
			for _, a := range attrs {
				if f := fd.Messages().Get(i).Fields().ByName(protoreflect.Name(a.Key)); f != nil && f.IsList() && f.Kind() == protoreflect.MessageKind {
					continue // an empty list of messages is plain; a filled one is not
				}
				key := "polity." + module + "." + a.Key
				require.True(t, slices.Contains(indexed, key), "%s: %s is not indexed", name, key)
			}
			events++
		}
		return true
	})
	require.Greater(t, events, 50, "every module's events were checked")
	for _, key := range []string{"message.sender", "message.action", "transfer.recipient", "tx.acc_seq"} {
		require.Contains(t, indexed, key)
	}
	require.NotContains(t, indexed, "tx.signature", "found by hash or tx.acc_seq; the costliest entry of every tx")
	for _, key := range indexed {
		require.False(t, strings.Contains(key, ".v1."), "typed event attribute %s is indexed", key)
	}
	require.True(t, slices.IsSorted(indexed))
}

// reflectNew returns a new zero message of the registered Go type.
func reflectNew(typ reflect.Type) gogoproto.Message {
	return reflect.New(typ.Elem()).Interface().(gogoproto.Message)
}
