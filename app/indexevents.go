package app

import (
	"slices"
	"strings"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// sdkIndexedEvents are the SDK's event attributes that wallets and explorers
// search: a sender's transactions, a message type at a height (the decisions
// explorer's tx links), transfers and fees. CometBFT indexes tx.hash and
// tx.height whatever the list says. tx.signature is left out: a transaction
// is found by its hash or by its signer and sequence (tx.acc_seq, what
// `query tx --type=acc_seq` matches), and an 88-character random signature
// was the largest entry of every transaction's index (about 150 bytes, 6% of
// a vote's bytes on disk).
var sdkIndexedEvents = []string{
	"message.action", "message.module", "message.sender",
	"tx.acc_seq", "tx.fee", "tx.fee_payer",
	"transfer.recipient", "transfer.sender",
	"coin_received.receiver", "coin_spent.spender",
}

// IndexedEvents is the default index-events list `polityd init` writes into
// app.toml: the SDK attributes above and every attribute of Polity's plain
// events ("polity.<module>", eventutil), which carry each typed event's
// scalar fields unquoted and are what tx_search matches. The typed events
// (JSON-quoted values) are not indexed: indexing them twice the work for
// attributes no query matches is most of the indexer's cost per vote. An
// operator who wants everything indexed sets index-events = [].
func IndexedEvents() []string {
	out := slices.Clone(sdkIndexedEvents)
	gogoproto.GogoResolver.RangeFiles(func(fd protoreflect.FileDescriptor) bool {
		parts := strings.Split(string(fd.Package()), ".") // polity.<module>.v1
		if len(parts) != 3 || parts[0] != "polity" {
			return true
		}
		msgs := fd.Messages()
		for i := range msgs.Len() {
			if m := msgs.Get(i); strings.HasPrefix(string(m.Name()), "Event") {
				out = append(out, plainEventKeys("polity."+parts[1], m)...)
			}
		}
		return true
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// plainEventKeys lists "<type>.<attribute>" for the attributes the plain
// companion of event message m carries: action, and each field whose JSON form
// is a scalar or a list of scalars (timestamps and durations are strings).
func plainEventKeys(eventType string, m protoreflect.MessageDescriptor) []string {
	keys := []string{eventType + ".action"}
	fields := m.Fields()
	for i := range fields.Len() {
		f := fields.Get(i)
		if f.IsMap() {
			continue
		}
		if f.Kind() == protoreflect.MessageKind || f.Kind() == protoreflect.GroupKind {
			switch f.Message().FullName() {
			case "google.protobuf.Timestamp", "google.protobuf.Duration":
			default:
				continue
			}
		}
		keys = append(keys, eventType+"."+string(f.Name()))
	}
	return keys
}
