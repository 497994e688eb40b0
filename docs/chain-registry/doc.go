// Package chainregistry holds Polity's chain-registry entries (chain.json and
// assetlist.json for the localnet and a template for real networks) and
// Ping.pub chain configs; its test checks them against the app's prefix,
// denom, chain id, fees and endpoints. docs/explorers.md explains their use.
package chainregistry
