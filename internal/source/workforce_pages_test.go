package source

import (
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

var pagesAreas = NewWorkforceAreas([]area.Area{{Type: area.England, Code: "E92000001", Name: "England"},
	{Type: area.ICB, Code: "E54000011", Name: "ICB"}, {Type: area.ICB, Code: "E54000030", Name: "ICB 2"}})

// The converter on the real mental health file (data/workforce): every
// measure must be mapped or skipped, periods renamed, and a vacancy count
// without filled posts reported, not loaded.
func TestReadFromPagesRealFile(t *testing.T) {
	f, err := os.Open("../../data/workforce/asc_mental_health_workforce_from_pages.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pm := func(ds string, m workforce.Measure) PageMeasure {
		return PageMeasure{Dataset: ds, CareNeed: workforce.MentalHealth, Sector: workforce.AllSectors, Role: workforce.AllRoles, Measure: m}
	}
	spec := PagesSpec{Measures: map[string]PageMeasure{
		"mh_filled_posts_all":               pm("a", workforce.FilledPosts),
		"mh_vacancies_all":                  pm("a", workforce.Vacancies),
		"mh_population_per_specialist_role": pm("a", workforce.PeoplePerSpecialistPub),
	}, Skip: map[string]string{}, Periods: map[string]string{"as published 2023-05-24": "2021/22"}}
	_, _, err = ReadFromPages(f, "mh.csv", spec, pagesAreas)
	if err == nil || !strings.Contains(err.Error(), `measure "mh_jobs_employers_serving_mental_health_all" is neither mapped nor skipped`) {
		t.Fatalf("an unmapped measure: %v", err)
	}
	f.Seek(0, 0)
	for _, m := range []string{"mh_jobs_employers_serving_mental_health_all", "mh_jobs_local_authority", "mh_jobs_direct_payment_recipients",
		"mh_jobs_independent_sector", "mh_jobs_domiciliary", "mh_jobs_residential", "mh_jobs_community", "mh_jobs_day_care",
		"mh_filled_posts_specialist", "mh_filled_posts_change_5yr_all", "mh_filled_posts_change_5yr_specialist", "mh_pct_zero_hours_all",
		"mh_pct_zero_hours_specialist", "mh_pct_permanent_all", "mh_employees_all", "mh_staff_turnover_rate",
		"mh_vacancy_rate_across_42_icbs", "mh_vacancies_specialist"} {
		spec.Skip[m] = "not in this test"
	}
	byDS, rep, err := ReadFromPages(f, "mh.csv", spec, pagesAreas)
	if err != nil {
		t.Fatal(err)
	}
	// Line 10: over 536,000 filled posts (AMHP, published 24 May 2023);
	// lines 17-18: 1 specialist role per 20,000 and per 667 people; line 20:
	// 13,500 vacancies in 2023/24, with no filled posts for that year.
	recs := byDS["a"]
	if len(recs) != 3 || rep.Loaded != 3 || rep.Rows != 22 {
		t.Fatalf("%d records, report %+v", len(recs), rep)
	}
	if r := recs[0]; r.Line != 10 || r.Period != "2021/22" || *r.Value != 536000 || r.AreaType != area.England ||
		r.Ref != "https://amhp.org.uk/national-picture-mental-health-socialcare-workforce-launched-pr/" {
		t.Errorf("first record %+v", r)
	}
	if r := recs[1]; r.AreaType != area.ICB || r.AreaCode != "E54000011" || *r.Value != 20000 {
		t.Errorf("ICB record %+v", r)
	}
	notLoaded := strings.Join(rep.NotLoaded, "\n")
	if !strings.Contains(notLoaded, "line 20: vacancies 13500 for E92000001 2023/24 not loaded") || len(rep.NotLoaded) != 19 {
		t.Errorf("not loaded (%d):\n%s", len(rep.NotLoaded), notLoaded)
	}
}

// Mid-year estimates: a made-up excerpt in the staged layout.
func TestReadPopulationEstimates(t *testing.T) {
	in := "area_code,area_name,year,reference_date,population\n" +
		"E06000051,Shropshire,2023,2023-06-30,329260\nW06000001,Isle of Anglesey,2023,2023-06-30,69000\n" +
		"E06000051,Shropshire,2022,2022-06-30,326000\n"
	isLTLA := func(c string) bool { return c == "E06000051" }
	es, rep, err := ReadPopulationEstimates(strings.NewReader(in), "mye.csv", isLTLA, NoProgress)
	if err != nil || len(es) != 2 || rep.Skipped != 1 || len(rep.Years) != 2 || rep.Years[0] != 2022 || es[0].Population != 329260 {
		t.Fatalf("%+v %+v %v", es, rep, err)
	}
	for name, c := range map[string]struct{ in, want string }{
		"unknown":   {"area_code,year,population\nE06999999,2023,1\n", `line 2, column 1 (area_code): unknown area code "E06999999"`},
		"duplicate": {"area_code,year,population\nE06000051,2023,1\nE06000051,2023,2\n", "line 3, column 2 (year): duplicate row"},
		"date":      {"area_code,year,reference_date,population\nE06000051,2023,2023-03-31,1\n", "a mid-year estimate is for 30 June"},
		"negative":  {"area_code,year,population\nE06000051,2023,-4\n", "-4 is negative"},
	} {
		if _, _, err := ReadPopulationEstimates(strings.NewReader(c.in), "mye.csv", isLTLA, NoProgress); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

func TestReadRoles(t *testing.T) {
	tax := wfTestTaxonomy(t)
	if len(tax.Roles) < 20 {
		t.Fatalf("%d roles", len(tax.Roles))
	}
	// Every NHS Digital staff group of the NHS workforce file maps to a role.
	for _, g := range []string{"Ambulance staff", "Central functions", "HCHS doctors", "Hotel, property & estates", "Managers", "Midwives",
		"Nurses & health visitors", "Scientific, therapeutic & technical staff", "Senior managers", "Support to ST&T staff",
		"Support to ambulance staff", "Support to doctors, nurses & midwives", "Unknown"} {
		if id, ok := tax.Lookup(g); !ok || id == workforce.AllRoles {
			t.Errorf("staff group %q has no role", g)
		}
	}
	_, err := ReadRoles(strings.NewReader("id,name,group\ncare-worker,Care worker,Direct care\ncare-worker,Carer,Direct care\n"), "r.csv")
	if err == nil || !strings.Contains(err.Error(), `line 3, column 1 (id): "care-worker" is already used on line 2`) {
		t.Errorf("duplicate: %v", err)
	}
}
