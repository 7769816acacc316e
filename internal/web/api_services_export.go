package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

// exportName is the download's file name: the area and any filters.
func exportName(l *atlas.ServiceList, ext string) string {
	parts := []string{"mhatlas-services", l.Area.Code}
	for _, f := range []string{l.Filter.Type, l.Filter.Sector, l.Filter.Group} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, "-") + "." + ext
}

// servicesCSVHeader lists the export's columns. The last three attribute
// each row to its directory, so a row copied into another spreadsheet
// still says where it came from and under what licence (a comment line
// would trip up spreadsheets and be lost on sorting).
var servicesCSVHeader = []string{"id", "name", "provider", "sector", "sector_name", "types", "type_names", "groups",
	"group_names", "description", "address", "postcode", "telephone", "website", "longitude", "latitude", "placement",
	"ltla", "utla", "sub_icb", "icb", "region", "nhs_region", "serves", "verified", "notes", "source", "source_publisher", "source_licence"}

// apiServicesCSV serves the filtered list as CSV: the same services and
// filters as /api/v1/services.
func (s *Server) apiServicesCSV(w http.ResponseWriter, r *http.Request) {
	l, err := s.serviceList(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	srcs := map[string]atlas.ServiceSource{}
	for _, src := range l.Sources {
		srcs[src.Info.ID] = src
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(l, "csv")+`"`)
	cw := csv.NewWriter(w)
	cw.Write(servicesCSVHeader)
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	names := func(ids []string, name func(string) string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return strings.Join(out, "; ")
	}
	for _, sv := range l.Services {
		a := toAPIService(sv)
		src := srcs[sv.Source].Info
		row := []string{a.ID, a.Name, a.Provider, a.Sector, sv.Sector.Name(), strings.Join(a.Types, ";"),
			names(a.Types, l.Taxonomy.TypeName), strings.Join(a.Groups, ";"), names(a.Groups, l.Taxonomy.GroupName),
			a.Description, a.Address, a.Postcode, a.Telephone, a.Website, num(a.Longitude), num(a.Latitude), a.Placement}
		for _, t := range []area.Type{area.LTLA, area.UTLA, area.SubICB, area.ICB, area.Region, area.NHSRegion} {
			row = append(row, sv.Placement.Areas[t])
		}
		row = append(row, strings.Join(a.Serves, ";"), a.Verified, strings.Join(a.Notes, " "), src.Name, src.Publisher, src.Licence)
		writeSafeRow(cw, row, 14, 15) // longitude and latitude stay numbers
	}
	cw.Flush()
}

// apiServicesGeoJSON serves the filtered list as an RFC 7946 feature
// collection. Services that are not located have a null geometry. The
// top-level attribution and sources members name every directory and its
// licence.
func (s *Server) apiServicesGeoJSON(w http.ResponseWriter, r *http.Request) {
	l, err := s.serviceList(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	type feature struct {
		Type       string          `json:"type"`
		ID         string          `json:"id"`
		Geometry   *geoJSONPoint   `json:"geometry"`
		Properties json.RawMessage `json:"properties"`
	}
	fc := struct {
		Type        string             `json:"type"`
		Name        string             `json:"name"`
		Attribution string             `json:"attribution"`
		Sources     []apiServiceSource `json:"sources"`
		Features    []feature          `json:"features"`
	}{Type: "FeatureCollection", Name: "Mental health services in " + l.Area.Name, Sources: toAPISources(l.Sources),
		Features: make([]feature, 0, len(l.Services))}
	var attr []string
	for _, src := range l.Sources {
		attr = append(attr, src.Info.Name+" ("+src.Info.Publisher+", "+src.Info.Vintage+"). "+src.Info.Licence)
	}
	fc.Attribution = strings.Join(attr, " ")
	for _, sv := range l.Services {
		a := toAPIService(sv)
		props, err := json.Marshal(a)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		f := feature{Type: "Feature", ID: a.ID, Properties: props}
		if a.Longitude != nil {
			f.Geometry = &geoJSONPoint{Type: "Point", Coordinates: [2]float64{*a.Longitude, *a.Latitude}}
		}
		fc.Features = append(fc.Features, f)
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(l, "geojson")+`"`)
	w.Header().Set("Content-Type", "application/geo+json")
	json.NewEncoder(w).Encode(fc)
}

type geoJSONPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}
