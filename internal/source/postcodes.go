package source

import (
	"fmt"
	"io"

	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// PostcodeReport says what a postcode file held.
type PostcodeReport struct {
	File string
	Rows int
	// Stored counts postcodes with coordinates.
	Stored int
	// NoLocation counts postcodes the file gives no location for (the ONS
	// Postcode Directory writes latitude 99.999999 for them).
	NoLocation int
}

// Column names accepted for each field, in order of preference: the ONS
// Postcode Directory's own names first, then plain ones.
var (
	postcodeCols = []string{"pcds", "pcd", "pcd7", "pcd8", "postcode"}
	latCols      = []string{"lat", "latitude"}
	lonCols      = []string{"long", "longitude"}
	lsoaCols     = []string{"lsoa21cd", "lsoa21", "lsoa11cd", "lsoa11", "lsoa"}
)

// ReadPostcodes reads an ONS Postcode Directory style CSV (postcode,
// latitude, longitude and optionally LSOA, columns found by the names
// above) and hands each located postcode to put as it goes, so that a file
// of millions of rows is never held in memory. put returns false for a
// postcode already given, which is an error naming both lines' postcode.
// Rows without a location are counted, not stored.
func ReadPostcodes(r io.Reader, file string, put func(service.Postcode) (bool, error), progress Progress) (PostcodeReport, error) {
	rep := PostcodeReport{File: file}
	r, err := csvInput(r, file)
	if err != nil {
		return rep, err
	}
	t, err := newTable(r, file)
	if err != nil {
		return rep, err
	}
	foldHeader(t) // ONSPD has written its headers in capitals ("PCDS", "LAT") as well as in lower case
	pcCol, latCol, lonCol, lsoaCol := pickColumn(t, postcodeCols), pickColumn(t, latCols), pickColumn(t, lonCols), pickColumn(t, lsoaCols)
	if pcCol == "" || latCol == "" || lonCol == "" {
		return rep, &Error{File: file, Line: 1, Msg: fmt.Sprintf("a postcode file needs a postcode column (one of %v), a latitude (lat) and a longitude (long); the header has: %v",
			postcodeCols, t.header)}
	}
	for t.next() {
		rep.Rows++
		if rep.Rows%50000 == 0 {
			progress(file, rep.Rows, 0)
		}
		raw := t.required(pcCol)
		pc, ok := service.NormalisePostcode(raw)
		if raw != "" && !ok {
			t.fail(pcCol, "%q is not a valid postcode", raw)
			continue
		}
		lat, err1 := parseFloat(t.get(latCol))
		lon, err2 := parseFloat(t.get(lonCol))
		switch {
		case t.get(latCol) == "" || t.get(lonCol) == "" || lat > 99:
			rep.NoLocation++
			continue
		case err1 != nil || lat < -90:
			t.fail(latCol, "%q is not a latitude", t.get(latCol))
			continue
		case err2 != nil || lon < -180 || lon > 180:
			t.fail(lonCol, "%q is not a longitude", t.get(lonCol))
			continue
		}
		if len(t.errs) > 0 {
			continue // the import will fail: stop writing, keep checking
		}
		p := service.Postcode{Postcode: pc, Point: geo.Point{Lon: lon, Lat: lat}}
		if lsoaCol != "" {
			p.LSOA = t.get(lsoaCol)
		}
		added, err := put(p)
		if err != nil {
			return rep, err
		}
		if !added {
			t.fail(pcCol, "%s appears more than once in the file", pc)
			continue
		}
		rep.Stored++
	}
	progress(file, rep.Rows, rep.Rows)
	return rep, t.errs.err()
}

// pickColumn returns the first of names the header has, or "".
func pickColumn(t *table, names []string) string {
	for _, n := range names {
		if _, ok := t.index[n]; ok {
			return n
		}
	}
	return ""
}
