package empowered

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// participantNote explains how participants act.
const participantNote = `A decisional participant acts by its own motion: build this with
--generate-only --from <community-address> and submit it with
"polityd tx community submit-motion <community> <file>" (or sign it as the
community's representative, where the params allow).`

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
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show each power's threshold and periods"},
				{RpcMethod: "Participants", Use: "participants", Short: "List the decisional participants"},
				{RpcMethod: "Petitions", Use: "petitions", Short: "List petitions, optionally by --power, --stage or --participant",
					Example: "polityd query empowered petitions --stage decision"},
				{RpcMethod: "Petition", Use: "petition [id]", Short: "Show an action with its stage, electorate and tally", PositionalArgs: args("id")},
				{RpcMethod: "Statements", Use: "statements [action-id]", Short: "List an action's forum statements", PositionalArgs: args("id")},
				{RpcMethod: "Decisions", Use: "decisions [action-id]", Short: "List the participants' decisions on an action", PositionalArgs: args("id")},
				{RpcMethod: "Approvals", Use: "approvals", Short: "List approval actions (fundamental bylaws, panelists)"},
				{RpcMethod: "Inspections", Use: "inspections", Short: "List inspection requests and the Board's answers"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.empowered.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Petition", Use: "petition [community-id] [power]", Short: "Petition for a power (a participant)", Long: participantNote,
					Example:        `polityd tx empowered petition dev reject-standard-bylaw --proposal-id 4 --rationale '{"hash":"<sha256>","uri":"https://..."}' --from <dev-address> --generate-only`,
					PositionalArgs: args("community_id", "power")},
				{RpcMethod: "SupportPetition", Use: "support-petition [community-id] [action-id]", Short: "Support a petition (a second participant)", Long: participantNote,
					PositionalArgs: args("community_id", "action_id")},
				{RpcMethod: "PostStatement", Use: "post-statement [action-id] [text]", Short: "Post a community-forum statement (any account)",
					PositionalArgs: args("action_id", "text")},
				{RpcMethod: "Decide", Use: "decide [community-id] [action-id] [support|object|abstain]", Short: "Record a participant's decision", Long: participantNote,
					PositionalArgs: args("community_id", "action_id", "choice")},
				{RpcMethod: "RespondInspection", Use: "respond-inspection [inspection-id]", Short: "Answer an inspection request (a Board resolution)",
					PositionalArgs: args("inspection_id")},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the procedures (governance: a FUNDAMENTAL_BYLAW proposal)"},
			},
		},
	}
}
