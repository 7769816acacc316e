package source

import (
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// SFCOptions is what reading a Skills for Care sheet needs from the atlas.
type SFCOptions struct {
	// Period is the financial year the sheet describes, "2020/21". When
	// empty it is read from a file name that has one
	// ("LA-data-download-2019-20.xlsx"); otherwise the read fails and
	// asks for it.
	Period string
	// Areas are the upper-tier local authorities, regions and England,
	// with their Census 2021 populations.
	Areas []area.Area
	// Role maps a job-role label, its prefix stripped, to a role id of
	// the taxonomy.
	Role func(label string) (string, bool)
}

// SFCReport says what a Skills for Care sheet held and how it was read.
type SFCReport struct {
	File, Period string
	Rows         int
	Records      int
	// Scales says, for each rate column, whether it held proportions or
	// percentages.
	Scales []string
	// Warnings name what was not imported and why.
	Warnings []string
}

var fyInName = regexp.MustCompile(`(20\d\d)[-_ /]?(\d\d)(?:\D|$)`)

// periodFromName finds a financial year such as 2019-20 in a file name.
func periodFromName(file string) string {
	for _, m := range fyInName.FindAllStringSubmatch(path.Base(file), -1) {
		p := m[1] + "/" + m[2]
		if workforce.IsFinancialYear(p) {
			return p
		}
	}
	return ""
}

// sfcRow is the identity of one row of the sheet, for finding duplicates.
type sfcRow struct{ area, sector, service, role string }

// ReadSFC reads Skills for Care's local authority workbook (.xlsx, sheet
// "LA level data") or a CSV export of that sheet. Columns are found by
// header name. Rows are LA area x sector x service x job role; only "All
// services" rows are imported (the atlas has no service-type breakdown).
// Authority names are matched to ONS codes, role labels lose their "Job
// role group - " or "Individual role - " prefix and are matched to the
// role taxonomy, "*" is a suppressed figure (missing, never 0), and each
// rate column is read as proportions or percentages by its values. Figures
// are the whole adult social care workforce: care need all-care-needs.
func ReadSFC(r io.Reader, file string, opt SFCOptions, progress Progress) ([]workforce.Record, SFCReport, error) {
	rep := SFCReport{File: file, Period: opt.Period}
	if rep.Period == "" {
		rep.Period = periodFromName(file)
	}
	g, err := readGrid(r, file)
	if err != nil {
		return nil, rep, err
	}
	// The header first: a file that is not a Skills for Care sheet at all
	// is better told so than asked for its year.
	h, warn, err := findHeader(g)
	if err != nil {
		return nil, rep, err
	}
	if rep.Period == "" {
		return nil, rep, &Error{File: file, Msg: "say which financial year the sheet describes (for example --period 2023/24): the file name does not say"}
	}
	if !workforce.IsFinancialYear(rep.Period) {
		return nil, rep, &Error{File: file, Msg: fmt.Sprintf("period %q is not a financial year such as 2023/24", rep.Period)}
	}
	scales := map[int]float64{}
	for _, c := range h.cols {
		if !h.meas[c].rate {
			continue
		}
		s, what, err := rateScale(g, h, c)
		if err != nil {
			return nil, rep, err
		}
		scales[c] = s
		rep.Scales = append(rep.Scales, fmt.Sprintf("%s: %s", h.name[c], what))
	}
	rd := &sfcReader{g: g, h: h, opt: opt, places: newSFCPlaces(opt.Areas), scales: scales, rep: &rep,
		ref: "Skills for Care, local authority workbook " + path.Base(file), seen: map[sfcRow]int{}}
	for r := h.row + 1; r < len(g.rows); r++ {
		rd.row(r)
		if r%2000 == 0 {
			progress(file, r, len(g.rows))
		}
		if len(rd.errs) >= maxErrors {
			break
		}
	}
	if err := rd.errs.err(); err != nil {
		return nil, rep, err
	}
	rep.Warnings = append(warn, rd.warn.list(g.name)...)
	rep.Records = len(rd.out)
	if len(rd.out) == 0 {
		return nil, rep, &Error{File: g.name, Msg: fmt.Sprintf("no figures could be imported from %d rows%s", rep.Rows, joinWarnings(rep.Warnings))}
	}
	return rd.out, rep, nil
}

// sfcReader turns the sheet's rows into records.
type sfcReader struct {
	g      *grid
	h      *sfcHeader
	opt    SFCOptions
	places *sfcPlaces
	scales map[int]float64
	rep    *SFCReport
	ref    string
	seen   map[sfcRow]int
	out    []workforce.Record
	errs   Errors
	warn   warnings
}

func (rd *sfcReader) get(r int, col string) (string, int) {
	c := rd.h.col[normHeader(col)]
	return rd.g.cell(r, c), c
}

// row reads one data row.
func (rd *sfcReader) row(r int) {
	g := rd.g
	name, ac := rd.get(r, sfcArea)
	sector, sc := rd.get(r, sfcSector)
	service, _ := rd.get(r, sfcService)
	role, rc := rd.get(r, sfcRole)
	if name == "" && sector == "" && service == "" && role == "" {
		return // a blank row
	}
	rd.rep.Rows++
	if name == "" {
		rd.errs = append(rd.errs, g.errAt(r, ac, sfcArea, "a local authority area is required"))
		return
	}
	id := sfcRow{normName(name), normName(sector), normName(service), normName(role)}
	if first, dup := rd.seen[id]; dup {
		rd.errs = append(rd.errs, g.errAt(r, ac, sfcArea, "duplicate row: %s, %s, %s, %s is already on line %d", name, sector, service, role, first))
		return
	}
	rd.seen[id] = g.lines[r]
	parts, ok := rd.places.resolve(name)
	if !ok {
		if why, former := formerCouncil(name); former {
			rd.warn.add(fmt.Sprintf("%q is not an area on today's boundaries (%s): its rows are not imported, and its figures are not given to its successors", name, why), g.lines[r])
			return
		}
		rd.errs = append(rd.errs, g.errAt(r, ac, sfcArea, "unknown local authority area %q: not an upper-tier authority, region or England the atlas knows, nor a Skills for Care spelling of one", name))
		return
	}
	if normName(service) != "all services" {
		rd.warn.add(fmt.Sprintf("rows for one service type (such as %q) are not imported: the atlas has no service-type breakdown, only All services", service), g.lines[r])
		return
	}
	sect, ok := sfcSectorID(sector)
	if !ok {
		rd.warn.add(fmt.Sprintf("sector %q is not one the atlas knows (%s): rows not imported", sector, sectorNames()), g.lines[r])
		return
	}
	roleID, ok := rd.opt.Role(stripRolePrefix(role))
	if !ok {
		rd.warn.add(fmt.Sprintf("job role %q is not in the role taxonomy (data/workforce/roles.csv): rows not imported; add it there to import them", stripRolePrefix(role)), g.lines[r])
		return
	}
	for _, c := range rd.h.cols {
		rd.measure(r, c, rd.h.meas[c], parts, sect, roleID, map[string]int{"area_code": ac + 1, "sector": sc + 1, "role": rc + 1, "value": c + 1})
	}
}

// measure makes the records of one measure cell.
func (rd *sfcReader) measure(r, c int, m sfcMeasure, parts []part, sector, role string, cols map[string]int) {
	s := rd.g.cell(r, c)
	if s == "" {
		return // not published for this row
	}
	var v *float64
	if !suppressed(s) {
		f, err := parseNumber(s)
		if err != nil {
			rd.errs = append(rd.errs, rd.g.errAt(r, c, rd.h.name[c], "%q is not a number (a suppressed figure is written *)", s))
			return
		}
		if !m.rate && f < 0 {
			rd.errs = append(rd.errs, rd.g.errAt(r, c, rd.h.name[c], "%g is negative: counts cannot be", f))
			return
		}
		if m.rate {
			// 0.059 × 100 is 5.8999999999999995 in floating point: round
			// away the artefact, far below any published precision.
			f = math.Round(f*rd.scales[c]*1e9) / 1e9
		}
		v = &f
	}
	for _, p := range parts {
		val := v
		if v != nil && !m.rate && p.Share != 1 {
			x := *v * p.Share // a count is shared out by population
			val = &x
		}
		rd.out = append(rd.out, workforce.Record{AreaType: p.Type, AreaCode: p.Code, Period: rd.rep.Period,
			CareNeed: workforce.AllCareNeeds, Sector: sector, Role: role, Measure: m.measure, Value: val,
			File: rd.g.name, Line: rd.g.lines[r], Ref: rd.ref, Columns: cols})
	}
}

// stripRolePrefix removes the prefix older workbooks put on job roles.
func stripRolePrefix(s string) string {
	for _, p := range []string{"job role group - ", "individual role - "} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// sfcSectors maps Skills for Care's sector labels (normalised) to ids.
var sfcSectors = map[string]string{
	"all sectors": workforce.AllSectors, "all": workforce.AllSectors,
	"local authority": workforce.SectorLocalAuthority, "local authority adult services": workforce.SectorLocalAuthority,
	"independent": workforce.SectorIndependent, "independent sector": workforce.SectorIndependent,
	"voluntary": workforce.SectorVoluntary, "voluntary and community": workforce.SectorVoluntary, "voluntary community": workforce.SectorVoluntary,
	"nhs":                       workforce.SectorNHS,
	"direct payment recipients": workforce.SectorDirectPayments, "individual employers direct payment recipients": workforce.SectorDirectPayments,
}

func sfcSectorID(label string) (string, bool) {
	id, ok := sfcSectors[normName(strings.ReplaceAll(label, "/", " "))]
	return id, ok
}

func sectorNames() string {
	names := make([]string, len(workforce.Sectors))
	for i, s := range workforce.Sectors {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}
