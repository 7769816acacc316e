package atlas

import (
	"context"
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/service"
)

// ServiceSource is an imported directory: its dataset (publisher, vintage,
// licence) and what it records and covers.
type ServiceSource struct {
	Info   Dataset
	Source service.Source
}

// coverage knows which directories cover which areas, by population: a
// directory covers the residents of the lower-tier authorities it covers.
type coverage struct {
	sources []ServiceSource
	ltlaPop map[string]float64
	// into holds the LTLA weights into each area, by type and code.
	into map[area.Type]map[string][]area.Weight
}

func (s *Services) coverage(ctx context.Context) (*coverage, error) {
	srcs, err := s.Sources(ctx)
	if err != nil {
		return nil, err
	}
	c := &coverage{sources: srcs, ltlaPop: map[string]float64{}, into: map[area.Type]map[string][]area.Weight{}}
	ltlas, err := s.Atlas.Store.Areas(ctx, area.LTLA)
	if err != nil {
		return nil, err
	}
	for _, a := range ltlas {
		c.ltlaPop[a.Code] = float64(a.Population)
	}
	ws, err := s.Atlas.Store.WeightsInto(ctx, area.LTLA, "", "")
	if err != nil {
		return nil, err
	}
	for _, w := range ws {
		if c.into[w.ToType] == nil {
			c.into[w.ToType] = map[string][]area.Weight{}
		}
		c.into[w.ToType][w.ToCode] = append(c.into[w.ToType][w.ToCode], w)
	}
	return c, nil
}

// Sources returns every imported directory with its dataset.
func (s *Services) Sources(ctx context.Context) ([]ServiceSource, error) {
	srcs, err := s.Store.ServiceSources(ctx)
	if err != nil {
		return nil, err
	}
	dss, err := s.Atlas.Store.Datasets(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[string]Dataset{}
	for _, d := range dss {
		byID[d.ID] = d
	}
	out := make([]ServiceSource, len(srcs))
	for i, src := range srcs {
		out[i] = ServiceSource{Info: byID[src.Dataset], Source: src}
	}
	return out, nil
}

// fraction is the share of an area's residents that src covers.
func (c *coverage) fraction(src service.Source, t area.Type, code string) float64 {
	if src.England {
		return 1
	}
	var covered, total float64
	for _, w := range c.into[t][code] {
		n := w.Share * c.ltlaPop[w.FromCode]
		total += n
		if src.Covers(w.FromCode) {
			covered += n
		}
	}
	if total == 0 {
		return 0
	}
	return covered / total
}

// Coverage says how far the imported directories cover an area for
// services that pass a filter.
type Coverage struct {
	// None is true when no directory that records such services covers
	// any of the area: a count there would be missing data, not zero.
	None bool
	// Incomplete is true when some directory that records such services
	// covers none or only part of the area.
	Incomplete bool
	// Note says which directories are missing or partial, in words.
	Note string
}

// fullCover is the share of residents above which a directory counts as
// covering an area in full (shares are summed from LSOAs, so allow for
// rounding).
const fullCover = 0.99995

// describe works out the coverage of an area for filter f. A directory
// that does not cover the area (or covers only part of it) makes the count
// incomplete, unless another directory that records at least as much
// covers the area in full: Trafford's directory says nothing about
// Shropshire, where a Shropshire directory of every kind of service does.
func (c *coverage) describe(t area.Type, code string, f service.Filter) Coverage {
	type share struct {
		src ServiceSource
		fr  float64
	}
	var recs []share
	for _, s := range c.sources {
		if s.Source.Records(f) {
			recs = append(recs, share{s, c.fraction(s.Source, t, code)})
		}
	}
	standIn := func(x share) bool {
		for _, y := range recs {
			if y.src.Info.ID != x.src.Info.ID && y.fr >= fullCover && y.src.Source.RecordsAllOf(x.src.Source, f) {
				return true
			}
		}
		return false
	}
	var full, part, absent []string
	for _, x := range recs {
		switch fr := x.fr; {
		case fr >= fullCover:
			full = append(full, x.src.Info.Name)
		case standIn(x):
			// another directory covers the area for everything this one records
		case fr > 0:
			part = append(part, fmt.Sprintf("%s covers only %.1f%% of residents here", x.src.Info.Name, 100*fr))
		default:
			absent = append(absent, x.src.Info.Name)
		}
	}
	switch {
	case len(full)+len(part)+len(absent) == 0:
		return Coverage{None: true, Note: "No imported directory records services like these."}
	case len(full)+len(part) == 0:
		return Coverage{None: true, Note: "No imported directory that records services like these covers this area (" +
			strings.Join(absent, "; ") + doesNot(len(absent)) + "), so there is no figure: this is missing data, not an absence of services."}
	case len(part)+len(absent) == 0:
		return Coverage{}
	}
	var b strings.Builder
	if len(absent) > 0 {
		fmt.Fprintf(&b, "Not covered by %s. ", strings.Join(absent, "; "))
	}
	if len(part) > 0 {
		fmt.Fprintf(&b, "%s. ", capitalise(strings.Join(part, "; ")))
	}
	if len(full) > 0 {
		fmt.Fprintf(&b, "Fully counted here: %s.", strings.Join(full, "; "))
	}
	return Coverage{Incomplete: true, Note: strings.TrimSpace(b.String())}
}

func doesNot(n int) string {
	if n == 1 {
		return " does not"
	}
	return " do not"
}
