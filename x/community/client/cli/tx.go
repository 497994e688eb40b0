// Package cli holds the x/community commands autocli cannot build: motions
// carry a list of arbitrary messages.
package cli

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"

	"github.com/polity-chain/polity/internal/msgjson"
	"github.com/polity-chain/polity/x/community/types"
)

const (
	flagTitle   = "title"
	flagSummary = "summary"
)

// NewTxCmd returns the module's hand-written transaction commands.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Stakeholder communities, motions, Board and validators",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewSubmitMotionCmd())
	return cmd
}

// motionFile is the file submit-motion reads: title, summary and messages.
// A transaction file written by --generate-only is accepted too: its
// body.messages become the motion's messages.
type motionFile struct {
	Title    string            `json:"title"`
	Summary  string            `json:"summary"`
	Messages []json.RawMessage `json:"messages"`
	Body     *struct {
		Messages []json.RawMessage `json:"messages"`
	} `json:"body"`
}

// NewSubmitMotionCmd opens a motion in a body.
func NewSubmitMotionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-motion [body-id] [motion-file]",
		Short: "Open a motion in a body you vote in",
		Long: `Open a motion: a list of messages the body executes, with its own address as
signer, if the vote passes. The file holds {"title", "summary", "messages": [...]}
with each message in proto JSON ("@type": "/polity.community.v1.MsgAdmitMember", ...).
A message whose signer field ("authority" for decisions) is left out or empty is
signed by the body. A
transaction file from --generate-only is accepted as well; --title and --summary
override the file.`,
		Example: `polityd tx community submit-motion dev motion.json --from dev-chair
where motion.json is
{"title": "Admit Erin", "messages": [{"@type": "/polity.community.v1.MsgAdmitMember",
  "community_id": "dev", "address": "polity1...", "region": "REGION_EUROPE"}]}`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			msg, err := ReadMotion(clientCtx, args[0], args[1])
			if err != nil {
				return err
			}
			if title, _ := cmd.Flags().GetString(flagTitle); title != "" {
				msg.Title = title
			}
			if summary, _ := cmd.Flags().GetString(flagSummary); summary != "" {
				msg.Summary = summary
			}
			msg.Proposer = clientCtx.GetFromAddress().String()
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagTitle, "", "motion title (overrides the file)")
	cmd.Flags().String(flagSummary, "", "motion summary (overrides the file)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// ReadMotion parses a motion file for a body, filling empty authorities with
// the body's address.
func ReadMotion(clientCtx client.Context, bodyID, path string) (*types.MsgSubmitMotion, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f motionFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(f.Messages) == 0 && f.Body != nil {
		f.Messages = f.Body.Messages
	}
	anys, err := msgjson.Pack(clientCtx.Codec, f.Messages, types.BodyAddress(bodyID).String())
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitMotion{BodyId: bodyID, Title: f.Title, Summary: f.Summary, Messages: anys}, nil
}
