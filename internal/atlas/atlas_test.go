package atlas_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// store is a real SQLite file loaded once with the embedded default dataset.
var store *sqlite.Store

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mhatlas-atlas-test")
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	store, err = sqlite.Open(ctx, filepath.Join(dir, "atlas.db"))
	if err != nil {
		panic(err)
	}
	if err := atlas.LoadDefault(ctx, store, data.FS, nil); err != nil {
		panic(err)
	}
	code := m.Run()
	store.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

func population(t *testing.T, typ area.Type, code string) int64 {
	t.Helper()
	as, err := store.Areas(context.Background(), typ)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.Code == code {
			return a.Population
		}
	}
	t.Fatalf("no %s %s", typ, code)
	return 0
}

func TestAreaCounts(t *testing.T) {
	want := map[area.Type]int{area.England: 1, area.NHSRegion: 7, area.Region: 9, area.ICB: 42, area.SubICB: 106, area.UTLA: 153, area.LTLA: 296}
	tcs, err := store.AreaTypes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tcs {
		if tc.Count != want[tc.Type.ID] {
			t.Errorf("%s: %d areas, want %d", tc.Type.ID, tc.Count, want[tc.Type.ID])
		}
	}
}

// Hand-worked from data/geo/lsoa21_sicbl24_icb24_lad24_lookup.csv: the
// LSOAs of Shropshire (E06000051) sum to 323,590 and those of Telford and
// Wrekin (E06000020) to 185,572; NHS Shropshire, Telford and Wrekin ICB is
// exactly those two authorities.
func TestPopulationsHandWorked(t *testing.T) {
	shrop, telford := population(t, area.LTLA, "E06000051"), population(t, area.LTLA, "E06000020")
	if shrop != 323590 || telford != 185572 {
		t.Errorf("LTLAs: %d, %d", shrop, telford)
	}
	if icb := population(t, area.ICB, "E54000011"); icb != shrop+telford || icb != 509162 {
		t.Errorf("E54000011 = %d, want %d", icb, shrop+telford)
	}
	// England is the sum of all 33,755 LSOAs.
	if e := population(t, area.England, area.EnglandCode); e != 56490108 {
		t.Errorf("England = %d, want 56,490,108", e)
	}
	// NHS Frimley ICB holds 74,508 of Hart's 99,388 residents (Hart is split
	// with Hampshire and Isle of Wight); its own LSOAs sum to 764,343.
	if fr := population(t, area.ICB, "E54000034"); fr != 764343 {
		t.Errorf("Frimley = %d, want 764,343", fr)
	}
}

func TestSplitLinksCarryShares(t *testing.T) {
	ctx := context.Background()
	parents, err := store.Parents(ctx, area.LTLA, "E07000089") // Hart
	if err != nil {
		t.Fatal(err)
	}
	icbShares := map[string]float64{}
	sum := 0.0
	for _, p := range parents {
		if p.Type == area.ICB {
			icbShares[p.Code] = p.Share
			sum += p.Share
		}
	}
	if math.Abs(icbShares["E54000034"]-74508.0/99388) > 1e-12 || math.Abs(icbShares["E54000042"]-24880.0/99388) > 1e-12 {
		t.Errorf("Hart ICB shares = %v", icbShares)
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("shares sum to %v", sum)
	}
	// 13 LTLAs and 10 UTLAs are split across ICBs.
	for typ, want := range map[area.Type]int{area.LTLA: 13, area.UTLA: 10} {
		as, _ := store.Areas(ctx, typ)
		split := 0
		for _, a := range as {
			ps, _ := store.Parents(ctx, typ, a.Code)
			n := 0
			for _, p := range ps {
				if p.Type == area.ICB {
					n++
				}
			}
			if n > 1 {
				split++
			}
		}
		if split != want {
			t.Errorf("%s split across ICBs: %d, want %d", typ, split, want)
		}
	}
}

func value(t *testing.T, id string, typ area.Type, code string) (v, num, den float64) {
	t.Helper()
	svc := &atlas.Service{Store: store}
	d, err := svc.Data(context.Background(), atlas.Query{Indicator: id, Type: string(typ)})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Values {
		if x.AreaCode == code {
			return *x.Value, x.Numerator, x.Denominator
		}
	}
	t.Fatalf("%s has no value for %s", id, code)
	return
}

// Hand-worked from data/census2021/lad23/ts037_general_health_lad23.csv:
// bad + very bad health is 12,804 + 3,642 in Shropshire (of 323,623) and
// 8,818 + 2,537 in Telford and Wrekin (of 185,531): 27,801 / 509,154 =
// 5.460234%.
func TestShareRecomputedFromCounts(t *testing.T) {
	v, num, den := value(t, "bad-health-share", area.ICB, "E54000011")
	if num != 27801 || den != 509154 || math.Abs(v-5.460234035282056) > 1e-9 {
		t.Errorf("bad-health-share E54000011 = %v (%v / %v)", v, num, den)
	}
	// The UTLA of Shropshire is the same unitary authority.
	if v2, _, _ := value(t, "bad-health-share", area.UTLA, "E06000051"); math.Abs(v2-100*(12804.0+3642)/323623) > 1e-9 {
		t.Errorf("Shropshire UTLA = %v", v2)
	}
}

// Hand-worked for NHS Frimley ICB, which holds parts of five split LTLAs.
// From ts009_sex_lad23.csv and the LSOA lookup (LTLA: residents in Frimley /
// all residents, female, total):
//
//	E06000036 124592/124592  63170 124608    E07000209  20458/143659 72920 143645
//	E06000039 158499/158499  80004 158495    E07000212  11832/88088  45550  88085
//	E06000040 153515/153515  78074 153494    E07000214  76001/90454  46006  90450
//	E07000089  74508/99388   50268  99406    E07000216  45197/128242 66027 128223
//	E07000092  99741/99741   49863  99750
//
// Σ share·female = 387,223.1609, Σ share·total = 764,344.0402, so 50.660846%.
func TestShareWithSplitLTLAs(t *testing.T) {
	v, num, den := value(t, "female-share", area.ICB, "E54000034")
	if math.Abs(num-387223.16085652757) > 1e-6 || math.Abs(den-764344.0402312881) > 1e-6 || math.Abs(v-50.66084648731677) > 1e-9 {
		t.Errorf("female-share Frimley = %v (%v / %v)", v, num, den)
	}
}

func TestEveryIndicatorAtEveryType(t *testing.T) {
	svc := &atlas.Service{Store: store}
	ctx := context.Background()
	metas, err := store.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Published layers (ASCOF) hold only the areas published; the Census
	// indicators cover every area of every type.
	n := 0
	for _, m := range metas {
		if m.Aggregation != atlas.NotAggregated {
			metas[n] = m
			n++
		}
	}
	metas = metas[:n]
	if len(metas) != 24 {
		t.Errorf("%d indicators, want 24 (population and 23 shares)", len(metas))
	}
	counts := map[area.Type]int{area.England: 1, area.NHSRegion: 7, area.Region: 9, area.ICB: 42, area.SubICB: 106, area.UTLA: 153, area.LTLA: 296}
	for _, m := range metas {
		for typ, n := range counts {
			d, err := svc.Data(ctx, atlas.Query{Indicator: m.ID, Type: string(typ)})
			if err != nil {
				t.Fatalf("%s %s: %v", m.ID, typ, err)
			}
			if len(d.Values) != n {
				t.Errorf("%s %s: %d values, want %d", m.ID, typ, len(d.Values), n)
			}
			for _, v := range d.Values {
				if v.Value == nil || (m.ValueType == "percentage" && (*v.Value < 0 || *v.Value > 100)) {
					t.Errorf("%s %s %s: bad value %v", m.ID, typ, v.AreaCode, v.Value)
				}
			}
		}
	}
}

func TestBadCensusImportChangesNothing(t *testing.T) {
	ctx := context.Background()
	before, _ := store.DataVersion(ctx)
	counts, _ := store.CensusCounts(ctx, nil)
	fsys := fstest.MapFS{"bad.csv": {Data: []byte(
		"area_code,area_name,topic,table_id,category_level,parent_category,category,category_order,count,total\n" +
			"E06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\n" +
			"E06000051,Shropshire,sex,TS009,1,,Male,2,lots,323619\n")}}
	_, err := atlas.ImportCensus(ctx, store, fsys, []string{"bad.csv"}, atlas.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "bad.csv: line 3, column 9 (count)") {
		t.Fatalf("error = %v", err)
	}
	after, _ := store.DataVersion(ctx)
	counts2, _ := store.CensusCounts(ctx, nil)
	if before != after || len(counts) != len(counts2) {
		t.Errorf("database changed: version %d -> %d, counts %d -> %d", before, after, len(counts), len(counts2))
	}
}

// BenchmarkLoadDefault measures a first start's load into a fresh file.
func BenchmarkLoadDefault(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := atlas.LoadDefault(ctx, st, data.FS, nil); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// The 33,755 LSOAs are kept for apportionment, and sum to England.
func TestLSOAsKept(t *testing.T) {
	n, pop, err := store.LSOACount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 33755 || pop != 56490108 {
		t.Errorf("%d LSOAs, %d residents; want 33,755 and 56,490,108", n, pop)
	}
}

// Importing one topic file replaces that topic and keeps the others.
func TestCensusImportOneTopicKeepsOthers(t *testing.T) {
	ctx := context.Background()
	before, err := store.Indicators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := atlas.ImportCensus(ctx, store, data.FS, []string{"census2021/lad23/ts009_sex_lad23.csv"}, atlas.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := store.Indicators(ctx)
	if len(after) != len(before) || res.Kept == 0 {
		t.Errorf("%d indicators before, %d after; kept %d counts", len(before), len(after), res.Kept)
	}
	// The hand-worked Shropshire, Telford and Wrekin value is unchanged.
	if v, num, den := value(t, "bad-health-share", area.ICB, "E54000011"); num != 27801 || den != 509154 {
		t.Errorf("bad-health-share after a sex-only import: %v (%v / %v)", v, num, den)
	}
}
