package atlas_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// handWorked opens a real SQLite file with the geography, the role
// taxonomy, the mid-year estimates and the made-up hand-worked template
// (testdata/workforce_handworked.csv), and nothing else, so that the
// hand-worked dataset answers every query.
func handWorked(t *testing.T) (*sqlite.Store, *atlas.Service) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "workforce.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opt := atlas.ImportOptions{}
	if _, err := atlas.ImportGeography(ctx, st, data.FS, "geo", opt); err != nil {
		t.Fatal(err)
	}
	if _, err := atlas.ImportRoles(ctx, st, data.FS, atlas.DefaultRolesFile, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := atlas.ImportPopulationEstimates(ctx, st, data.FS, atlas.DefaultPopulationFile, opt); err != nil {
		t.Fatal(err)
	}
	ds := atlas.Dataset{ID: "hand-worked", Name: "Made-up hand-worked test figures", Publisher: "mhatlas tests"}
	if _, _, err := atlas.ImportWorkforceTemplate(ctx, st, os.DirFS("testdata"), "workforce_handworked.csv", ds, opt); err != nil {
		t.Fatal(err)
	}
	return st, &atlas.Service{Store: st, Providers: []atlas.Provider{&atlas.WorkforceProvider{Store: st, WF: st}}}
}

// TestWorkforceHandWorked checks the aggregation rules against values
// worked out by hand from the made-up template (working in each case).
func TestWorkforceHandWorked(t *testing.T) {
	st, svc := handWorked(t)
	for _, c := range []struct {
		name string
		fn   func(*testing.T, *atlas.Service)
	}{
		{"ICB of whole authorities", handICBOfWholeAuthorities},
		{"split county", handSplitCounty},
		{"five-year change", handFiveYearChange},
		{"per population", handPerPopulation},
		{"England and dataset", handEnglandAndDataset},
		{"no data says why", handNoDataSaysWhy},
		{"care needs", handCareNeeds},
	} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, svc) })
	}
	t.Run("bad input changes nothing", func(t *testing.T) { badInput(t, st) })
}

// wfValue returns one area's value of a workforce query.
func wfValue(t *testing.T, svc *atlas.Service, q atlas.Query, code string) indicator.Value {
	t.Helper()
	d, err := svc.Data(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if code == "E92000001" && d.England != nil {
		return *d.England
	}
	for _, v := range d.Values {
		if v.AreaCode == code {
			return v
		}
	}
	t.Fatalf("%+v: no value for %s", q, code)
	return indicator.Value{}
}

func wfNear(t *testing.T, what string, v indicator.Value, want float64) {
	t.Helper()
	if v.Value == nil || math.Abs(*v.Value-want) > 1e-6*math.Max(1, math.Abs(want)) {
		got := "nil"
		if v.Value != nil {
			got = strconv.FormatFloat(*v.Value, 'f', -1, 64)
		}
		t.Errorf("%s = %s, want %v (note %q)", what, got, want, v.Note)
	}
}

// NHS Shropshire, Telford and Wrekin ICB (E54000011) is exactly Shropshire
// and Telford and Wrekin. From the made-up file, 2023/24, mental health =
// specialist + generalist per authority (Portsmouth gives its own
// mental-health rows):
//
//	Shropshire: filled 120 + 880 = 1,000; vacancies 12 + 88 = 100
//	Telford:    filled  60 + 540 =   600; vacancies  6 + 54 =  60
//	ICB: filled 1,600, vacancies 160, vacancy rate 160 / (1,600 + 160) = 9.0909...%
//	specialist posts 120 + 60 = 180
func handICBOfWholeAuthorities(t *testing.T, svc *atlas.Service) {
	q := atlas.Query{Indicator: "wf-filled-posts", Type: "icb", Period: "2023/24"}
	v := wfValue(t, svc, q, "E54000011")
	wfNear(t, "filled posts", v, 1600)
	if v.Incomplete {
		t.Errorf("whole authorities: incomplete %q", v.Note)
	}
	q.Indicator = "wf-specialist-posts"
	wfNear(t, "specialist posts", wfValue(t, svc, q, "E54000011"), 180)
	q.Indicator = "wf-vacancy-rate"
	v = wfValue(t, svc, q, "E54000011")
	wfNear(t, "vacancy rate", v, 100*160.0/1760)
	if v.Numerator != 160 || v.Denominator != 1760 {
		t.Errorf("counts %v / %v, want 160 / 1760", v.Numerator, v.Denominator)
	}
}

// Hampshire (E10000014) is split: 1,226,621 of its 1,400,870 Census 2021
// residents live in the Hampshire and Isle of Wight ICB (E54000042), the
// other 174,249 in Frimley ICB (E54000034). Share s = 1,226,621 /
// 1,400,870 = 0.875613725...
//
//	HIOW filled posts = 3,000 s + 500 (Portsmouth) + 600 (Southampton) + 400 (Isle of Wight)
//	                  = 2,626.8412 + 1,500 = 4,126.8412
//	HIOW vacancies    = 300 s + 50 + 50 + 40 = 262.6841 + 140 = 402.6841
//	HIOW vacancy rate = 402.6841 / (4,126.8412 + 402.6841) = 8.8902% (from the apportioned
//	                    counts; the mean of the four authorities' rates would be 9.09%)
//	Frimley filled    = 3,000 × 174,249 / 1,400,870 = 373.1588, incomplete: Surrey,
//	                    Bracknell Forest, Slough and Windsor and Maidenhead have no figures.
func handSplitCounty(t *testing.T, svc *atlas.Service) {
	s := 1226621.0 / 1400870
	q := atlas.Query{Indicator: "wf-filled-posts", Type: "icb", Period: "2023/24"}
	v := wfValue(t, svc, q, "E54000042")
	wfNear(t, "HIOW filled posts", v, 3000*s+1500)
	if v.Incomplete {
		t.Errorf("HIOW has all its parts: %q", v.Note)
	}
	f := wfValue(t, svc, q, "E54000034")
	wfNear(t, "Frimley filled posts", f, 3000*(1-s))
	if !f.Incomplete || !strings.Contains(f.Note, "1 of 5") {
		t.Errorf("Frimley: incomplete %v, note %q", f.Incomplete, f.Note)
	}
	q.Indicator = "wf-vacancy-rate"
	wfNear(t, "HIOW vacancy rate", wfValue(t, svc, q, "E54000042"), 100*(300*s+140)/(3300*s+1640))
	wfNear(t, "HIOW vacancy rate, by hand", wfValue(t, svc, q, "E54000042"), 8.890205739)
}

// Five-year change, NHS Shropshire, Telford and Wrekin ICB:
//
//	2018/19: mental health (150 + 800) + (70 + 500) = 1,520; specialist 150 + 70 = 220
//	2023/24: 1,600 and 180 (above)
//	change: +80 (+5.3%); specialist -40 (-18.2%)
//
// Hampshire and Isle of Wight, specialist: 2018/19 has only Hampshire (280),
// so the change is built from an incomplete earlier year and says so.
func handFiveYearChange(t *testing.T, svc *atlas.Service) {
	q := atlas.Query{Indicator: "wf-filled-posts-change-5y", Type: "icb", Period: "2023/24"}
	v := wfValue(t, svc, q, "E54000011")
	wfNear(t, "change", v, 80)
	if v.Numerator != 1600 || v.Denominator != 1520 || !strings.Contains(v.Note, "+5.3%") || !strings.Contains(v.Note, "2018/19") {
		t.Errorf("change %+v", v)
	}
	q.Indicator = "wf-specialist-posts-change-5y"
	wfNear(t, "specialist change", wfValue(t, svc, q, "E54000011"), -40)
	h := wfValue(t, svc, q, "E54000042")
	if !h.Incomplete {
		t.Errorf("HIOW specialist change should be incomplete: %+v", h)
	}
	// Mental health in 2018/19 needs Hampshire's generalist posts, which
	// are suppressed: the earlier year has no figure at all.
	q.Indicator = "wf-filled-posts-change-5y"
	if h := wfValue(t, svc, q, "E54000042"); h.Value != nil {
		t.Errorf("HIOW change without a 2018/19 figure = %v", *h.Value)
	}
}

// People per specialist and specialists per 100,000, NHS Shropshire,
// Telford and Wrekin ICB, 2023/24, against the ONS mid-2023 estimates
// (data/census2021/mid_year_estimates): Shropshire 329,260 + Telford and
// Wrekin 191,915 = 521,175 people.
//
//	people per specialist = 521,175 / 180 = 2,895.4167 ("1 specialist role per 2,895 people")
//	specialists per 100,000 = 100,000 × 180 / 521,175 = 34.5373
//	filled posts per 100,000 = 100,000 × 1,600 / 521,175 = 306.9986
func handPerPopulation(t *testing.T, svc *atlas.Service) {
	q := atlas.Query{Indicator: "wf-people-per-specialist", Type: "icb", Period: "2023/24"}
	v := wfValue(t, svc, q, "E54000011")
	wfNear(t, "people per specialist", v, 521175.0/180)
	if v.Numerator != 521175 || v.Denominator != 180 {
		t.Errorf("population %v, specialists %v", v.Numerator, v.Denominator)
	}
	q.Indicator = "wf-specialist-per-100k"
	wfNear(t, "specialists per 100k", wfValue(t, svc, q, "E54000011"), 34.53734350)
	q.Indicator = "wf-posts-per-100k"
	wfNear(t, "posts per 100k", wfValue(t, svc, q, "E54000011"), 306.99860891)
}

// England is built from the six authorities in the file: 1,000 + 600 +
// 3,000 + 500 + 600 + 400 = 6,100 mental health filled posts, incomplete
// (6 of 153 upper-tier authorities). The answer names its dataset and the
// defaults it applied.
func handEnglandAndDataset(t *testing.T, svc *atlas.Service) {
	d, err := svc.Data(context.Background(), atlas.Query{Indicator: "wf-filled-posts", Type: "utla"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Period != "2023/24" || d.Dataset == nil || d.Dataset.ID != "hand-worked" {
		t.Fatalf("period %q, dataset %+v", d.Period, d.Dataset)
	}
	if d.Filters["care_need"] != "mental-health" || d.Filters["sector"] != "all" || d.Filters["role"] != "all" {
		t.Errorf("filters %v", d.Filters)
	}
	wfNear(t, "England", *d.England, 6100)
	if !d.England.Incomplete || !strings.Contains(d.England.Note, "6 of 153") {
		t.Errorf("England %+v", *d.England)
	}
	if len(d.Values) != 153 {
		t.Errorf("%d upper-tier values, want all 153 (missing ones null)", len(d.Values))
	}
	_, err = svc.Data(context.Background(), atlas.Query{Indicator: "wf-filled-posts", Type: "icb", Source: "no-such-dataset"})
	if atlas.ErrorCode(err) != atlas.CodeInvalid || !strings.Contains(err.Error(), "hand-worked") {
		t.Errorf("unknown source: %v", err)
	}
}

// Asking for a choice no dataset has gives no values and a note saying
// which import would fill it, never an error or a silent empty map.
func handNoDataSaysWhy(t *testing.T, svc *atlas.Service) {
	d, err := svc.Data(context.Background(), atlas.Query{Indicator: "wf-turnover-rate", Type: "icb"})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range d.Values {
		if v.Value != nil {
			t.Fatalf("%s has a turnover rate without leavers", v.AreaCode)
		}
	}
	if !strings.Contains(strings.Join(d.Notes, " "), "mhatlas import") {
		t.Errorf("notes %q", d.Notes)
	}
}

// The care-need rule: mental health is specialist plus generalist where an
// area has no mental-health row, and the two parts answer on their own.
func handCareNeeds(t *testing.T, svc *atlas.Service) {
	q := atlas.Query{Indicator: "wf-filled-posts", Type: "utla", Period: "2023/24", Filters: map[string]string{"care_need": "generalist"}}
	wfNear(t, "Shropshire generalist", wfValue(t, svc, q, "E06000051"), 880)
	if v := wfValue(t, svc, q, "E06000044"); v.Value != nil {
		t.Errorf("Portsmouth gave only a mental-health figure, generalist = %v", *v.Value)
	}
	q.Filters = nil
	wfNear(t, "Portsmouth mental health", wfValue(t, svc, q, "E06000044"), 500)
	// Telford's rows name the area and leave sector and role empty.
	wfNear(t, "Telford mental health", wfValue(t, svc, q, "E06000020"), 600)
}
