package web

import (
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// wfFigure is one workforce figure as a page shows it.
type wfFigure struct {
	ID, Name   string
	Display    string // "8.5%", "1 specialist role per 3,535 people"
	England    string
	Period     string
	Source     string // the dataset's name and publisher
	SourceID   string
	Publisher  string
	Note       string
	Missing    bool
	Incomplete bool
	RateOnly   bool
	// EnglandIncomplete marks an England figure summed from only some parts.
	EnglandIncomplete bool
	Rank              string // "3rd of 42 with figures (highest first)"
}

// wfDisplay formats a workforce value for people.
func wfDisplay(m indicator.Meta, v *indicator.Value) string {
	if v == nil || v.Value == nil {
		return "no figure"
	}
	x := *v.Value
	switch {
	case m.ID == "wf-people-per-specialist":
		return "1 specialist role per " + fmtCount(x) + " people"
	case strings.HasSuffix(m.ID, "-change-5y"):
		s := fmtCount(x)
		if x > 0 {
			s = "+" + s
		}
		if !v.RateOnly && v.Denominator > 0 {
			s += fmt.Sprintf(" (%+.1f%%)", 100*x/v.Denominator)
		}
		return s
	case m.ValueType == indicator.RatePer100k:
		return fmtDecimal(x, 1) + " per 100,000 people"
	case m.ID == "nhs-mh-fte":
		return fmtDecimal(x, 0) + " FTE"
	}
	return fmtValue(m.ValueType, v.Value)
}

// wfSource names a dataset for a page.
func wfSource(ds *atlas.Dataset) (string, string) {
	if ds == nil {
		return "", ""
	}
	return ds.Name + " (" + ds.Publisher + ")", ds.ID
}

// figureOf turns a headline into what a page shows.
func figureOf(h atlas.Headline) wfFigure {
	f := wfFigure{ID: h.Meta.ID, Name: h.Meta.Name, Display: wfDisplay(h.Meta, h.Value), England: wfDisplay(h.Meta, h.England),
		Period: h.Period, Missing: h.Value == nil || h.Value.Value == nil}
	f.Source, f.SourceID = wfSource(h.Dataset)
	if h.Dataset != nil {
		f.Publisher = h.Dataset.Publisher
	}
	if h.Value != nil {
		f.Incomplete, f.RateOnly, f.Note = h.Value.Incomplete, h.Value.RateOnly, h.Value.Note
	}
	f.EnglandIncomplete = h.England != nil && h.England.Incomplete
	if f.Missing && len(h.Notes) > 0 {
		f.Note = h.Notes[0]
		if h.Dataset != nil && len(h.Notes) > 1 {
			f.Note = h.Notes[1]
		}
	}
	if h.Rank > 0 {
		f.Rank = fmt.Sprintf("%s of %d with figures (highest first)", ordinal(h.Rank), h.Of)
	}
	return f
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// wfTrend is a trend table: one row per period, a cell per indicator, each
// cell marked with the number of its dataset in Datasets.
type wfTrend struct {
	Caption  string
	Columns  []string
	Rows     []wfTrendRow
	Datasets []wfDatasetRef
	// Incomplete explains each figure marked * (built without some parts).
	Incomplete []string
}

type wfTrendRow struct {
	Period string
	Cells  []wfTrendCell
}

type wfTrendCell struct {
	Display    string
	Ref        int // 1-based number of the dataset; 0 for no figure
	Incomplete bool
}

type wfDatasetRef struct {
	N          int
	ID, Source string
}

func trendOf(caption string, metas []indicator.Meta, rows []atlas.TrendRow) wfTrend {
	t := wfTrend{Caption: caption}
	for _, m := range metas {
		t.Columns = append(t.Columns, m.Name)
	}
	refs := map[string]int{}
	for _, r := range rows {
		row := wfTrendRow{Period: r.Period}
		for i, c := range r.Cells {
			cell := wfTrendCell{Display: "–"}
			if c.Value != nil {
				cell.Display, cell.Incomplete = wfDisplay(metas[i], c.Value), c.Value.Incomplete
				if cell.Incomplete {
					t.Incomplete = append(t.Incomplete, fmt.Sprintf("%s, %s: %s", metas[i].Name, r.Period, c.Value.Note))
				}
				if c.Dataset != nil {
					if refs[c.Dataset.ID] == 0 {
						refs[c.Dataset.ID] = len(refs) + 1
						src, _ := wfSource(c.Dataset)
						t.Datasets = append(t.Datasets, wfDatasetRef{N: refs[c.Dataset.ID], ID: c.Dataset.ID, Source: src})
					}
					cell.Ref = refs[c.Dataset.ID]
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
