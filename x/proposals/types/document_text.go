package types

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// MaxDocumentTextLength bounds a document's full text in bytes (64 KiB: a
// bylaws text of some forty pages). It is a protocol constant, not a
// parameter, because texts are kept for ever (with the proposal and with its
// registry version) and genesis must accept every text once accepted.
const MaxDocumentTextLength = 64 << 10

// ValidateDocumentText checks a document's optional full text: UTF-8, within
// MaxDocumentTextLength, and hashing to the document's hash, so that the text
// on chain is the document the hash anchors.
func ValidateDocumentText(text string, d communitytypes.Document) error {
	if text == "" {
		return nil
	}
	if len(text) > MaxDocumentTextLength {
		return ErrDocumentTextTooLong.Wrapf("%d bytes, limit %d", len(text), MaxDocumentTextLength)
	}
	if !utf8.ValidString(text) {
		return ErrInvalidDocumentText.Wrap("the text is not UTF-8")
	}
	if sum := DocumentTextHash(text); sum != d.Hash {
		return ErrInvalidDocumentText.Wrapf("its SHA-256 is %s, the document's hash %q", sum, d.Hash)
	}
	return nil
}

// DocumentTextHash is the lower-case hex SHA-256 of a text, as a document's
// hash is written.
func DocumentTextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
