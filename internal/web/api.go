package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
)

// apiHandler is an API endpoint: it returns the value to encode as JSON or
// an error, which api turns into the documented error shape.
type apiHandler func(r *http.Request) (any, error)

// api adapts an apiHandler. Responses carry an ETag made from the data
// version and the request, so a client's cache follows imports.
func (s *Server) api(h apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		version, err := s.svc.Store.DataVersion(r.Context())
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		sum := sha256.Sum256([]byte(fmt.Sprintf("%d %s", version, r.URL.RequestURI())))
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "public, max-age=60, must-revalidate")
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		v, err := h(r)
		if err != nil {
			w.Header().Del("ETag")
			w.Header().Set("Cache-Control", "no-store")
			s.apiError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.Encode(v)
}

// apiErrorBody is the documented error shape.
type apiErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func httpStatus(code atlas.Code) int {
	switch code {
	case atlas.CodeNotFound:
		return http.StatusNotFound
	case atlas.CodeInvalid:
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code := atlas.ErrorCode(err)
	if code == atlas.CodeInternal {
		s.log.Error("api", "path", r.URL.RequestURI(), "err", err)
	}
	var body apiErrorBody
	body.Error.Code = string(code)
	body.Error.Message = atlas.ErrorMessage(err)
	writeJSON(w, httpStatus(code), body)
}

func (s *Server) apiNotFound(r *http.Request) (any, error) {
	return nil, atlas.Errorf(atlas.CodeNotFound, "There is no API endpoint %s %s. The endpoints are listed at /sources#api.", r.Method, r.URL.Path)
}
