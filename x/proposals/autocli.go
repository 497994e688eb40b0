package proposals

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes every query and transaction for autocli.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	id := func(field string) []*autocliv1.PositionalArgDescriptor {
		return []*autocliv1.PositionalArgDescriptor{{ProtoField: field}}
	}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.proposals.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show each kind's procedure and the classification guard"},
				{RpcMethod: "Proposals", Use: "proposals", Short: "List proposals, optionally by --status, --kind or --originator",
					Example: "polityd query proposals proposals --status board-vote --page-reverse"},
				{RpcMethod: "Proposal", Use: "proposal [id]", Short: "Show a proposal with its phase, deadlines and Board tally", PositionalArgs: id("id")},
				{RpcMethod: "ProposalVotes", Use: "votes [proposal-id]", Short: "List the Board's votes on a proposal", PositionalArgs: id("id")},
				{RpcMethod: "ProposalComments", Use: "comments [proposal-id]", Short: "List the comments and statements on a proposal", PositionalArgs: id("id")},
				{RpcMethod: "ProposalHolds", Use: "holds [proposal-id]", Short: "List the holds on a proposal's execution (IRP cases, emergency suspensions)", PositionalArgs: id("id")},
				{RpcMethod: "AdviceList", Use: "advice-list", Short: "List advice, optionally by --status, --community-id or --proposal-id",
					Example: "polityd query proposals advice-list --status pending"},
				{RpcMethod: "Advice", Use: "advice [id]", Short: "Show one piece of advice and the Board's answer", PositionalArgs: id("id")},
				{RpcMethod: "Bylaws", Use: "bylaws", Short: "Show the bylaws in force and their history"},
				{RpcMethod: "Policies", Use: "policies [community-id]", Short: "Show a community's policy in force and its history", PositionalArgs: id("community_id")},
				{RpcMethod: "Budgets", Use: "budgets", Short: "Show the budget in force and its history"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              "polity.proposals.v1.Msg",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "SubmitProposal", Skip: true}, // hand-written: see submit-proposal
				{RpcMethod: "Comment", Use: "comment [proposal-id] [text]", Short: "Comment on a proposal (anyone, during public comment)",
					Example:        "polityd tx proposals comment 1 'Please publish the impact study' --from outsider --fees 1000upolity",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "text"}}},
				{RpcMethod: "BoardVote", Use: "board-vote [proposal-id] [yes|no|abstain]", Short: "Vote on a proposal as a voting director",
					Example:        "polityd tx proposals board-vote 1 yes --rationale 'sound policy' --from director-dev",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "option"}}},
				{RpcMethod: "WithdrawProposal", Use: "withdraw-proposal [proposal-id]", Short: "Withdraw a proposal in public comment (its proposer)", PositionalArgs: id("proposal_id")},
				{RpcMethod: "SubmitAdvice", Use: "submit-advice [community-id] [title]", Short: "Give advice (an advisory community decision: carry it in a motion)",
					Long:           "The signer is the advisory community's body address: build this with --generate-only --from <community-address> and submit it with polityd tx community submit-motion.",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "title"}}},
				{RpcMethod: "RespondToAdvice", Use: "respond-to-advice [advice-id] [accepted|rejected|partially-accepted]", Short: "Answer advice (a Board resolution: carry it in a RESOLUTION proposal)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "advice_id"}, {ProtoField: "response"}}},
				{RpcMethod: "VetoProposal", Use: "veto-proposal [proposal-id]", Short: "Veto a proposal in its rejection window (the Empowered Community)", PositionalArgs: id("proposal_id")},
				{RpcMethod: "ApproveProposal", Use: "approve-proposal [proposal-id]", Short: "Approve a proposal that requires it (the Empowered Community)", PositionalArgs: id("proposal_id")},
				{RpcMethod: "StayProposal", Use: "stay-proposal [proposal-id] [true|false] [source]", Short: "Place or release one source's hold on a proposal's execution (independent review)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "stay"}, {ProtoField: "source"}}},
				{RpcMethod: "AnnulProposal", Use: "annul-proposal [proposal-id] [reason]", Short: "Return a proposal to the Board (independent review)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "reason"}}},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the procedures and the classification guard (governance: a FUNDAMENTAL_BYLAW proposal)"},
			},
		},
	}
}
