package atlas_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
)

// servicesIn lists the services of one dataset placed in an area.
func servicesIn(t *testing.T, st atlas.ServiceStore, dataset string, typ area.Type, code string) []service.Service {
	t.Helper()
	ss, err := st.Services(context.Background(), atlas.ServiceQuery{AreaType: typ, AreaCode: code})
	if err != nil {
		t.Fatal(err)
	}
	var out []service.Service
	for _, s := range ss {
		if dataset == "" || s.Source == dataset {
			out = append(out, s)
		}
	}
	return out
}

// Hand-counted from data/services/trafford_mental_health_services_2018.csv
// with each row's coordinates (lines 2-61, 60 services):
//   - Manchester (E08000003): lines 2-9 (city centre, Hulme, Moss Side,
//     Whalley Range: 8), 23-25 (Hulme and Chorlton: 3), 57 (Wythenshawe
//     Hospital), 58 (M22) and 60 (Oxford Street): 14.
//   - Stockport (E08000007): line 59, Heald Green: 1.
//   - Trafford (E08000009): the other 45, lines 10-22 (13), 26-56 (31)
//     and 61. Lines 10 and 11 say "Manchester" in their address but 346
//     Chester Road is in Trafford.
//
// All 60 are in NHS Greater Manchester ICB (E54000057), whose ten
// authorities include all three. The NHS files add 12 there: the Pennine
// Care (Tameside) and GMMH (Bury) headquarters, and 10 hospitals (lines
// 133, 136, 674, 834, 862, 906, 908, 920, 1079 and 1152 of
// nhs_website_hospitals_2018.csv), two of them in Trafford (Priory
// Hospital Altrincham, line 133, and St Annes Hospital, line 908).
func TestTraffordHandCounted(t *testing.T) {
	for _, c := range []struct {
		dataset string
		typ     area.Type
		code    string
		want    int
	}{
		{atlas.TraffordDatasetID, area.LTLA, "E08000009", 45},
		{atlas.TraffordDatasetID, area.LTLA, "E08000003", 14},
		{atlas.TraffordDatasetID, area.LTLA, "E08000007", 1},
		{atlas.TraffordDatasetID, area.ICB, "E54000057", 60},
		{atlas.TraffordDatasetID, area.SubICB, "E38000187", 45}, // Trafford's sub-ICB location
		{"", area.LTLA, "E08000009", 47},
		{"", area.ICB, "E54000057", 72},
		{"", area.England, area.EnglandCode, 415}, // 60 + 44 trusts + 311 hospitals, all located
	} {
		if got := len(servicesIn(t, store, c.dataset, c.typ, c.code)); got != c.want {
			t.Errorf("%q in %s %s: %d services, want %d", c.dataset, c.typ, c.code, got, c.want)
		}
	}
	// The malformed postcode (line 50, column 4) is kept as written, noted,
	// and not used: the service is placed by its coordinates, in Trafford.
	for _, s := range servicesIn(t, store, atlas.TraffordDatasetID, area.LTLA, "E08000009") {
		if s.Line == 50 && (s.Postcode != "WA154 1HF" || len(s.Notes) != 1 || s.Placement.Method != service.ByCoordinates) {
			t.Errorf("line 50: %+v", s)
		}
	}
}

// importOnto is a fresh store holding just the geography and the service
// taxonomy, for tests that change services.
func importOnto(t *testing.T) (*atlas.ServiceImporter, context.Context) {
	t.Helper()
	ctx := context.Background()
	st := svcOpenStore(t)
	if _, err := atlas.ImportGeography(ctx, st, data.FS, "geo", atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	im := &atlas.ServiceImporter{Store: st, Services: st, Boundaries: data.FS}
	if _, err := im.ImportTaxonomy(ctx, data.FS, atlas.DefaultServiceTypes, atlas.DefaultPopulationGroups); err != nil {
		t.Fatal(err)
	}
	return im, ctx
}

func TestReimportUpdatesInPlace(t *testing.T) {
	im, ctx := importOnto(t)
	res, err := im.ImportTrafford(ctx, data.FS, atlas.DefaultTrafford, atlas.DefaultTraffordClasses)
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Changes[0]; c.Added != 60 || res.Located[service.ByCoordinates] != 60 {
		t.Errorf("first import: %+v, %v", c, res.Located)
	}
	before := servicesIn(t, im.Services, "", "", "")
	res, err = im.ImportTrafford(ctx, data.FS, atlas.DefaultTrafford, atlas.DefaultTraffordClasses)
	if err != nil {
		t.Fatal(err)
	}
	after := servicesIn(t, im.Services, "", "", "")
	if c := res.Changes[0]; c.Unchanged != 60 || c.Added+c.Updated+c.Removed != 0 || len(after) != 60 {
		t.Errorf("re-import: %+v, %d services", c, len(after))
	}
	for i := range before {
		if before[i].ID() != after[i].ID() {
			t.Errorf("id changed: %s -> %s", before[i].ID(), after[i].ID())
		}
	}
	// Next year's file: Target Cafe (line 61) has a new description and
	// Samaritans (line 60) is gone from the directory and classification.
	dir, _ := fs.ReadFile(data.FS, atlas.DefaultTrafford)
	cls, _ := fs.ReadFile(data.FS, atlas.DefaultTraffordClasses)
	drop := func(b []byte, prefix string) string {
		var out []string
		for _, l := range strings.SplitAfter(string(b), "\n") {
			if !strings.HasPrefix(l, prefix) {
				out = append(out, l)
			}
		}
		return strings.Join(out, "")
	}
	next := svcFiles{"dir.csv": strings.Replace(drop(dir, "Samaritans,"), "The cafe meets every other Saturday", "The cafe meets every Saturday", 1),
		"class.csv": drop(cls, "Samaritans,")}
	if res, err = im.ImportTrafford(ctx, next, "dir.csv", "class.csv"); err != nil {
		t.Fatal(err)
	}
	if c := res.Changes[0]; c.Unchanged != 58 || c.Updated != 1 || c.Removed != 1 || c.Added != 0 {
		t.Errorf("next year: %+v", c)
	}
	if n := len(servicesIn(t, im.Services, "", "", "")); n != 59 {
		t.Errorf("%d services after next year's import", n)
	}
}

func TestTemplateImportDryRunThenReal(t *testing.T) {
	im, ctx := importOnto(t)
	file := "../source/testdata/services_madeup.csv" // made-up services
	v0, _ := im.Store.DataVersion(ctx)
	im.Options.DryRun = true
	res, err := im.ImportTemplate(ctx, svcOSDir{}, file)
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := im.Store.DataVersion(ctx)
	if res.Services != 3 || len(res.Changes) != 0 || v1 != v0 || len(servicesIn(t, im.Services, "", "", "")) != 0 {
		t.Errorf("dry run wrote: %+v, version %d -> %d", res, v0, v1)
	}
	im.Options.DryRun = false
	if res, err = im.ImportTemplate(ctx, svcOSDir{}, file); err != nil {
		t.Fatal(err)
	}
	// A1 stands in Trafford, A3 in Leeds (outside the directory's stated
	// coverage: noted, and counted there); A2 has no coordinates and no
	// postcode table has been imported.
	if res.Located[service.ByCoordinates] != 2 || res.Located[service.NotLocated] != 1 ||
		!strings.Contains(res.NotLocated[0], "line 3: Made-up advocacy service: no coordinates; no postcode table has been imported") ||
		!strings.Contains(strings.Join(res.Notes, " "), "1 service stands outside Trafford, the area the directory covers: 1 in Leeds") {
		t.Errorf("%+v", res)
	}
	// A postcode table places A2 at M33 6WT, in Trafford, in the same
	// transaction as the table is stored.
	pr, err := im.ImportPostcodes(ctx, svcOSDir{}, "../source/testdata/postcodes_madeup.csv")
	if err != nil {
		t.Fatal(err)
	}
	if pr.Waiting != 1 || pr.Placed != 1 || pr.Report.Stored != 2 {
		t.Errorf("postcodes: %+v", pr)
	}
	got := servicesIn(t, im.Services, "directory-made-up-alliance", area.LTLA, "E08000009")
	if len(got) != 2 || got[0].Key != "a2" || got[0].Placement.Method != service.ByPostcode || got[0].Placement.Point.Lat != 53.426219 {
		t.Errorf("after postcodes: %+v", got)
	}
}

func TestBadServiceImportsChangeNothing(t *testing.T) {
	im, ctx := importOnto(t)
	if _, err := im.ImportTrafford(ctx, data.FS, atlas.DefaultTrafford, atlas.DefaultTraffordClasses); err != nil {
		t.Fatal(err)
	}
	v0, _ := im.Store.DataVersion(ctx)
	bad := svcFiles{"bad.csv": "directory,id,name,provider,sector,types\nD,1,Name,Provider,vcse,yoga\n",
		"types.csv": "type_id,name\nhealth-wellbeing,Health and wellbeing\n"}
	_, err := im.ImportTemplate(ctx, bad, "bad.csv")
	if err == nil || !strings.Contains(err.Error(), `bad.csv: line 2, column 6 (types): unknown service type "yoga"`) {
		t.Errorf("bad template: %v", err)
	}
	// Dropping types the Trafford services use is refused.
	_, err = im.ImportTaxonomy(ctx, bad, "types.csv")
	if err == nil || !strings.Contains(err.Error(), `types.csv leaves out "advocacy" (1 services)`) {
		t.Errorf("taxonomy: %v", err)
	}
	if v1, _ := im.Store.DataVersion(ctx); v1 != v0 || len(servicesIn(t, im.Services, "", "", "")) != 60 {
		t.Errorf("data changed: version %d -> %d", v0, v1)
	}
}
