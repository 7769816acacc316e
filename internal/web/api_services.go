package web

import (
	"net/http"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
)

// apiService is one service in the services API. Longitude and latitude
// are where the atlas placed it (its own coordinates, or its postcode's),
// null when it is not located; areas holds GSS codes, null when unknown.
type apiService struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"`
	Provider      string          `json:"provider"`
	Sector        string          `json:"sector"`
	Types         []string        `json:"types"`
	Groups        []string        `json:"groups"`
	Description   string          `json:"description"`
	Address       string          `json:"address"`
	Postcode      string          `json:"postcode"`
	Telephone     string          `json:"telephone"`
	Website       string          `json:"website"`
	Longitude     *float64        `json:"longitude"`
	Latitude      *float64        `json:"latitude"`
	Source        string          `json:"source"`
	Areas         apiServiceAreas `json:"areas"`
	Serves        []string        `json:"serves"`
	Located       bool            `json:"located"`
	Placement     string          `json:"placement"`
	PlacementNote string          `json:"placement_note,omitempty"`
	Verified      string          `json:"verified"`
	Notes         []string        `json:"notes,omitempty"`
}

type apiServiceAreas struct {
	LTLA      *string `json:"ltla"`
	UTLA      *string `json:"utla"`
	SubICB    *string `json:"sub-icb"`
	ICB       *string `json:"icb"`
	Region    *string `json:"region"`
	NHSRegion *string `json:"nhs-region"`
}

// apiServiceSource is a directory the listed services come from, with
// what is needed to attribute it.
type apiServiceSource struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
	Vintage   string `json:"vintage"`
	Licence   string `json:"licence"`
}

type apiServiceList struct {
	Area       apiAreaRef         `json:"area"`
	Filters    map[string]string  `json:"filters"`
	Services   []apiService       `json:"services"`
	Count      int                `json:"count"`
	NotLocated int                `json:"not_located"`
	Coverage   apiCoverage        `json:"coverage"`
	Sources    []apiServiceSource `json:"sources"`
}

// apiCoverage says whether the imported directories cover the area.
type apiCoverage struct {
	Complete bool   `json:"complete"`
	None     bool   `json:"none"`
	Note     string `json:"note,omitempty"`
}

func toAPIService(sv service.Service) apiService {
	out := apiService{ID: sv.ID(), Name: sv.Name, Provider: sv.Provider, Sector: string(sv.Sector),
		Types: nonNilStrings(sv.Types), Groups: nonNilStrings(sv.Groups), Description: sv.Description, Address: sv.Address,
		Postcode: sv.Postcode, Telephone: sv.Telephone, Website: sv.Website, Source: sv.Source,
		Serves: nonNilStrings(sv.Serves), Located: sv.Placement.Located(), Placement: string(sv.Placement.Method),
		PlacementNote: sv.Placement.Note, Verified: sv.Verified, Notes: sv.Notes}
	if out.Located && sv.Placement.Point != nil {
		lon, lat := sv.Placement.Point.Lon, sv.Placement.Point.Lat
		out.Longitude, out.Latitude = &lon, &lat
	}
	code := func(t area.Type) *string {
		if c, ok := sv.Placement.Areas[t]; ok && out.Located {
			return &c
		}
		return nil
	}
	out.Areas = apiServiceAreas{LTLA: code(area.LTLA), UTLA: code(area.UTLA), SubICB: code(area.SubICB),
		ICB: code(area.ICB), Region: code(area.Region), NHSRegion: code(area.NHSRegion)}
	return out
}

func nonNilStrings(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// serviceList reads the area and filters of a services request: area is a
// GSS code (England by default); type, sector and group are taxonomy ids.
func (s *Server) serviceList(r *http.Request) (*atlas.ServiceList, error) {
	if s.cfg.Services == nil {
		return nil, atlas.Errorf(atlas.CodeNotFound, "This atlas has no services.")
	}
	q := r.URL.Query()
	f := service.Filter{Type: q.Get("type"), Sector: q.Get("sector"), Group: q.Get("group")}
	return s.cfg.Services.List(r.Context(), q.Get("area"), f)
}

func (s *Server) apiServices(r *http.Request) (any, error) {
	l, err := s.serviceList(r)
	if err != nil {
		return nil, err
	}
	out := apiServiceList{Area: apiAreaRef{Code: l.Area.Code, Name: l.Area.Name, Type: string(l.Area.Type)},
		Filters:  map[string]string{"type": l.Filter.Type, "sector": l.Filter.Sector, "group": l.Filter.Group},
		Services: make([]apiService, len(l.Services)), Count: len(l.Services), NotLocated: l.NotLocated,
		Coverage: apiCoverage{Complete: !l.Coverage.None && !l.Coverage.Incomplete, None: l.Coverage.None, Note: l.Coverage.Note},
		Sources:  toAPISources(l.Sources)}
	for i, sv := range l.Services {
		out.Services[i] = toAPIService(sv)
	}
	return out, nil
}

func toAPISources(srcs []atlas.ServiceSource) []apiServiceSource {
	out := make([]apiServiceSource, len(srcs))
	for i, src := range srcs {
		d := src.Info
		out[i] = apiServiceSource{ID: d.ID, Name: d.Name, Publisher: d.Publisher, Vintage: d.Vintage, Licence: d.Licence}
	}
	return out
}

type apiTerm struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

func toAPITerms(ts []service.Term) []apiTerm {
	out := make([]apiTerm, len(ts))
	for i, t := range ts {
		out[i] = apiTerm{ID: t.ID, Name: t.Name, Description: t.Description}
	}
	return out
}

func (s *Server) apiServiceTaxonomy(r *http.Request) (any, error) {
	if s.cfg.Services == nil {
		return nil, atlas.Errorf(atlas.CodeNotFound, "This atlas has no services.")
	}
	tax, err := s.cfg.Services.Taxonomy(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string][]apiTerm{"types": toAPITerms(tax.Types), "sectors": toAPITerms(service.Sectors),
		"groups": toAPITerms(tax.Groups)}, nil
}
