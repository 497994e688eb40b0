package app

import (
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredkeeper "github.com/polity-chain/polity/x/empowered/keeper"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
)

// Authorities are every address the app's keepers act as or accept decisions
// from, derived once, here. Each keeper is handed exactly the ones it needs
// (the For* methods) through its constructor; no module derives one of them
// itself. The SDK modules (auth, bank, consensus, upgrade) get Governance.
type Authorities struct {
	// Governance is the ratification address (GovernanceModuleName): only a
	// ratified proposal signs as it. It is every module's parameter authority.
	Governance string
	// Empowered is the Empowered Community's body address: it vetoes and
	// approves proposals, vacates seats, confirms panelists.
	Empowered string
	// Review is x/review's module account (the review address): it holds IRP
	// deposits and signs stays and annulments.
	Review string
	// Board is the Board's body address (its motions).
	Board string
	// Secretariat is the body address of the community whose motions
	// register external parties (SecretariatCommunity).
	Secretariat string
}

// NewAuthorities derives the app's authorities.
func NewAuthorities() Authorities {
	return Authorities{
		Governance:  GovernanceAuthority.String(),
		Empowered:   EmpoweredAuthority.String(),
		Review:      ReviewAuthority.String(),
		Board:       communitytypes.BodyAddress(communitytypes.BoardBodyID).String(),
		Secretariat: communitytypes.BodyAddress(SecretariatCommunity).String(),
	}
}

// ForCommunity is what x/community needs.
func (a Authorities) ForCommunity() communitykeeper.Authorities {
	return communitykeeper.Authorities{Governance: a.Governance, Empowered: a.Empowered, Board: a.Board}
}

// ForProposals is what x/proposals needs.
func (a Authorities) ForProposals() proposalskeeper.Authorities {
	return proposalskeeper.Authorities{Governance: a.Governance, Empowered: a.Empowered, Review: a.Review, Board: a.Board}
}

// ForReview is what x/review needs.
func (a Authorities) ForReview() reviewkeeper.Authorities {
	return reviewkeeper.Authorities{
		Governance: a.Governance, Review: a.Review, Empowered: a.Empowered, Board: a.Board, Secretariat: a.Secretariat,
	}
}

// ForEmpowered is what x/empowered needs.
func (a Authorities) ForEmpowered() empoweredkeeper.Authorities {
	return empoweredkeeper.Authorities{Governance: a.Governance, Empowered: a.Empowered}
}
