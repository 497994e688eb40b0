package review

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// resolutionNote explains messages signed by the governance address.
const resolutionNote = `A Board decision: its signer is the governance address, so it takes effect
inside a ratified Board RESOLUTION (polityd tx proposals submit-proposal board
resolution ...), where the authority is filled in.`

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
			Service: "polity.review.v1.Query",
			Short:   "Independent review: IRP cases, panelists, reconsiderations, the ombudsman, periodic reviews and emergencies",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the review bylaws (windows, deposits, cycles, emergency list)",
					Example: "polityd query review params"},
				{RpcMethod: "IRPs", Use: "irps", Short: "List IRP cases, optionally by --status or --claimant",
					Example: "polityd query review irps --status in-review"},
				{RpcMethod: "IRP", Use: "irp [id]", Short: "Show an IRP case with its panel, seed and declarations", PositionalArgs: args("id"),
					Example: "polityd query review irp 1"},
				{RpcMethod: "Panelists", Use: "panelists", Short: "List the standing panel",
					Example: "polityd query review panelists --active-only"},
				{RpcMethod: "Parties", Use: "parties", Short: "List registered external parties",
					Example: "polityd query review parties"},
				{RpcMethod: "Reconsiderations", Use: "reconsiderations", Short: "List reconsideration requests",
					Example: "polityd query review reconsiderations --status filed"},
				{RpcMethod: "Reconsideration", Use: "reconsideration [id]", Short: "Show a reconsideration request", PositionalArgs: args("id"),
					Example: "polityd query review reconsideration 1"},
				{RpcMethod: "Ombudsman", Use: "ombudsman", Short: "Show the ombudsman",
					Example: "polityd query review ombudsman"},
				{RpcMethod: "Complaints", Use: "complaints", Short: "List complaints to the ombudsman",
					Example: "polityd query review complaints --status acknowledged"},
				{RpcMethod: "Complaint", Use: "complaint [id]", Short: "Show a complaint", PositionalArgs: args("id"),
					Example: "polityd query review complaint 1"},
				{RpcMethod: "Reviews", Use: "reviews", Short: "List periodic reviews, optionally by --status, --type or --overdue-only",
					Example: "polityd query review reviews --overdue-only"},
				{RpcMethod: "CommunityReviews", Use: "community-reviews", Short: "List when each community's next organisational review opens (per-community cycles)",
					Example: "polityd query review community-reviews"},
				{RpcMethod: "Review", Use: "review [id]", Short: "Show a review", PositionalArgs: args("id"),
					Example: "polityd query review review 1"},
				{RpcMethod: "Recommendations", Use: "recommendations [review-id]", Short: "List a review's recommendations", PositionalArgs: args("id"),
					Example: "polityd query review recommendations 1"},
				{RpcMethod: "Emergencies", Use: "emergencies", Short: "List emergency actions",
					Example: "polityd query review emergencies --status active"},
				{RpcMethod: "Emergency", Use: "emergency [id]", Short: "Show an emergency action with its minutes", PositionalArgs: args("id"),
					Example: "polityd query review emergency 1"},
				{RpcMethod: "PausedMessages", Use: "paused-messages", Short: "List message types paused by emergency actions",
					Example: "polityd query review paused-messages"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "polity.review.v1.Msg",
			Short:   "Independent review: file IRP cases, reconsiderations and complaints; panelists, ombudsman, reviews and emergencies act",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "FileIRP", Use: "file-irp [claimant-kind] [proposal-id]", Short: "File an Independent Review Process case (members and parties pay a refundable deposit)",
					Example:        `polityd tx review file-irp party 3 --provisions "Art. 4.2" --claim ` + doc + ` --interim-relief --from acme --fees 1000upolity`,
					PositionalArgs: args("claimant_kind", "proposal_id")},
				{RpcMethod: "ChoosePanelist", Use: "choose-panelist [irp-id] [panelist]", Short: "Choose your side's panelist (the claimant)", PositionalArgs: args("irp_id", "panelist"),
					Example: "polityd tx review choose-panelist 1 polity1... --from acme"},
				{RpcMethod: "PanelStay", Use: "panel-stay [irp-id] [true|false]", Short: "Vote on interim relief (a panelist)", PositionalArgs: args("irp_id", "stay"),
					Example: "polityd tx review panel-stay 1 true --from panelist-1"},
				{RpcMethod: "Declare", Use: "declare [irp-id] [upheld|denied]", Short: "Declare on a case with a reasoning document (a panelist)", PositionalArgs: args("irp_id", "outcome"),
					Example: "polityd tx review declare 1 upheld --reasoning " + doc + " --from panelist-1"},
				{RpcMethod: "FileReconsideration", Use: "file-reconsideration [proposal-id] [grounds]", Short: "Ask the Board to reconsider a decision (any account; pays the refundable reconsideration_deposit)", PositionalArgs: args("proposal_id", "grounds"),
					Example: `polityd tx review file-reconsideration 3 "material information was not considered" --request ` + doc + ` --from acme --fees 1000upolity`},
				{RpcMethod: "EvaluateReconsideration", Use: "evaluate-reconsideration [id]", Short: "Evaluate a reconsideration request (the ombudsman; --frivolous finds it frivolous and keeps its deposit held for the Board)", PositionalArgs: args("reconsideration_id"),
					Example: "polityd tx review evaluate-reconsideration 1 --evaluation " + doc + " --from ombudsman"},
				{RpcMethod: "FileComplaint", Use: "file-complaint [subject]", Short: "Complain of unfair treatment to the ombudsman (any account; pays the refundable complaint_deposit)", PositionalArgs: args("subject"),
					Example: `polityd tx review file-complaint "my comment was not published" --complaint ` + doc + ` --from outsider --fees 1000upolity`},
				{RpcMethod: "AcknowledgeComplaint", Use: "acknowledge-complaint [id]", Short: "Acknowledge a complaint (the ombudsman)", PositionalArgs: args("complaint_id"),
					Example: "polityd tx review acknowledge-complaint 1 --from ombudsman"},
				{RpcMethod: "ReportComplaint", Use: "report-complaint [id]", Short: "Report on a complaint (the ombudsman; --frivolous dismisses it as frivolous and keeps its deposit)", PositionalArgs: args("complaint_id"),
					Example: "polityd tx review report-complaint 1 --report " + doc + " --from ombudsman"},
				{RpcMethod: "FileReviewReport", Use: "file-review-report [review-id]", Short: "File a review's report and recommendations (a team member)", PositionalArgs: args("review_id"),
					Example: `polityd tx review file-review-report 1 --report ` + doc + ` --recommendations "publish Board minutes within 7 days" --recommendations "rotate the chair" --from reviewer-1`},
				{RpcMethod: "TakeEmergencyAction", Use: "take-emergency-action [statement|suspend-proposal|pause-message] [target]", Short: "Take an emergency action (the Board chair)",
					Example:        "polityd tx review take-emergency-action suspend-proposal 7 --statement " + doc + " --from director-dev",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "kind"}, {ProtoField: "target", Optional: true}}},
				{RpcMethod: "RecordConsultation", Use: "record-consultation [emergency-id] [community-id]", Short: "Record the consultation of an advisory community (the Board chair)", PositionalArgs: args("emergency_id", "community_id"),
					Example: "polityd tx review record-consultation 1 gov --consultation " + doc + " --from director-dev"},
				{RpcMethod: "AddMinutes", Use: "add-minutes [emergency-id]", Short: "Keep minutes of an emergency (the Board chair)", PositionalArgs: args("emergency_id"),
					Example: "polityd tx review add-minutes 1 --minutes " + doc + " --from director-dev"},
				{RpcMethod: "LiftEmergency", Use: "lift-emergency [emergency-id]", Short: "Lift an emergency action (the Board chair, or a resolution)", PositionalArgs: args("emergency_id"),
					Example: "polityd tx review lift-emergency 1 --from director-dev"},
				{RpcMethod: "RegisterParty", Use: "register-party [address] [name]", Short: "Register an external party (a secretariat motion)", PositionalArgs: args("address", "name"),
					Example: `polityd tx review register-party polity1... "Acme Registry" --profile ` + doc + ` --from <secretariat-address> --generate-only`},
				{RpcMethod: "DeregisterParty", Use: "deregister-party [address]", Short: "Withdraw a party's registration (a secretariat motion)", PositionalArgs: args("address"),
					Example: "polityd tx review deregister-party polity1... --from <secretariat-address> --generate-only"},
				{RpcMethod: "NominateReviewer", Use: "nominate-reviewer [community-id] [review-id] [nominee]", Short: "Nominate a reviewer (a community motion)", PositionalArgs: args("community_id", "review_id", "nominee"),
					Example: "polityd tx review nominate-reviewer dev 1 polity1... --from <dev-address> --generate-only"},
				{RpcMethod: "AppointPanelist", Use: "appoint-panelist [address] [name]", Short: "Appoint a standing panelist", Long: resolutionNote, PositionalArgs: args("address", "name"),
					Example: `polityd tx review appoint-panelist polity1... "Dr. Ada Panel" --from <governance-address> --generate-only`},
				{RpcMethod: "ConfirmPanelist", Use: "confirm-panelist [address]", Short: "Confirm a standing panelist (the Empowered Community, through its approval action)",
					Long:           "Sent by x/empowered when a CONFIRM_PANELIST approval action succeeds; its signer is the Empowered Community's address, so it is not sent by hand.",
					Example:        "polityd tx review confirm-panelist polity1... --from <empowered-community-address> --generate-only",
					PositionalArgs: args("address")},
				{RpcMethod: "RemovePanelist", Use: "remove-panelist [address]", Short: "Retire a standing panelist", Long: resolutionNote, PositionalArgs: args("address"),
					Example: "polityd tx review remove-panelist polity1... --from <governance-address> --generate-only"},
				{RpcMethod: "RecordBoardAction", Use: "record-board-action [irp-id]", Short: "Record the Board's action on an upheld declaration", Long: resolutionNote, PositionalArgs: args("irp_id"),
					Example: "polityd tx review record-board-action 1 --action " + doc + " --from <governance-address> --generate-only"},
				{RpcMethod: "DecideReconsideration", Use: "decide-reconsideration [id] [grant]", Short: "Decide a reconsideration request (--frivolous dismisses it as frivolous, on the ombudsman's finding, keeping its deposit)", Long: resolutionNote, PositionalArgs: args("reconsideration_id", "grant"),
					Example: "polityd tx review decide-reconsideration 1 false --decision " + doc + " --from <governance-address> --generate-only"},
				{RpcMethod: "AppointOmbudsman", Use: "appoint-ombudsman [address]", Short: "Appoint the ombudsman", Long: resolutionNote, PositionalArgs: args("address"),
					Example: "polityd tx review appoint-ombudsman polity1... --from <governance-address> --generate-only"},
				{RpcMethod: "AppointReviewTeam", Use: "appoint-review-team [review-id]", Short: "Appoint a review team from the nominees", Long: resolutionNote, PositionalArgs: args("review_id"),
					Example: "polityd tx review appoint-review-team 1 --members polity1...,polity1... --from <governance-address> --generate-only"},
				{RpcMethod: "DecideRecommendation", Use: "decide-recommendation [review-id] [index] [approve]", Short: "Approve or reject a recommendation", Long: resolutionNote, PositionalArgs: args("review_id", "index", "approve"),
					Example: "polityd tx review decide-recommendation 1 0 true --from <governance-address> --generate-only"},
				{RpcMethod: "RecordImplementation", Use: "record-implementation [review-id] [index]", Short: "Record a recommendation as implemented", Long: resolutionNote, PositionalArgs: args("review_id", "index"),
					Example: "polityd tx review record-implementation 1 0 --evidence " + doc + " --from <governance-address> --generate-only"},
				{RpcMethod: "RatifyEmergency", Use: "ratify-emergency [emergency-id]", Short: "Ratify an emergency action", Long: resolutionNote, PositionalArgs: args("emergency_id"),
					Example: "polityd tx review ratify-emergency 1 --from <governance-address> --generate-only"},
				{RpcMethod: "UpdateParams", Use: "update-params", Short: "Replace the review bylaws (governance: a bylaw proposal)",
					Example: "polityd query review params --output json | jq .params > params.json\npolityd tx review update-params --params params.json --from <governance-address> --generate-only"},
			},
		},
	}
}
