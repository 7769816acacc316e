package web

import (
	"net/http"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

type apiIndicator struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Topic       string         `json:"topic"`
	Definition  string         `json:"definition"`
	Unit        string         `json:"unit"`
	ValueType   string         `json:"value_type"`
	Polarity    string         `json:"polarity"`
	Source      string         `json:"source"`
	Publisher   string         `json:"publisher"`
	Licence     string         `json:"licence"`
	Aggregation string         `json:"aggregation"`
	Numerator   string         `json:"numerator,omitempty"`
	Denominator string         `json:"denominator,omitempty"`
	Periods     []string       `json:"periods"`
	AreaTypes   []string       `json:"area_types"`
	Breakdowns  []apiBreakdown `json:"breakdowns"`
	Notes       []string       `json:"notes,omitempty"`
}

type apiBreakdown struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Default string      `json:"default"`
	Values  []apiOption `json:"values"`
}

type apiOption struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func toAPIIndicator(m indicator.Meta) apiIndicator {
	ts := make([]string, len(m.AreaTypes))
	for i, t := range m.AreaTypes {
		ts[i] = string(t)
	}
	out := apiIndicator{ID: m.ID, Name: m.Name, Topic: m.Topic, Definition: m.Definition, Unit: m.Unit,
		ValueType: string(m.ValueType), Polarity: string(m.Polarity), Source: m.Source, Publisher: m.Publisher,
		Licence: m.Licence, Aggregation: m.Aggregation, Numerator: m.Numerator, Denominator: m.Denominator,
		Periods: m.Periods, AreaTypes: ts, Breakdowns: []apiBreakdown{}, Notes: m.Notes}
	for _, b := range m.Breakdowns {
		ab := apiBreakdown{ID: b.ID, Name: b.Name, Default: b.Default}
		for _, o := range b.Values {
			ab.Values = append(ab.Values, apiOption{ID: o.ID, Name: o.Name})
		}
		out.Breakdowns = append(out.Breakdowns, ab)
	}
	return out
}

func (s *Server) apiIndicators(r *http.Request) (any, error) {
	ms, err := s.svc.Indicators(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]apiIndicator, len(ms))
	for i, m := range ms {
		out[i] = toAPIIndicator(m)
	}
	return map[string]any{"indicators": out}, nil
}

// apiValue is one area's figure. Value is null when missing, and so is
// Numerator (a missing figure has no count behind it); Denominator is
// null for counts, which have none; both counts are null for a rate the
// source published without them.
type apiValue struct {
	Code        string   `json:"code,omitempty"`
	Name        string   `json:"name,omitempty"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	Incomplete  bool     `json:"incomplete,omitempty"`
	Note        string   `json:"note,omitempty"`
}

func toAPIValue(v indicator.Value, withArea bool) apiValue {
	out := apiValue{Value: v.Value, Incomplete: v.Incomplete, Note: v.Note}
	// A missing value has no count behind it: null, never a zero (as in
	// the CSV download).
	if !v.RateOnly && (v.Value != nil || v.Numerator != 0) {
		n := v.Numerator
		out.Numerator = &n
	}
	if v.Denominator != 0 && !v.RateOnly {
		d := v.Denominator
		out.Denominator = &d
	}
	if withArea {
		out.Code, out.Name = v.AreaCode, v.AreaName
	}
	return out
}

type apiData struct {
	Indicator string            `json:"indicator"`
	Period    string            `json:"period"`
	Type      string            `json:"type"`
	Source    string            `json:"source"`
	Licence   string            `json:"licence"`
	Dataset   *apiDatasetRef    `json:"dataset,omitempty"`
	Filters   map[string]string `json:"filters,omitempty"`
	Notes     []string          `json:"notes,omitempty"`
	Values    []apiValue        `json:"values"`
	England   *apiValue         `json:"england"`
}

// apiDatasetRef names the dataset a response's values came from.
type apiDatasetRef struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
	Vintage   string `json:"vintage"`
}

// reservedParams are the query parameters that are not breakdown filters.
var reservedParams = map[string]bool{"indicator": true, "type": true, "period": true, "source": true, "area": true}

// queryFrom reads an indicator query from a request: every parameter that
// is not reserved is a breakdown filter, which the service checks.
func queryFrom(r *http.Request) atlas.Query {
	q := r.URL.Query()
	aq := atlas.Query{Indicator: q.Get("indicator"), Type: q.Get("type"), Period: q.Get("period"), Source: q.Get("source")}
	for k, v := range q {
		if !reservedParams[k] && len(v) > 0 && v[0] != "" {
			if aq.Filters == nil {
				aq.Filters = map[string]string{}
			}
			aq.Filters[k] = v[0]
		}
	}
	return aq
}

func (s *Server) apiData(r *http.Request) (any, error) {
	d, err := s.svc.Data(r.Context(), queryFrom(r))
	if err != nil {
		return nil, err
	}
	out := apiData{Indicator: d.Meta.ID, Period: d.Period, Type: string(d.Type), Source: d.Meta.Source,
		Licence: d.Meta.Licence, Values: make([]apiValue, len(d.Values)), Filters: d.Filters, Notes: d.Notes}
	if d.Dataset != nil {
		out.Dataset = &apiDatasetRef{ID: d.Dataset.ID, Name: d.Dataset.Name, Publisher: d.Dataset.Publisher, Vintage: d.Dataset.Vintage}
	}
	for i, v := range d.Values {
		out.Values[i] = toAPIValue(v, true)
	}
	if d.England != nil {
		e := toAPIValue(*d.England, false)
		out.England = &e
	}
	return out, nil
}

type apiDataset struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Publisher  string   `json:"publisher"`
	Vintage    string   `json:"vintage"`
	Licence    string   `json:"licence"`
	Files      []string `json:"files"`
	ImportedAt string   `json:"imported_at"`
	Rows       int      `json:"rows"`
}

func (s *Server) apiDatasets(r *http.Request) (any, error) {
	ds, err := s.svc.Store.Datasets(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]apiDataset, len(ds))
	for i, d := range ds {
		out[i] = apiDataset{ID: d.ID, Name: d.Name, Publisher: d.Publisher, Vintage: d.Vintage, Licence: d.Licence,
			Files: d.Files, ImportedAt: d.ImportedAt.Format("2006-01-02T15:04:05Z"), Rows: d.Rows}
	}
	return map[string]any{"datasets": out}, nil
}
