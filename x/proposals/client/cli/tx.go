// Package cli holds the x/proposals command autocli cannot build: proposals
// carry a list of messages.
package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/polity-chain/polity/internal/msgjson"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// NewTxCmd returns the module's hand-written transaction commands.
func NewTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Proposals, advice, Board decisions and the bylaws registry",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewSubmitProposalCmd())
	return cmd
}

// proposalFile is what submit-proposal reads.
type proposalFile struct {
	Title    string                  `json:"title"`
	Summary  string                  `json:"summary"`
	Document communitytypes.Document `json:"document"`
	// DocumentText is the document's full text (optional; its SHA-256 must be document.hash).
	DocumentText string            `json:"document_text"`
	Messages     []json.RawMessage `json:"messages"`
}

// flagDocumentText names a file holding the document's full text.
const flagDocumentText = "document-text-file"

// readProposalFile reads a proposal file and, if textPath is given, the
// document's full text from it (replacing the file's document_text); an
// empty document hash is filled with the text's SHA-256.
func readProposalFile(path, textPath string) (proposalFile, error) {
	var f proposalFile
	raw, err := os.ReadFile(path)
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return f, fmt.Errorf("%s: %w", path, err)
	}
	if textPath != "" {
		text, err := os.ReadFile(textPath)
		if err != nil {
			return f, err
		}
		f.DocumentText = string(text)
	}
	if f.DocumentText != "" && f.Document.Hash == "" {
		f.Document.Hash = types.DocumentTextHash(f.DocumentText)
	}
	return f, nil
}

// NewSubmitProposalCmd submits a proposal for the Board (as a director) or for
// a supporting community (as a motion of that community).
func NewSubmitProposalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-proposal [originator] [kind] [proposal-file]",
		Short: "Submit a proposal: for the Board as a director, or as a motion of your supporting community",
		Long: `Submit a proposal. The file holds {"title", "summary", "document": {"hash", "uri"},
"document_text", "messages": [...]}, each message in proto JSON; a message whose
signer field ("authority") is left out is signed by the governance address, as
ratified proposals are. Kinds: resolution, technical, policy, budget,
standard-bylaw, fundamental-bylaw.

document_text (or --document-text-file) is the document's full text, optional,
UTF-8 and at most 64 KiB; its SHA-256 must be document.hash (left empty, the
hash is computed from the text). A ratified bylaws, policy or budget proposal
keeps it with its registry version, so versions can be compared line by line.

With originator "board", a voting director (--from) submits for the Board.
With a community id, the proposal is wrapped in a motion of that community
(--from must vote in it): it is submitted when the motion passes.`,
		Example: `polityd tx proposals submit-proposal dev policy policy.json --from dev-chair
polityd tx proposals submit-proposal board resolution answer.json --from director-dev
polityd tx proposals submit-proposal dev policy policy.json --document-text-file policy.md --from dev-chair`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			originator, kindName, path := args[0], args[1], args[2]
			kind, ok := types.ProposalKind_value["PROPOSAL_KIND_"+strings.ToUpper(strings.ReplaceAll(kindName, "-", "_"))]
			if !ok {
				return fmt.Errorf("unknown kind %q", kindName)
			}
			textPath, _ := cmd.Flags().GetString(flagDocumentText)
			f, err := readProposalFile(path, textPath)
			if err != nil {
				return err
			}
			gov := authtypes.NewModuleAddress(types.ModuleName).String()
			anys, err := msgjson.Pack(clientCtx.Codec, f.Messages, gov)
			if err != nil {
				return err
			}
			msg := &types.MsgSubmitProposal{
				Originator: originator, Kind: types.ProposalKind(kind), Title: f.Title, Summary: f.Summary,
				Document: f.Document, DocumentText: f.DocumentText, Messages: anys,
			}
			if originator == types.BoardOriginator {
				msg.Proposer = clientCtx.GetFromAddress().String()
				return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
			}
			msg.Proposer = communitytypes.BodyAddress(originator).String()
			packed, err := codectypes.NewAnyWithValue(msg)
			if err != nil {
				return err
			}
			motion := &communitytypes.MsgSubmitMotion{
				Proposer: clientCtx.GetFromAddress().String(), BodyId: originator,
				Title: "Submit proposal: " + f.Title, Summary: f.Summary, Messages: []*codectypes.Any{packed},
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), motion)
		},
	}
	cmd.Flags().String(flagDocumentText, "", "a file holding the document's full text (replaces the file's document_text)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
