package atlas_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

func servicesAtlas() *atlas.Service {
	svc := &atlas.Service{Store: store}
	services := &atlas.Services{Atlas: svc, Store: store}
	svc.Providers = []atlas.Provider{&atlas.ServiceIndicators{Services: services}}
	return svc
}

func serviceValue(t *testing.T, q atlas.Query, code string) indicator.Value {
	t.Helper()
	d, err := servicesAtlas().Data(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if code == area.EnglandCode {
		return *d.England
	}
	for _, v := range d.Values {
		if v.AreaCode == code {
			return v
		}
	}
	t.Fatalf("no value for %s", code)
	return indicator.Value{}
}

// Worked by hand from the counts in TestTraffordHandCounted and the Census
// 2021 populations in data/geo/lad24_icb24_nhser24_lookup.csv.
func TestServiceIndicatorsHandWorked(t *testing.T) {
	rate := func(typ, code string, filters map[string]string) indicator.Value {
		return serviceValue(t, atlas.Query{Indicator: atlas.ServicesPer100k, Type: typ, Filters: filters}, code)
	}
	near := func(what string, v indicator.Value, want float64) {
		t.Helper()
		if v.Value == nil || math.Abs(*v.Value-want) > 1e-9 {
			t.Errorf("%s: %+v, want %v", what, v, want)
		}
	}
	// Trafford: 47 services (45 from its directory, 2 NHS hospitals) for
	// 234,987 residents: 47 / 234,987 x 100,000 = 20.0011...; fully
	// covered, since Trafford's directory covers Trafford.
	v := rate("ltla", "E08000009", nil)
	near("Trafford", v, 47.0/234987*100000)
	if v.Numerator != 47 || v.Denominator != 234987 || v.Incomplete {
		t.Errorf("Trafford: %+v", v)
	}
	// Peer support in Trafford: lines 26, 31, 34, 43, 44, 46, 50, 52, 54
	// and 61 of the directory: 10 / 234,987 x 100,000 = 4.2556...
	near("Trafford peer support", rate("ltla", "E08000009", map[string]string{"service_type": "peer-support"}), 10.0/234987*100000)
	// Leeds: no imported directory that records peer support covers it:
	// missing, not zero.
	if v := rate("ltla", "E08000035", map[string]string{"service_type": "peer-support"}); v.Value != nil || !strings.Contains(v.Note, "missing data") {
		t.Errorf("Leeds peer support: %+v", v)
	}
	// Manchester is not covered either, but Trafford's directory lists 4
	// peer support groups there (lines 5, 23, 24, 25): shown as a floor,
	// incomplete. Manchester has 552,037 residents.
	v = rate("ltla", "E08000003", map[string]string{"service_type": "peer-support"})
	near("Manchester peer support", v, 4.0/552037*100000)
	if !v.Incomplete || !strings.Contains(v.Note, "may be higher") {
		t.Errorf("Manchester peer support: %+v", v)
	}
	// Greater Manchester ICB, all services: 72 for 2,867,871 residents, of
	// whom Trafford's 234,987 (8.2%) are covered by its directory.
	v = rate("icb", "E54000057", nil)
	near("GM ICB", v, 72.0/2867871*100000)
	if !v.Incomplete || !strings.Contains(v.Note, "covers only 8.2% of residents here") {
		t.Errorf("GM ICB: %+v", v)
	}
	// England: all 415 services are located, for 56,490,108 residents.
	near("England", rate("england", area.EnglandCode, nil), 415.0/56490108*100000)
	// NHS sector only, in Trafford: St Annes Hospital (GMMH) and Trafford
	// Psychological Therapies (line 38); Priory Hospital Altrincham is
	// independent. Every directory that records NHS services covers it.
	v = serviceValue(t, atlas.Query{Indicator: atlas.ServicesCount, Type: "ltla", Filters: map[string]string{"sector": "nhs"}}, "E08000009")
	if v.Value == nil || *v.Value != 2 || v.Incomplete {
		t.Errorf("Trafford NHS count: %+v", v)
	}
}

func TestServiceIndicatorsMeta(t *testing.T) {
	svc := servicesAtlas()
	m, err := svc.Indicator(context.Background(), atlas.ServicesPer100k)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.AreaTypes) != 7 || m.Periods[0] != "2018-2022" || len(m.Breakdowns) != 3 || m.Breakdowns[0].ID != "service_type" {
		t.Errorf("%+v", m)
	}
	if !strings.Contains(m.Notes[0], "NHS provision only") || !strings.Contains(m.Notes[0], "covering Trafford") {
		t.Errorf("notes: %v", m.Notes)
	}
	_, err = svc.Data(context.Background(), atlas.Query{Indicator: atlas.ServicesPer100k, Type: "icb", Filters: map[string]string{"service_type": "yoga"}})
	if atlas.ErrorCode(err) != atlas.CodeInvalid {
		t.Errorf("unknown service type: %v", err)
	}
}
