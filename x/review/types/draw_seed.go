package types

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
)

// The draw's seed spans several blocks so that no one block proposer chooses
// it: the heights are announced when the panel choices close, before any of
// those blocks exists, and each block's hash is mixed in as it is finalised:
//
//	seed_0 = SHA-256("polity/irp-draw/" ‖ case id as 8 bytes big-endian)
//	seed_k = SHA-256(seed_(k-1) ‖ hash of the k-th announced block)
//
// The seed in lower-case hex is DrawPanelists' key. The case id separates the
// draws of cases whose choices close in the same block.

// drawSeedDomain prefixes seed_0.
const drawSeedDomain = "polity/irp-draw/"

// InitialDrawSeed is seed_0 of a case.
func InitialDrawSeed(irpID uint64) []byte {
	var id [8]byte
	binary.BigEndian.PutUint64(id[:], irpID)
	sum := sha256.Sum256(append([]byte(drawSeedDomain), id[:]...))
	return sum[:]
}

// MixDrawSeed is one step: SHA-256(prev ‖ blockHash).
func MixDrawSeed(prev, blockHash []byte) []byte {
	h := sha256.New()
	h.Write(prev)
	h.Write(blockHash)
	return h.Sum(nil)
}

// DrawSeed recomputes a case's final seed from the hashes of its announced
// blocks, in height order (from any node's RPC: /block?height=h gives
// block_id.hash). It is what the keeper accumulates, block by block.
func DrawSeed(irpID uint64, blockHashes [][]byte) ([]byte, error) {
	if len(blockHashes) == 0 {
		return nil, errors.New("no block hashes")
	}
	seed := InitialDrawSeed(irpID)
	for _, h := range blockHashes {
		if len(h) == 0 {
			return nil, errors.New("an empty block hash")
		}
		seed = MixDrawSeed(seed, h)
	}
	return seed, nil
}
