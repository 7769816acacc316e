package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// apiDataCSV serves the same values as /api/v1/data as a CSV file for
// spreadsheets. Every row repeats the indicator, period, source and licence,
// so a row copied elsewhere still says where it came from.
func (s *Server) apiDataCSV(w http.ResponseWriter, r *http.Request) {
	d, err := s.svc.Data(r.Context(), queryFrom(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	name := fmt.Sprintf("mhatlas-%s-%s-%s.csv", d.Meta.ID, d.Type, strings.ReplaceAll(d.Period, "/", "-"))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"area_code", "area_name", "area_type", "indicator", "indicator_name", "period", "value", "numerator", "denominator", "unit", "note", "source", "licence"})
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	source := d.Meta.Source
	if d.Dataset != nil {
		source = d.Dataset.Name + " (" + d.Dataset.Publisher + ")"
	}
	rows := d.Values
	if d.England != nil {
		rows = append(rows, *d.England)
	}
	for _, v := range rows {
		val, den := "", ""
		if v.Value != nil {
			val = num(*v.Value)
		}
		if v.Denominator != 0 {
			den = num(v.Denominator)
		}
		typ, name := string(v.AreaType), v.AreaName
		if v.AreaCode == "" || typ == "" {
			typ, name = "england", "England"
		}
		code := v.AreaCode
		if code == "" {
			code = "E92000001"
		}
		numer := num(v.Numerator)
		if v.RateOnly || v.Value == nil && v.Numerator == 0 {
			numer = "" // published without counts, or missing: never a zero
		}
		writeSafeRow(cw, []string{code, name, typ, d.Meta.ID, d.Meta.Name, d.Period, val, numer, den, d.Meta.Unit, v.Note, source, d.Meta.Licence}, 6, 7, 8)
	}
	cw.Flush()
}
