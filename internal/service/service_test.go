package service

import (
	"strings"
	"testing"
)

func TestNormalisePostcode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"M33 7ZF", "M33 7ZF", true},
		{"m337zf", "M33 7ZF", true},
		{" sw1a  1aa ", "SW1A 1AA", true},
		{"WA15 9RP", "WA15 9RP", true},
		{"GIR0AA", "GIR 0AA", true},
		// The Trafford directory's malformed postcode: an outward code
		// cannot have three digits.
		{"WA154 1HF", "WA154 1HF", false},
		{"M33", "M33", false},
		{"", "", false},
	} {
		got, ok := NormalisePostcode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func FuzzNormalisePostcode(f *testing.F) {
	for _, s := range []string{"M33 7ZF", "WA154 1HF", "", "gir0aa", "  a  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := NormalisePostcode(s)
		if ok {
			again, ok2 := NormalisePostcode(got)
			if again != got || !ok2 || strings.Count(got, " ") != 1 {
				t.Errorf("%q -> %q -> %q", s, got, again)
			}
		}
	})
}

func TestSlugAndIDs(t *testing.T) {
	if got := Slug("Dance System CIC M33 3JR"); got != "dance-system-cic-m33-3jr" {
		t.Errorf("Slug = %q", got)
	}
	if !ValidID("peer-support") || ValidID("Peer support") || ValidID("") {
		t.Error("ValidID")
	}
	s := Service{Source: "trafford-mh-services", Key: "samaritans-m1-5nh"}
	if s.ID() != "trafford-mh-services:samaritans-m1-5nh" {
		t.Errorf("ID = %q", s.ID())
	}
}

func TestFilterAndSource(t *testing.T) {
	s := Service{Sector: VCSE, Types: []string{"peer-support", "befriending"}, Groups: []string{"women"}}
	for _, c := range []struct {
		f    Filter
		want bool
	}{
		{Filter{}, true},
		{Filter{Type: "befriending"}, true},
		{Filter{Type: "advocacy"}, false},
		{Filter{Sector: "nhs"}, false},
		{Filter{Type: "peer-support", Sector: "vcse", Group: "women"}, true},
		{Filter{Group: "men"}, false},
	} {
		if got := c.f.Matches(s); got != c.want {
			t.Errorf("%+v.Matches = %v", c.f, got)
		}
	}
	// An NHS file records only its own types and sectors, and no groups:
	// it says nothing about peer support, so its coverage does not count
	// for a peer support filter.
	nhs := Source{Types: []string{"nhs-trust-headquarters"}, Sectors: []Sector{NHS}, England: true}
	dir := Source{Groups: true, Coverage: []string{"E08000009"}}
	if nhs.Records(Filter{Type: "peer-support"}) || !nhs.Records(Filter{}) || nhs.Records(Filter{Group: "women"}) ||
		!nhs.Records(Filter{Sector: "nhs"}) || nhs.Records(Filter{Sector: "vcse"}) {
		t.Error("NHS source Records")
	}
	if !dir.Records(Filter{Type: "peer-support", Group: "women"}) || !dir.Covers("E08000009") || dir.Covers("E08000003") || !nhs.Covers("E08000003") {
		t.Error("directory source")
	}
}

func TestTaxonomyCheckFilter(t *testing.T) {
	tax := Taxonomy{Types: []Term{{ID: "peer-support", Name: "Peer support"}}, Groups: []Term{{ID: "women", Name: "Women"}}}
	if err := tax.CheckFilter(Filter{Type: "peer-support", Sector: "vcse", Group: "women"}); err != nil {
		t.Error(err)
	}
	for _, f := range []Filter{{Type: "x"}, {Sector: "charity"}, {Group: "y"}} {
		if err := tax.CheckFilter(f); err == nil || !strings.Contains(err.Error(), "use one of") {
			t.Errorf("%+v: %v", f, err)
		}
	}
	if _, err := ParseSector("local-authority"); err != nil {
		t.Error(err)
	}
	if NHS.Name() != "NHS" || tax.TypeName("peer-support") != "Peer support" || tax.GroupName("nope") != "nope" {
		t.Error("names")
	}
}
