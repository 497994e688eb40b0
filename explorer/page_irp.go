package explorer

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// seedCheck is the explorer's own recomputation of an IRP draw's seed from
// the announced blocks' hashes, read from CometBFT.
type seedCheck struct {
	Initial    string
	Blocks     []seedBlock
	Recomputed string
	OnChain    string
	Match      bool
	Complete   bool
	Error      string
}

type seedBlock struct {
	Height int64
	Hash   string
	Seed   string
}

// irp: one IRP case with its panel, its draw and the draw recomputed.
func (s *Server) irp(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		s.fail(w, "IRP", "cases", badRequest("an IRP id is a positive number, not "+strconv.Quote(r.PathValue("id"))))
		return
	}
	ctx := r.Context()
	res, err := s.node.REST(ctx, "/polity/review/v1/irps/"+strconv.FormatUint(id, 10), nil)
	if err != nil {
		s.fail(w, "IRP "+r.PathValue("id"), "cases", err)
		return
	}
	c := obj(res["irp"])
	check := s.recomputeSeed(ctx, id, c)
	s.render(w, "irp", "IRP "+strconv.FormatUint(id, 10), "cases", map[string]any{"irp": c, "seed": check, "raw": res})
}

// recomputeSeed follows x/review's README: seed_0 = SHA-256("polity/irp-draw/"
// ‖ id as 8 bytes), seed_k = SHA-256(seed_(k-1) ‖ hash of the k-th block).
func (s *Server) recomputeSeed(ctx context.Context, id uint64, c map[string]any) seedCheck {
	check := seedCheck{Initial: hex.EncodeToString(reviewtypes.InitialDrawSeed(id)), OnChain: str(c["seed"])}
	seed := reviewtypes.InitialDrawSeed(id)
	heights := list(c["seed_heights"])
	for _, h := range heights {
		height := num(h)
		block, err := s.node.RPC(ctx, "block", url.Values{"height": {strconv.FormatInt(height, 10)}})
		if err != nil {
			check.Error = fmt.Sprintf("block %d: %v", height, err)
			break
		}
		hash, err := hex.DecodeString(str(obj(block["block_id"])["hash"]))
		if err != nil || len(hash) == 0 {
			check.Error = fmt.Sprintf("block %d has no hash yet", height)
			break
		}
		seed = reviewtypes.MixDrawSeed(seed, hash)
		check.Blocks = append(check.Blocks, seedBlock{Height: height, Hash: hex.EncodeToString(hash), Seed: hex.EncodeToString(seed)})
	}
	check.Complete = len(heights) > 0 && len(check.Blocks) == len(heights)
	if check.Complete {
		check.Recomputed = hex.EncodeToString(seed)
		check.Match = check.Recomputed == check.OnChain
	}
	return check
}
