package review

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// resolutionNote explains messages signed by the governance address.
const resolutionNote = `A Board decision: its signer is the governance address, so it takes effect
inside a ratified Board RESOLUTION (polityd tx proposals submit-proposal board
resolution ...), where the authority is filled in.`

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
			Service: "polity.review.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the review bylaws (windows, deposits, cycles, emergency list)"},
				{RpcMethod: "IRPs", Use: "irps", Short: "List IRP cases, optionally by --status or --claimant"},
				{RpcMethod: "IRP", Use: "irp [id]", Short: "Show an IRP case with its panel, seed and declarations", PositionalArgs: args("id")},
				{RpcMethod: "Panelists", Use: "panelists", Short: "List the standing panel"},
				{RpcMethod: "Parties", Use: "parties", Short: "List registered external parties"},
				{RpcMethod: "Reconsiderations", Use: "reconsiderations", Short: "List reconsideration requests"},
				{RpcMethod: "Reconsideration", Use: "reconsideration [id]", Short: "Show a reconsideration request", PositionalArgs: args("id")},
				{RpcMethod: "Ombudsman", Use: "ombudsman", Short: "Show the ombudsman"},
				{RpcMethod: "Complaints", Use: "complaints", Short: "List complaints to the ombudsman"},
				{RpcMethod: "Complaint", Use: "complaint [id]", Short: "Show a complaint", PositionalArgs: args("id")},
				{RpcMethod: "Reviews", Use: "reviews", Short: "List periodic reviews, optionally by --status, --type or --overdue-only"},
				{RpcMethod: "Review", Use: "review [id]", Short: "Show a review", PositionalArgs: args("id")},
				{RpcMethod: "Recommendations", Use: "recommendations [review-id]", Short: "List a review's recommendations", PositionalArgs: args("id")},
				{RpcMethod: "Emergencies", Use: "emergencies", Short: "List emergency actions"},
				{RpcMethod: "Emergency", Use: "emergency [id]", Short: "Show an emergency action with its minutes", PositionalArgs: args("id")},
				{RpcMethod: "PausedMessages", Use: "paused-messages", Short: "List message types paused by emergency actions"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.review.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "FileIRP", Use: "file-irp [claimant-kind] [proposal-id]", Short: "File an Independent Review Process case (members and parties pay a refundable deposit)",
					Example:        `polityd tx review file-irp party 3 --provisions "Art. 4.2" --claim '{"hash":"<sha256>","uri":"https://..."}' --from acme --fees 1000upolity`,
					PositionalArgs: args("claimant_kind", "proposal_id")},
				{RpcMethod: "ChoosePanelist", Use: "choose-panelist [irp-id] [panelist]", Short: "Choose your side's panelist (the claimant)", PositionalArgs: args("irp_id", "panelist")},
				{RpcMethod: "PanelStay", Use: "panel-stay [irp-id] [true|false]", Short: "Vote on interim relief (a panelist)", PositionalArgs: args("irp_id", "stay")},
				{RpcMethod: "Declare", Use: "declare [irp-id] [upheld|denied]", Short: "Declare on a case with a reasoning document (a panelist)", PositionalArgs: args("irp_id", "outcome")},
				{RpcMethod: "FileReconsideration", Use: "file-reconsideration [proposal-id] [grounds]", Short: "Ask the Board to reconsider a decision (any account; pays the refundable reconsideration_deposit)", PositionalArgs: args("proposal_id", "grounds")},
				{RpcMethod: "EvaluateReconsideration", Use: "evaluate-reconsideration [id]", Short: "Evaluate a reconsideration request (the ombudsman; --frivolous finds it frivolous and keeps its deposit held for the Board)", PositionalArgs: args("reconsideration_id")},
				{RpcMethod: "FileComplaint", Use: "file-complaint [subject]", Short: "Complain of unfair treatment to the ombudsman (any account; pays the refundable complaint_deposit)", PositionalArgs: args("subject")},
				{RpcMethod: "AcknowledgeComplaint", Use: "acknowledge-complaint [id]", Short: "Acknowledge a complaint (the ombudsman)", PositionalArgs: args("complaint_id")},
				{RpcMethod: "ReportComplaint", Use: "report-complaint [id]", Short: "Report on a complaint (the ombudsman; --frivolous dismisses it as frivolous and keeps its deposit)", PositionalArgs: args("complaint_id")},
				{RpcMethod: "FileReviewReport", Use: "file-review-report [review-id]", Short: "File a review's report and recommendations (a team member)", PositionalArgs: args("review_id")},
				{RpcMethod: "TakeEmergencyAction", Use: "take-emergency-action [statement|suspend-proposal|pause-message] [target]", Short: "Take an emergency action (the Board chair)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "kind"}, {ProtoField: "target", Optional: true}}},
				{RpcMethod: "RecordConsultation", Use: "record-consultation [emergency-id] [community-id]", Short: "Record the consultation of an advisory community (the Board chair)", PositionalArgs: args("emergency_id", "community_id")},
				{RpcMethod: "AddMinutes", Use: "add-minutes [emergency-id]", Short: "Keep minutes of an emergency (the Board chair)", PositionalArgs: args("emergency_id")},
				{RpcMethod: "LiftEmergency", Use: "lift-emergency [emergency-id]", Short: "Lift an emergency action (the Board chair, or a resolution)", PositionalArgs: args("emergency_id")},
				{RpcMethod: "RegisterParty", Use: "register-party [address] [name]", Short: "Register an external party (a secretariat motion)", PositionalArgs: args("address", "name")},
				{RpcMethod: "DeregisterParty", Use: "deregister-party [address]", Short: "Withdraw a party's registration (a secretariat motion)", PositionalArgs: args("address")},
				{RpcMethod: "NominateReviewer", Use: "nominate-reviewer [community-id] [review-id] [nominee]", Short: "Nominate a reviewer (a community motion)", PositionalArgs: args("community_id", "review_id", "nominee")},
				{RpcMethod: "AppointPanelist", Use: "appoint-panelist [address] [name]", Short: "Appoint a standing panelist", Long: resolutionNote, PositionalArgs: args("address", "name")},
				{RpcMethod: "ConfirmPanelist", Use: "confirm-panelist [address]", Short: "Confirm a standing panelist (the Empowered Community, through its approval action)",
					Long:           "Sent by x/empowered when a CONFIRM_PANELIST approval action succeeds; its signer is the Empowered Community's address, so it is not sent by hand.",
					PositionalArgs: args("address")},
				{RpcMethod: "RemovePanelist", Use: "remove-panelist [address]", Short: "Retire a standing panelist", Long: resolutionNote, PositionalArgs: args("address")},
				{RpcMethod: "RecordBoardAction", Use: "record-board-action [irp-id]", Short: "Record the Board's action on an upheld declaration", Long: resolutionNote, PositionalArgs: args("irp_id")},
				{RpcMethod: "DecideReconsideration", Use: "decide-reconsideration [id] [grant]", Short: "Decide a reconsideration request (--frivolous dismisses it as frivolous, on the ombudsman's finding, keeping its deposit)", Long: resolutionNote, PositionalArgs: args("reconsideration_id", "grant")},
				{RpcMethod: "AppointOmbudsman", Use: "appoint-ombudsman [address]", Short: "Appoint the ombudsman", Long: resolutionNote, PositionalArgs: args("address")},
				{RpcMethod: "AppointReviewTeam", Use: "appoint-review-team [review-id]", Short: "Appoint a review team from the nominees", Long: resolutionNote, PositionalArgs: args("review_id")},
				{RpcMethod: "DecideRecommendation", Use: "decide-recommendation [review-id] [index] [approve]", Short: "Approve or reject a recommendation", Long: resolutionNote, PositionalArgs: args("review_id", "index", "approve")},
				{RpcMethod: "RecordImplementation", Use: "record-implementation [review-id] [index]", Short: "Record a recommendation as implemented", Long: resolutionNote, PositionalArgs: args("review_id", "index")},
				{RpcMethod: "RatifyEmergency", Use: "ratify-emergency [emergency-id]", Short: "Ratify an emergency action", Long: resolutionNote, PositionalArgs: args("emergency_id")},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the review bylaws (governance)"},
			},
		},
	}
}
