package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// osFiles opens files by the paths users type, relative or absolute,
// which fs.FS names cannot be.
type osFiles struct{}

func (osFiles) Open(name string) (fs.File, error) { return os.Open(name) }

// importKinds lists every kind `mhatlas import` takes, for its messages.
var importKinds = []string{"default", "geography", "census", "workforce", "roles", "population", "sfc", "nhs-fte",
	"fingertips", "lginform", "ascof", "services", "trafford", "nhs-services", "postcodes", "service-taxonomy", "age-sex"}

func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("import", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("db", defaultDB, "SQLite database file")
	dry := fset.Bool("dry-run", false, "read and check the files and report, without changing the database")
	if err := fset.Parse(hoistCommonFlags(args)); err != nil {
		return err
	}
	rest := fset.Args()
	if len(rest) == 0 {
		return fmt.Errorf("import: say what to import: one of %s (see mhatlas help)", strings.Join(importKinds, ", "))
	}
	st, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	st.Actor = "mhatlas import"
	if u, err := user.Current(); err == nil {
		st.Actor += " (" + u.Username + ")"
	}
	opt := atlas.ImportOptions{Progress: newProgress(stderr), DryRun: *dry}
	verb := "Imported"
	if *dry {
		verb = "Dry run, nothing written:"
	}
	switch kind := rest[0]; kind {
	case "default":
		if *dry {
			return errors.New("import default: --dry-run is not supported for the embedded dataset, which is checked by the test suite")
		}
		if err := loadDefault(ctx, st, opt.Progress); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "Imported the embedded default dataset.")
	case "geography":
		if len(rest) != 2 {
			return errors.New("import geography: give one folder holding the ONS lookup files (see data/geo)")
		}
		h, err := atlas.ImportGeography(ctx, st, os.DirFS(rest[1]), ".", opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s %d areas and %d links from %s.\n", verb, len(h.Areas), len(h.Links), rest[1])
	case "census":
		if len(rest) < 2 {
			return errors.New("import census: give one or more Census topic files")
		}
		res, err := atlas.ImportCensus(ctx, st, osFiles{}, rest[1:], opt)
		if err != nil {
			return err
		}
		for _, r := range res.Reports {
			fmt.Fprintf(stdout, "%s: %d rows read, %d outside England skipped\n", r.File, r.Rows, r.Skipped)
		}
		for _, inc := range res.Incomplete {
			fmt.Fprintf(stdout, "warning: incomplete table %s\n", inc)
		}
		if res.Kept > 0 {
			fmt.Fprintf(stdout, "Kept %d stored counts of the Census tables these files do not hold.\n", res.Kept)
		}
		fmt.Fprintf(stdout, "%s %d indicators with %d values.\n", verb, res.Indicators, res.Values)
	case "age-sex":
		if len(rest) != 2 {
			return errors.New("import age-sex: give one file of ONS mid-year estimates by sex and 5-year age band (see data/census2021/mid_year_estimates)")
		}
		res, err := atlas.ImportAgeSex(ctx, st, st, osFiles{}, rest[1], opt)
		if err != nil {
			return err
		}
		r := res.Report
		fmt.Fprintf(stdout, "%s: %d rows read, %d outside England skipped\n", r.File, r.Rows, r.Skipped)
		if res.Missing > 0 {
			fmt.Fprintf(stdout, "warning: no estimates for %d local authorities\n", res.Missing)
		}
		fmt.Fprintf(stdout, "%s mid-%d estimates by age and sex for %d local authorities.\n", verb, r.Year, r.Areas)
	case "workforce", "roles", "population":
		return importWorkforce(ctx, st, kind, rest[1:], opt, verb, stdout, stderr)
	case "sfc", "nhs-fte", "fingertips", "lginform", "ascof":
		return importPublished(ctx, st, kind, rest[1:], opt, verb, stdout, stderr)
	case "services", "trafford", "nhs-services", "postcodes", "service-taxonomy":
		return importServices(ctx, st, kind, rest[1:], opt, verb, stdout)
	default:
		return fmt.Errorf("import: unknown kind %q: use one of %s (see mhatlas help)", kind, strings.Join(importKinds, ", "))
	}
	return nil
}

func migrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("db", defaultDB, "SQLite database file")
	if err := fset.Parse(args); err != nil {
		return err
	}
	// Open applies any pending migrations; report where that left it.
	st, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is up to date: schema version %d.\n", *dbPath, v)
	return nil
}

// hoistCommonFlags moves --db and --dry-run to the front wherever they were
// typed, so `import census --dry-run FILE` works like `import --dry-run
// census FILE`; flags of a kind (say, workforce --dataset) stay where they
// are for the kind to read.
func hoistCommonFlags(args []string) []string {
	var front, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--dry-run" || a == "-dry-run" || strings.HasPrefix(a, "--dry-run=") || strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			front = append(front, a)
		case (a == "--db" || a == "-db") && i+1 < len(args):
			front = append(front, a, args[i+1])
			i++
		case a == "--":
			return append(append(front, rest...), args[i:]...)
		default:
			rest = append(rest, a)
		}
	}
	return append(front, rest...)
}
