package web

import (
	"context"
	"net/url"
	"sort"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/service"
)

// fewestCount is how many areas the callout names.
const fewestCount = 5

// fewestServices is the callout of the ICBs with the fewest services for
// their population. Only areas with a complete figure take part: an area
// whose value is a floor (a directory for another area lists some of its
// services) or that no directory covers would otherwise look worst because
// its data is missing, not its services.
type fewestServices struct {
	Rows []indicator.Value
	// Partial is set when no area has a complete figure and the callout
	// falls back to the lowest partial ones, which the page then says.
	Partial  bool
	Left     int // areas left out for want of a complete figure
	England  *indicator.Value
	Notes    []string
	RankURL  string
	TypeName string
}

func (s *Server) fewestServices(ctx context.Context, f service.Filter) (*fewestServices, error) {
	filters := map[string]string{}
	for k, v := range map[string]string{"service_type": f.Type, "sector": f.Sector, "group": f.Group} {
		if v != "" && v != "all" {
			filters[k] = v
		}
	}
	d, err := s.svc.Data(ctx, atlas.Query{Indicator: "services-per-100k", Type: string(area.ICB), Filters: filters})
	if err != nil {
		if atlas.ErrorCode(err) == atlas.CodeInternal {
			return nil, err
		}
		return nil, nil // no services indicator in this atlas: no callout
	}
	out := &fewestServices{England: d.England, Notes: d.Notes, TypeName: area.ICB.Info().Plural}
	var vs, partial []indicator.Value
	for _, v := range d.Values {
		switch {
		case v.Value == nil:
			out.Left++
		case v.Incomplete:
			out.Left++
			partial = append(partial, v)
		default:
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 && len(partial) > 0 {
		vs, out.Partial = partial, true
	}
	sort.SliceStable(vs, func(i, j int) bool { return *vs[i].Value < *vs[j].Value })
	if len(vs) > fewestCount {
		vs = vs[:fewestCount]
	}
	out.Rows = vs
	q := url.Values{"indicator": {"services-per-100k"}, "type": {string(area.ICB)}}
	for k, v := range filters {
		q.Set(k, v)
	}
	out.RankURL = "/?" + q.Encode()
	return out, nil
}
