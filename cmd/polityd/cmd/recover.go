package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"cosmossdk.io/core/address"

	"github.com/cosmos/cosmos-sdk/client"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	ctypes "github.com/polity-chain/polity/x/community/types"
)

const flagDrop = "drop"

// recoverCmd turns the export of a chain halted by lost validators into the
// genesis of its continuation without them (docs/operator-guide.md, "A
// halted chain"). Nothing on chain can remove a validator once more than a
// third of the power is gone, because removing one takes a motion and a
// motion takes blocks: the survivors agree off chain, as CometBFT requires.
func recoverCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "recover [exported-genesis] [output]",
		Short: "Write the genesis that restarts a halted chain without its lost validators",
		Long: `Read the state exported from a halted chain ("polityd export" on a stopped
survivor), mark each --drop validator removed with power 0, keep every other
record, and write the genesis of the chain's continuation: same chain id,
heights continuing after the last block, genesis time now. If the surviving
validators break the 1/3 power cap or a community's share, bootstrap mode is
switched on and said so: the communities then admit replacements and
governance switches it off (update-params). Every survivor installs the same
output file (compare sha256sum), runs "polityd comet unsafe-reset-all" and
starts.`,
		Example: `polityd genesis recover halted.json recovered.json --drop polityvalcons1... --drop polityvalcons1...`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			drops, _ := cmd.Flags().GetStringArray(flagDrop)
			if len(drops) == 0 {
				return errors.New("--drop: name at least one lost validator's consensus address")
			}
			doc, err := genutiltypes.AppGenesisFromFile(args[0])
			if err != nil {
				return err
			}
			clientCtx := client.GetClientContextFromCmd(cmd)
			notes, err := recoverGenesis(clientCtx, doc, drops, time.Now().UTC())
			if err != nil {
				return err
			}
			for _, n := range notes {
				fmt.Fprintln(cmd.ErrOrStderr(), n)
			}
			return genutil.ExportGenesisFile(doc, args[1])
		},
	}
	cmd.Flags().StringArray(flagDrop, nil, "consensus address (polityvalcons1...) of a validator lost for good (repeatable)")
	return cmd
}

// recoverGenesis drops the lost validators from doc's x/community state and
// its CometBFT validator list, and dates the new chain now. It returns what
// an operator must know (bootstrap switched on).
func recoverGenesis(clientCtx client.Context, doc *genutiltypes.AppGenesis, drops []string, now time.Time) ([]string, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(doc.AppState, &state); err != nil {
		return nil, err
	}
	var gs ctypes.GenesisState
	if err := clientCtx.Codec.UnmarshalJSON(state[ctypes.ModuleName], &gs); err != nil {
		return nil, err
	}
	ac := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix())
	cc := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())
	lost, err := dropValidators(&gs, cc, drops, doc.InitialHeight-1, now)
	if err != nil {
		return nil, err
	}
	if !hasActiveValidator(gs) {
		return nil, errors.New("--drop names every active validator: a chain cannot restart without one")
	}
	var notes []string
	if err := gs.Validate(ac, cc); err != nil {
		if gs.Params.Bootstrap {
			return nil, fmt.Errorf("the recovered constitution is invalid: %w", err)
		}
		gs.Params.Bootstrap = true
		gs.Params.BootstrapNote = bootstrapNote(fmt.Sprintf("switched on by polityd genesis recover at %s, restarting after height %d without %s: %v",
			now.Format(time.RFC3339), doc.InitialHeight-1, strings.Join(drops, ", "), err))
		if err2 := gs.Validate(ac, cc); err2 != nil {
			return nil, fmt.Errorf("the recovered constitution is invalid: %w", err)
		}
		notes = append(notes, fmt.Sprintf("bootstrap mode switched ON: the surviving validators break the power rules (%v). "+
			"Admit replacement validators by motion, then switch bootstrap off with update-params.", err))
	}
	if state[ctypes.ModuleName], err = clientCtx.Codec.MarshalJSON(&gs); err != nil {
		return nil, err
	}
	if doc.AppState, err = json.MarshalIndent(state, "", " "); err != nil {
		return nil, err
	}
	if doc.Consensus != nil {
		doc.Consensus.Validators = keepValidators(doc.Consensus.Validators, lost)
	}
	doc.GenesisTime = now
	return notes, nil
}

// dropValidators marks each named active validator removed with power 0 and
// returns their consensus addresses.
func dropValidators(gs *ctypes.GenesisState, cc address.Codec, drops []string, height int64, now time.Time) ([][]byte, error) {
	var lost [][]byte
	for _, d := range drops {
		addr, err := cc.StringToBytes(d)
		if err != nil {
			return nil, fmt.Errorf("--drop %q: %w", d, err)
		}
		found := false
		for i := range gs.Validators {
			v := &gs.Validators[i]
			if v.ConsensusAddress != d {
				continue
			}
			if v.Status != ctypes.ValidatorActive {
				return nil, fmt.Errorf("--drop %s: validator %s is not active", d, v.Moniker)
			}
			v.Status, v.Power = ctypes.ValidatorRemoved, 0
			v.Audit.UpdatedHeight, v.Audit.UpdatedAt = height, now
			found = true
		}
		if !found {
			return nil, fmt.Errorf("--drop %s: no such validator in the exported state", d)
		}
		lost = append(lost, addr)
	}
	return lost, nil
}

func hasActiveValidator(gs ctypes.GenesisState) bool {
	for _, v := range gs.Validators {
		if v.Status == ctypes.ValidatorActive {
			return true
		}
	}
	return false
}

// keepValidators is vals without the lost ones.
func keepValidators(vals []cmttypes.GenesisValidator, lost [][]byte) []cmttypes.GenesisValidator {
	var out []cmttypes.GenesisValidator
	for _, v := range vals {
		drop := false
		for _, l := range lost {
			drop = drop || bytes.Equal(v.Address, l)
		}
		if !drop {
			out = append(out, v)
		}
	}
	return out
}

// bootstrapNote bounds the recorded reason to what params accept (1,000
// bytes), cutting at a character boundary.
func bootstrapNote(s string) string {
	const limit = 1000
	if len(s) <= limit {
		return s
	}
	return strings.ToValidUTF8(s[:limit-3], "") + "..."
}
