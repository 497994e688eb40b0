package simutil

import (
	"math/rand"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// Find returns the simulated account behind an address.
func Find(accs []simtypes.Account, addr string) (simtypes.Account, bool) {
	for _, a := range accs {
		if a.Address.String() == addr {
			return a, true
		}
	}
	return simtypes.Account{}, false
}

// Pick returns a random element of a non-empty list.
func Pick[T any](r *rand.Rand, list []T) T { return list[r.Intn(len(list))] }

// Holders returns the simulated accounts among addrs, in addrs' order.
func Holders(accs []simtypes.Account, addrs []string) []simtypes.Account {
	var out []simtypes.Account
	for _, a := range addrs {
		if acc, ok := Find(accs, a); ok {
			out = append(out, acc)
		}
	}
	return out
}

// Actor returns a holder of a role with probability 1-stray, else any
// account: an outsider's attempt should fail, and checking that it does is
// part of the run.
func Actor(r *rand.Rand, accs []simtypes.Account, holders []simtypes.Account, stray float64) simtypes.Account {
	if len(holders) == 0 || r.Float64() < stray {
		acc, _ := simtypes.RandomAcc(r, accs)
		return acc
	}
	return Pick(r, holders)
}

// Anys packs messages for a motion or proposal.
func Anys(msgs ...sdk.Msg) ([]*codectypes.Any, error) {
	out := make([]*codectypes.Any, len(msgs))
	for i, m := range msgs {
		a, err := codectypes.NewAnyWithValue(m)
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// Doc is a placeholder document with a random hash.
func Doc(r *rand.Rand) (hash, uri string) {
	const hex = "0123456789abcdef"
	b := make([]byte, 64)
	for i := range b {
		b[i] = hex[r.Intn(16)]
	}
	return string(b), "https://polity.example/sim/" + string(b[:8])
}

// Payload proposes a decision a body could take (a message signed by the
// body's address), or nil when it has nothing to propose. Each module's
// simulation package offers payloads; x/community's motions carry them.
type Payload func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg

// GovernanceBody is the pseudo-body whose payloads a Board resolution
// carries: messages signed by the governance (ratification) address.
const GovernanceBody = "governance"

// Document is a random, well-formed document reference.
func Document(r *rand.Rand) communitytypes.Document {
	hash, uri := Doc(r)
	return communitytypes.Document{Hash: hash, Uri: uri}
}

// Propose asks payloads for a decision of body, in a random order, and
// returns the first one offered: a uniform pick among the payloads that fit
// the body (most fit only some bodies; governance ones only the Board's
// resolutions). nil when none fits.
func Propose(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, payloads []Payload, body string) sdk.Msg {
	for _, i := range r.Perm(len(payloads)) {
		if m := payloads[i](r, ctx, accs, body); m != nil {
			return m
		}
	}
	return nil
}

// Rarely makes payloads offer their decision only one time in n, so that
// slow procedures (bylaw amendments) do not crowd out the rest.
func Rarely(n int, payloads ...Payload) []Payload {
	out := make([]Payload, len(payloads))
	for i, p := range payloads {
		out[i] = func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			if r.Intn(n) > 0 {
				return nil
			}
			return p(r, ctx, accs, body)
		}
	}
	return out
}
