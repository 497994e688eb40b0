package empowered

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// participantNote explains how participants act.
const participantNote = `A decisional participant acts by its own motion: build this with
--generate-only --from <community-address> and submit it with
"polityd tx community submit-motion <community> <file>" (or sign it as the
community's representative, where the params allow).`

// doc is a Document flag value in the examples.
const doc = `'{"hash":"<sha256 of the document>","uri":"https://example.org/doc.pdf"}'`

// AutoCLIOptions describes every query and transaction for autocli.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	args := func(fields ...string) []*autocliv1.PositionalArgDescriptor {
		out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
		for i, f := range fields {
			out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
		}
		return out
	}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.empowered.v1.Query",
			Short:   "The Empowered Community: decisional participants, petitions, forum statements, decisions, approvals and inspections",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show each power's threshold and periods",
					Example: "polityd query empowered params"},
				{RpcMethod: "Participants", Use: "participants", Short: "List the decisional participants",
					Example: "polityd query empowered participants"},
				{RpcMethod: "Petitions", Use: "petitions", Short: "List petitions, optionally by --power, --stage or --participant",
					Example: "polityd query empowered petitions --stage decision"},
				{RpcMethod: "Petition", Use: "petition [id]", Short: "Show an action with its stage, electorate and tally", PositionalArgs: args("id"),
					Example: "polityd query empowered petition 1"},
				{RpcMethod: "Statements", Use: "statements [action-id]", Short: "List an action's forum statements", PositionalArgs: args("id"),
					Example: "polityd query empowered statements 1"},
				{RpcMethod: "Decisions", Use: "decisions [action-id]", Short: "List the participants' decisions on an action", PositionalArgs: args("id"),
					Example: "polityd query empowered decisions 1"},
				{RpcMethod: "Approvals", Use: "approvals", Short: "List approval actions (fundamental bylaws, panelists)",
					Example: "polityd query empowered approvals --stage succeeded"},
				{RpcMethod: "Inspections", Use: "inspections", Short: "List inspection requests and the Board's answers",
					Example: "polityd query empowered inspections"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.empowered.v1.Msg",
			Short:   "The Empowered Community: petition, support, forum statements and participants' decisions",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Petition", Use: "petition [community-id] [power]", Short: "Petition for a power (a participant)", Long: participantNote,
					Example:        `polityd tx empowered petition dev reject-standard-bylaw --proposal-id 4 --rationale ` + doc + ` --from <dev-address> --generate-only`,
					PositionalArgs: args("community_id", "power")},
				{RpcMethod: "SupportPetition", Use: "support-petition [community-id] [action-id]", Short: "Support a petition (a second participant)", Long: participantNote,
					Example:        "polityd tx empowered support-petition ops 1 --from <ops-address> --generate-only",
					PositionalArgs: args("community_id", "action_id")},
				{RpcMethod: "PostStatement", Use: "post-statement [action-id] [text]", Short: "Post a community-forum statement (any account)",
					Example:        `polityd tx empowered post-statement 1 "The bylaw change weakens registrant protections" --document ` + doc + ` --from outsider --fees 1000upolity`,
					PositionalArgs: args("action_id", "text")},
				{RpcMethod: "Decide", Use: "decide [community-id] [action-id] [support|object|abstain]", Short: "Record a participant's decision", Long: participantNote,
					Example:        "polityd tx empowered decide dev 1 support --from <dev-address> --generate-only",
					PositionalArgs: args("community_id", "action_id", "choice")},
				{RpcMethod: "RespondInspection", Use: "respond-inspection [inspection-id]", Short: "Answer an inspection request (a Board resolution)",
					Example:        "polityd tx empowered respond-inspection 1 --response " + doc + " --from <governance-address> --generate-only",
					PositionalArgs: args("inspection_id")},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the procedures (governance: a FUNDAMENTAL_BYLAW proposal)",
					Example: "polityd query empowered params --output json | jq .params > params.json\npolityd tx empowered update-params --params params.json --from <governance-address> --generate-only"},
			},
		},
	}
}
