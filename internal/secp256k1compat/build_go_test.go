//go:build !libsecp256k1_sdk

package secp256k1compat

// buildName names the signature check this test binary holds.
const buildName = "pure Go (decred)"
