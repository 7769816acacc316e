package atlas

import (
	"context"
	"sort"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/service"
)

// Services answers questions about mental health services: which are in
// an area, what the taxonomy is, and what an area profile shows.
type Services struct {
	// Atlas finds areas and their populations.
	Atlas *Service
	Store ServiceStore
}

// ServiceList is the services of an area that pass a filter.
type ServiceList struct {
	Area   area.Area
	Filter service.Filter
	// Services are those placed in the area; for England, every service,
	// including those not located.
	Services []service.Service
	// NotLocated counts the services passing the filter that could not be
	// placed: they may be in the area, but nobody can tell.
	NotLocated int
	// Sources are the directories the listed services come from.
	Sources  []ServiceSource
	Coverage Coverage
	Taxonomy service.Taxonomy
}

// Taxonomy returns the service types and population groups.
func (s *Services) Taxonomy(ctx context.Context) (service.Taxonomy, error) {
	return s.Store.ServiceTaxonomy(ctx)
}

// List returns the services in the area with the code (England when
// empty) that pass f, refusing ids the taxonomy does not have.
func (s *Services) List(ctx context.Context, code string, f service.Filter) (*ServiceList, error) {
	tax, err := s.Store.ServiceTaxonomy(ctx)
	if err != nil {
		return nil, err
	}
	if err := tax.CheckFilter(f); err != nil {
		return nil, Errorf(CodeInvalid, "%s.", capitalise(err.Error()))
	}
	if code == "" {
		code = area.EnglandCode
	}
	a, _, err := s.Atlas.Area(ctx, code, "")
	if err != nil {
		return nil, err
	}
	q := ServiceQuery{AreaType: a.Type, AreaCode: a.Code, Filter: f}
	if a.Type == area.England {
		q.AreaType = "" // England lists the services not located too
	}
	l := &ServiceList{Area: a, Filter: f, Taxonomy: tax}
	if l.Services, err = s.Store.Services(ctx, q); err != nil {
		return nil, err
	}
	unplaced, err := s.Store.Services(ctx, ServiceQuery{Filter: f, Unplaced: true})
	if err != nil {
		return nil, err
	}
	l.NotLocated = len(unplaced)
	cov, err := s.coverage(ctx)
	if err != nil {
		return nil, err
	}
	l.Coverage = cov.describe(a.Type, a.Code, f)
	used := map[string]bool{}
	for _, sv := range l.Services {
		used[sv.Source] = true
	}
	for _, src := range cov.sources {
		if used[src.Info.ID] {
			l.Sources = append(l.Sources, src)
		}
	}
	return l, nil
}

// TermCount is a taxonomy term with a number of services.
type TermCount struct {
	service.Term
	Count int
}

// AreaServices is the services section of an area profile.
type AreaServices struct {
	*ServiceList
	ByType   []TermCount
	BySector []TermCount
	// Count is the number of services placed in the area, and Rate that
	// per 100,000 residents (nil when no directory covers the area);
	// England's are beside them.
	Count, EnglandCount int
	Rate, EnglandRate   *float64
	EnglandCoverage     Coverage
}

// Profile builds the services section of an area's profile.
func (s *Services) Profile(ctx context.Context, a area.Area) (*AreaServices, error) {
	l, err := s.List(ctx, a.Code, service.Filter{})
	if err != nil {
		return nil, err
	}
	l.Area = a // the type the profile shows, for a unitary authority
	p := &AreaServices{ServiceList: l}
	types, sectors := map[string]int{}, map[string]int{}
	for _, sv := range l.Services {
		if !sv.Placement.Located() {
			continue
		}
		p.Count++
		sectors[string(sv.Sector)]++
		for _, t := range sv.Types {
			types[t]++
		}
	}
	p.ByType, p.BySector = counted(l.Taxonomy.Types, types), counted(service.Sectors, sectors)
	eng, err := s.List(ctx, area.EnglandCode, service.Filter{})
	if err != nil {
		return nil, err
	}
	p.EnglandCoverage = eng.Coverage
	for _, sv := range eng.Services {
		if sv.Placement.Located() {
			p.EnglandCount++
		}
	}
	if !l.Coverage.None {
		p.Rate = per100k(p.Count, a.Population)
	}
	p.EnglandRate = per100k(p.EnglandCount, eng.Area.Population)
	return p, nil
}

// counted pairs each term with its count, largest first, leaving out
// terms with none.
func counted(terms []service.Term, n map[string]int) []TermCount {
	var out []TermCount
	for _, t := range terms {
		if n[t.ID] > 0 {
			out = append(out, TermCount{Term: t, Count: n[t.ID]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

func per100k(n int, pop int64) *float64 {
	if pop <= 0 {
		return nil
	}
	v := 100000 * float64(n) / float64(pop)
	return &v
}
