package explorer

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
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

// drawCheck is the explorer's own recomputation of which panelists the draw
// chose: types.DrawPanelists over the recorded pool with the recomputed seed.
type drawCheck struct {
	// Recorded is set when the case keeps its draw (pool and picks); cases
	// drawn before the chain kept it have only the seed to check.
	Recorded   bool
	Pool       []string
	Picks      []drawPick
	Recomputed []string
	Match      bool
	Error      string
}

// drawPick is one panelist the draw picked and the seat it filled.
type drawPick struct {
	Panelist string
	Seat     string
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
	s.render(w, "irp", "IRP "+strconv.FormatUint(id, 10), "cases", map[string]any{
		"irp": c, "seed": check, "draw": recomputeDraw(c, check), "raw": res,
	})
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

// recomputeDraw reruns the draw (x/review README: the pool sorted, selection
// i takes SHA-256(i ‖ seed hex ‖ "/" ‖ i) modulo the panelists left) with
// the seed the explorer recomputed, or the one on chain while that is
// incomplete, and compares the picks with those the case records and the
// seats they fill.
func recomputeDraw(c map[string]any, seed seedCheck) drawCheck {
	var d drawCheck
	for _, p := range list(c["draw_pool"]) {
		d.Pool = append(d.Pool, str(p))
	}
	var picks []string
	for _, p := range list(c["drawn_panelists"]) {
		picks = append(picks, str(p))
	}
	panel := list(c["panel"])
	if len(picks) == 0 || len(panel) != 3 {
		return d
	}
	d.Recorded = true
	for i, p := range picks {
		seat := "the third seat"
		switch {
		case i == len(picks)-1:
		case p == str(c["claimant_pick"]):
			seat = "the claimant's seat (the claimant did not choose)"
		case p == str(c["respondent_pick"]):
			seat = "the respondent's seat (the Board did not choose)"
		default:
			seat = "no seat of the panel"
		}
		d.Picks = append(d.Picks, drawPick{Panelist: p, Seat: seat})
	}
	hexSeed := seed.OnChain
	if seed.Complete {
		hexSeed = seed.Recomputed
	}
	got, err := reviewtypes.DrawPanelists(hexSeed, d.Pool, len(picks))
	if err != nil {
		d.Error = err.Error()
		return d
	}
	d.Recomputed = got
	d.Match = slices.Equal(got, picks) && picks[len(picks)-1] == str(panel[2])
	return d
}
