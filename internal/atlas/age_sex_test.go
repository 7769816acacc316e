package atlas_test

import (
	"context"
	"math"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

// TestPyramidICB checks NHS Shropshire, Telford and Wrekin ICB against the
// embedded file by hand: Shropshire (E06000051) and Telford and Wrekin
// (E06000020) lie wholly inside it, so its males aged 0-4 are 7,324 +
// 5,402 = 12,726 of 329,260 + 191,915 = 521,175 residents, 2.442%.
func TestPyramidICB(t *testing.T) {
	ctx := context.Background()
	svc := &atlas.Service{Store: store}
	a, _, err := svc.Area(ctx, "E54000011", area.ICB)
	if err != nil {
		t.Fatal(err)
	}
	p, eng, err := svc.Pyramid(ctx, a)
	if err != nil || p == nil || eng == nil {
		t.Fatalf("pyramid %v, England %v, error %v", p, eng, err)
	}
	b := p.Bands[0]
	if p.Year != 2023 || p.Total != 521175 || b.Band != "0-4" || b.Males != 12726 || b.Females != 6766+5270 {
		t.Errorf("year %d, total %v, first band %+v", p.Year, p.Total, b)
	}
	if math.Abs(b.MaleShare-2.4418) > 0.0001 {
		t.Errorf("males 0-4 share = %.4f, want 2.4418", b.MaleShare)
	}
	// England: 28,283,074 males and 29,407,249 females in the file.
	if eng.Total != 28283074+29407249 {
		t.Errorf("England total = %v", eng.Total)
	}
}

// TestPyramidSplitAreasSumToEngland checks that apportioning keeps every
// resident: the ICBs, some of which share split authorities, add up to
// England in every band.
func TestPyramidSplitAreasSumToEngland(t *testing.T) {
	ctx := context.Background()
	svc := &atlas.Service{Store: store}
	icbs, err := store.Areas(ctx, area.ICB)
	if err != nil {
		t.Fatal(err)
	}
	var eng = map[string]float64{}
	sum := map[string]float64{}
	for _, a := range icbs {
		p, e, err := svc.Pyramid(ctx, a)
		if err != nil || p == nil {
			t.Fatalf("%s: %v, %v", a.Code, p, err)
		}
		for i, b := range p.Bands {
			sum[b.Band] += b.Males
			eng[b.Band] = e.Bands[i].Males
		}
	}
	for band, want := range eng {
		if math.Abs(sum[band]-want) > 1e-3 {
			t.Errorf("males %s: ICBs sum to %.3f, England %v", band, sum[band], want)
		}
	}
}
