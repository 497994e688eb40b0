package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// documentOf says which registered document a ratified proposal versions:
// bylaw amendments version the bylaws, a POLICY proposal its originating
// community's policy, a BUDGET proposal the budget. Resolutions and technical
// proposals register nothing.
func documentOf(p *types.Proposal) (types.DocumentKind, string, bool) {
	switch p.Kind {
	case types.KindStandardBylaw, types.KindFundamentalBylaw:
		return types.DocumentBylaws, "", true
	case types.KindPolicy:
		return types.DocumentPolicy, p.Originator, true
	case types.KindBudget:
		return types.DocumentBudget, "", true
	}
	return 0, "", false
}

// register records the next version of the document a proposal ratifies.
func (k *Keeper) register(ctx context.Context, p *types.Proposal) error {
	kind, scope, ok := documentOf(p)
	if !ok {
		return nil
	}
	text, err := k.DocumentText(ctx, p.Id)
	if err != nil {
		return err
	}
	sdkCtx, height := now(ctx)
	v, err := k.RegisterDocument(ctx, types.DocumentVersion{
		Kind: kind, Scope: scope, Document: p.Document, Summary: p.Title, ProposalId: p.Id,
		Height: height, Time: sdkCtx.HeaderInfo().Time, Text: text,
	})
	if err != nil {
		return err
	}
	p.RegistryVersions = append(p.RegistryVersions, v)
	return nil
}

// RegisterDocument appends a version (numbered after the current one) and
// makes it current.
func (k *Keeper) RegisterDocument(ctx context.Context, d types.DocumentVersion) (uint64, error) {
	current, err := k.CurrentDocument.Get(ctx, docKey(d.Kind, d.Scope))
	if err := collutil.NotFoundOK(err); err != nil {
		return 0, err
	}
	d.Version = current + 1
	if err := k.Documents.Set(ctx, collections.Join(docKey(d.Kind, d.Scope), d.Version), d); err != nil {
		return 0, err
	}
	if err := k.CurrentDocument.Set(ctx, docKey(d.Kind, d.Scope), d.Version); err != nil {
		return 0, err
	}
	return d.Version, k.emit(ctx, &types.EventDocumentRegistered{
		Kind: d.Kind, Scope: d.Scope, Version: d.Version, ProposalId: d.ProposalId, DocumentHash: d.Document.Hash,
		HasText: d.Text != "",
	})
}

// DocumentText returns the full text a proposal carried with its document
// ("" when it carried none).
func (k *Keeper) DocumentText(ctx context.Context, proposalID uint64) (string, error) {
	text, err := k.DocumentTexts.Get(ctx, proposalID)
	if err != nil {
		return "", collutil.NotFoundOK(err)
	}
	return text, nil
}

// CurrentVersion returns the document version in force, if any.
func (k *Keeper) CurrentVersion(ctx context.Context, kind types.DocumentKind, scope string) (types.DocumentVersion, bool, error) {
	v, err := k.CurrentDocument.Get(ctx, docKey(kind, scope))
	if err != nil {
		return types.DocumentVersion{}, false, collutil.NotFoundOK(err)
	}
	d, err := k.Documents.Get(ctx, collections.Join(docKey(kind, scope), v))
	return d, err == nil, err
}

// docKey keys a registered document.
func docKey(kind types.DocumentKind, scope string) DocKey {
	return collections.Join(int32(kind), scope)
}

// ExecutingProposal returns the id of the proposal whose messages are running
// (0 outside a ratification), so that other modules can record which Board
// resolution made a decision.
func (k *Keeper) ExecutingProposal(ctx context.Context) (uint64, error) {
	id, err := k.Executing.Get(ctx)
	if err != nil {
		return 0, collutil.NotFoundOK(err)
	}
	return id, nil
}
