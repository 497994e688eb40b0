package explorer

import (
	"net/http"
	"net/url"
)

// communityNode is a community with its members and sub-communities.
type communityNode struct {
	Community map[string]any
	Members   []any
	Children  []*communityNode
}

// communities: the communities as a tree (by parent), with members, roles and seats.
func (s *Server) communities(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	res, err := s.node.REST(ctx, "/polity/community/v1/communities", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		s.fail(w, "Communities", "communities", err)
		return
	}
	byID := map[string]*communityNode{}
	var order []*communityNode
	for _, c := range list(res["communities"]) {
		m := obj(c)
		members, err := s.node.REST(ctx, "/polity/community/v1/communities/"+url.PathEscape(str(m["id"]))+"/members",
			url.Values{"pagination.limit": {pageLimit}})
		if err != nil {
			s.fail(w, "Communities", "communities", err)
			return
		}
		n := &communityNode{Community: m, Members: list(members["memberships"])}
		byID[str(m["id"])] = n
		order = append(order, n)
	}
	var roots []*communityNode
	for _, n := range order {
		if p, ok := byID[str(n.Community["parent_id"])]; ok && p != n {
			p.Children = append(p.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	s.render(w, "communities", "Communities", "communities", map[string]any{"roots": roots, "count": len(order)})
}

// board: seats, appointing bodies, terms, regions, chair and caretaker mode.
func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	b, err := s.node.REST(ctx, "/polity/community/v1/board", nil)
	if err != nil {
		s.fail(w, "Board", "board", err)
		return
	}
	var seats []map[string]any
	for _, seat := range list(b["seats"]) {
		m := obj(seat)
		row := map[string]any{"seat": m}
		if h := str(m["holder"]); h != "" {
			if mem, err := s.node.REST(ctx, "/polity/community/v1/members/"+url.PathEscape(h), nil); err == nil {
				row["region"] = obj(mem["member"])["region"]
			}
		}
		seats = append(seats, row)
	}
	voting, vacant := num(b["voting_seats"]), num(b["vacant_voting_seats"])
	s.render(w, "board", "Board", "board", map[string]any{
		"board": b, "seats": seats, "filled": voting - vacant,
		// the Board is a caretaker until half its voting seats are filled
		"caretaker": (voting-vacant)*2 < voting,
	})
}
