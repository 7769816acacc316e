package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/service"
	"github.com/mhatlas/mhatlas/internal/source"
)

// The ids of the real directories the atlas knows how to import. They
// stay the same across yearly files, so a refresh updates in place.
const (
	TraffordDatasetID  = "trafford-mh-services"
	NHSTrustsDatasetID = "nhs-mh-trusts"
	NHSHospDatasetID   = "nhs-mh-hospitals"
	// TraffordLTLA is Trafford, the area Trafford's directory covers.
	TraffordLTLA = "E08000009"
)

// The files of the embedded default dataset, inside the data folder.
const (
	DefaultServiceTypes     = "services/service_types.csv"
	DefaultPopulationGroups = "services/population_groups.csv"
	DefaultTrafford         = "services/trafford_mental_health_services_2018.csv"
	DefaultTraffordClasses  = "services/trafford_classification.csv"
	DefaultNHSTrusts        = "services/nhs_trusts_england_2022.csv"
	DefaultNHSHospitals     = "services/nhs_website_hospitals_2018.csv"
)

// ogl is the licence statement of the NHS files.
const ogl = "Open Government Licence v3.0. Contains public sector information licensed under the Open Government Licence v3.0."

// ImportTemplate imports a services file in the mhatlas template. Each
// directory named in the file becomes a dataset with the id "directory-"
// and its name in slug form, so re-importing a file whose directory has
// the same name updates its services in place.
func (im *ServiceImporter) ImportTemplate(ctx context.Context, fsys fs.FS, file string) (*ServiceResult, error) {
	tax, err := im.taxonomy(ctx)
	if err != nil {
		return nil, err
	}
	isArea := func(code string) bool {
		as, err := im.Store.AreasByCode(ctx, code)
		return err == nil && len(as) > 0
	}
	f, err := openServiceFile(fsys, file)
	if err != nil {
		return nil, err
	}
	dirs, rep, err := source.ReadServicesTemplate(f, file, tax, isArea)
	f.Close()
	if err != nil {
		return nil, err
	}
	res := &ServiceResult{Reports: []source.ServiceReport{rep}}
	var sets []ServiceSet
	for _, d := range dirs {
		set := ServiceSet{Dataset: templateDataset(d, file), Services: d.Services,
			Source: service.Source{Groups: true}}
		if set.Source.Coverage, err = im.coverageOf(ctx, d.Covers); err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}
	return res, im.store(ctx, sets, res)
}

func templateDataset(d source.Directory, file string) Dataset {
	ds := Dataset{ID: "directory-" + service.Slug(d.Name), Name: d.Name, Publisher: d.Publisher, Licence: d.Licence,
		Files: []string{file}, ImportedAt: time.Now().UTC(), Rows: len(d.Services)}
	if ds.Publisher == "" {
		ds.Publisher = d.Name
	}
	if ds.Licence == "" {
		ds.Licence = "Licence not stated by the publisher."
	}
	for _, s := range d.Services {
		if s.Verified > ds.Vintage {
			ds.Vintage = s.Verified
		}
	}
	if ds.Vintage == "" {
		ds.Vintage = "not stated"
	} else {
		ds.Vintage = "last verified " + ds.Vintage
	}
	return ds
}

// coverageOf turns the areas a directory says it covers into the
// lower-tier authorities that overlap them.
func (im *ServiceImporter) coverageOf(ctx context.Context, codes []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, code := range codes {
		a, _, err := (&Service{Store: im.Store}).Area(ctx, code, "")
		if err != nil {
			return nil, err
		}
		ws, err := im.Store.WeightsInto(ctx, area.LTLA, a.Type, a.Code)
		if err != nil {
			return nil, err
		}
		for _, w := range ws {
			if !seen[w.FromCode] {
				seen[w.FromCode] = true
				out = append(out, w.FromCode)
			}
		}
	}
	return out, nil
}

// ImportTrafford imports Trafford Council's directory with its
// classification file (see source.ReadTrafford). The directory covers
// Trafford; services it lists elsewhere are kept and counted where they
// stand.
func (im *ServiceImporter) ImportTrafford(ctx context.Context, fsys fs.FS, file, classFile string) (*ServiceResult, error) {
	tax, err := im.taxonomy(ctx)
	if err != nil {
		return nil, err
	}
	f, err := openServiceFile(fsys, file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := openServiceFile(fsys, classFile)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	ss, rep, err := source.ReadTrafford(f, file, c, classFile, tax)
	if err != nil {
		return nil, err
	}
	res := &ServiceResult{Reports: []source.ServiceReport{rep}, Notes: rep.Notes}
	ds := Dataset{ID: TraffordDatasetID, Name: "Mental Health Services for Trafford Residents (Trafford Council)",
		Publisher: "Trafford Council (Trafford Data Lab)", Vintage: "correct as of July 2018",
		Licence: "Contains information from Trafford Council licensed under the Open Government Licence v3.0.",
		Files:   []string{file, classFile}, ImportedAt: time.Now().UTC(), Rows: len(ss)}
	set := ServiceSet{Dataset: ds, Services: ss, Source: service.Source{Groups: true, Coverage: []string{TraffordLTLA}}}
	return res, im.store(ctx, []ServiceSet{set}, res)
}

// ImportNHS imports the NHS mental health trusts (2022; points are
// headquarters) and the hospitals flagged as mental health provision
// (2018) in one transaction. Both cover all of England for what they
// record.
func (im *ServiceImporter) ImportNHS(ctx context.Context, fsys fs.FS, trustsFile, hospitalsFile string) (*ServiceResult, error) {
	if _, err := im.taxonomy(ctx, source.TypeTrustHeadquarters, source.TypeMentalHealthHosp, source.TypeMentalHealthTrustH); err != nil {
		return nil, err
	}
	read := func(name string, fn func(f fs.File) ([]service.Service, source.ServiceReport, error)) ([]service.Service, source.ServiceReport, error) {
		f, err := openServiceFile(fsys, name)
		if err != nil {
			return nil, source.ServiceReport{}, err
		}
		defer f.Close()
		return fn(f)
	}
	trusts, trep, err := read(trustsFile, func(f fs.File) ([]service.Service, source.ServiceReport, error) {
		return source.ReadNHSTrusts(f, trustsFile)
	})
	if err != nil {
		return nil, err
	}
	hosps, hrep, err := read(hospitalsFile, func(f fs.File) ([]service.Service, source.ServiceReport, error) {
		return source.ReadNHSHospitals(f, hospitalsFile)
	})
	if err != nil {
		return nil, err
	}
	res := &ServiceResult{Reports: []source.ServiceReport{trep, hrep}, Notes: append(trep.Notes, hrep.Notes...)}
	sets := []ServiceSet{
		{Dataset: Dataset{ID: NHSTrustsDatasetID, Name: "NHS mental health trusts, headquarters locations (2022)",
			Publisher: "NHS Digital Organisation Data Service; NHS England; Care Quality Commission",
			Vintage:   "April 2022 (CQC inspection category, January 2022)", Licence: ogl,
			Files: []string{trustsFile}, ImportedAt: time.Now().UTC(), Rows: len(trusts)},
			Services: trusts, Source: service.Source{England: true, Types: []string{source.TypeTrustHeadquarters}, Sectors: []service.Sector{service.NHS}}},
		{Dataset: Dataset{ID: NHSHospDatasetID, Name: "Mental health hospitals listed on the NHS website (2018)",
			Publisher: "NHS website (NHS Choices), hospital dataset", Vintage: "September 2018", Licence: ogl,
			Files: []string{hospitalsFile}, ImportedAt: time.Now().UTC(), Rows: len(hosps)},
			Services: hosps, Source: service.Source{England: true, Types: []string{source.TypeMentalHealthHosp, source.TypeMentalHealthTrustH},
				Sectors: []service.Sector{service.NHS, service.Independent}}},
	}
	return res, im.store(ctx, sets, res)
}

// LoadDefaultServices imports the services part of the embedded default
// dataset: the taxonomy, the NHS files and Trafford's directory.
func LoadDefaultServices(ctx context.Context, st Store, ss ServiceStore, fsys fs.FS, opt ImportOptions) error {
	im := &ServiceImporter{Store: st, Services: ss, Boundaries: fsys, Options: opt}
	if _, err := im.ImportTaxonomy(ctx, fsys, DefaultServiceTypes, DefaultPopulationGroups); err != nil {
		return fmt.Errorf("service taxonomy: %w", err)
	}
	if _, err := im.ImportNHS(ctx, fsys, DefaultNHSTrusts, DefaultNHSHospitals); err != nil {
		return fmt.Errorf("NHS services: %w", err)
	}
	if _, err := im.ImportTrafford(ctx, fsys, DefaultTrafford, DefaultTraffordClasses); err != nil {
		return fmt.Errorf("Trafford services: %w", err)
	}
	return nil
}

// baseName is a file's name without its folders, for dataset names.
func baseName(file string) string { return path.Base(file) }
