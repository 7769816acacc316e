// Command mhatlas serves the Mental Health Workforce Atlas and imports data
// into its store. Wiring happens here and nowhere else.
//
//	mhatlas serve   [--addr 127.0.0.1:8080] [--db mhatlas.db]
//	mhatlas import  [--db mhatlas.db] [--dry-run] default | geography DIR | census FILE...
//	mhatlas migrate [--db mhatlas.db]
//	mhatlas version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// defaultDB is the database file used when --db is not given: it is created
// in the current directory and filled with the embedded default dataset.
const defaultDB = "mhatlas.db"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "mhatlas:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "import":
		return importCmd(ctx, args[1:], stdout, stderr)
	case "migrate":
		return migrate(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "mhatlas", version)
		return nil
	case "help", "-h", "--help":
		usage(stdout)
		return nil
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprint(w, `mhatlas: the Mental Health Workforce Atlas for England

Commands:
  serve    [--addr 127.0.0.1:8080] [--db mhatlas.db]
           Serve the atlas. An empty database is first filled with the
           embedded default dataset.
  import   [--db mhatlas.db] [--dry-run] KIND [FILES]
           KIND is one of:
             default          the embedded default dataset
             geography DIR    ONS lookups (the files in data/geo)
             census FILE...   Census 2021 topic files for local authorities
             workforce [--dataset ID] [--name TEXT] [--publisher TEXT]
                       [--vintage TEXT] [--licence TEXT] FILE
                              workforce figures in mhatlas's template
             roles FILE       the job-role taxonomy (data/workforce/roles.csv)
             population FILE  ONS mid-year population estimates for LTLAs
             age-sex FILE     ONS mid-year estimates by sex and 5-year age
                              band for LTLAs (the area profiles' pyramids)
             sfc [--period 2023/24] FILE
                              Skills for Care's local authority workbook
                              (.xlsx, or a .csv export of "LA level data")
             nhs-fte FILE TRUSTS_FILE
                              NHS Digital HCHS staff FTE by organisation and
                              staff group, with the NHS trust list
             fingertips FILE  a Fingertips "indicators data" CSV export
             lginform FILE    an LG Inform chart's CSV download
             ascof FILE       ASCOF 1F and 1H by council
             service-taxonomy FILE...
                              service types and/or population groups
                              (data/services/service_types.csv, ...)
             services FILE    services in mhatlas's template
             trafford FILE CLASSIFICATION
                              Trafford Council's directory with its
                              classification (data/services)
             nhs-services TRUSTS HOSPITALS
                              NHS mental health trusts (2022) and hospitals
                              (2018) from data/services
             postcodes FILE   an ONS Postcode Directory style CSV
  migrate  [--db mhatlas.db]
           Apply database migrations.
  version  Print the version.
`)
}
