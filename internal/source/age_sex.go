package source

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mhatlas/mhatlas/internal/census"
)

// AgeSexReport says what a mid-year estimates file by age and sex held.
type AgeSexReport struct {
	File    string
	Rows    int
	Skipped int // rows for Wales, Scotland or Northern Ireland
	Areas   int // English lower-tier authorities read
	Year    int
}

// ageSexKey names one authority and sex; its band completes a row's key.
type ageSexKey struct {
	code string
	sex  census.Sex
}

// ageSexRead is what the reader keeps of a file to check it whole.
type ageSexRead struct {
	counts  map[ageSexKey]map[string]int64
	persons map[string]map[string]int64 // code, band: the persons rows
	total   map[ageSexKey]int64
	line    map[ageSexKey]int // first line of each authority and sex
}

// ReadAgeSexEstimates reads ONS mid-year population estimates by sex and
// 5-year age band in the staged long format (area_code, area_name, year,
// reference_date, sex, age_band, category_order, count, total) for
// lower-tier authorities. It returns the female and male rows; the persons
// rows are checked to be their sum. Rows outside England are skipped and
// counted. An English code the atlas does not know, an unknown sex or age
// band, a second row for one authority, sex and band, a total that is not
// the sum of its bands, a missing band or a second year is an error.
func ReadAgeSexEstimates(r io.Reader, file string, isLTLA func(string) bool, progress Progress) ([]census.AgeSexCount, AgeSexReport, error) {
	rep := AgeSexReport{File: file}
	t, err := newTable(r, file, "area_code", "year", "sex", "age_band", "count", "total")
	if err != nil {
		return nil, rep, err
	}
	rd := ageSexRead{counts: map[ageSexKey]map[string]int64{}, persons: map[string]map[string]int64{},
		total: map[ageSexKey]int64{}, line: map[ageSexKey]int{}}
	var out []census.AgeSexCount
	for t.next() {
		rep.Rows++
		if c, ok := rd.row(t, isLTLA, &rep); ok {
			out = append(out, c)
		}
		if rep.Rows%2000 == 0 {
			progress(file, rep.Rows, 0)
		}
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	if len(out) == 0 {
		return nil, rep, &Error{File: file, Msg: fmt.Sprintf("no English female or male rows found (%d rows read)", rep.Rows)}
	}
	if errs := rd.check(file); len(errs) > 0 {
		return nil, rep, errs
	}
	rep.Areas = len(rd.persons)
	return out, rep, nil
}

// row reads one row; ok is false for a skipped or persons row.
func (rd *ageSexRead) row(t *table, isLTLA func(string) bool, rep *AgeSexReport) (census.AgeSexCount, bool) {
	code := t.required("area_code")
	if code != "" && !strings.HasPrefix(code, "E") {
		rep.Skipped++
		return census.AgeSexCount{}, false
	}
	if code != "" && !isLTLA(code) {
		t.fail("area_code", "unknown area code %q: not a lower-tier local authority (2023/2024 boundaries) the atlas knows", code)
	}
	year := rd.year(t, rep)
	sex := census.Sex(strings.ToLower(t.required("sex")))
	if sex != census.Females && sex != census.Males && sex != "persons" && sex != "" {
		t.fail("sex", "%q is not a sex of the estimates: use persons, females or males", t.get("sex"))
	}
	band := t.required("age_band")
	if band != "" && !slices.Contains(census.AgeBands, band) {
		t.fail("age_band", "unknown age band %q: use one of %s", band, strings.Join(census.AgeBands, ", "))
	}
	n, total := t.count("count"), t.count("total")
	k := ageSexKey{code, sex}
	if first, ok := rd.line[k]; !ok {
		rd.line[k], rd.total[k] = t.line(), total
		rd.counts[k] = map[string]int64{}
	} else if rd.total[k] != total {
		t.fail("total", "total %d differs from %d on line %d for %s %s", total, rd.total[k], first, code, sex)
	}
	if _, dup := rd.counts[k][band]; dup {
		t.fail("age_band", "duplicate row: %s already has %s aged %s", code, sex, band)
	}
	rd.counts[k][band] = n
	if sex != "persons" {
		return census.AgeSexCount{LTLA: code, Year: year, Sex: sex, Band: band, Count: n}, true
	}
	if rd.persons[code] == nil {
		rd.persons[code] = map[string]int64{}
	}
	rd.persons[code][band] = n
	return census.AgeSexCount{}, false
}

// year reads the year and reference date, which must match the file's
// first row: the atlas holds one year of estimates by age and sex.
func (rd *ageSexRead) year(t *table, rep *AgeSexReport) int {
	ys := t.required("year")
	y, err := strconv.Atoi(ys)
	switch {
	case ys == "":
	case err != nil || y < 1900 || y > 2100:
		t.fail("year", "%q is not a year", ys)
	case rep.Year == 0:
		rep.Year = y
	case y != rep.Year:
		t.fail("year", "%d: the file holds estimates for %d already; import one year at a time", y, rep.Year)
	}
	if d := t.get("reference_date"); d != "" && d != fmt.Sprintf("%d-06-30", y) {
		t.fail("reference_date", "%q: a mid-year estimate is for 30 June of its year (%d-06-30)", d, y)
	}
	return y
}
