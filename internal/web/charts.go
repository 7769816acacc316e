package web

import (
	"fmt"

	"github.com/mhatlas/mhatlas/internal/census"
)

// barChart is a horizontal bar chart drawn as SVG on the server: it needs no
// JavaScript and each chart comes with a table of the same numbers.
type barChart struct {
	ID      string
	Title   string
	Caption string
	Height  int
	Rows    []barRow
	// AreaName names the bars; England is drawn as a marker on each row.
	AreaName string
}

type barRow struct {
	Label    string
	Value    float64 // per cent
	England  float64 // per cent
	Count    float64
	Y        int
	BarWidth float64
	EnglandX float64
	TextX    float64
	Level    int
	Parent   string
	Indent   bool
}

// Geometry of a chart, in SVG user units.
const (
	chartLabelWidth = 170
	chartBarsWidth  = 350
	chartRowHeight  = 28
	chartTop        = 8
	// chartValueX is the right edge of the value column, clear of the
	// bars and England's markers.
	chartValueX = 596
)

// newBarChart builds a chart of the level-1 categories of a breakdown,
// with England's shares as markers. reverse puts the last category at the
// top, as an age pyramid does.
func newBarChart(b census.Breakdown, eng *census.Breakdown, areaName string, reverse bool) barChart {
	c := barChart{ID: "chart-" + b.Table.ID, Title: b.Table.Name, AreaName: areaName,
		Caption: fmt.Sprintf("Census 2021, table %s. Share of %s.", b.Table.TableID, lowerFirst(b.Table.Population))}
	engShare := map[string]float64{}
	if eng != nil {
		for _, r := range eng.Rows {
			engShare[r.Category.Name] = r.Share
		}
	}
	var rows []barRow
	max := 0.0
	for _, r := range b.Rows {
		row := barRow{Label: r.Category.Label, Value: r.Share, England: engShare[r.Category.Name], Count: r.Count,
			Level: r.Category.Level, Parent: r.Category.Parent}
		if r.Category.Level != 1 {
			continue
		}
		max = maxf(max, maxf(row.Value, row.England))
		rows = append(rows, row)
	}
	if reverse {
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
		}
	}
	if max == 0 {
		max = 1
	}
	for i := range rows {
		rows[i].Y = chartTop + i*chartRowHeight
		rows[i].BarWidth = chartBarsWidth * rows[i].Value / max
		rows[i].EnglandX = chartLabelWidth + chartBarsWidth*rows[i].England/max
		rows[i].TextX = chartValueX
	}
	c.Rows = rows
	c.Height = chartTop*2 + len(rows)*chartRowHeight
	return c
}

// detailRows lists every category, level 2 indented under its parent, for
// the table that accompanies a chart.
func detailRows(b census.Breakdown, eng *census.Breakdown) []barRow {
	engShare := map[string]float64{}
	if eng != nil {
		for _, r := range eng.Rows {
			engShare[r.Category.Name] = r.Share
		}
	}
	var out []barRow
	for _, r := range b.Rows {
		out = append(out, barRow{Label: r.Category.Label, Value: r.Share, England: engShare[r.Category.Name],
			Count: r.Count, Level: r.Category.Level, Indent: r.Category.Level > 1})
	}
	return out
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
