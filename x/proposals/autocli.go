package proposals

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// doc is a Document flag value in the examples.
const doc = `'{"hash":"<sha256 of the document>","uri":"https://example.org/doc.pdf"}'`

// AutoCLIOptions describes every query and transaction for autocli.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	id := func(field string) []*autocliv1.PositionalArgDescriptor {
		return []*autocliv1.PositionalArgDescriptor{{ProtoField: field}}
	}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.proposals.v1.Query",
			Short:   "Proposals, their votes, comments and holds, advice, and the bylaws, policy and budget registry",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show each kind's procedure and the classification guard",
					Example: "polityd query proposals params"},
				{RpcMethod: "Proposals", Use: "proposals", Short: "List proposals, optionally by --status, --kind or --originator",
					Example: "polityd query proposals proposals --status board-vote --page-reverse"},
				{RpcMethod: "Proposal", Use: "proposal [id]", Short: "Show a proposal with its phase, deadlines and Board tally", PositionalArgs: id("id"),
					Example: "polityd query proposals proposal 1"},
				{RpcMethod: "ProposalVotes", Use: "votes [proposal-id]", Short: "List the Board's votes on a proposal", PositionalArgs: id("id"),
					Example: "polityd query proposals votes 1"},
				{RpcMethod: "ProposalComments", Use: "comments [proposal-id]", Short: "List the comments and statements on a proposal", PositionalArgs: id("id"),
					Example: "polityd query proposals comments 1 --page-limit 20"},
				{RpcMethod: "ProposalHolds", Use: "holds [proposal-id]", Short: "List the holds on a proposal's execution (IRP cases, emergency suspensions)", PositionalArgs: id("id"),
					Example: "polityd query proposals holds 1"},
				{RpcMethod: "ProposalReleasedHolds", Use: "released-holds [proposal-id]", Short: "List the holds released from a proposal: who held it, when and why, and when and why released", PositionalArgs: id("id"),
					Example: "polityd query proposals released-holds 3"},
				{RpcMethod: "ProposalText", Use: "text [proposal-id]", Short: "Show the full text a proposal carried with its document (empty if none)", PositionalArgs: id("id"),
					Example: "polityd query proposals text 1 --output json | jq -r .text"},
				{RpcMethod: "AdviceList", Use: "advice-list", Short: "List advice, optionally by --status, --community-id or --proposal-id",
					Example: "polityd query proposals advice-list --status pending"},
				{RpcMethod: "Advice", Use: "advice [id]", Short: "Show one piece of advice and the Board's answer", PositionalArgs: id("id"),
					Example: "polityd query proposals advice 1"},
				{RpcMethod: "Bylaws", Use: "bylaws", Short: "Show the bylaws in force and their history",
					Example: "polityd query proposals bylaws"},
				{RpcMethod: "Policies", Use: "policies [community-id]", Short: "Show a community's policy in force and its history", PositionalArgs: id("community_id"),
					Example: "polityd query proposals policies dev"},
				{RpcMethod: "Budgets", Use: "budgets", Short: "Show the budget in force and its history",
					Example: "polityd query proposals budgets"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              "polity.proposals.v1.Msg",
			Short:                "Proposals, advice, Board decisions and the bylaws registry",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "SubmitProposal", Skip: true}, // hand-written: see submit-proposal
				{RpcMethod: "Comment", Use: "comment [proposal-id] [text]", Short: "Comment on a proposal (anyone, during public comment)",
					Example:        "polityd tx proposals comment 1 'Please publish the impact study' --from outsider --fees 1000upolity",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "text"}}},
				{RpcMethod: "BoardVote", Use: "board-vote [proposal-id] [yes|no|abstain]", Short: "Vote on a proposal as a voting director",
					Example:        "polityd tx proposals board-vote 1 yes --rationale 'sound policy' --from director-dev",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "option"}}},
				{RpcMethod: "WithdrawProposal", Use: "withdraw-proposal [proposal-id]", Short: "Withdraw a proposal in public comment (its proposer)", PositionalArgs: id("proposal_id"),
					Example: "polityd tx proposals withdraw-proposal 1 --from dev-chair"},
				{RpcMethod: "SubmitAdvice", Use: "submit-advice [community-id] [title]", Short: "Give advice (an advisory community decision: carry it in a motion)",
					Long:           "The signer is the advisory community's body address: build this with --generate-only --from <community-address> and submit it with polityd tx community submit-motion.",
					Example:        `polityd tx proposals submit-advice gov "Advice on the DNS abuse policy" --proposal-id 1 --topic dns-abuse --document ` + doc + ` --consensus --from <gov-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "title"}}},
				{RpcMethod: "RespondToAdvice", Use: "respond-to-advice [advice-id] [accepted|rejected|partially-accepted]", Short: "Answer advice (a Board resolution: carry it in a RESOLUTION proposal)",
					Example:        "polityd tx proposals respond-to-advice 1 partially-accepted --rationale " + doc + " --from <governance-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "advice_id"}, {ProtoField: "response"}}},
				{RpcMethod: "VetoProposal", Use: "veto-proposal [proposal-id]", Short: "Veto a proposal in its rejection window (the Empowered Community)", PositionalArgs: id("proposal_id"),
					Long:    "Sent by x/empowered when a rejection action succeeds; its signer is the Empowered Community's address, so it is not sent by hand.",
					Example: "polityd tx proposals veto-proposal 4 --reason 'rejected by the Empowered Community' --from <empowered-community-address> --generate-only"},
				{RpcMethod: "ApproveProposal", Use: "approve-proposal [proposal-id]", Short: "Approve a proposal that requires it (the Empowered Community)", PositionalArgs: id("proposal_id"),
					Long:    "Sent by x/empowered when an approval action succeeds; its signer is the Empowered Community's address, so it is not sent by hand.",
					Example: "polityd tx proposals approve-proposal 4 --from <empowered-community-address> --generate-only"},
				{RpcMethod: "StayProposal", Use: "stay-proposal [proposal-id] [true|false] [source]", Short: "Place or release one source's hold on a proposal's execution (independent review)",
					Long:           "Sent by x/review (IRP interim relief, emergency suspensions); its signer is the review address, so it is not sent by hand.",
					Example:        "polityd tx proposals stay-proposal 4 true irp/1 --reason 'interim relief' --from <review-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "stay"}, {ProtoField: "source"}}},
				{RpcMethod: "AnnulProposal", Use: "annul-proposal [proposal-id] [reason]", Short: "Return a proposal to the Board (independent review)",
					Long:           "Sent by x/review when a declaration upholds a claim; its signer is the review address, so it is not sent by hand.",
					Example:        "polityd tx proposals annul-proposal 4 'IRP 1 upheld' --irp-id 1 --from <review-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "reason"}}},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the procedures and the classification guard (governance: a FUNDAMENTAL_BYLAW proposal)",
					Example: "polityd query proposals params --output json | jq .params > params.json\npolityd tx proposals update-params --params params.json --from <governance-address> --generate-only"},
			},
		},
	}
}
