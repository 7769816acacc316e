package atlas

import (
	"context"
	"io/fs"
	"time"

	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/source"
)

// DefaultASCOFFile is the ASCOF file of the embedded dataset.
const DefaultASCOFFile = "workforce/ascof_mental_health_1f_1h_by_council_2018_2021.csv"

const (
	ascofPublisher = "NHS Digital"
	ascofLicence   = "Source: NHS Digital, Measures from the Adult Social Care Outcomes Framework, England. Licensed under the Open Government Licence v3.0."
	ascofSource    = "NHS Digital, Measures from the Adult Social Care Outcomes Framework (ASCOF), England, measure "
)

// ascofDefinitions say what each measure counts, in NHS Digital's terms.
var ascofDefinitions = map[string]string{
	"1F": "The proportion of adults in contact with secondary mental health services who are in paid employment " +
		"(ASCOF measure 1F), as a percentage. NHS Digital derives it from the Mental Health Services Data Set (MHSDS).",
	"1H": "The proportion of adults in contact with secondary mental health services who live independently, with or " +
		"without support (ASCOF measure 1H), as a percentage. NHS Digital derives it from the Mental Health Services Data Set (MHSDS).",
}

// ImportASCOF imports ASCOF measures 1F and 1H (people in contact with
// secondary mental health services: in paid work, living independently)
// as indicators for councils with adult social services duties, regions
// and England, as published.
func ImportASCOF(ctx context.Context, st ExtraIndicatorStore, fsys fs.FS, file string, opt ImportOptions) (*PublishedResult, error) {
	pub, err := readPublished(ctx, st, fsys, file, source.ReadASCOF, opt)
	if err != nil {
		return nil, err
	}
	ds := Dataset{ID: "ascof-mental-health", Name: "Measures from the Adult Social Care Outcomes Framework: 1F and 1H (people in contact with secondary mental health services), by council",
		Publisher: ascofPublisher, Vintage: "Financial years " + periodsOf(pub), Licence: ascofLicence,
		Files: []string{file}, ImportedAt: time.Now().UTC(), Rows: pub.Report.Rows}
	var metas []indicator.Meta
	for _, pi := range pub.Indicators {
		m := publishedMeta(pi, "Adult social care outcomes (ASCOF)", ascofSource+pi.SourceID, ascofPublisher, ascofLicence)
		m.Definition, m.Polarity = ascofDefinitions[pi.SourceID], indicator.HighIsGood
		m.Notes = append(m.Notes,
			"Published for councils with adult social services duties (upper-tier local authorities), regions and England. "+
				"Councils merged or abolished since (Bournemouth, Poole and Dorset in 2019; Buckinghamshire in 2020; Northamptonshire in 2021; "+
				"Cumbria, North Yorkshire and Somerset in 2023) have no value on today's boundaries: their figures are reported at import, not reassigned.",
			"Values are whole percentages as NHS Digital published them; a suppressed value ([c]) is shown as missing.")
		metas = append(metas, m)
	}
	return storePublished(ctx, st, ds, metas, pub, opt)
}
