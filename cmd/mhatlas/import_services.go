package main

import (
	"context"
	"fmt"
	"io"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// serviceKinds are the import kinds for services, with their usage.
var serviceKinds = map[string]string{
	"services":         "services FILE (the mhatlas services template)",
	"trafford":         "trafford FILE CLASSIFICATION (Trafford Council's directory and its classification)",
	"nhs-services":     "nhs-services TRUSTS HOSPITALS (nhs_trusts_england_2022.csv and nhs_website_hospitals_2018.csv)",
	"postcodes":        "postcodes FILE (an ONS Postcode Directory style CSV)",
	"service-taxonomy": "service-taxonomy FILE... (service_types.csv and/or population_groups.csv)",
}

// importServices runs one of the serviceKinds. Boundaries for placing
// services come from the embedded data.
func importServices(ctx context.Context, st *sqlite.Store, kind string, files []string, opt atlas.ImportOptions, verb string, stdout io.Writer) error {
	want := map[string]int{"services": 1, "trafford": 2, "nhs-services": 2, "postcodes": 1}[kind]
	if (want > 0 && len(files) != want) || len(files) == 0 {
		return fmt.Errorf("import %s: use mhatlas import [--db PATH] [--dry-run] %s", kind, serviceKinds[kind])
	}
	im := &atlas.ServiceImporter{Store: st, Services: st, Boundaries: data.FS, Options: opt}
	var res *atlas.ServiceResult
	var err error
	switch kind {
	case "service-taxonomy":
		rs, err := im.ImportTaxonomy(ctx, osFiles{}, files...)
		if err != nil {
			return err
		}
		for _, r := range rs {
			fmt.Fprintf(stdout, "%s %d %s from %s.\n", verb, r.Terms, r.Kind, r.File)
		}
		return nil
	case "postcodes":
		pr, err := im.ImportPostcodes(ctx, osFiles{}, files[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s %d postcodes from %s (%d rows; %d without a location skipped).\n",
			verb, pr.Report.Stored, files[0], pr.Report.Rows, pr.Report.NoLocation)
		placed := "are now placed"
		if opt.DryRun {
			placed = "would be placed"
		}
		fmt.Fprintf(stdout, "%d of %d services waiting for a location %s by postcode.\n", pr.Placed, pr.Waiting, placed)
		return nil
	case "services":
		res, err = im.ImportTemplate(ctx, osFiles{}, files[0])
	case "trafford":
		res, err = im.ImportTrafford(ctx, osFiles{}, files[0], files[1])
	case "nhs-services":
		res, err = im.ImportNHS(ctx, osFiles{}, files[0], files[1])
	}
	if err != nil {
		return err
	}
	printServiceResult(stdout, res, verb)
	return nil
}

func printServiceResult(w io.Writer, res *atlas.ServiceResult, verb string) {
	for _, r := range res.Reports {
		fmt.Fprintf(w, "%s: %d rows read\n", r.File, r.Rows)
		for _, e := range r.Warnings {
			fmt.Fprintf(w, "warning: %s\n", e)
		}
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	for _, n := range res.NotLocated {
		fmt.Fprintf(w, "not located: %s\n", n)
	}
	fmt.Fprintf(w, "%s %d services: %d placed by coordinates, %d by postcode, %d not located.\n", verb, res.Services,
		res.Located[service.ByCoordinates], res.Located[service.ByPostcode], res.Located[service.NotLocated])
	for _, c := range res.Changes {
		fmt.Fprintf(w, "%s: %d added, %d updated, %d unchanged, %d removed.\n", c.Dataset, c.Added, c.Updated, c.Unchanged, c.Removed)
	}
}
