package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// publishedKinds are the import kinds for published formats: Skills for
// Care's workbook, NHS Digital's workforce file, and per-area indicator
// exports from Fingertips, LG Inform and ASCOF.
var publishedKinds = map[string]string{
	"sfc":        "sfc [--period 2023/24] FILE (.xlsx, or .csv export of the LA level data sheet)",
	"nhs-fte":    "nhs-fte FILE TRUSTS_FILE",
	"fingertips": "fingertips FILE",
	"lginform":   "lginform FILE",
	"ascof":      "ascof FILE",
}

// importPublished runs one of the publishedKinds; args follow the kind.
func importPublished(ctx context.Context, st *sqlite.Store, kind string, args []string, opt atlas.ImportOptions, verb string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("import "+kind, flag.ContinueOnError)
	fset.SetOutput(stderr)
	var period string
	if kind == "sfc" {
		fset.StringVar(&period, "period", "", "the financial year the workbook describes, e.g. 2023/24 (default: from the file name)")
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	files := fset.Args()
	want := 1
	if kind == "nhs-fte" {
		want = 2
	}
	if len(files) != want {
		return fmt.Errorf("import %s: use mhatlas import [--db PATH] [--dry-run] %s", kind, publishedKinds[kind])
	}
	switch kind {
	case "sfc":
		frep, rep, err := atlas.ImportSFC(ctx, st, osFiles{}, files[0], period, opt)
		printWarnings(stdout, frep.Warnings)
		if err != nil {
			return err
		}
		for _, s := range frep.Scales {
			fmt.Fprintf(stdout, "rates: %s\n", s)
		}
		fmt.Fprintf(stdout, "%s %d figures (%d suppressed) for %s from %d rows of %s into dataset %s.\n",
			verb, rep.Records, rep.Suppressed, frep.Period, frep.Rows, files[0], rep.Dataset)
	case "nhs-fte":
		res, err := atlas.ImportNHSFTE(ctx, st, osFiles{}, files[0], files[1], data.FS, opt)
		if err != nil {
			return err
		}
		for _, p := range res.Placements {
			where := "headquarters inside it"
			if p.Metres > 0 {
				where = fmt.Sprintf("headquarters %.0f m outside it", p.Metres)
				if p.Outside != "" {
					where += ", in " + p.Outside + " of another region"
				}
			}
			fmt.Fprintf(stdout, "%s %s: %s; %s (%s)\n", p.Code, p.Name, p.Region.Name, p.ICB.Name, where)
		}
		fmt.Fprintf(stdout, "%s %d FTE figures for %d mental health trusts (%d of %d rows) into dataset %s.\n",
			verb, res.Workforce.Records, len(res.Placements), res.File.MentalHealthRows, res.File.Rows, res.Workforce.Dataset)
		fmt.Fprintln(stdout, "note:", atlas.NoteNHSPlacement)
	default:
		var res *atlas.PublishedResult
		var err error
		switch kind {
		case "fingertips":
			res, err = atlas.ImportFingertips(ctx, st, osFiles{}, files[0], opt)
		case "lginform":
			res, err = atlas.ImportLGInform(ctx, st, osFiles{}, files[0], opt)
		case "ascof":
			res, err = atlas.ImportASCOF(ctx, st, osFiles{}, files[0], opt)
		}
		if err != nil {
			return err
		}
		printPublished(stdout, res, verb)
	}
	return nil
}

func printPublished(w io.Writer, res *atlas.PublishedResult, verb string) {
	printWarnings(w, res.Report.Warnings)
	for _, m := range res.Indicators {
		fmt.Fprintf(w, "%s: %s (%s; %s; %s)\n", m.ID, m.Name, m.ValueType, strings.Join(m.Periods, ", "), areaTypeList(m))
	}
	fmt.Fprintf(w, "%s %d indicators with %d values from %d rows into dataset %s.\n",
		verb, len(res.Indicators), res.Values, res.Report.Rows, res.Dataset.ID)
}

func printWarnings(w io.Writer, ws []string) {
	for _, s := range ws {
		fmt.Fprintln(w, "warning:", s)
	}
}

// areaTypeList names an indicator's area types, "utla, region, england".
func areaTypeList(m indicator.Meta) string {
	ts := make([]string, len(m.AreaTypes))
	for i, t := range m.AreaTypes {
		ts[i] = string(t)
	}
	return strings.Join(ts, ", ")
}
