// Package secp256k1compat holds the test that the two builds of the SDK's
// secp256k1 signature check agree: the default pure-Go one (decred's) and
// the optional cgo one (bitcoin-core's libsecp256k1, `make build
// SECP256K1=libsecp256k1`). Nodes of both builds may run in one network, so
// they must accept and refuse exactly the same signatures; `make test` runs
// the test under each build and checks, by implementation, that each run
// holds the build it asked for.
package secp256k1compat
