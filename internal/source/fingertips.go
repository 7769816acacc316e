package source

import (
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Fingertips column names, as in the "indicators data" CSV that the
// Fingertips site and API export (fingertips.phe.org.uk).
const (
	ftID       = "Indicator ID"
	ftName     = "Indicator Name"
	ftCode     = "Area Code"
	ftAreaName = "Area Name"
	ftAreaType = "Area Type"
	ftSex      = "Sex"
	ftAge      = "Age"
	ftCatType  = "Category Type"
	ftPeriod   = "Time period"
	ftSortable = "Time period Sortable"
	ftValue    = "Value"
	ftCount    = "Count"
	ftDenom    = "Denominator"
)

// ftKey identifies one figure: an indicator (with its sex and age) for an
// area of a type in a period.
type ftKey struct {
	ind, typ, code, period string
}

type ftSeen struct {
	line  int
	value string
}

// ReadFingertips reads a Fingertips "indicators data" CSV export. Each
// indicator, sex and age in the file becomes one indicator with the id
// "fingertips-<Indicator ID>-<sex>-<age>" (for example
// "fingertips-90813-persons-10-24-yrs"), with the figures as published for
// the areas the file has. Rows broken down by a category (deprivation
// deciles and the like), areas outside England and areas the atlas does
// not know are left out and reported. Fingertips lists an area once under
// each of its parents: identical repeats count once, repeats that differ
// are an error.
func ReadFingertips(r io.Reader, file string, areas AreaLookup, progress Progress) (*Published, error) {
	t, err := newTable(r, file, ftID, ftName, ftCode, ftPeriod, ftValue)
	if err != nil {
		return nil, err
	}
	out := &Published{Report: PublishedReport{File: file}}
	var warn warnings
	byID := map[string]*PublishedIndicator{}
	var order []string
	periods := map[string]periodOrder{}
	seen := map[ftKey]ftSeen{}
	categories, outside, repeats := 0, 0, 0
	for t.next() {
		out.Report.Rows++
		if out.Report.Rows%5000 == 0 {
			progress(file, out.Report.Rows, 0)
		}
		code := t.required(ftCode)
		if t.get(ftCatType) != "" {
			categories++
			continue
		}
		if code != "" && !isEnglish(code) {
			outside++
			continue
		}
		fid, name, period := t.required(ftID), t.required(ftName), t.required(ftPeriod)
		if code == "" || fid == "" || period == "" {
			continue
		}
		types := areas(code)
		if len(types) == 0 {
			warn.add(fmt.Sprintf("area %s (%s) is not one the atlas knows (perhaps from an older geography): not imported", code, t.get(ftAreaName)), t.line())
			continue
		}
		typ := chooseType(types, t.get(ftAreaType))
		id := "fingertips-" + Slug(fid)
		if sex, age := t.get(ftSex), t.get(ftAge); sex != "" || age != "" {
			id += "-" + Slug(sex) + "-" + Slug(age)
		}
		pi := byID[id]
		if pi == nil {
			pi = &PublishedIndicator{ID: id, SourceID: fid, Name: ftLabel(name, t.get(ftSex), t.get(ftAge))}
			byID[id] = pi
			order = append(order, id)
			periods[id] = periodOrder{}
		} else if !strings.HasPrefix(pi.Name, name) {
			t.fail(ftName, "indicator %s is called %q here but %q on an earlier row", fid, name, pi.Name)
		}
		periods[id][period] = t.get(ftSortable)
		raw := t.get(ftValue) + "|" + t.get(ftCount) + "|" + t.get(ftDenom)
		k := ftKey{id, string(typ), code, period}
		if prev, dup := seen[k]; dup {
			if prev.value != raw {
				t.fail(ftValue, "%s %s %s has a different figure on line %d", fid, code, period, prev.line)
			}
			repeats++
			continue
		}
		seen[k] = ftSeen{t.line(), raw}
		v := indicator.Value{AreaType: typ, AreaCode: code, AreaName: t.get(ftAreaName), Period: period}
		v.Value = t.optionalNumber(ftValue)
		num, den := t.optionalNumber(ftCount), t.optionalNumber(ftDenom)
		if num != nil && den != nil && *den > 0 {
			v.Numerator, v.Denominator = *num, *den
			pi.HasCounts = true
		}
		pi.Values = append(pi.Values, v)
	}
	if err := t.errs.err(); err != nil {
		return nil, err
	}
	if categories > 0 {
		warn.add(fmt.Sprintf("%d rows broken down by a category (such as deprivation deciles) were not imported: the atlas shows each area's headline figure", categories), 0)
	}
	if outside > 0 {
		warn.add(fmt.Sprintf("%d rows for areas outside England were skipped", outside), 0)
	}
	if repeats > 0 {
		warn.add(fmt.Sprintf("%d rows repeat a figure already read (Fingertips lists an area under each of its parents) and were counted once", repeats), 0)
	}
	for _, id := range order {
		pi := byID[id]
		pi.Periods, pi.AreaTypes = periods[id].sorted(), typesOf(pi.Values)
		vt, unit, why := fingertipsValueType(pi)
		if why != "" {
			warn.add(fmt.Sprintf("indicator %s (%s) not imported: %s", pi.SourceID, pi.Name, why), 0)
			continue
		}
		pi.ValueType, pi.Unit = vt, unit
		out.Indicators = append(out.Indicators, *pi)
	}
	out.Report.Warnings = warn.list(file)
	if len(out.Indicators) == 0 {
		return nil, &Error{File: file, Msg: fmt.Sprintf("no indicator could be imported (%d rows read)%s", out.Report.Rows, joinWarnings(out.Report.Warnings))}
	}
	return out, nil
}

// ftLabel names an indicator with its sex and age, which Fingertips keeps
// in their own columns.
func ftLabel(name, sex, age string) string {
	var parts []string
	for _, p := range []string{sex, age} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return name
	}
	return name + " (" + strings.Join(parts, ", ") + ")"
}

func joinWarnings(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return ":\n" + strings.Join(ws, "\n")
}

// optionalNumber parses a number that may be missing or suppressed (nil).
func (t *table) optionalNumber(name string) *float64 {
	v := t.get(name)
	if v == "" || suppressed(v) {
		return nil
	}
	f, err := parseNumber(v)
	if err != nil {
		t.fail(name, "%q is not a number", v)
		return nil
	}
	return &f
}
