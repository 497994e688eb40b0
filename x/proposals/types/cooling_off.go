package types

import (
	"crypto/sha256"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
)

// RecordBoardActionTypeURL is x/review's record of the Board's answer to an
// upheld IRP: a proposal carrying it may carry the messages that IRP returned.
const RecordBoardActionTypeURL = "/polity.review.v1.MsgRecordBoardAction"

// MessageHash identifies a proposed message for the cooling-off: the SHA-256
// of its type URL and its bytes.
func MessageHash(a *codectypes.Any) []byte {
	h := sha256.New()
	h.Write([]byte(a.TypeUrl))
	h.Write([]byte{0})
	h.Write(a.Value)
	return h.Sum(nil)
}
