// Package cli holds the x/community commands autocli cannot build: motions
// carry a list of arbitrary messages.
package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	msgv1 "cosmossdk.io/api/cosmos/msg/v1"
	gogoproto "github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

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
	bodyAddr := types.BodyAddress(bodyID).String()
	anys := make([]*codectypes.Any, 0, len(f.Messages))
	for i, m := range f.Messages {
		m, err := withAuthority(m, bodyAddr)
		if err != nil {
			return nil, fmt.Errorf("message %d: %w", i, err)
		}
		var msg sdk.Msg
		if err := clientCtx.Codec.UnmarshalInterfaceJSON(m, &msg); err != nil {
			return nil, fmt.Errorf("message %d: %w", i, err)
		}
		a, err := codectypes.NewAnyWithValue(msg)
		if err != nil {
			return nil, err
		}
		anys = append(anys, a)
	}
	return &types.MsgSubmitMotion{BodyId: bodyID, Title: f.Title, Summary: f.Summary, Messages: anys}, nil
}

// withAuthority fills the message's signer field (as declared by its
// cosmos.msg.v1.signer option, "authority" for decisions) with the body's
// address when the message leaves it out or empty.
func withAuthority(m json.RawMessage, bodyAddr string) (json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(m, &obj); err != nil {
		return nil, err
	}
	var typeURL string
	if err := json.Unmarshal(obj["@type"], &typeURL); err != nil || typeURL == "" {
		return nil, fmt.Errorf("missing @type")
	}
	field, err := signerField(strings.TrimPrefix(typeURL, "/"))
	if err != nil {
		return nil, err
	}
	if v, ok := obj[field]; ok && string(v) != `""` {
		return m, nil
	}
	obj[field], _ = json.Marshal(bodyAddr)
	return json.Marshal(obj)
}

// signerField returns the name of a message's single signer field.
func signerField(fullName string) (string, error) {
	desc, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(fullName))
	if err != nil {
		return "", fmt.Errorf("unknown message type %s: %w", fullName, err)
	}
	md, ok := desc.(protoreflect.MessageDescriptor)
	if !ok {
		return "", fmt.Errorf("%s is not a message", fullName)
	}
	signers, _ := protov2.GetExtension(md.Options(), msgv1.E_Signer).([]string)
	if len(signers) != 1 {
		return "", fmt.Errorf("%s must declare exactly one signer field", fullName)
	}
	return signers[0], nil
}
