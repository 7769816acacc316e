package source

import (
	"fmt"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// templatePercentRates are the template's published rates, written in per
// cent (27.8, not 0.278).
var templatePercentRates = []workforce.Measure{workforce.VacancyRatePublished, workforce.TurnoverRatePublished,
	workforce.ZeroHoursSharePublished, workforce.PermanentSharePublished}

// rateScaleWarnings warns when every value of a per-cent rate in a file
// lies between 0 and 1: most likely proportions (0.085 for 8.5%), which
// would be stored as rates a hundred times too small. It is a warning,
// not an error, since a rate below 1% is possible.
func rateScaleWarnings(file string, recs []workforce.Record) []string {
	var out []string
	for _, m := range templatePercentRates {
		var lines []int
		small := true
		for _, r := range recs {
			if r.Measure != m || r.Value == nil {
				continue
			}
			if *r.Value > 1 {
				small = false
				break
			}
			if *r.Value > 0 {
				lines = append(lines, r.Line)
			}
		}
		if small && len(lines) > 0 {
			out = append(out, fmt.Sprintf("%s: every %s value is between 0 and 1 (%s): rates are per cent, 8.5 for 8.5%%; if these are proportions, multiply them by 100 and import the file again",
				file, m, linesText(lines)))
		}
	}
	return out
}

// linesText names up to five lines, "lines 2, 5 and 3 more".
func linesText(lines []int) string {
	s := "line"
	if len(lines) > 1 {
		s += "s"
	}
	for i, l := range lines {
		if i == 5 {
			return s + fmt.Sprintf(" and %d more", len(lines)-5)
		}
		if i > 0 {
			s += ","
		}
		s += fmt.Sprintf(" %d", l)
	}
	return s
}
