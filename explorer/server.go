package explorer

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is where the explorer reads from.
type Config struct {
	// REST is the node's REST gateway (API server), e.g. http://127.0.0.1:1317.
	REST string
	// RPC is the node's CometBFT RPC, e.g. http://127.0.0.1:26657 or tcp://....
	RPC string
	// PageSize is how many proposals one page of the proposal list shows
	// (1 to 200; 0 means 200); "older" pages follow the node's next_key.
	PageSize int
}

// Server serves the explorer's pages.
type Server struct {
	cfg   Config
	node  *nodeClient
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New builds the explorer; it does not contact the node.
func New(cfg Config) (*Server, error) {
	if cfg.REST == "" || cfg.RPC == "" {
		return nil, fmt.Errorf("the explorer needs the node's REST and RPC addresses")
	}
	if cfg.PageSize < 0 || cfg.PageSize > maxPageSize {
		return nil, fmt.Errorf("page size %d: want 1 to %d (0 for %d)", cfg.PageSize, maxPageSize, maxPageSize)
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = maxPageSize
	}
	s := &Server{cfg: cfg, node: newNodeClient(cfg.REST, cfg.RPC), pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /communities", s.communities)
	s.mux.HandleFunc("GET /board", s.board)
	s.mux.HandleFunc("GET /proposals", s.proposals)
	s.mux.HandleFunc("GET /proposals/{id}", s.story)
	s.mux.HandleFunc("GET /irps/{id}", s.irp)
	s.mux.HandleFunc("GET /cases", s.cases)
	s.mux.HandleFunc("GET /petitions/{id}", s.petition)
	s.mux.HandleFunc("GET /registry", s.registry)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("GET /address/{addr}", s.address)
	s.mux.HandleFunc("GET /block/{height}", s.block)
	s.mux.HandleFunc("GET /tx/{hash}", s.tx)
	s.mux.HandleFunc("GET /txs", s.findTx)
	s.mux.HandleFunc("GET /api/head", s.head)
	s.mux.HandleFunc("GET /api/proposals/{id}/story", s.storyFeed)
}

func (s *Server) parseTemplates() error {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return err
	}
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+e.Name())
		if err != nil {
			return fmt.Errorf("template %s: %w", e.Name(), err)
		}
		s.pages[name] = t
	}
	return nil
}

// page is what every template gets.
type page struct {
	Title string
	Nav   string
	REST  string
	RPC   string
	Data  map[string]any
	// Error is shown instead of the page when the node could not answer.
	Error       string
	Unreachable bool
}

func (s *Server) render(w http.ResponseWriter, name, title, nav string, data map[string]any) {
	s.write(w, http.StatusOK, name, page{Title: title, Nav: nav, REST: s.node.rest, RPC: s.node.rpc, Data: data})
}

// fail renders the error page: 502 when the node is unreachable or failed,
// 404 when it said the record does not exist, 400 for a bad request.
func (s *Server) fail(w http.ResponseWriter, title, nav string, err error) {
	p := page{Title: title, Nav: nav, REST: s.node.rest, RPC: s.node.rpc, Error: err.Error()}
	status := http.StatusBadGateway
	if ne, ok := asNodeError(err); ok {
		p.Unreachable = ne.Unreachable
		if !ne.Unreachable && ne.NotFound() {
			status = http.StatusNotFound
		}
	} else if _, ok := err.(badRequest); ok {
		status = http.StatusBadRequest
	}
	s.write(w, status, "error", p)
}

type badRequest string

func (b badRequest) Error() string { return string(b) }

func (s *Server) write(w http.ResponseWriter, status int, name string, p page) {
	t, ok := s.pages[name]
	if !ok {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	var buf strings.Builder
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		http.Error(w, "template "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(buf.String()))
}
