package atlas

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/service"
)

// The service indicators' ids and their breakdowns' query parameters (in
// /api/v1/data the area type is already "type", so the service type is
// "service_type").
const (
	ServicesPer100k  = "services-per-100k"
	ServicesCount    = "services-count"
	BreakdownType    = "service_type"
	BreakdownSector  = "sector"
	BreakdownGroup   = "group"
	breakdownAll     = "all"
	servicesTopic    = "Services"
	servicesDenomDef = "Census 2021 usual residents"
)

var _ Provider = (*ServiceIndicators)(nil)

// ServiceIndicators computes services-count and services-per-100k for
// every area type, per query, with the service type, sector and population
// group filters applied.
type ServiceIndicators struct {
	Services *Services

	mu      sync.Mutex
	version int64
	metas   []indicator.Meta
}

// Indicators implements Provider: none until services are imported.
func (p *ServiceIndicators) Indicators(ctx context.Context) ([]indicator.Meta, error) {
	v, err := p.Services.Atlas.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.metas != nil && p.version == v {
		return p.metas, nil
	}
	ms, err := p.build(ctx)
	if err != nil {
		return nil, err
	}
	p.version, p.metas = v, ms
	return ms, nil
}

func (p *ServiceIndicators) build(ctx context.Context) ([]indicator.Meta, error) {
	srcs, err := p.Services.Sources(ctx)
	if err != nil || len(srcs) == 0 {
		return []indicator.Meta{}, err
	}
	tax, err := p.Services.Taxonomy(ctx)
	if err != nil {
		return nil, err
	}
	all, err := p.Services.Store.Services(ctx, ServiceQuery{})
	if err != nil {
		return nil, err
	}
	ltlas, err := p.Services.Atlas.Store.Areas(ctx, area.LTLA)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, a := range ltlas {
		names[a.Code] = a.Name
	}
	rate := servicesMeta(srcs, tax, all, names)
	rate.ID, rate.Name = ServicesPer100k, "Mental health services per 100,000 residents"
	rate.Definition = "Services in the imported directories located in the area, per 100,000 Census 2021 usual residents."
	rate.Unit, rate.ValueType, rate.Polarity = "per 100,000 residents", indicator.RatePer100k, indicator.HighIsGood
	rate.Denominator = servicesDenomDef
	count := servicesMeta(srcs, tax, all, names)
	count.ID, count.Name = ServicesCount, "Mental health services"
	count.Definition = "Number of services in the imported directories located in the area."
	count.Unit, count.ValueType, count.Polarity = "services", indicator.Count, indicator.Neutral
	return []indicator.Meta{rate, count}, nil
}

// servicesMeta is what the two service indicators share.
func servicesMeta(srcs []ServiceSource, tax service.Taxonomy, all []service.Service, ltlaNames map[string]string) indicator.Meta {
	m := indicator.Meta{Topic: servicesTopic, Numerator: "Services located in the area",
		Aggregation: "Each service is counted once, in the area of each type that contains its location: point in polygon on the " +
			"ONS lower-tier authority boundaries (BSC, as shipped), with the other area types from the ONS lookups, or its " +
			"postcode's location when its coordinates cannot be used. Areas a service also serves are not counted. " +
			"Rates divide the count by the Census 2021 usual residents and multiply by 100,000; they are never averaged.",
		AreaTypes: []area.Type{area.England, area.NHSRegion, area.Region, area.ICB, area.SubICB, area.UTLA, area.LTLA}}
	var names, pubs, lics []string
	lo, hi := "", ""
	for _, s := range all {
		if y := s.Verified; len(y) >= 4 {
			if lo == "" || y[:4] < lo {
				lo = y[:4]
			}
			if y[:4] > hi {
				hi = y[:4]
			}
		}
	}
	for _, s := range srcs {
		names = append(names, s.Info.Name)
		pubs = appendNew(pubs, s.Info.Publisher)
		lics = appendNew(lics, s.Info.Licence)
	}
	m.Source, m.Publisher, m.Licence = strings.Join(names, "; "), strings.Join(pubs, "; "), strings.Join(lics, " ")
	m.Periods = []string{lo}
	if hi != lo {
		m.Periods = []string{lo + "-" + hi}
	}
	m.Breakdowns = []indicator.Breakdown{
		breakdown(BreakdownType, "Service type", "All service types", tax.Types),
		breakdown(BreakdownSector, "Provider sector", "All sectors", service.Sectors),
		breakdown(BreakdownGroup, "Population group", "All population groups", tax.Groups),
	}
	m.Notes = servicesNotes(srcs, all, ltlaNames)
	return m
}

func breakdown(id, name, allName string, terms []service.Term) indicator.Breakdown {
	b := indicator.Breakdown{ID: id, Name: name, Default: breakdownAll, Values: []indicator.Option{{ID: breakdownAll, Name: allName}}}
	for _, t := range terms {
		b.Values = append(b.Values, indicator.Option{ID: t.ID, Name: t.Name})
	}
	return b
}

// servicesNotes say plainly what the figures cover.
func servicesNotes(srcs []ServiceSource, all []service.Service, ltlaNames map[string]string) []string {
	var cov []string
	for _, s := range srcs {
		where := "all of England"
		if !s.Source.England {
			var ns []string
			for _, c := range s.Source.Coverage {
				ns = append(ns, ltlaNames[c])
			}
			where = strings.Join(ns, ", ")
			if len(ns) > 5 {
				where = fmt.Sprintf("%d local authorities", len(ns))
			}
		}
		cov = append(cov, fmt.Sprintf("%s, %s, covering %s", s.Info.Name, s.Info.Vintage, where))
	}
	notes := []string{
		"These figures count only the services in the imported directories: " + strings.Join(cov, "; ") + ". " +
			"Where no voluntary-sector directory has been imported (most of England) they show NHS provision only, " +
			"so a low figure there is missing data about voluntary, community and local authority services, not evidence of a gap. " +
			"Values are marked incomplete where a directory does not cover the area (unless another that records as much covers it in full), and are missing where no directory that records the chosen services covers it.",
		"A mental health trust is shown at its headquarters, which is not a place where care is given.",
	}
	n := 0
	for _, s := range all {
		if !s.Placement.Located() {
			n++
		}
	}
	if n > 0 {
		notes = append(notes, fmt.Sprintf("Services that could not be located (no usable coordinates and no postcode in an imported postcode table), so no area counts them: %d.", n))
	}
	return notes
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
