package web

import (
	"context"
	"net/url"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// maxListedServices is the most services a profile lists one by one;
// beyond it (England, NHS regions) the counts, the map and the downloads
// serve better than a long table.
const maxListedServices = 150

// areaServicesView is the services section of an area profile.
type areaServicesView struct {
	*atlas.AreaServices
	// Imported is false until any service directory has been imported.
	Imported bool
	Rows     []serviceRow
	// TooMany is true when the area has more services than are listed.
	TooMany                          bool
	MapURL, CSVURL, GeoJSONURL       string
	SourceNames                      []string
	EnglandIncomplete, AreaIsEngland bool
	// RateText and EnglandRateText are the rates per 100,000 residents
	// as people read them ("no data" where no directory covers the area).
	RateText, EnglandRateText string
}

// serviceRow is one service as the profile's table shows it.
type serviceRow struct {
	Name, Provider, Sector, Types, Website string
	Placement                              string
}

// areaServices builds the services section for area a; nil when the atlas
// has no services wired.
func (s *Server) areaServices(ctx context.Context, a area.Area) (*areaServicesView, error) {
	if s.cfg.Services == nil {
		return nil, nil
	}
	as, err := s.cfg.Services.Profile(ctx, a)
	if err != nil {
		return nil, err
	}
	srcs, err := s.cfg.Services.Sources(ctx)
	if err != nil {
		return nil, err
	}
	v := &areaServicesView{AreaServices: as, Imported: len(srcs) > 0, AreaIsEngland: a.Type == area.England,
		EnglandIncomplete: as.EnglandCoverage.Incomplete,
		RateText:          fmtValue(indicator.RatePer100k, as.Rate), EnglandRateText: fmtValue(indicator.RatePer100k, as.EnglandRate)}
	for _, src := range srcs {
		v.SourceNames = append(v.SourceNames, src.Info.Name+" ("+src.Info.Publisher+", "+src.Info.Vintage+")")
	}
	q := url.Values{"services": {"on"}}
	api := url.Values{}
	if a.Type != area.England {
		q.Set("type", string(a.Type))
		q.Set("area", a.Code)
		api.Set("area", a.Code)
	}
	v.MapURL = "/?" + q.Encode()
	v.CSVURL = "/api/v1/services.csv?" + api.Encode()
	v.GeoJSONURL = "/api/v1/services.geojson?" + api.Encode()
	if len(as.Services) > maxListedServices {
		v.TooMany = true
		return v, nil
	}
	for _, sv := range as.Services {
		names := make([]string, len(sv.Types))
		for i, t := range sv.Types {
			names[i] = as.Taxonomy.TypeName(t)
		}
		v.Rows = append(v.Rows, serviceRow{Name: sv.Name, Provider: sv.Provider, Sector: sv.Sector.Name(),
			Types: strings.Join(names, "; "), Website: sv.Website, Placement: string(sv.Placement.Method)})
	}
	return v, nil
}
