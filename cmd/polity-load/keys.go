package main

import (
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// sender is one signing account: deterministic, so genesis and the generator
// agree on it without sharing files.
type sender struct {
	key    *secp256k1.PrivKey
	addr   string // bech32 with the chain's prefix
	accNum uint64
	seq    uint64
}

// loadKey is account i of a role ("member", "outsider"): the same on every run.
func loadKey(role string, i int) *secp256k1.PrivKey {
	return secp256k1.GenPrivKeyFromSecret(fmt.Appendf(nil, "polity-load/%s/%d", role, i))
}

func newSender(key *secp256k1.PrivKey, prefix string) *sender {
	addr, err := bech32.ConvertAndEncode(prefix, key.PubKey().Address())
	if err != nil {
		panic(err) // a 20-byte address always encodes
	}
	return &sender{key: key, addr: addr}
}

func senders(role string, n int, prefix string) []*sender {
	out := make([]*sender, n)
	for i := range out {
		out[i] = newSender(loadKey(role, i), prefix)
	}
	return out
}
