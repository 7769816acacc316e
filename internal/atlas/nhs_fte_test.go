package atlas_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

const nhsDataset = "nhs-hchs-fte-mental-health-trusts"

// nhsFTE returns the stored FTE of one area on one date.
func nhsFTE(t *testing.T, typ area.Type, code, period, role string) float64 {
	t.Helper()
	rs, err := store.WorkforceValues(context.Background(), atlas.WorkforceQuery{Dataset: nhsDataset,
		Periods: []string{period}, Measures: []workforce.Measure{workforce.FTE}, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.AreaType == typ && r.AreaCode == code && r.Sector == workforce.SectorNHS && r.CareNeed == workforce.MentalHealth {
			if r.Value == nil {
				t.Fatalf("%s %s %s: missing", code, period, role)
			}
			return *r.Value
		}
	}
	t.Fatalf("no FTE for %s %s %s %s", typ, code, period, role)
	return 0
}

// The NHS workforce ships in the default dataset. Worked by hand from
// data/workforce/nhs_hchs_fte_by_org_staff_group_2017_2018.csv, lines
// 3345-3354: Birmingham and Solihull Mental Health NHS Foundation Trust
// (RXT) on 2017-09-30 has 342.53 (central functions) + 236.47 (HCHS
// doctors) + 213.25 (hotel, property & estates) + 62.12 (managers) +
// 1,099.31 (nurses & health visitors) + 393.43 (scientific, therapeutic &
// technical) + 72.6 (senior managers) + 200.79 (support to ST&T) + 874.46
// (support to doctors, nurses & midwives) + 59.35 (unknown) = 3,554.31 FTE.
// Its headquarters (-1.91728, 52.48414, services/nhs_trusts_england_2022.csv)
// lie in NHS Birmingham and Solihull ICB (E54000055), where no other mental
// health trust has its headquarters; its region code Y60 is the Midlands
// (E40000011), whose nine mental health trusts sum to 3,051.96 (R1A) +
// 1,249.38 (RLY) + 2,980.99 (RP1) + 1,668.96 (RP7) + 3,251.03 (RRE) +
// 4,480.39 (RT5) + 2,069.32 (RXM) + 3,554.31 (RXT) + 3,338.11 (RYG) =
// 25,644.45 FTE. The 44 trusts sum to 151,526.82 FTE (PROVENANCE.md).
func TestNHSFTEInDefaultDataset(t *testing.T) {
	checks := []struct {
		typ        area.Type
		code, role string
		want       float64
	}{
		{area.ICB, "E54000055", workforce.AllRoles, 3554.31},
		{area.ICB, "E54000055", "nurses-and-health-visitors", 1099.31},
		{area.ICB, "E54000055", "unknown", 59.35},
		{area.NHSRegion, "E40000011", workforce.AllRoles, 25644.45},
		{area.England, area.EnglandCode, workforce.AllRoles, 151526.82},
	}
	for _, c := range checks {
		if got := nhsFTE(t, c.typ, c.code, "2017-09-30", c.role); math.Abs(got-c.want) > 0.005 {
			t.Errorf("%s %s %s = %.2f, want %.2f", c.typ, c.code, c.role, got, c.want)
		}
	}
	// Tavistock and Portman (RNK), Barnet, Enfield and Haringey (RRP) and
	// Central and North West London (RV3) have their headquarters in North
	// Central London ICB (E54000028): 562.83 + 2,706.93 + 5,807.92 =
	// 9,077.68 FTE on 2017-09-30.
	if got := nhsFTE(t, area.ICB, "E54000028", "2017-09-30", workforce.AllRoles); math.Abs(got-9077.68) > 0.005 {
		t.Errorf("North Central London = %.2f, want 9,077.68", got)
	}
	ds, err := store.WorkforceDatasets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.ID == nhsDataset && (len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "approximation")) {
			t.Errorf("NHS dataset notes = %q", d.Notes)
		}
	}
}

// Placement: a dry run reports where each trust went and writes nothing.
func TestNHSFTEPlacement(t *testing.T) {
	ctx := context.Background()
	before, _ := store.DataVersion(ctx)
	res, err := atlas.ImportNHSFTE(ctx, store, data.FS, atlas.DefaultNHSFTEFile, atlas.DefaultNHSTrustsFile, data.FS, atlas.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := store.DataVersion(ctx); after != before {
		t.Errorf("dry run changed the data version")
	}
	if len(res.Placements) != 44 || res.File.MentalHealthRows != 913 || res.File.Rows != 7272 {
		t.Errorf("%d trusts, %d of %d rows", len(res.Placements), res.File.MentalHealthRows, res.File.Rows)
	}
	for _, p := range res.Placements {
		if p.Code == "RXT" && (p.ICB.Code != "E54000055" || p.Region.Code != "E40000011" || p.Metres != 0) {
			t.Errorf("RXT placed in %+v", p)
		}
		// Oxleas (RPG, London) has its headquarters in Dartford, Kent,
		// 0.17474, 51.43479: in Kent and Medway ICB (South East region),
		// a few hundred metres from South East London ICB, where it goes.
		if p.Code == "RPG" && (p.ICB.Code != "E54000030" || p.Metres <= 0 || p.Metres > 1000 || p.Outside != "NHS Kent and Medway Integrated Care Board") {
			t.Errorf("RPG placed in %+v", p)
		}
		// Every trust's ICB lies in the trust's own NHS region, as the
		// ICB lookup says (data/geo/icb24_nhser24_lookup.csv).
		ps, _ := store.Parents(ctx, area.ICB, p.ICB.Code)
		for _, parent := range ps {
			if parent.Type == area.NHSRegion && parent.Code != p.Region.Code {
				t.Errorf("%s: ICB %s is in %s, trust's region is %s", p.Code, p.ICB.Code, parent.Code, p.Region.Code)
			}
		}
	}
}

func TestNHSFTEBadInput(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	body, err := os.ReadFile("../../data/" + atlas.DefaultNHSFTEFile)
	if err != nil {
		t.Fatal(err)
	}
	trusts, err := os.ReadFile("../../data/" + atlas.DefaultNHSTrustsFile)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "trusts.csv"), trusts, 0o644)
	cases := []struct{ name, from, to, want string }{
		{"negative FTE", "Central functions,342.53,", "Central functions,-342.53,", "fte.csv: line 3345, column 7 (fte): -342.53 is negative"},
		{"unknown staff group", "Managers,62.12,", "Porters,62.12,", `fte.csv: line 3348, column 6 (staff_group): staff group "Porters" is not an NHS staff group`},
		{"trust not in list", "2017-09-30,RXT,Birmingham and Solihull Mental Health NHS Foundation Trust,NHS trust,Y,Central functions",
			"2017-09-30,RZZ,Birmingham and Solihull Mental Health NHS Foundation Trust,NHS trust,Y,Central functions", "fte.csv: line 3345, column 2 (org_code): trust RZZ"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(string(body), c.from) {
				t.Fatalf("fixture text %q not found", c.from)
			}
			os.WriteFile(filepath.Join(dir, "fte.csv"), []byte(strings.Replace(string(body), c.from, c.to, 1)), 0o644)
			before, _ := store.DataVersion(ctx)
			_, err := atlas.ImportNHSFTE(ctx, store, os.DirFS(dir), "fte.csv", "trusts.csv", data.FS, atlas.ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v\nwant %q", err, c.want)
			}
			if after, _ := store.DataVersion(ctx); after != before {
				t.Errorf("a failed import changed the data version")
			}
		})
	}
}
