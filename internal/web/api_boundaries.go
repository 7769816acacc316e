package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

// boundaries serves an area type's display boundaries as TopoJSON, gzipped
// when the client accepts it (every browser does) and unzipped otherwise.
func (s *Server) boundaries(w http.ResponseWriter, r *http.Request) {
	t, err := area.ParseType(strings.TrimSuffix(r.PathValue("type"), ".json"))
	if err != nil {
		s.apiError(w, r, atlas.Errorf(atlas.CodeNotFound, "%s", err.Error()))
		return
	}
	gz, tag, err := s.cfg.Boundaries.Display(r.Context(), t)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	etag := `"b-` + tag + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Content-Type", "application/json")
	if strings.Contains(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		w.Write(gz)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	io.Copy(w, zr)
}
