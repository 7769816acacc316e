package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// workforceKinds are the import kinds for workforce files, the role
// taxonomy and population estimates, with their usage.
var workforceKinds = map[string]string{
	"workforce":  "workforce [--dataset ID] [--name TEXT] [--publisher TEXT] [--vintage TEXT] [--licence TEXT] FILE",
	"roles":      "roles FILE",
	"population": "population FILE",
}

// importWorkforce runs one of the workforceKinds; args follow the kind.
func importWorkforce(ctx context.Context, st *sqlite.Store, kind string, args []string, opt atlas.ImportOptions, verb string, stdout, stderr io.Writer) error {
	switch kind {
	case "workforce":
		return importWorkforceTemplate(ctx, st, args, opt, verb, stdout, stderr)
	case "roles":
		if len(args) != 1 {
			return fmt.Errorf("import: use mhatlas import [--db PATH] [--dry-run] %s", workforceKinds[kind])
		}
		tax, err := atlas.ImportRoles(ctx, st, osFiles{}, args[0], opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s %d job roles and staff groups from %s.\n", verb, len(tax.Roles), args[0])
	case "population":
		if len(args) != 1 {
			return fmt.Errorf("import: use mhatlas import [--db PATH] [--dry-run] %s", workforceKinds[kind])
		}
		rep, err := atlas.ImportPopulationEstimates(ctx, st, osFiles{}, args[0], opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s mid-year estimates for %d years (mid-%d to mid-%d) from %d rows of %s; %d rows outside England skipped.\n",
			verb, len(rep.Years), rep.Years[0], rep.Years[len(rep.Years)-1], rep.Rows, args[0], rep.Skipped)
	default:
		return fmt.Errorf("import: unknown workforce kind %q", kind)
	}
	return nil
}

func importWorkforceTemplate(ctx context.Context, st *sqlite.Store, args []string, opt atlas.ImportOptions, verb string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import workforce", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ds atlas.Dataset
	fs.StringVar(&ds.ID, "dataset", "", "dataset id (default: workforce- and the file name); importing the same id again replaces it")
	fs.StringVar(&ds.Name, "name", "", "what the figures are, for people")
	fs.StringVar(&ds.Publisher, "publisher", "", "who published the figures")
	fs.StringVar(&ds.Vintage, "vintage", "", "the release or date of the figures (default: the latest period in the file)")
	fs.StringVar(&ds.Licence, "licence", "", "the terms the figures may be used under")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("import: use mhatlas import [--db PATH] [--dry-run] " + workforceKinds["workforce"])
	}
	file := fs.Arg(0)
	rep, frep, err := atlas.ImportWorkforceTemplate(ctx, st, osFiles{}, file, ds, opt)
	for _, w := range frep.Warnings {
		fmt.Fprintln(stdout, "warning:", w)
	}
	if err != nil {
		return err
	}
	var types []string
	for t, n := range rep.AreaTypes {
		types = append(types, fmt.Sprintf("%d %s", n, t))
	}
	sort.Strings(types)
	fmt.Fprintf(stdout, "%s %d figures (%d suppressed) for %s into dataset %s, replacing %d; by area type: %s.\n",
		verb, rep.Records, rep.Suppressed, strings.Join(rep.Periods, ", "), rep.Dataset, rep.Replaced, strings.Join(types, ", "))
	return nil
}
