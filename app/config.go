package app

import (
	"os"
	"path/filepath"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

const (
	// AppName is the application's name as reported by the node.
	AppName = "polity"
	// Bech32Prefix is the account address prefix.
	Bech32Prefix = "polity"
	// FeeDenom is the fee token.
	FeeDenom = communitytypes.FeeDenom
	// DefaultChainID is used by local networks.
	DefaultChainID = "polity-local-1"
	// GovernanceModuleName names the account that x/proposals executes ratified
	// proposals with. It is the authority of every module's parameters and of
	// software upgrades; only a ratified proposal signs as it.
	GovernanceModuleName = "proposals"
	// SecretariatCommunity is the community whose motions register external parties.
	SecretariatCommunity = "secretariat"
)

var (
	// DefaultNodeHome is the default home of polityd.
	DefaultNodeHome = defaultHome()

	// GovernanceAuthority is the ratification address (see GovernanceModuleName).
	GovernanceAuthority = authtypes.NewModuleAddress(GovernanceModuleName)

	// EmpoweredAuthority is the Empowered Community's body address, which
	// vetoes and approves proposals (x/empowered registers the body).
	EmpoweredAuthority = communitytypes.BodyAddress(communitytypes.EmpoweredBodyID)

	// ReviewAuthority is the independent review address, which stays and
	// returns proposals (x/review's module account).
	ReviewAuthority = authtypes.NewModuleAddress("review")
)

func defaultHome() string {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, ".polity")
}

// ConfigScope names the SDK's process-wide config. The SDK keys its config by
// COSMOS_SDK_CONFIG_SCOPE or, when that is unset, by hostname, executable path
// and pid, which it recomputes with two system calls on every sdk.GetConfig:
// once per address parsed or printed, several times per transaction. A fixed
// scope makes the lookup a map read.
const ConfigScope = "polity"

// SetAddressConfig sets the bech32 prefixes process-wide. Call it once, before
// any address is printed or parsed: the config scope it pins must be chosen
// before the SDK's config is first read, or earlier settings would be left in
// the old scope.
func SetAddressConfig() {
	if os.Getenv(sdk.EnvConfigScope) == "" {
		// the process's own environment: no error but EINVAL on a bad name
		_ = os.Setenv(sdk.EnvConfigScope, ConfigScope)
	}
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator, Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus, Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
}
