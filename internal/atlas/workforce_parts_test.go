package atlas_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// Hampshire's share of the Hampshire and Isle of Wight ICB: 1,226,621 of
// its 1,400,870 Census 2021 residents.
const hantsShare = 1226621.0 / 1400870

// TestWorkforceIncompleteAggregates checks, against the made-up
// hand-worked file, the figures of areas built without some of their
// parts: a per-population figure divides by the population of the parts
// that have figures, and a five-year change compares the parts with
// figures in both years.
func TestWorkforceIncompleteAggregates(t *testing.T) {
	_, svc := handWorked(t)
	// England, 2023/24: specialist posts 120 (Shropshire) + 60 (Telford and
	// Wrekin) + 300 (Hampshire) + 50 (Southampton) + 40 (Isle of Wight) =
	// 570, from 5 of 153 authorities (Portsmouth gave no specialist rows).
	// ONS mid-2023 population of those five: 329,260 + 191,915 + 1,428,559
	// (Hampshire's 11 districts) + 256,110 + 140,906 = 2,346,750.
	//	people per specialist = 2,346,750 / 570 = 4,117.1053
	// (England's whole 57,690,323 would have given 101,211.1, as if the
	// rest of England had no specialist posts).
	q := atlas.Query{Indicator: "wf-people-per-specialist", Type: "icb", Period: "2023/24"}
	v := wfValue(t, svc, q, "E92000001")
	wfNear(t, "England people per specialist", v, 2346750.0/570)
	if !v.Incomplete || !strings.Contains(v.Note, "population is that of those parts") {
		t.Errorf("England: incomplete %v, note %q", v.Incomplete, v.Note)
	}
	// Hampshire and Isle of Wight ICB, 2023/24, without Portsmouth:
	//	posts  = 300 s + 50 + 40 = 352.6841 (s = Hampshire's share, above)
	//	people = 1,428,559 s + 256,110 + 140,906 = 1,647,881.868
	//	specialist posts per 100,000 = 21.40227
	q.Indicator = "wf-specialist-per-100k"
	wfNear(t, "HIOW specialists per 100k", wfValue(t, svc, q, "E54000042"),
		1e5*(300*hantsShare+90)/(1428559*hantsShare+256110+140906))
	wfNear(t, "HIOW specialists per 100k, by hand", wfValue(t, svc, q, "E54000042"), 21.40227)
	// A whole ICB keeps its own population: NHS Shropshire, Telford and
	// Wrekin, 180 / 521,175 (see handPerPopulation).
	wfNear(t, "STW specialists per 100k", wfValue(t, svc, q, "E54000011"), 34.53734350)

	// Five-year change of specialist posts, 2018/19 to 2023/24. HIOW had
	// only Hampshire in 2018/19 (280), so only Hampshire is compared:
	//	300 s - 280 s = 20 s = 17.5123 (+7.1%), not 352.68 - 245.17 = +107.5
	q = atlas.Query{Indicator: "wf-specialist-posts-change-5y", Type: "icb", Period: "2023/24"}
	v = wfValue(t, svc, q, "E54000042")
	wfNear(t, "HIOW specialist change", v, 20*hantsShare)
	if !v.Incomplete || !strings.Contains(v.Note, "+7.1%") || !strings.Contains(v.Note, "1 upper-tier local authority") {
		t.Errorf("HIOW change: incomplete %v, note %q", v.Incomplete, v.Note)
	}
	// England: 2018/19 Shropshire 150 + Telford 70 + Hampshire 280 = 500;
	// the same three in 2023/24: 120 + 60 + 300 = 480. Change -20 (-4.0%).
	v = wfValue(t, svc, q, "E92000001")
	wfNear(t, "England specialist change", v, -20)
	if v.Numerator != 480 || v.Denominator != 500 || !strings.Contains(v.Note, "-4.0%") {
		t.Errorf("England change %+v", v)
	}
}

// madeUpNational is a second made-up dataset with England-only figures:
// filled posts for a later year than the hand-worked file, and specialist
// posts for an earlier one.
const madeUpNational = `area_code,area_name,period,care_need,sector,role,measure,value,source
E92000001,England,2024/25,mental-health,all,all,filled_posts,700000,MADE-UP national test figures
E92000001,England,2021/22,specialist,all,all,filled_posts,16000,MADE-UP national test figures
`

// handWorkedWithNational adds madeUpNational, imported after the
// hand-worked file (so the most recent dataset).
func handWorkedWithNational(t *testing.T) (*sqlite.Store, *atlas.Service) {
	t.Helper()
	st, svc := handWorked(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "national.csv"), []byte(madeUpNational), 0o644); err != nil {
		t.Fatal(err)
	}
	ds := atlas.Dataset{ID: "national", Name: "Made-up national figures", Publisher: "mhatlas tests"}
	if _, _, err := atlas.ImportWorkforceTemplate(context.Background(), st, os.DirFS(dir), "national.csv", ds, atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return st, svc
}

// TestWorkforceDefaultPeriodByAreaType: without a period, a map of
// upper-tier authorities answers with the latest period that has figures
// for them (the hand-worked 2023/24), not a later England-only figure that
// would leave the map empty; England's answer is that later figure.
func TestWorkforceDefaultPeriodByAreaType(t *testing.T) {
	_, svc := handWorkedWithNational(t)
	ctx := context.Background()
	d, err := svc.Data(ctx, atlas.Query{Indicator: "wf-filled-posts", Type: "utla"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Period != "2023/24" || d.Dataset == nil || d.Dataset.ID != "hand-worked" {
		t.Fatalf("authorities: period %q, dataset %+v", d.Period, d.Dataset)
	}
	wfNear(t, "Shropshire", wfValue(t, svc, atlas.Query{Indicator: "wf-filled-posts", Type: "utla"}, "E06000051"), 1000)
	d, err = svc.Data(ctx, atlas.Query{Indicator: "wf-filled-posts", Type: "england"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Period != "2024/25" || d.England == nil || d.England.Value == nil || *d.England.Value != 700000 {
		t.Errorf("England: period %q, value %+v", d.Period, d.England)
	}
}

// TestWorkforceHeadlineSkipsPartialEngland: the hand-worked file's
// specialist posts for 2023/24 sum to an "England" of 570 from 5 of 153
// authorities. England's headline is the latest complete England figure
// instead (the made-up national 16,000 for 2021/22), and names the
// partial dataset it passed over.
func TestWorkforceHeadlineSkipsPartialEngland(t *testing.T) {
	_, svc := handWorkedWithNational(t)
	eng := area.Area{Type: area.England, Code: area.EnglandCode, Name: "England"}
	hs, err := svc.WorkforceHeadlines(context.Background(), eng, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.Meta.ID != "wf-specialist-posts" {
			continue
		}
		if h.Value == nil || h.Value.Value == nil || *h.Value.Value != 16000 || h.Period != "2021/22" || h.Dataset.ID != "national" {
			t.Errorf("headline %+v, period %q", h.Value, h.Period)
		}
		if h.Partial == nil || h.Partial.ID != "hand-worked" || h.PartialPeriod != "2023/24" {
			t.Errorf("partial %+v %q", h.Partial, h.PartialPeriod)
		}
	}
	// With the source chosen, the partial figure is what the user asked for.
	hs, err = svc.WorkforceHeadlines(context.Background(), eng, nil, "hand-worked")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hs {
		if h.Meta.ID == "wf-specialist-posts" && (h.Value == nil || h.Value.Value == nil || *h.Value.Value != 570 || !h.Value.Incomplete) {
			t.Errorf("chosen source: %+v", h.Value)
		}
	}
}

// TestWorkforceOutliersCount: the outliers say how many areas had a
// figure to compare, and whether England's rate is itself partial. From
// the hand-worked file, 2023/24, vacancies 100 + 60 + 300 + 50 + 50 + 40 =
// 600 of 6,100 + 600 posts: England 600 / 6,700 = 8.9552%, from 6 of 153
// authorities; threshold 1.5 × 8.9552% = 13.4328%. The ICBs with a rate
// are Shropshire, Telford and Wrekin (9.09%), Hampshire and Isle of Wight
// (8.89%) and Frimley (Hampshire's part only, 300 / 3,300 = 9.09%): 3
// compared, none above. No file gives leavers: no turnover comparison.
func TestWorkforceOutliersCount(t *testing.T) {
	_, svc := handWorked(t)
	outs, err := svc.WorkforceOutliers(context.Background(), area.ICB, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 || outs[0].Meta.ID != "wf-vacancy-rate" {
		t.Fatalf("outliers %+v", outs)
	}
	o := outs[0]
	if o.Compared != 3 || len(o.Areas) != 0 || !o.EnglandIncomplete {
		t.Errorf("compared %d, above %d, England incomplete %v", o.Compared, len(o.Areas), o.EnglandIncomplete)
	}
	if d := o.Threshold - 1.5*100*600/6700; d > 1e-9 || d < -1e-9 {
		t.Errorf("threshold %v", o.Threshold)
	}
}
