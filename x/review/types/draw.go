package types

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
)

// DrawPanelists picks n panelists from the eligible ones with the publicly
// verifiable selection of IETF RFC 3797, using SHA-256 instead of MD5 and a
// block hash as the random source fixed in advance:
//
//  1. The pool is the eligible panelists' addresses, sorted (the published order).
//  2. The key is the seed block's hash in lower-case hex followed by "/".
//  3. For selection i = 0, 1, ...: digest = SHA-256(i as 2 bytes big-endian ‖
//     key ‖ i as 2 bytes big-endian); r = digest, read as a big-endian
//     integer, modulo the number of panelists still unselected; the (r+1)-th
//     unselected panelist in pool order is selected.
//
// Anyone can recompute a draw from the block hash (RPC /block?height=) and the
// case's eligible panelists.
func DrawPanelists(seedHex string, eligible []string, n int) ([]string, error) {
	if _, err := hex.DecodeString(seedHex); err != nil || seedHex == "" {
		return nil, fmt.Errorf("seed %q is not a hex block hash", seedHex)
	}
	pool := slices.Clone(eligible)
	slices.Sort(pool)
	if n > len(pool) {
		return nil, fmt.Errorf("%d eligible panelists, %d needed", len(pool), n)
	}
	key := []byte(seedHex + "/")
	picked := make([]string, 0, n)
	for i := 0; i < n; i++ {
		var idx [2]byte
		binary.BigEndian.PutUint16(idx[:], uint16(i))
		h := sha256.New()
		h.Write(idx[:])
		h.Write(key)
		h.Write(idx[:])
		r := new(big.Int).Mod(new(big.Int).SetBytes(h.Sum(nil)), big.NewInt(int64(len(pool))))
		j := int(r.Int64())
		picked = append(picked, pool[j])
		pool = slices.Delete(pool, j, j+1)
	}
	return picked, nil
}
