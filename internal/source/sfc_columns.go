package source

import (
	"fmt"
	"strings"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// The columns of the "LA level data" sheet the importer understands,
// found by header name (case and spacing ignored), never by position.
const (
	sfcArea    = "CSSR (LA area)"
	sfcSector  = "Sector"
	sfcService = "Service"
	sfcRole    = "Job role"
)

// sfcMeasure is a measure column: a rate (stored in per cent after its
// scale is detected) or a count.
type sfcMeasure struct {
	header  string
	measure workforce.Measure
	rate    bool
}

// sfcMeasures are the measure columns. The three rates are the ones
// third-party scripts read from the workbook (SKILLS_FOR_CARE_LAYOUT.md
// §3). No evidence shows the headers of count columns: the count headers
// below are the plain names of the atlas's measures, so that a sheet that
// has them is read, and any other header is reported, never guessed at.
var sfcMeasures = []sfcMeasure{
	{"Turnover rate", workforce.TurnoverRatePublished, true},
	{"Vacancy rate", workforce.VacancyRatePublished, true},
	{"Zero Hour Contracts - Yes", workforce.ZeroHoursSharePublished, true},
	{"Filled posts", workforce.FilledPosts, false},
	{"Vacancies", workforce.Vacancies, false},
	{"Leavers", workforce.Leavers, false},
	{"Starters", workforce.Starters, false},
	{"Headcount", workforce.Headcount, false},
}

// sfcNotStored are headers known to exist whose figures the atlas has no
// measure for: reported as such, not as not understood.
var sfcNotStored = map[string]string{
	normHeader("Sickness - Mean (divide by Employees)"): "the atlas has no sickness measure",
}

// sfcHeader is the header row, read.
type sfcHeader struct {
	row  int
	col  map[string]int // required column -> index
	meas map[int]sfcMeasure
	// cols lists the measure columns in sheet order.
	cols []int
	name []string
}

// findHeader finds the header row (the first of the first 20 rows with a
// "CSSR (LA area)" cell), checks the required columns and sorts every
// other header into a measure, a known column the atlas does not store,
// or one it does not understand (reported, not silently ignored).
func findHeader(g *grid) (*sfcHeader, []string, error) {
	h := &sfcHeader{row: -1, col: map[string]int{}, meas: map[int]sfcMeasure{}}
	for r := 0; r < len(g.rows) && r < 20 && h.row < 0; r++ {
		for c := range g.rows[r] {
			if normHeader(g.cell(r, c)) == normHeader(sfcArea) {
				h.row = r
			}
		}
	}
	if h.row < 0 {
		first := ""
		if len(g.rows) > 0 {
			first = strings.TrimPrefix(strings.Join(g.rows[0], ", "), "\ufeff") // a CSV saved by Excel starts with a byte-order mark
		}
		msg := fmt.Sprintf("missing column %q: no row among the first 20 has it (the first row has: %s)", sfcArea, first)
		if strings.Contains(first, "area_code") && strings.Contains(first, "measure") {
			msg += "; this looks like mhatlas's workforce template: import it with mhatlas import workforce FILE"
		}
		return nil, nil, &Error{File: g.name, Line: 1, Msg: msg}
	}
	var warn []string
	for c := range g.rows[h.row] {
		hd := g.cell(h.row, c)
		h.name = append(h.name, hd)
		n := normHeader(hd)
		switch {
		case n == "":
			continue
		case n == normHeader(sfcArea) || n == normHeader(sfcSector) || n == normHeader(sfcService) || n == normHeader(sfcRole):
			if _, dup := h.col[n]; dup {
				return nil, nil, g.errAt(h.row, c, hd, "column %q appears twice", hd)
			}
			h.col[n] = c
			continue
		}
		if why, ok := sfcNotStored[n]; ok {
			warn = append(warn, fmt.Sprintf("%s: column %d %q is not imported: %s", g.name, c+1, hd, why))
			continue
		}
		m, ok := measureByHeader(n)
		if !ok {
			warn = append(warn, fmt.Sprintf("%s: column %d %q is not a column the atlas understands: not imported", g.name, c+1, hd))
			continue
		}
		h.meas[c] = m
		h.cols = append(h.cols, c)
	}
	var errs Errors
	for _, req := range []string{sfcArea, sfcSector, sfcService, sfcRole} {
		if _, ok := h.col[normHeader(req)]; !ok {
			errs = append(errs, &Error{File: g.name, Line: g.lines[h.row], Msg: fmt.Sprintf("missing column %q (the header has: %s)", req, strings.Join(h.name, ", "))})
		}
	}
	if len(h.meas) == 0 {
		errs = append(errs, &Error{File: g.name, Line: g.lines[h.row], Msg: "no measure column: the sheet needs at least one of " + measureHeaders()})
	}
	if err := errs.err(); err != nil {
		return nil, nil, err
	}
	return h, warn, nil
}

func measureByHeader(n string) (sfcMeasure, bool) {
	for _, m := range sfcMeasures {
		if normHeader(m.header) == n {
			return m, true
		}
	}
	return sfcMeasure{}, false
}

func measureHeaders() string {
	hs := make([]string, len(sfcMeasures))
	for i, m := range sfcMeasures {
		hs[i] = fmt.Sprintf("%q", m.header)
	}
	return strings.Join(hs, ", ")
}

// rateScale works out whether a rate column holds proportions (every value
// from 0 to 1: multiplied by 100 to store per cent) or percentages (every
// value from 0 to 100, some above 1). A value below 0 or above 100 fits
// neither, and the column is refused at that cell.
func rateScale(g *grid, h *sfcHeader, c int) (float64, string, error) {
	maxV := 0.0
	for r := h.row + 1; r < len(g.rows); r++ {
		s := g.cell(r, c)
		if s == "" || suppressed(s) {
			continue
		}
		v, err := parseNumber(s)
		if err != nil {
			continue // reported with the row
		}
		if v < 0 || v > 100 {
			return 0, "", g.errAt(r, c, h.name[c], "%g fits neither a proportion (0 to 1) nor a percentage (0 to 100): the column %q cannot be read as a rate", v, h.name[c])
		}
		maxV = max(maxV, v)
	}
	if maxV <= 1 {
		return 100, "proportions (0 to 1), stored as per cent", nil
	}
	return 1, "percentages (0 to 100)", nil
}
