package source

import (
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/internal/census"
)

// CensusReport says what a Census file held.
type CensusReport struct {
	File    string
	Rows    int
	Tables  map[string]int // rows per table id
	Skipped int            // rows for areas outside England
}

// ReadCensus reads a Census 2021 topic file in the staged long format
// (area_code, area_name, topic, table_id, category_level, parent_category,
// category, category_order, count, total) for lower-tier local authorities.
// isLTLA says whether an English code is a known LTLA. Rows for Wales,
// Scotland and Northern Ireland are skipped and counted: the atlas covers
// England. An unknown English code, an unknown category, a count that is not
// a whole number or a total that differs between rows of one area and
// table is an error.
func ReadCensus(r io.Reader, file string, isLTLA func(string) bool, progress Progress) ([]census.Count, CensusReport, error) {
	rep := CensusReport{File: file, Tables: map[string]int{}}
	t, err := newTable(r, file, "area_code", "topic", "table_id", "category", "count", "total")
	if err != nil {
		return nil, rep, err
	}
	type row struct {
		c    census.Count
		line int
	}
	var rows []row
	// candidates narrows, per topic, the tables the file's rows fit.
	candidates := map[string][]string{}
	for t.next() {
		rep.Rows++
		code := t.required("area_code")
		if code != "" && !strings.HasPrefix(code, "E") {
			rep.Skipped++
			continue
		}
		if code != "" && !isLTLA(code) {
			t.fail("area_code", "unknown area code %q: not a lower-tier local authority (2023 boundaries) the atlas knows", code)
		}
		topic, tableID, cat := t.required("topic"), t.required("table_id"), t.required("category")
		n, total := t.count("count"), t.count("total")
		if n > total {
			t.fail("count", "count %d is larger than the total %d", n, total)
		}
		ids := census.Candidates(topic, tableID, cat)
		if cand, seen := candidates[topic]; seen {
			ids = intersect(cand, ids)
		}
		if len(ids) == 0 {
			if cat != "" {
				t.fail("category", "unknown category %q for topic %q, table %q (or it does not belong with the file's other categories)", cat, topic, tableID)
			}
			continue
		}
		candidates[topic] = ids
		rows = append(rows, row{census.Count{LTLA: code, Table: topic, Category: cat, Count: n, Total: total}, t.line()})
		if rep.Rows%2000 == 0 {
			progress(file, rep.Rows, 0)
		}
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	// Every row now gets the one table its topic's categories fit, and is
	// checked for duplicates and for totals that disagree within an area.
	var out []census.Count
	var errs Errors
	totals := map[[2]string]int64{}
	seen := map[[3]string]int{}
	for _, r := range rows {
		c := r.c
		c.Table = candidates[r.c.Table][0]
		k := [2]string{c.LTLA, c.Table}
		if prev, dup := totals[k]; dup && prev != c.Total {
			errs = append(errs, &Error{File: file, Line: r.line, ColumnName: "total",
				Column: t.index["total"] + 1, Msg: fmt.Sprintf("total %d differs from %d on an earlier row for %s", c.Total, prev, c.LTLA)})
		}
		totals[k] = c.Total
		if first, dup := seen[[3]string{c.LTLA, c.Table, c.Category}]; dup {
			errs = append(errs, &Error{File: file, Line: r.line, ColumnName: "category", Column: t.index["category"] + 1,
				Msg: fmt.Sprintf("duplicate row: %s already has %q on line %d", c.LTLA, c.Category, first)})
		}
		seen[[3]string{c.LTLA, c.Table, c.Category}] = r.line
		out = append(out, c)
		rep.Tables[c.Table]++
		if len(errs) >= maxErrors {
			break
		}
	}
	if err := errs.err(); err != nil {
		return nil, rep, err
	}
	if len(out) == 0 {
		return nil, rep, &Error{File: file, Msg: fmt.Sprintf("no English rows found (%d rows read)", rep.Rows)}
	}
	return out, rep, nil
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
			}
		}
	}
	return out
}
