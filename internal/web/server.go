// Package web is the atlas's HTTP adapter: the public JSON API and the
// server-rendered pages, with their templates and static assets embedded so
// the binary needs nothing else at run time.
package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

// Boundaries serves the display copy of an area type's boundaries: TopoJSON,
// already gzipped, and a tag that changes when the bytes do.
type Boundaries interface {
	Display(ctx context.Context, t area.Type) (gz []byte, tag string, err error)
}

// Config is what the web layer needs; cmd/mhatlas wires it.
type Config struct {
	Service *atlas.Service
	// Services answers the services API and the services parts of pages;
	// nil leaves them out (the API answers 404).
	Services   *atlas.Services
	Boundaries Boundaries
	Logger     *slog.Logger
	// TileURL is an optional raster tile URL template ({z}/{x}/{y}) drawn
	// under the map; empty means no base map, which works offline.
	TileURL         string
	TileAttribution string
}

// Server handles every request.
type Server struct {
	cfg    Config
	svc    *atlas.Service
	log    *slog.Logger
	pages  map[string]*template.Template
	static *staticFiles
}

// New parses every template (so a broken one fails at start, not on a
// user's request) and returns the server.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	st, err := newStaticFiles()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, svc: cfg.Service, log: cfg.Logger, static: st}
	if s.pages, err = parsePages(s.funcs()); err != nil {
		return nil, err
	}
	return s, nil
}

// Handler returns the server's routes wrapped in its middleware.
func (s *Server) Handler() http.Handler {
	return s.recoverPanics(s.logRequests(securityHeaders(s.routes())))
}
