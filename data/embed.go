// Package data embeds the atlas's default dataset: real, openly licensed
// files with their provenance (see PROVENANCE.md in each folder). The
// importers read them exactly as they would read a user's files.
package data

import "embed"

// FS holds the default dataset, rooted at this folder.
//
//go:embed geo/*.csv geo/*.geojson geo/*.topojson geo/PROVENANCE.md census2021/PROVENANCE.md census2021/lad23 census2021/mid_year_estimates
//go:embed services/*.csv services/PROVENANCE.md
//go:embed workforce/*.csv workforce/PROVENANCE.md
var FS embed.FS
