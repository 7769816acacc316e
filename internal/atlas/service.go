package atlas

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Service answers the questions the pages and the API ask.
type Service struct {
	Store Store
	// Providers compute the values of the indicators they own on request
	// (say, workforce figures filtered by care need, sector and role).
	// Indicators no provider owns are read from the store as imported.
	Providers []Provider

	england englandCache
	metas   metaCache
}

// Provider owns a family of indicators whose values are computed per
// query rather than stored precomputed.
type Provider interface {
	// Indicators lists the metadata of the indicators the provider owns,
	// as they stand with the data imported now.
	Indicators(ctx context.Context) ([]indicator.Meta, error)
	// Data answers a query for one of its indicators; q is already
	// checked against the indicator's area types and periods.
	Data(ctx context.Context, m indicator.Meta, q Query) (*Data, error)
}

// Query asks for an indicator's values for every area of a type.
type Query struct {
	Indicator string
	Type      string
	Period    string
	// Source chooses one dataset when several have the measure; empty
	// means the most recently imported one that has it.
	Source string
	// Filters holds breakdown choices, e.g. care_need=specialist.
	Filters map[string]string
	// PeriodDefaulted is set for providers when the caller chose no
	// period and Period is the indicator's latest: a provider may answer
	// with an earlier one if the latest has no values for the filters.
	PeriodDefaulted bool
}

// Indicators lists every indicator: stored ones, then each provider's.
//
// The list depends only on the data, and a page asks for it many times, so
// it is kept until the data version changes. Callers get their own copy of
// the slice.
func (s *Service) Indicators(ctx context.Context) ([]indicator.Meta, error) {
	v, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.metas.mu.Lock()
	defer s.metas.mu.Unlock()
	if s.metas.list == nil || s.metas.version != v {
		ms, err := s.Store.Indicators(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range s.Providers {
			pm, err := p.Indicators(ctx)
			if err != nil {
				return nil, err
			}
			ms = append(ms, pm...)
		}
		s.metas.version, s.metas.list = v, ms
	}
	return append([]indicator.Meta(nil), s.metas.list...), nil
}

// metaCache keeps the indicator list for one data version.
type metaCache struct {
	mu      sync.Mutex
	version int64
	list    []indicator.Meta
}

func (s *Service) provider(ctx context.Context, id string) (Provider, error) {
	// A provider's indicators are few and built in memory; asking each is
	// cheap next to the store's list.
	for _, p := range s.Providers {
		ms, err := p.Indicators(ctx)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.ID == id {
				return p, nil
			}
		}
	}
	return nil, nil
}

// Area finds an area by code. A code that stands for two types (a unitary
// authority is both upper- and lower-tier) resolves to want if given, else
// to the upper tier, the council with adult social services duties.
func (s *Service) Area(ctx context.Context, code string, want area.Type) (area.Area, []area.Type, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	as, err := s.Store.AreasByCode(ctx, code)
	if err != nil {
		return area.Area{}, nil, err
	}
	if len(as) == 0 {
		return area.Area{}, nil, Errorf(CodeNotFound, "There is no area with the code %q. Codes are ONS GSS codes such as E54000011; search by name instead.", code)
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Type.Rank() < as[j].Type.Rank() })
	types := make([]area.Type, len(as))
	for i, a := range as {
		types[i] = a.Type
	}
	if want == "" {
		return as[0], types, nil
	}
	for _, a := range as {
		if a.Type == want {
			return a, types, nil
		}
	}
	return area.Area{}, nil, Errorf(CodeNotFound, "%s is not a %s area; it is a %s.", code, want, joinTypes(types))
}

func joinTypes(ts []area.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, " and ")
}

// Indicator returns the metadata of one indicator.
func (s *Service) Indicator(ctx context.Context, id string) (indicator.Meta, error) {
	ms, err := s.Indicators(ctx)
	if err != nil {
		return indicator.Meta{}, err
	}
	ids := make([]string, 0, len(ms))
	for _, m := range ms {
		if m.ID == id {
			return m, nil
		}
		ids = append(ids, m.ID)
	}
	if id == "" {
		return indicator.Meta{}, Errorf(CodeInvalid, "Choose an indicator with indicator=ID. Available: %s.", strings.Join(ids, ", "))
	}
	return indicator.Meta{}, Errorf(CodeNotFound, "There is no indicator %q. Available: %s.", id, strings.Join(ids, ", "))
}

// Data is an indicator's values for every area of a type, with England's.
type Data struct {
	Meta    indicator.Meta
	Type    area.Type
	Period  string
	Values  []indicator.Value
	England *indicator.Value
	// Dataset is where the values came from.
	Dataset *Dataset
	// Filters are the breakdown choices applied, defaults included.
	Filters map[string]string
	// Notes say what a reader must know, such as why there are no values.
	Notes []string
}

// Data returns an indicator's values for every area of a type in a period
// (the latest when empty), checking each parameter and saying what would
// work instead.
func (s *Service) Data(ctx context.Context, q Query) (*Data, error) {
	id, typ, period := q.Indicator, q.Type, q.Period
	m, err := s.Indicator(ctx, id)
	if err != nil {
		return nil, err
	}
	asked := period
	if typ == "" {
		return nil, Errorf(CodeInvalid, "Choose an area type with type=T. %s has data for: %s.", m.Name, joinTypes(m.AreaTypes))
	}
	t, err := area.ParseType(typ)
	if err != nil {
		return nil, Errorf(CodeInvalid, "%s", capitalise(err.Error()))
	}
	if !m.HasAreaType(t) {
		return nil, Errorf(CodeInvalid, "%s has no data for %s. It has data for: %s.%s", m.Name, t.Info().Plural, joinTypes(m.AreaTypes), whyNotAtType(m))
	}
	if period == "" {
		period = m.LatestPeriod()
	} else if !contains(m.Periods, period) {
		return nil, Errorf(CodeInvalid, "%s has no data for period %q. Periods: %s.", m.Name, period, strings.Join(m.Periods, ", "))
	}
	if err := checkFilters(m, q.Filters); err != nil {
		return nil, err
	}
	q.Type, q.Period = string(t), period
	p, err := s.provider(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	if p != nil {
		q.PeriodDefaulted = asked == ""
		return p.Data(ctx, m, q)
	}
	vs, err := s.Store.Values(ctx, m.ID, t, period)
	if err != nil {
		return nil, err
	}
	d := &Data{Meta: m, Type: t, Period: period, Values: vs}
	ev, err := s.Store.Values(ctx, m.ID, area.England, period)
	if err != nil {
		return nil, err
	}
	if len(ev) == 1 {
		d.England = &ev[0]
	}
	if err := s.fillUnpublished(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// checkFilters refuses a breakdown the indicator does not have, or a value
// that breakdown does not take.
func checkFilters(m indicator.Meta, f map[string]string) error {
	for k, v := range f {
		if v == "" {
			continue
		}
		var b *indicator.Breakdown
		for i := range m.Breakdowns {
			if m.Breakdowns[i].ID == k {
				b = &m.Breakdowns[i]
			}
		}
		if b == nil {
			return Errorf(CodeInvalid, "%s cannot be broken down by %s.", m.Name, k)
		}
		ok := false
		ids := make([]string, len(b.Values))
		for i, o := range b.Values {
			ids[i] = o.ID
			ok = ok || o.ID == v
		}
		if !ok {
			return Errorf(CodeInvalid, "%s=%q is not one of: %s.", k, v, strings.Join(ids, ", "))
		}
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Profile is everything an area profile shows.
type Profile struct {
	Area     area.Area
	Types    []area.Type // every type this code stands for
	Parents  []area.Related
	Children []area.Related
	// Indicators pairs every indicator with the area's and England's value.
	Indicators []ProfileIndicator
	Census     []census.Breakdown
	England    []census.Breakdown
}

// ProfileIndicator is one indicator on a profile.
type ProfileIndicator struct {
	Meta    indicator.Meta
	Value   *indicator.Value
	England *indicator.Value
}

// Profile builds the profile of an area.
func (s *Service) Profile(ctx context.Context, a area.Area, types []area.Type) (*Profile, error) {
	p := &Profile{Area: a, Types: types}
	var err error
	if p.Parents, err = s.Store.Parents(ctx, a.Type, a.Code); err != nil {
		return nil, err
	}
	if p.Children, err = s.Store.Children(ctx, a.Type, a.Code); err != nil {
		return nil, err
	}
	metas, err := s.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	own, err := s.Store.AreaValues(ctx, a.Type, a.Code)
	if err != nil {
		return nil, err
	}
	eng, err := s.Store.AreaValues(ctx, area.England, area.EnglandCode)
	if err != nil {
		return nil, err
	}
	for _, m := range metas {
		if !m.HasAreaType(a.Type) {
			continue // a published layer with no figures for this kind of area
		}
		pi := ProfileIndicator{Meta: m}
		if v, ok := own[m.ID]; ok {
			pi.Value = &v
		}
		if v, ok := eng[m.ID]; ok {
			pi.England = &v
		}
		p.Indicators = append(p.Indicators, pi)
	}
	if p.England, err = s.englandBreakdowns(ctx); err != nil {
		return nil, err
	}
	if a.Type == area.England {
		p.Census = p.England
	} else if p.Census, err = s.breakdowns(ctx, a.Type, a.Code); err != nil {
		return nil, err
	}
	return p, nil
}

// englandCache keeps England's Census breakdowns, which every profile
// shows and which take every LTLA's counts to build, until data changes.
type englandCache struct {
	mu      sync.Mutex
	version int64
	bs      []census.Breakdown

	pyramidVersion int64
	pyramid        *census.Pyramid
}

func (s *Service) englandBreakdowns(ctx context.Context) ([]census.Breakdown, error) {
	v, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.england.mu.Lock()
	defer s.england.mu.Unlock()
	if s.england.bs != nil && s.england.version == v {
		return s.england.bs, nil
	}
	bs, err := s.breakdowns(ctx, area.England, area.EnglandCode)
	if err != nil {
		return nil, err
	}
	s.england.version, s.england.bs = v, bs
	return bs, nil
}

// ltlaShares returns the share of each LTLA's residents living in an area,
// and the LTLA codes to fetch counts for: nil for England, which takes
// every LTLA (one query instead of 296 parameters). A nil map means no LTLA
// overlaps the area.
func (s *Service) ltlaShares(ctx context.Context, t area.Type, code string) (map[string]float64, []string, error) {
	ws, err := s.Store.WeightsInto(ctx, area.LTLA, t, code)
	if err != nil || len(ws) == 0 {
		return nil, nil, err
	}
	byLTLA := make(map[string]float64, len(ws))
	codes := make([]string, 0, len(ws))
	for _, w := range ws {
		byLTLA[w.FromCode] = w.Share
		codes = append(codes, w.FromCode)
	}
	if t == area.England {
		codes = nil
	}
	return byLTLA, codes, nil
}

// breakdowns apportions the Census counts of the LTLAs overlapping an area.
func (s *Service) breakdowns(ctx context.Context, t area.Type, code string) ([]census.Breakdown, error) {
	byLTLA, codes, err := s.ltlaShares(ctx, t, code)
	if err != nil || byLTLA == nil {
		return nil, err
	}
	counts, err := s.Store.CensusCounts(ctx, codes)
	if err != nil {
		return nil, err
	}
	bs, err := census.Breakdowns(counts, byLTLA)
	if err != nil && len(counts) == 0 {
		return nil, nil // no Census imported yet: the profile says so
	}
	if err != nil {
		return nil, fmt.Errorf("census breakdowns for %s: %w", code, err)
	}
	return bs, nil
}

// Search finds areas by name or code.
func (s *Service) Search(ctx context.Context, q string, limit int) ([]area.Area, error) {
	q = strings.TrimSpace(q)
	if len(q) > 100 {
		return nil, Errorf(CodeInvalid, "Search for at most 100 characters.")
	}
	return s.Store.SearchAreas(ctx, q, limit)
}

// IsNotFound reports whether err means something was not found.
func IsNotFound(err error) bool {
	return ErrorCode(err) == CodeNotFound || errors.Is(err, ErrNotFound)
}
