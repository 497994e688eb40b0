//go:build !libsecp256k1_sdk

package secp256k1compat

// implementation names the signature check this build holds, as the
// Makefile's SECP256K1 names it.
const implementation = "go"
