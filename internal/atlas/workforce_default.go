package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/mhatlas/mhatlas/internal/source"
)

// Files of the embedded workforce dataset (see data/workforce/PROVENANCE.md).
const (
	DefaultRolesFile       = "workforce/roles.csv"
	DefaultPopulationFile  = "census2021/mid_year_estimates/mye_total_population_lad23_2011_2023.csv"
	DefaultSFCHeadlineFile = "workforce/sfc_asc_workforce_england_regions_from_pages.csv"
	DefaultMHPagesFile     = "workforce/asc_mental_health_workforce_from_pages.csv"
)

// LoadDefaultWorkforce imports the embedded workforce data: the role
// taxonomy (which other workforce imports need first), the ONS mid-year
// estimates, and the Skills for Care and AMHP figures typed in from
// published pages, each file through the "from pages" converter.
func LoadDefaultWorkforce(ctx context.Context, st Store, fsys fs.FS, opt ImportOptions) error {
	if _, err := ImportRoles(ctx, st, fsys, DefaultRolesFile, opt); err != nil {
		return err
	}
	if _, err := ImportPopulationEstimates(ctx, st, fsys, DefaultPopulationFile, opt); err != nil {
		return err
	}
	for _, f := range []struct {
		file string
		spec source.PagesSpec
	}{{DefaultSFCHeadlineFile, sfcHeadlineSpec}, {DefaultMHPagesFile, mentalHealthPagesSpec}} {
		if _, err := ImportFromPages(ctx, st, fsys, f.file, f.spec, opt); err != nil {
			return err
		}
	}
	return nil
}

// ImportFromPages converts a "from pages" file with its spec and imports
// each dataset it fills (described in pagesDatasets).
func ImportFromPages(ctx context.Context, st Store, fsys fs.FS, file string, spec source.PagesSpec, opt ImportOptions) (source.PagesReport, error) {
	areas, err := allAreas(ctx, st)
	if err != nil {
		return source.PagesReport{}, err
	}
	f, err := fsys.Open(file)
	if err != nil {
		return source.PagesReport{}, err // a *fs.PathError already names the file
	}
	defer f.Close()
	byDataset, rep, err := source.ReadFromPages(f, file, spec, source.NewWorkforceAreas(areas))
	if err != nil {
		return rep, err
	}
	ids := make([]string, 0, len(byDataset))
	for id := range byDataset {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ds, ok := pagesDatasets[id]
		if !ok {
			return rep, fmt.Errorf("%s: no description of dataset %q", file, id)
		}
		ds.Files = []string{file}
		ds.ImportedAt = time.Now().UTC()
		if _, err := ImportWorkforceRecords(ctx, st, ds, byDataset[id], opt); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// Dataset ids of the figures typed in from published pages.
const (
	SFCHeadlinesID      = "skills-for-care-headlines"
	SFCMentalHealth1920 = "skills-for-care-mental-health-2019-20"
	AMHPMentalHealthID  = "amhp-mental-health-workforce"
)

const sfcLicence = "© Skills for Care. Individual figures quoted with attribution from Skills for Care's published reports and pages " +
	"(each row names its page); no open licence was found for them. See data/workforce/PROVENANCE.md."

var pagesDatasets = map[string]Dataset{
	SFCHeadlinesID: {ID: SFCHeadlinesID,
		Name:      "Skills for Care headline figures for the whole adult social care workforce, England and regions",
		Publisher: "Skills for Care", Vintage: "2016/17 to 2024/25, from reports published 2017 to 2025", Licence: sfcLicence,
		Notes: []string{
			"All care needs: the whole adult social care workforce, shown as context and never added into the mental health figures.",
			"Headline figures are as published, often rounded (\"1.6 million\"); some are quoted by news pages citing Skills for Care's reports.",
			"Where Skills for Care published a rate, the rate is shown as published; rates computed from rounded counts would differ.",
			"2024/25: Skills for Care appears to have changed how posts are counted in 2025 (total posts fell from 1.84 million to 1.71 million while the same release reports growth): do not compare 2024/25 with earlier years without checking the report.",
		}},
	SFCMentalHealth1920: {ID: SFCMentalHealth1920,
		Name:      "Skills for Care: jobs at employers offering services to people with mental health needs, England, 2019/20",
		Publisher: "Skills for Care", Vintage: "2019/20 (blog of 16 November 2020)", Licence: sfcLicence,
		Notes: []string{
			"These are all jobs at employers that offer services to people with mental health needs (about 585,000), not Skills for Care's later split of the workforce by care need: they are not comparable with AMHP's figures and are kept as a dataset of their own.",
			"Figures are approximate, as published.",
		}},
	AMHPMentalHealthID: {ID: AMHPMentalHealthID,
		Name:      "Association of Mental Health Providers: the mental health social care workforce, from Skills for Care data",
		Publisher: "Association of Mental Health Providers (AMHP), from Skills for Care data", Vintage: "published 24 May 2023 and 25 November 2024",
		Licence: "Figures quoted with attribution from AMHP's press releases, built on Skills for Care data. See data/workforce/PROVENANCE.md.",
		Notes: []string{
			"Period: AMHP's dashboard of 24 May 2023 does not say which year its figures describe. The atlas files them under 2021/22, the latest year of Skills for Care data published by then (October 2022); if the dashboard was launched in May 2022, as its press release's text says, they describe 2020/21.",
			"The dashboard's filled posts are lower bounds (\"over 536,000\", \"over 16,000\"): per-population figures built on them are bounds too.",
			"The 2023/24 figures count employees (621,500), not filled posts; AMHP's 13,500 vacancies (3,000 specialist) come without filled posts and are not loaded. The 8.5% vacancy rate is AMHP's figure across the 42 ICBs.",
		}},
}
