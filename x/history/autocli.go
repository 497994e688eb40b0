package history

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions describes the query for autocli.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.history.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "ProposalHistory", Use: "proposal [id]",
					Short:          "Show everything that happened to a proposal, across modules, in time order",
					Long:           "Each step has its height and time; msg_type names the message whose transaction made it (find it with tx_search on tx.height and message.action). Steps the chain takes at the end of a block have no msg_type.",
					Example:        "polityd query history proposal 3",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
			},
		},
	}
}
