package cmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

const (
	flagBootstrap    = "bootstrap"
	flagVotingPeriod = "voting-period"
	flagValidator    = "validator"
	flagFunds        = "funds"
	flagComment      = "comment-period"
	flagEC           = "ec-period"
	flagChallenge    = "challenge-window"
	flagForum        = "forum-period"
	flagAdvice       = "advice-period"
	flagReview       = "review-period"
)

// constitutionCmd writes the default constitution into genesis.
func constitutionCmd(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "constitution",
		Short: "Write the default constitution into genesis, with a key for every role",
		Long: `Write Polity's default constitution into the genesis file: the supporting
(dev, ops, fin), advisory (users, gov, security, standards), nominating (nomcom)
and secretariat communities; five decisional participants; a seven-seat Board
with three liaisons; and the validators. Every role gets a named key in the
keyring (created if missing), funded with --funds upolity.

Validators: --validator community,moniker,key[,power[,operator-key]]
(repeatable), where key is a file holding the operator's
"polityd comet show-validator" output, the bare base64 key, or (on a machine
holding every node's home) a node home, of which only the public key is read.
Without it, this node is the only validator, run by "ops".
A single validator cannot meet the 1/3 power cap: pass --bootstrap for a
single-node development chain.

A constitution can instead be a file (YAML or JSON; docs/constitution.md):
  --file F         write the genesis from F (keys without an address are
                   created in the keyring); explicitly set window flags,
                   --bootstrap and --validator override the file
  --check F        validate F, reporting every problem with its path in the
                   file, and every module's genesis validation; writes nothing
  --example NAME   print a shipped example (dev, defi, icann)
  --from-export G  describe an exported genesis G as a constitution file;
                   with --keyring-backend, keys of that keyring keep their
                   names, other accounts are named by what they hold

It also sets the consensus block gas limit (block.max_gas) to ` + fmt.Sprint(constitution.BlockMaxGas) + `:
CometBFT's default, -1, leaves a block's gas unbounded.`,
		Example: `polityd genesis constitution --bootstrap --keyring-backend test
polityd genesis constitution --example icann > icann.yaml
polityd genesis constitution --check icann.yaml
polityd genesis constitution --file icann.yaml --keyring-backend test
polityd genesis constitution --from-export exported.json --output chain.yaml --keyring-backend test
polityd genesis constitution --keyring-backend test \
  --validator ops,node0,/tmp/n0 --validator dev,node1,/tmp/n1 \
  --validator fin,node2,/tmp/n2 --validator users,node3,/tmp/n3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if handled, err := runFileModes(cmd, a); handled {
				// a file's problems are the answer, not a usage error
				cmd.SilenceUsage = true
				return err
			}
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			addrs, err := ensureKeys(clientCtx.Keyring)
			if err != nil {
				return err
			}
			validators, err := validatorSpecs(cmd, clientCtx.HomeDir)
			if err != nil {
				return err
			}
			path, doc, state, err := genesisFile(cmd)
			if err != nil {
				return err
			}
			if doc.GenesisTime.IsZero() {
				doc.GenesisTime = nowSecond()
			}
			bootstrap, _ := cmd.Flags().GetBool(flagBootstrap)
			period, _ := cmd.Flags().GetDuration(flagVotingPeriod)
			comment, _ := cmd.Flags().GetDuration(flagComment)
			ec, _ := cmd.Flags().GetDuration(flagEC)
			challenge, _ := cmd.Flags().GetDuration(flagChallenge)
			forum, _ := cmd.Flags().GetDuration(flagForum)
			advice, _ := cmd.Flags().GetDuration(flagAdvice)
			review, _ := cmd.Flags().GetDuration(flagReview)
			funds, _ := cmd.Flags().GetInt64(flagFunds)
			res, err := constitution.Build(constitution.Spec{
				Addresses: addrs, Validators: validators, GenesisTime: doc.GenesisTime,
				VotingPeriod: period, CommentPeriod: comment, ECPeriod: ec, ChallengeWindow: challenge, ForumPeriod: forum, AdvicePeriod: advice, ReviewPeriod: review,
				Bootstrap: bootstrap, Funds: funds,
			})
			if err != nil {
				return err
			}
			cdc := clientCtx.Codec
			if state[ctypes.ModuleName], err = cdc.MarshalJSON(res.Community); err != nil {
				return err
			}
			if state[ptypes.ModuleName], err = cdc.MarshalJSON(res.Proposals); err != nil {
				return err
			}
			if state[rtypes.ModuleName], err = cdc.MarshalJSON(res.Review); err != nil {
				return err
			}
			if state[etypes.ModuleName], err = cdc.MarshalJSON(res.Empowered); err != nil {
				return err
			}
			if err := addAccounts(cdc, state, res.Balances); err != nil {
				return err
			}
			if doc.Consensus == nil {
				doc.Consensus = &genutiltypes.ConsensusGenesis{}
			}
			doc.Consensus.Params = constitution.ConsensusParams(doc.Consensus.Params)
			if err := writeGenesis(path, doc, state); err != nil {
				return err
			}
			for _, name := range constitution.KeyNames() {
				fmt.Fprintf(cmd.OutOrStdout(), "%-18s %s\n", name, addrs[name])
			}
			return nil
		},
	}
	cmd.Flags().Bool(flagBootstrap, false, "suspend the 1/3 power cap (single-node development chains only)")
	cmd.Flags().Duration(flagVotingPeriod, 30*time.Second, "voting period of every body and of the Board on proposals (use days in production)")
	cmd.Flags().Duration(flagComment, 10*time.Second, "public comment period of proposals (ICANN: 40 days)")
	cmd.Flags().Duration(flagEC, 20*time.Second, "Empowered Community windows: rejection window and approval deadline of proposals, petition and decision periods (ICANN: 21 days)")
	cmd.Flags().Duration(flagChallenge, 0, "challenge window of resolutions, technical actions and policies before they take effect (default: the --ec-period; ICANN: 21 days)")
	cmd.Flags().Duration(flagForum, 0, "the Empowered Community's community forum, which every action sits through (default: half the --ec-period; ICANN: up to 21 days)")
	cmd.Flags().Duration(flagAdvice, 60*time.Second, "time the Board has to answer advice")
	cmd.Flags().Duration(flagReview, 60*time.Second, "x/review working period: panel picks, Board deadlines, ombudsman reports, emergency consultations")
	cmd.Flags().StringArray(flagValidator, nil, "community,moniker,key[,power[,operator-key]] (repeatable; key: a show-validator file, base64, or a local node home)")
	cmd.Flags().Int64(flagFunds, 1_000_000_000, "upolity given to every named key")
	cmd.Flags().String(flagFile, "", "write the genesis from a constitution file (YAML or JSON; docs/constitution.md); window flags, --bootstrap and --validator override it")
	cmd.Flags().String(flagExample, "", "print a shipped example constitution ("+strings.Join(file.ExampleNames(), ", ")+") and exit")
	cmd.Flags().String(flagCheck, "", "validate a constitution file, reporting every problem with its path; writes nothing")
	cmd.Flags().String(flagFromExport, "", "write a constitution file describing an exported genesis (polityd export) and exit")
	cmd.Flags().String(flagOutput, "", "with --example or --from-export: the file to write (default: standard output)")
	cmd.Flags().String(flags.FlagHome, app.DefaultNodeHome, "the node's home directory")
	cmd.Flags().String(flags.FlagKeyringBackend, flags.DefaultKeyringBackend, "keyring backend (os|file|kwallet|pass|test)")
	cmd.Flags().String(flags.FlagKeyringDir, "", "keyring directory (defaults to the home)")
	return cmd
}

// ensureKeys returns every constitution key's address, creating missing keys.
func ensureKeys(kr keyring.Keyring) (map[string]sdk.AccAddress, error) {
	addrs := map[string]sdk.AccAddress{}
	for _, name := range constitution.KeyNames() {
		addr, err := ensureKey(kr, name)
		if err != nil {
			return nil, err
		}
		addrs[name] = addr
	}
	return addrs, nil
}

// ensureKey returns the keyring key's address, creating the key if missing.
func ensureKey(kr keyring.Keyring, name string) (sdk.AccAddress, error) {
	rec, err := kr.Key(name)
	if err != nil {
		rec, _, err = kr.NewMnemonic(name, keyring.English, sdk.GetConfig().GetFullBIP44Path(), keyring.DefaultBIP39Passphrase, hd.Secp256k1)
		if err != nil {
			return nil, fmt.Errorf("create key %s: %w", name, err)
		}
	}
	return rec.GetAddress()
}

// nowSecond is the genesis time of a new chain.
func nowSecond() time.Time { return time.Now().UTC().Truncate(time.Second) }

// runFileModes runs --example, --check, --file or --from-export; handled
// is false when none is given (the default constitution).
func runFileModes(cmd *cobra.Command, a *app.App) (handled bool, err error) {
	get := func(name string) string { v, _ := cmd.Flags().GetString(name); return v }
	switch {
	case get(flagExample) != "":
		data, err := file.Example(get(flagExample))
		if err != nil {
			return true, err
		}
		return true, writeOut(cmd, get(flagOutput), data)
	case get(flagCheck) != "":
		return true, runFile(cmd, a.BasicModuleManager, a.TxConfig(), get(flagCheck), true)
	case get(flagFile) != "":
		return true, runFile(cmd, a.BasicModuleManager, a.TxConfig(), get(flagFile), false)
	case get(flagFromExport) != "":
		return true, runFromExport(cmd, get(flagFromExport), get(flagOutput))
	}
	return false, nil
}

// validatorSpecs reads the --validator flags, defaulting to this node run by ops.
func validatorSpecs(cmd *cobra.Command, home string) ([]constitution.ValidatorSpec, error) {
	flagsIn, _ := cmd.Flags().GetStringArray(flagValidator)
	if len(flagsIn) == 0 {
		moniker := server.GetServerContextFromCmd(cmd).Config.Moniker
		flagsIn = []string{"ops," + moniker + "," + home}
	}
	var out []constitution.ValidatorSpec
	for _, f := range flagsIn {
		community, moniker, key, power, operator, err := parseValidatorFlag(f)
		if err != nil {
			return nil, err
		}
		pk, err := parseConsensusKey(key)
		if err != nil {
			return nil, err
		}
		out = append(out, constitution.ValidatorSpec{Community: community, Moniker: moniker, PubKey: pk, Operator: operator, Power: power})
	}
	return out, nil
}
