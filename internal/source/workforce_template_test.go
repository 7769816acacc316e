package source

import (
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

func wfTestAreas() *WorkforceAreas {
	return NewWorkforceAreas([]area.Area{
		{Type: area.UTLA, Code: "E06000051", Name: "Shropshire"}, {Type: area.LTLA, Code: "E06000051", Name: "Shropshire"},
		{Type: area.LTLA, Code: "E07000089", Name: "Hart"}, {Type: area.ICB, Code: "E54000011", Name: "NHS Shropshire, Telford and Wrekin Integrated Care Board"},
		{Type: area.LTLA, Code: "E07000001", Name: "Newtown"}, {Type: area.LTLA, Code: "E07000002", Name: "Newtown"},
	})
}

func wfTestTaxonomy(t testing.TB) *workforce.Taxonomy {
	f, err := os.Open("../../data/workforce/roles.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tax, err := ReadRoles(f, "roles.csv")
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// Made-up figures in the template: a code, a name, a role by name, a
// suppressed value, a number with a thousands separator, and defaults.
func TestReadWorkforceTemplate(t *testing.T) {
	in := "area_name,area_code,period,care_need,measure,value,role,source,notes\n" +
		"Shropshire,E06000051,2023/24,specialist,filled_posts,\"1,200\",Registered Nurse,made up,x\n" +
		"Hart,,2023/24,generalist,vacancies,*,,made up,\n" +
		",E54000011,2023/24,mental-health,turnover_rate,27.5,Direct care,made up,\n"
	recs, rep, err := ReadWorkforceTemplate(strings.NewReader(in), "t.csv", wfTestAreas(), wfTestTaxonomy(t), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || rep.Rows != 3 || rep.Suppressed != 1 || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], `"notes"`) {
		t.Fatalf("%d records, report %+v", len(recs), rep)
	}
	r := recs[0]
	if r.AreaType != area.UTLA || r.AreaCode != "E06000051" || *r.Value != 1200 || r.Role != "registered-nurse" ||
		r.Sector != workforce.AllSectors || r.Line != 2 || r.Ref != "made up" || r.Columns["value"] != 6 {
		t.Errorf("row 2: %+v", r)
	}
	if r := recs[1]; r.AreaType != area.LTLA || r.AreaCode != "E07000089" || r.Value != nil || r.Role != workforce.AllRoles {
		t.Errorf("row 3: %+v", r)
	}
	if r := recs[2]; r.AreaType != area.ICB || r.Role != "direct-care" || r.Measure != workforce.TurnoverRatePublished {
		t.Errorf("row 4: %+v", r)
	}
}

func TestReadWorkforceTemplateErrors(t *testing.T) {
	head := "area_code,area_name,period,care_need,sector,role,measure,value,source\n"
	for name, c := range map[string]struct{ in, want string }{
		"missing column": {"area_code,period,care_need,measure\n", `line 1: missing column "value"`},
		"ambiguous name": {head + ",Newtown,2023/24,specialist,all,all,filled_posts,1,x\n", `line 2, column 2 (area_name): "Newtown" names 2 areas`},
		"percent sign":   {head + "E06000051,,2023/24,specialist,all,all,vacancy_rate,8%,x\n", "line 2, column 8 (value)"},
		"not a number":   {head + "E06000051,,2023/24,specialist,all,all,filled_posts,lots,x\n", `"lots" is not a number`},
		"bad care need":  {head + "E06000051,,2023/24,everyone,all,all,filled_posts,1,x\n", "column 4 (care_need)"},
		"bad sector":     {head + "E06000051,,2023/24,specialist,charity,all,filled_posts,1,x\n", "column 5 (sector)"},
		"empty":          {head, "no figures found"},
	} {
		_, _, err := ReadWorkforceTemplate(strings.NewReader(c.in), "t.csv", wfTestAreas(), wfTestTaxonomy(t), NoProgress)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// FuzzReadWorkforceTemplate: any input gives records or an error, never a
// panic, and every record has a known area and a parsed measure.
func FuzzReadWorkforceTemplate(f *testing.F) {
	f.Add("area_code,period,care_need,measure,value\nE06000051,2023/24,specialist,filled_posts,3\n")
	f.Add("area_code,period,care_need,measure,value\nShropshire,2023/24,generalist,vacancies,*\n")
	f.Add("area_code,period,care_need,measure,value\n\"E06\n000051\",2023/24,x,y,\"\n")
	areas, tax := wfTestAreas(), wfTestTaxonomy(f)
	f.Fuzz(func(t *testing.T, in string) {
		recs, _, err := ReadWorkforceTemplate(strings.NewReader(in), "fuzz.csv", areas, tax, NoProgress)
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.AreaCode == "" || r.Measure == "" || r.Period == "" {
				t.Fatalf("incomplete record %+v", r)
			}
		}
	})
}
