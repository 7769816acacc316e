package source

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// An LG Inform CSV download (lginform.local.gov.uk, "Download data" on a
// chart) starts with header rows that each begin "area label", "area long
// label", "area" and describe the metric columns that follow: optionally
// the dataset and metric-type key, then the metric label, metric id,
// period label, period id, unit and value type ("raw"). One row per area
// follows: its name, its name with its kind ("Barnet (London borough)"),
// its GSS code and a value per metric column. lgHeaderRows names the last
// six header rows, counted from the end of the header.
var lgHeaderRows = []string{"metric label", "metric id", "period label", "period id", "unit", "value type"}

// lgColumn is one metric column of an LG Inform file.
type lgColumn struct {
	label, id, period, periodID, unit, valueType string
}

// ReadLGInform reads an LG Inform CSV download. Each metric becomes an
// indicator "lginform-<metric id>" with the figures as published for the
// areas listed, for every period the file has. Columns whose unit the atlas
// cannot show (it shows percentages, rates per 100,000 and counts) or
// whose values are not the raw figures, areas outside England and areas
// the atlas does not know are left out and reported.
func ReadLGInform(r io.Reader, file string, areas AreaLookup, progress Progress) (*Published, error) {
	cr := csv.NewReader(capped(r, file, maxWholeFile))
	cr.FieldsPerRecord = -1
	rows, lines, err := readAll(cr, file)
	if err != nil {
		return nil, err
	}
	nHead := 0
	for nHead < len(rows) && isLGHeader(rows[nHead]) {
		nHead++
	}
	if nHead < len(lgHeaderRows) {
		return nil, &Error{File: file, Line: nHead + 1, Msg: fmt.Sprintf(
			"not an LG Inform CSV download: it should start with at least %d header rows beginning \"area label\", \"area long label\", \"area\" (%s), and has %d",
			len(lgHeaderRows), strings.Join(lgHeaderRows, ", "), nHead)}
	}
	cols, err := lgColumns(rows[nHead-len(lgHeaderRows):nHead], lines[nHead-len(lgHeaderRows)], file)
	if err != nil {
		return nil, err
	}
	out := &Published{Report: PublishedReport{File: file, Rows: len(rows) - nHead}}
	var warn warnings
	byID, order := lgIndicators(cols, &warn)
	data := rows[nHead:]
	districts := false
	for _, row := range data {
		if len(row) > 2 && strings.HasPrefix(strings.TrimSpace(row[2]), "E07") {
			districts = true // a lower-tier file: unitaries belong in it too
		}
	}
	var errs Errors
	outside := 0
	firstLine := map[string]int{}
	for i, row := range data {
		line := lines[nHead+i]
		if i%2000 == 0 {
			progress(file, i, len(data))
		}
		if len(row) < 3 || strings.TrimSpace(row[2]) == "" {
			errs = append(errs, &Error{File: file, Line: line, Column: 3, ColumnName: "area", Msg: "an area code is required"})
			continue
		}
		code, long := strings.TrimSpace(row[2]), strings.TrimSpace(row[1])
		if !isEnglish(code) {
			outside++
			continue
		}
		if prev, dup := firstLine[code]; dup {
			errs = append(errs, &Error{File: file, Line: line, Column: 3, ColumnName: "area", Msg: fmt.Sprintf("area %s is listed twice (first on line %d)", code, prev)})
			continue
		}
		firstLine[code] = line
		types := areas(code)
		if len(types) == 0 {
			warn.add(fmt.Sprintf("area %s (%s) is not one the atlas knows (perhaps from an older geography): not imported", code, long), line)
			continue
		}
		for _, typ := range lgTypes(types, long, districts) {
			for j, c := range cols {
				pi := byID["lginform-"+Slug(c.id)]
				if pi == nil {
					continue
				}
				v := indicator.Value{AreaType: typ, AreaCode: code, AreaName: strings.TrimSpace(row[0]), Period: c.period}
				if 3+j < len(row) {
					cell := strings.TrimSpace(row[3+j])
					if cell != "" && !suppressed(cell) {
						f, err := parseNumber(cell)
						if err != nil {
							errs = append(errs, &Error{File: file, Line: line, Column: 4 + j, ColumnName: c.label + " " + c.period, Msg: fmt.Sprintf("%q is not a number", cell)})
							continue
						}
						v.Value = &f
					}
				}
				pi.Values = append(pi.Values, v)
			}
		}
		if len(errs) >= maxErrors {
			break
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	if outside > 0 {
		warn.add(fmt.Sprintf("%d rows for areas outside England were skipped", outside), 0)
	}
	for _, id := range order {
		pi := byID[id]
		pi.AreaTypes = typesOf(pi.Values)
		out.Indicators = append(out.Indicators, *pi)
	}
	out.Report.Warnings = warn.list(file)
	if len(out.Indicators) == 0 {
		return nil, &Error{File: file, Msg: "no metric could be imported" + joinWarnings(out.Report.Warnings)}
	}
	return out, nil
}

func isLGHeader(row []string) bool {
	return len(row) >= 3 && strings.TrimSpace(strings.TrimPrefix(row[0], "\ufeff")) == "area label" &&
		strings.TrimSpace(row[1]) == "area long label" && strings.TrimSpace(row[2]) == "area"
}

// lgColumns reads the six header rows that describe the metric columns.
func lgColumns(head [][]string, firstLine int, file string) ([]lgColumn, error) {
	width := 0
	for _, h := range head {
		width = max(width, len(h))
	}
	cell := func(r, c int) string {
		if c < len(head[r]) {
			return strings.TrimSpace(head[r][c])
		}
		return ""
	}
	var cols []lgColumn
	var errs Errors
	for c := 3; c < width; c++ {
		col := lgColumn{cell(0, c), cell(1, c), cell(2, c), cell(3, c), cell(4, c), cell(5, c)}
		if col.id == "" || col.period == "" {
			errs = append(errs, &Error{File: file, Line: firstLine + 1, Column: c + 1,
				Msg: "every metric column needs a metric id (header row " + lgHeaderRows[1] + ") and a period (header row " + lgHeaderRows[2] + ")"})
			continue
		}
		for _, prev := range cols {
			if prev.id == col.id && prev.period == col.period {
				errs = append(errs, &Error{File: file, Line: firstLine + 1, Column: c + 1,
					Msg: fmt.Sprintf("metric %s for %s appears in two columns", col.id, col.period)})
			}
		}
		cols = append(cols, col)
	}
	if len(cols) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{File: file, Line: firstLine, Msg: "the file has no metric columns after \"area\""})
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return cols, nil
}

// lgIndicators makes one indicator per metric id from the columns whose
// unit and value type the atlas can show, warning about the others.
func lgIndicators(cols []lgColumn, warn *warnings) (map[string]*PublishedIndicator, []string) {
	byID := map[string]*PublishedIndicator{}
	var order []string
	periods := map[string]periodOrder{}
	for _, c := range cols {
		id := "lginform-" + Slug(c.id)
		vt, ok := lgValueType(c.unit)
		switch {
		case !strings.EqualFold(c.valueType, "raw"):
			warn.add(fmt.Sprintf("metric %s (%s, %s) is a %q value, not the published figure (\"raw\"): not imported", c.id, c.label, c.period, c.valueType), 0)
			continue
		case !ok:
			warn.add(fmt.Sprintf("metric %s (%s, %s) is in %q, and the atlas shows only percentages, rates per 100,000 and counts: not imported", c.id, c.label, c.period, c.unit), 0)
			continue
		}
		if byID[id] == nil {
			byID[id] = &PublishedIndicator{ID: id, SourceID: c.id, Name: c.label, Unit: c.unit, ValueType: vt}
			order = append(order, id)
			periods[id] = periodOrder{}
		}
		periods[id][c.period] = c.periodID
	}
	for id, pi := range byID {
		pi.Periods = periods[id].sorted()
	}
	return byID, order
}

// lgValueType maps an LG Inform unit to a value type the atlas shows.
func lgValueType(unit string) (indicator.ValueType, bool) {
	u := strings.ToLower(strings.TrimSpace(unit))
	switch {
	case u == "%" || u == "percent" || u == "percentage":
		return indicator.Percentage, true
	case per100k.MatchString(u):
		return indicator.RatePer100k, true
	case u == "number" || u == "count" || u == "people" || u == "persons" || u == "staff" || u == "posts" || u == "jobs":
		return indicator.Count, true
	}
	return "", false
}

// lgTypes places an area by its long label's kind. A unitary authority,
// London borough or metropolitan borough is an upper-tier authority and,
// in a file that also lists district councils, a lower-tier one too.
func lgTypes(types []area.Type, long string, districts bool) []area.Type {
	if len(types) == 1 {
		return types
	}
	kind := strings.ToLower(long)
	if i := strings.LastIndex(kind, "("); i >= 0 {
		kind = kind[i:]
	}
	if strings.Contains(kind, "district") {
		return []area.Type{chooseType(types, "district")}
	}
	if districts {
		return types
	}
	return []area.Type{chooseType(types, "")}
}

// readAll reads every record with the line it starts on.
func readAll(cr *csv.Reader, file string) ([][]string, []int, error) {
	var rows [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(file, err)
		}
		l, _ := cr.FieldPos(0)
		rows, lines = append(rows, rec), append(lines, l)
	}
	if len(rows) == 0 {
		return nil, nil, &Error{File: file, Line: 1, Msg: "the file is empty"}
	}
	return rows, lines, nil
}
