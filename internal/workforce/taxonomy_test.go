package workforce

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
)

func TestPeriods(t *testing.T) {
	for p, want := range map[string]string{"2023/24": "2018/19", "2000/01": "1995/96", "2018-06-30": "2013-06-30"} {
		if got, err := YearsBefore(p, 5); err != nil || got != want {
			t.Errorf("YearsBefore(%s) = %q, %v", p, got, err)
		}
	}
	for _, bad := range []string{"2023/25", "2023-24", "23/24", "2023/4", "June 2023"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	cases := []struct {
		p      string
		year   int
		census bool
	}{{"2020/21", 2020, true}, {"2023/24", 2023, false}, {"2018-06-30", 2018, false}, {"2018-02-01", 2017, false}, {"2017-09-30", 2017, false}}
	for _, c := range cases {
		y, census, err := PopulationYear(c.p)
		if err != nil || y != c.year || census != c.census {
			t.Errorf("PopulationYear(%s) = %d, %v, %v", c.p, y, census, err)
		}
	}
	ps := []string{"2023/24", "2017-09-30", "2016/17", "2018-06-30"}
	SortPeriods(ps)
	if want := []string{"2016/17", "2017-09-30", "2018-06-30", "2023/24"}; !reflect.DeepEqual(ps, want) {
		t.Errorf("sorted %v", ps)
	}
}

func testTaxonomy(t *testing.T) *Taxonomy {
	tax, err := NewTaxonomy([]Role{
		{"care-worker", "Care worker", "Direct care", SocialCare},
		{"registered-nurse", "Registered nurse", "Regulated professions", SocialCare},
		{"nurses-and-health-visitors", "Nurses & health visitors", "Professionally qualified clinical staff", NHS},
	})
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestTaxonomyLookup(t *testing.T) {
	tax := testTaxonomy(t)
	for label, want := range map[string]string{"Care worker": "care-worker", "REGISTERED  NURSE": "registered-nurse",
		"Nurses & health visitors": "nurses-and-health-visitors", "Direct care": "direct-care", "All job roles": "all", "all": "all"} {
		if got, ok := tax.Lookup(label); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v", label, got, ok)
		}
	}
	if _, ok := tax.Lookup("Astronaut"); ok {
		t.Error("unknown role found")
	}
	opts := tax.Options(SocialCare)
	if len(opts) != 5 || opts[0].ID != "all" || opts[1].ID != "direct-care" || opts[2].ID != "care-worker" {
		t.Errorf("options %+v", opts)
	}
}

func TestTaxonomyRefusesAmbiguity(t *testing.T) {
	for name, roles := range map[string][]Role{
		"duplicate id":       {{"a", "A", "G", SocialCare}, {"a", "B", "G", SocialCare}},
		"group is a role id": {{"care", "Care", "Direct care", SocialCare}, {"direct-care", "X", "Other", SocialCare}},
		"mixed workforces":   {{"a", "A", "G", SocialCare}, {"b", "B", "G", NHS}},
		"not a slug":         {{"Care Worker", "Care worker", "G", SocialCare}},
		"unknown workforce":  {{"a", "A", "G", "hospital"}},
	} {
		if _, err := NewTaxonomy(roles); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Check reports every rule a record breaks, with its file, line and field.
func TestCheck(t *testing.T) {
	tax := testTaxonomy(t)
	known := func(t area.Type, c string) bool { return t == area.UTLA && c == "E06000051" }
	rec := func(line int, m Measure, v *float64) Record {
		return Record{AreaType: area.UTLA, AreaCode: "E06000051", Period: "2023/24", CareNeed: Specialist, Sector: AllSectors,
			Role: AllRoles, Measure: m, Value: v, File: "f.csv", Line: line, Columns: map[string]int{"value": 8, "measure": 7}}
	}
	bad := rec(5, FTE, f(1))
	bad.Role = "care-worker"
	unknown := rec(6, FilledPosts, f(1))
	unknown.AreaCode = "E06999999"
	recs := []Record{rec(2, FilledPosts, f(10)), rec(3, FilledPosts, f(11)), rec(4, Leavers, f(-1)), bad, unknown,
		func() Record { r := rec(7, Vacancies, f(1)); r.CareNeed = Generalist; return r }()}
	ps := Check(recs, known, tax)
	want := []struct {
		where, msg string
	}{
		{"f.csv:3:measure:7", "duplicate row"},
		{"f.csv:4:value:8", "-1 is negative"},
		{"f.csv:5:role:0", "FTE figures are by NHS staff group"},
		{"f.csv:6:area_code:0", "unknown area"},
		{"f.csv:7:measure:7", "without filled posts"},
	}
	if len(ps) != len(want) {
		t.Fatalf("%d problems, want %d: %+v", len(ps), len(want), ps)
	}
	for i, p := range ps {
		where := fmt.Sprintf("%s:%d:%s:%d", p.File, p.Line, p.Field, p.Column)
		if where != want[i].where || !strings.Contains(p.Msg, want[i].msg) {
			t.Errorf("problem %d = %s %q, want %s %q", i, where, p.Msg, want[i].where, want[i].msg)
		}
	}
}
