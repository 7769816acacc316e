package web

import (
	"net/http"
	"net/url"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

type searchPage struct {
	basePage
	Results []area.Area
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("q")
	p := searchPage{basePage: basePage{Title: "Search for an area", Query: q}}
	if q != "" {
		res, err := s.svc.Search(r.Context(), q, 50)
		if err != nil {
			return err
		}
		// One exact match goes straight to its profile.
		if len(res) == 1 {
			http.Redirect(w, r, profileURL(res[0]), http.StatusSeeOther)
			return nil
		}
		p.Results = res
		p.Title = "Areas matching “" + q + "”"
	}
	return s.render(w, http.StatusOK, "search", p)
}

// profileURL is an area's profile. The code is escaped: it comes from an
// imported lookup, and one such as `../../\evil.example` must not turn
// the search redirect into a link off the site.
func profileURL(a area.Area) string {
	return "/areas/" + url.PathEscape(a.Code) + "?" + url.Values{"type": {string(a.Type)}}.Encode()
}

type sourcesPage struct {
	basePage
	Datasets   []atlas.Dataset
	Indicators []indicator.Meta
	Types      []atlas.TypeCount
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	ds, err := s.svc.Store.Datasets(ctx)
	if err != nil {
		return err
	}
	ms, err := s.svc.Indicators(ctx) // stored and computed (workforce, services) alike
	if err != nil {
		return err
	}
	ts, err := s.svc.Store.AreaTypes(ctx)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "sources", sourcesPage{basePage: basePage{Title: "Data sources, definitions and API"},
		Datasets: ds, Indicators: ms, Types: ts})
}
