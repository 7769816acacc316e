package web

import (
	"net/http"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

type apiAreaType struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Plural string `json:"plural"`
	Count  int    `json:"count"`
}

func (s *Server) apiAreaTypes(r *http.Request) (any, error) {
	tcs, err := s.svc.Store.AreaTypes(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]apiAreaType, len(tcs))
	for i, tc := range tcs {
		out[i] = apiAreaType{ID: string(tc.Type.ID), Name: tc.Type.Name, Plural: tc.Type.Plural, Count: tc.Count}
	}
	return map[string]any{"area_types": out}, nil
}

type apiAreaRef struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	TypeName string `json:"type_name,omitempty"`
}

func (s *Server) apiAreas(r *http.Request) (any, error) {
	q, typ := r.URL.Query().Get("q"), r.URL.Query().Get("type")
	var as []area.Area
	var err error
	switch {
	case q != "":
		as, err = s.svc.Search(r.Context(), q, 20)
		if err == nil && typ != "" {
			as = filterType(as, area.Type(typ))
		}
	case typ != "":
		t, perr := area.ParseType(typ)
		if perr != nil {
			return nil, atlas.Errorf(atlas.CodeInvalid, "%s", perr.Error())
		}
		as, err = s.svc.Store.Areas(r.Context(), t)
	default:
		return nil, atlas.Errorf(atlas.CodeInvalid, "Say which areas: type=T (one of the ids at /api/v1/area-types) or q=TEXT to search by name.")
	}
	if err != nil {
		return nil, err
	}
	out := make([]apiAreaRef, len(as))
	for i, a := range as {
		out[i] = apiAreaRef{Code: a.Code, Name: a.Name, Type: string(a.Type), TypeName: a.Type.Info().Name}
	}
	return map[string]any{"areas": out}, nil
}

func filterType(as []area.Area, t area.Type) []area.Area {
	var out []area.Area
	for _, a := range as {
		if a.Type == t {
			out = append(out, a)
		}
	}
	return out
}

type apiRelated struct {
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Type  string  `json:"type"`
	Share float64 `json:"share"`
}

type apiAreaDetail struct {
	Code       string       `json:"code"`
	Name       string       `json:"name"`
	Type       string       `json:"type"`
	Types      []string     `json:"types"`
	ODSCode    string       `json:"ods_code,omitempty"`
	Population int64        `json:"population"`
	Parents    []apiRelated `json:"parents"`
	Children   []apiRelated `json:"children"`
}

func related(rs []area.Related) []apiRelated {
	out := make([]apiRelated, len(rs))
	for i, r := range rs {
		out[i] = apiRelated{Code: r.Code, Name: r.Name, Type: string(r.Type), Share: r.Share}
	}
	return out
}

func (s *Server) apiArea(r *http.Request) (any, error) {
	a, types, err := s.svc.Area(r.Context(), r.PathValue("code"), area.Type(r.URL.Query().Get("type")))
	if err != nil {
		return nil, err
	}
	parents, err := s.svc.Store.Parents(r.Context(), a.Type, a.Code)
	if err != nil {
		return nil, err
	}
	children, err := s.svc.Store.Children(r.Context(), a.Type, a.Code)
	if err != nil {
		return nil, err
	}
	ts := make([]string, len(types))
	for i, t := range types {
		ts[i] = string(t)
	}
	return apiAreaDetail{Code: a.Code, Name: a.Name, Type: string(a.Type), Types: ts, ODSCode: a.ODSCode,
		Population: a.Population, Parents: related(parents), Children: related(children)}, nil
}
