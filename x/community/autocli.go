package community

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	// admit-validator's consensus key is an Any: the CLI resolves its type in
	// protoregistry.GlobalTypes, where only this import puts ed25519.PubKey.
	_ "cosmossdk.io/api/cosmos/crypto/ed25519"
)

const (
	queryService = "polity.community.v1.Query"
	msgService   = "polity.community.v1.Msg"
)

// decisionNote explains the authority-signed messages: they are decisions of
// a body, so from the CLI they are built with --generate-only and the body's
// address as --from, then carried by a motion (see submit-motion).
const decisionNote = `This is a decision of a body: its signer is the body's own address, which no
one holds a key for. Build it with --generate-only --from <body-address> and
submit the file as a motion with "polityd tx community submit-motion".`

// govNote explains the governance-signed messages.
const govNote = `This changes the bylaws: its signer is the governance (ratification) address,
so it takes effect only inside a proposal ratified through x/proposals. Build it
with --generate-only --from <governance-address>.`

// AutoCLIOptions describes every query and transaction for autocli.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: queryService,
			Short:   "Stakeholder communities, members, the Board, bodies, motions and validators",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the x/community bylaws, including the bootstrap flag",
					Example: "polityd query community params"},
				{RpcMethod: "Communities", Use: "communities", Short: "List communities, optionally by --kind or --parent-id",
					Example: "polityd query community communities --kind supporting"},
				{RpcMethod: "Community", Use: "community [id]", Short: "Show a community with its decision rule and electorate",
					Example: "polityd query community community dev", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "CommunityMembers", Use: "community-members [id]", Short: "List a community's members, optionally with one --role",
					Example: "polityd query community community-members dev --role chair", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Appointments", Use: "appointments [community-id]", Short: "List what a community may appoint into others, with its appointees in office",
					Example: "polityd query community appointments nomcom", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Members", Use: "members", Short: "List members, optionally by --region or --stakeholder-type",
					Example: "polityd query community members --region europe"},
				{RpcMethod: "Member", Use: "member [address]", Short: "Show a member with memberships, seat and validators",
					Example: "polityd query community member polity1...", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}}},
				{RpcMethod: "Board", Use: "board", Short: "Show the Board: seats, holders, terms and regional composition",
					Example: "polityd query community board"},
				{RpcMethod: "Seat", Use: "seat [id]", Short: "Show one Board seat",
					Example: "polityd query community seat 1", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Validators", Use: "validators", Short: "List validators with each community's power share",
					Example: "polityd query community validators --community-id ops --status active"},
				{RpcMethod: "Validator", Use: "validator [consensus-address]", Short: "Show one validator",
					Example: "polityd query community validator polityvalcons1...", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consensus_address"}}},
				{RpcMethod: "Liveness", Use: "liveness", Short: "List validators' missed blocks; --down-only for those flagged down",
					Example: "polityd query community liveness --down-only"},
				{RpcMethod: "Misbehaviours", Use: "misbehaviours", Short: "List CometBFT's evidence (double-signs) recorded against validators",
					Example: "polityd query community misbehaviours --consensus-address polityvalcons1..."},
				{RpcMethod: "ValidatorLiveness", Use: "validator-liveness [consensus-address]", Short: "Show one validator's missed blocks and down flag",
					Example: "polityd query community validator-liveness polityvalcons1...", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "consensus_address"}}},
				{RpcMethod: "Bodies", Use: "bodies", Short: "List every body that decides by motion",
					Example: "polityd query community bodies --kind board"},
				{RpcMethod: "Body", Use: "body [id]", Short: "Show a body: its address, decision rule and electorate",
					Example: "polityd query community body dev", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "BodyMotions", Use: "body-motions [body-id]", Short: "List a body's motions, optionally by --status",
					Example: "polityd query community body-motions dev --status voting", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Motions", Use: "motions", Short: "List all motions, optionally by --status",
					Example: "polityd query community motions --status passed --page-reverse"},
				{RpcMethod: "Motion", Use: "motion [id]", Short: "Show a motion with its tally and the rule that applies",
					Example: "polityd query community motion 1", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "MotionVotes", Use: "votes [motion-id]", Short: "List the votes cast on a motion",
					Example: "polityd query community votes 1", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "MotionVote", Use: "vote [motion-id] [voter]", Short: "Show one voter's vote on a motion",
					Example: "polityd query community vote 1 polity1...", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "voter"}}},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              msgService,
			Short:                "Stakeholder communities, motions, Board and validators",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Vote", Use: "vote [motion-id] [yes|no|abstain]", Short: "Vote on a motion of a body you belong to",
					Example:        "polityd tx community vote 1 yes --reason 'agreed' --from dev-chair",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "motion_id"}, {ProtoField: "option"}}},
				{RpcMethod: "WithdrawMotion", Use: "withdraw-motion [motion-id]", Short: "Withdraw your motion while it is in voting",
					Example: "polityd tx community withdraw-motion 1 --from dev-chair", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "motion_id"}}},
				{RpcMethod: "UpdateProfile", Use: "update-profile [profile-uri]", Short: "Replace your own profile: its URI and declared attributes",
					Long:    "The profile is replaced whole: an attribute not given is removed. --attributes takes one JSON object per attribute and may be repeated (at most 16; keys of a-z, 0-9 and _; values up to 256 bytes).",
					Example: `polityd tx community update-profile https://example.org/me --attributes '{"key":"affiliation","value":"Example Org"}' --from dev-member`, PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "profile_uri"}}},
				{RpcMethod: "Resign", Use: "resign [community-id]", Short: "Leave a community",
					Example: "polityd tx community resign dev --from dev-member", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}}},
				{RpcMethod: "SubmitMotion", Skip: true}, // hand-written: see submit-motion
				{RpcMethod: "AdmitMember", Use: "admit-member [community-id] [address]", Short: "Admit a member (a community decision)", Long: decisionNote,
					Example:        "polityd tx community admit-member dev polity1... --roles chair --region europe --from <dev-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "RemoveMember", Use: "remove-member [community-id] [address]", Short: "Remove a member (a community decision)", Long: decisionNote,
					Example:        "polityd tx community remove-member dev polity1... --reason 'inactive for two years' --from <dev-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "SetMemberRoles", Use: "set-member-roles [community-id] [address]", Short: "Elect roles (a community decision)", Long: decisionNote,
					Example:        "polityd tx community set-member-roles dev polity1... --roles member --roles representative --from <dev-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "SetMemberVoting", Use: "set-member-voting [community-id] [address]", Short: "Make a member voting or non-voting, or change its weight (a community decision)", Long: decisionNote,
					Example:        "polityd tx community set-member-voting nomcom polity1... --non-voting --from <nomcom-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "AppointMember", Use: "appoint-member [appointer-id] [community-id] [address]", Short: "Appoint a member into another community within the appointer's allowance (the appointer's decision)", Long: decisionNote,
					Example:        "polityd tx community appoint-member nomcom alac polity1... --stakeholder-type user --region africa --from <nomcom-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "appointer_id"}, {ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "RemoveAppointee", Use: "remove-appointee [appointer-id] [community-id] [address]", Short: "Remove a member the appointer placed (the appointer's decision, or governance)", Long: decisionNote,
					Example:        "polityd tx community remove-appointee nomcom alac polity1... --reason 'term ended' --from <nomcom-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "appointer_id"}, {ProtoField: "community_id"}, {ProtoField: "address"}}},
				{RpcMethod: "AppointDirector", Use: "appoint-director [seat-id] [director]", Short: "Fill a Board seat (the appointing community's decision)", Long: decisionNote,
					Example:        "polityd tx community appoint-director 1 polity1... --stakeholder-type engineer --region europe --from <dev-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "seat_id"}, {ProtoField: "director"}}},
				{RpcMethod: "VacateSeat", Use: "vacate-seat [seat-id]", Short: "Vacate a Board seat (appointing community or governance)", Long: decisionNote,
					Example:        "polityd tx community vacate-seat 1 --reason 'director resigned' --from <dev-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "seat_id"}}},
				{RpcMethod: "AdmitValidator", Use: "admit-validator [community-id] [operator] [consensus-pubkey-json] [moniker] [power]",
					Short: "Admit a validator run by the community (a community decision)", Long: decisionNote,
					Example:        `polityd tx community admit-validator ops polity1... "$(polityd comet show-validator)" node4 10 --from <ops-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "operator"}, {ProtoField: "consensus_pubkey"}, {ProtoField: "moniker"}, {ProtoField: "power"}}},
				{RpcMethod: "RemoveValidator", Use: "remove-validator [community-id] [consensus-address]", Short: "Remove one of the community's validators (a community decision)", Long: decisionNote,
					Example:        "polityd tx community remove-validator ops polityvalcons1... --from <ops-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "consensus_address"}}},
				{RpcMethod: "SetBoardChair", Use: "set-board-chair [director]", Short: "Elect the Board chair (a Board decision)", Long: decisionNote,
					Example:        "polityd tx community set-board-chair polity1... --from <board-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "director"}}},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the x/community bylaws (governance)", Long: govNote,
					Example: "polityd query community params --output json | jq .params > params.json\npolityd tx community update-params --params params.json --from <governance-address> --generate-only"},
				{RpcMethod: "CreateCommunity", Use: "create-community [id] [name] [kind]", Short: "Found a community (governance)", Long: govNote,
					Example:        `polityd tx community create-community wallets "Wallet Providers" supporting --charter '{"hash":"<sha256>","uri":"https://..."}' --rule '{"threshold":"0.5","quorum":"0.5","voting_period":"604800s","basis":"THRESHOLD_BASIS_VOTES_CAST"}' --seats '{"voting_board_seats":1,"validator_power_share":"0.25"}' --from <governance-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}, {ProtoField: "name"}, {ProtoField: "kind"}}},
				{RpcMethod: "UpdateCommunityCharter", Use: "update-community-charter [community-id] [name]", Short: "Rename a community or replace its charter (governance)", Long: govNote,
					Example:        `polityd tx community update-community-charter dev "Developers" --charter '{"hash":"<sha256>","uri":"https://..."}' --from <governance-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "name"}}},
				{RpcMethod: "SetSeatAllocation", Use: "set-seat-allocation [community-id]", Short: "Change a community's seat allocation (governance)", Long: govNote,
					Example:        `polityd tx community set-seat-allocation dev --seats '{"voting_board_seats":2,"validator_power_share":"0.25"}' --from <governance-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}}},
				{RpcMethod: "SetAppointments", Use: "set-appointments [community-id]", Short: "Change what a community may appoint into others (governance)", Long: govNote,
					Example:        `polityd tx community set-appointments nomcom --appointments '{"into_community_id":"alac","voting_seats":5}' --from <governance-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}}},
				{RpcMethod: "SetDecisionRule", Use: "set-decision-rule [body-id]", Short: "Change a body's decision rule (governance)", Long: govNote,
					Example:        `polityd tx community set-decision-rule dev --rule '{"threshold":"0.66","quorum":"0.5","voting_period":"604800s","basis":"THRESHOLD_BASIS_VOTES_CAST"}' --from <governance-address> --generate-only`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "body_id"}}},
				{RpcMethod: "SetCommunityPrivileges", Use: "set-community-privileges [community-id]", Short: "Grant or withdraw an advisory community's advice deference and carve-out (governance: a FUNDAMENTAL_BYLAW)", Long: govNote,
					Example: "polityd tx community set-community-privileges gov --advice-deference --carve-out-eligible --generate-only --from <governance-address>", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}}},
				{RpcMethod: "SetDecisionalParticipant", Use: "set-decisional-participant [community-id] [true|false]", Short: "Flag a community as a decisional participant (governance)", Long: govNote,
					Example:        "polityd tx community set-decisional-participant dev true --from <governance-address> --generate-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "community_id"}, {ProtoField: "decisional"}}},
			},
		},
	}
}
