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
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// impGeoStore is a real SQLite file holding only the geography, for imports
// that must not change the shared default store.
func impGeoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "geo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := atlas.ImportGeography(ctx, st, data.FS, "geo", atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return st
}

func impValue(t *testing.T, vs []indicator.Value, code string) *float64 {
	t.Helper()
	for _, v := range vs {
		if v.AreaCode == code {
			return v.Value
		}
	}
	t.Fatalf("no value for %s", code)
	return nil
}

func impEqual(v *float64, want float64) bool { return v != nil && math.Abs(*v-want) < 1e-9 }

// countPublished counts the areas with a published row (a figure or a
// suppressed one) and those the publisher gave nothing for.
func countPublished(vs []indicator.Value) (published, missing int) {
	for _, v := range vs {
		if v.Note == atlas.NoteNotPublished {
			missing++
		} else {
			published++
		}
	}
	return published, missing
}

// The ASCOF file ships in the default dataset. Hand-checked rows of
// data/workforce/ascof_mental_health_1f_1h_by_council_2018_2021.csv:
// 2020-21, 1F: Hartlepool 15, North East 11, England 9; 1H: Hartlepool
// 85, England 58; 1F for Rutland is [c] (missing).
func TestASCOFInDefaultDataset(t *testing.T) {
	ctx := context.Background()
	svc := &atlas.Service{Store: store}
	d, err := svc.Data(ctx, atlas.Query{Indicator: "ascof-1f-mh-paid-work", Type: "utla", Period: "2020/21"})
	if err != nil {
		t.Fatal(err)
	}
	if !impEqual(impValue(t, d.Values, "E06000001"), 15) || d.England == nil || !impEqual(d.England.Value, 9) {
		t.Errorf("1F Hartlepool %v, England %v", impValue(t, d.Values, "E06000001"), d.England)
	}
	if v := impValue(t, d.Values, "E06000017"); v != nil {
		t.Errorf("Rutland 1F = %v, want missing", *v)
	}
	// The file has 151 council rows for 1F in 2020-21; four carry codes of
	// councils reorganised since (Cumbria, Northamptonshire, North Yorkshire,
	// Somerset) and are reported, not placed: 147 of today's 153 remain,
	// and the other 6 are listed as not published, with a note.
	if published, missing := countPublished(d.Values); published != 147 || missing != 6 || len(d.Values) != 153 {
		t.Errorf("%d published, %d not, of %d councils; want 147, 6, 153", published, missing, len(d.Values))
	}
	if !strings.Contains(strings.Join(d.Notes, " "), "6 of 153 upper-tier local authorities have no published figure for 2020/21") {
		t.Errorf("notes = %q", d.Notes)
	}
	if m := d.Meta; m.Polarity != indicator.HighIsGood || m.Aggregation != atlas.NotAggregated ||
		strings.Join(m.Periods, ",") != "2018/19,2019/20,2020/21" || m.HasAreaType(area.ICB) {
		t.Errorf("meta = %+v", m)
	}
	r, err := svc.Data(ctx, atlas.Query{Indicator: "ascof-1f-mh-paid-work", Type: "region", Period: "2020/21"})
	if err != nil || !impEqual(impValue(t, r.Values, "E12000001"), 11) {
		t.Errorf("North East: %v", err)
	}
	h, err := svc.Data(ctx, atlas.Query{Indicator: "ascof-1h-mh-living-independently", Type: "utla", Period: "2020/21"})
	if err != nil || !impEqual(impValue(t, h.Values, "E06000001"), 85) || !impEqual(h.England.Value, 58) {
		t.Errorf("1H: %v", err)
	}
	// Published rates are not built up for ICBs: the service says so.
	if _, err := svc.Data(ctx, atlas.Query{Indicator: "ascof-1f-mh-paid-work", Type: "icb"}); err == nil ||
		!strings.Contains(atlas.ErrorMessage(err), "has no data for Integrated care boards") {
		t.Errorf("ICB: %v", err)
	}
}

// The LG Inform excerpt is real (see internal/source/testdata/README.md):
// England's 2023/24 ASC staff turnover is 24.8%, Barking and Dagenham's
// 8.5%; Barnsley's 2024 code is not in the atlas's geography.
func TestImportLGInform(t *testing.T) {
	ctx := context.Background()
	st := impGeoStore(t)
	dir := os.DirFS("../source/testdata")
	const file = "lginform_turnover_excerpt.csv"
	before, _ := st.DataVersion(ctx)
	if _, err := atlas.ImportLGInform(ctx, st, dir, file, atlas.ImportOptions{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("dry run changed the data version %d -> %d", before, after)
	}
	for i := 0; i < 2; i++ { // importing again replaces, never adds
		res, err := atlas.ImportLGInform(ctx, st, dir, file, atlas.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Dataset.ID != "lginform-turnover-excerpt" || len(res.Indicators) != 5 || res.Values != 40 {
			t.Errorf("import %d: %s, %d indicators, %d values", i, res.Dataset.ID, len(res.Indicators), res.Values)
		}
	}
	svc := &atlas.Service{Store: st}
	d, err := svc.Data(ctx, atlas.Query{Indicator: "lginform-19266", Type: "utla"})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := countPublished(d.Values); n != 7 || !impEqual(impValue(t, d.Values, "E09000002"), 8.5) || !impEqual(d.England.Value, 24.8) || d.Period != "2023/24" {
		t.Errorf("%d values, England %v", n, d.England)
	}
	if !strings.Contains(strings.Join(d.Meta.Notes, " "), "no counts to weight it") {
		t.Errorf("notes = %q", d.Meta.Notes)
	}
	// A broken file changes nothing.
	bad := "lginform_bad.csv"
	body, _ := os.ReadFile("../source/testdata/" + file)
	tmp := t.TempDir()
	os.WriteFile(filepath.Join(tmp, bad), []byte(strings.Replace(string(body), `"8.5"`, `"8,5%"`, 1)), 0o644)
	before, _ = st.DataVersion(ctx)
	_, err = atlas.ImportLGInform(ctx, st, os.DirFS(tmp), bad, atlas.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `lginform_bad.csv: line 10, column 4`) {
		t.Errorf("bad file: %v", err)
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("a failed import changed the data version")
	}
}

// Made-up Fingertips figures (internal/source/testdata/fingertips_madeup.csv):
// Shropshire 2019/20 is 200 / 50,000 x 100,000 = 400 per 100,000.
func TestImportFingertips(t *testing.T) {
	ctx := context.Background()
	st := impGeoStore(t)
	res, err := atlas.ImportFingertips(ctx, st, os.DirFS("../source/testdata"), "fingertips_madeup.csv", atlas.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Indicators) != 3 {
		t.Fatalf("%d indicators", len(res.Indicators))
	}
	svc := &atlas.Service{Store: st}
	d, err := svc.Data(ctx, atlas.Query{Indicator: "fingertips-90813-persons-10-24-yrs", Type: "utla", Period: "2019/20"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range d.Values {
		if v.AreaCode == "E06000051" && (!impEqual(v.Value, 400) || v.Numerator != 200 || v.Denominator != 50000) {
			t.Errorf("Shropshire = %+v", v)
		}
	}
	if d.Meta.ValueType != indicator.RatePer100k || !strings.Contains(strings.Join(d.Meta.Notes, " "), "counts too") {
		t.Errorf("meta = %+v", d.Meta)
	}
}
