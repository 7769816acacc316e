package source

// sfcFormer lists councils with adult social services duties that Skills
// for Care's older workbooks report (the 2019/20 and October 2021 ones
// among them) and that no longer exist, with what became of them. Their
// figures belong to no area on the atlas's boundaries: the rows are
// reported and not imported, never shared out to successors by guesswork
// (as the ASCOF importer treats the same councils).
var sfcFormer = map[string]string{
	"cumbria":          "abolished in April 2023; now Cumberland, and Westmorland and Furness",
	"northamptonshire": "abolished in April 2021; now North Northamptonshire and West Northamptonshire",
	"bournemouth":      "merged in April 2019 into Bournemouth, Christchurch and Poole",
	"poole":            "merged in April 2019 into Bournemouth, Christchurch and Poole",
}

// formerCouncil says what became of a council a workbook names that is
// not on today's boundaries.
func formerCouncil(name string) (string, bool) {
	why, ok := sfcFormer[normName(name)]
	return why, ok
}
