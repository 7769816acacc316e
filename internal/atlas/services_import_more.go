package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
	"github.com/mhatlas/mhatlas/internal/source"
)

// PostcodeDatasetID is the id of the imported postcode table.
const PostcodeDatasetID = "postcodes"

// TaxonomyResult reports one taxonomy file.
type TaxonomyResult struct {
	File  string
	Kind  source.TaxonomyKind
	Terms int
}

// ImportTaxonomy reads service type and population group files (each
// file's first column says which it is) and replaces those lists in one
// transaction. A term that services still use cannot be dropped.
func (im *ServiceImporter) ImportTaxonomy(ctx context.Context, fsys fs.FS, files ...string) ([]TaxonomyResult, error) {
	var lists []TermList
	var out []TaxonomyResult
	for _, file := range files {
		f, err := openServiceFile(fsys, file)
		if err != nil {
			return nil, err
		}
		kind, terms, err := source.ReadTaxonomy(f, file)
		f.Close()
		if err != nil {
			return nil, err
		}
		l := TermList{Kind: TermType, Terms: terms, Dataset: Dataset{ID: "service-types", Name: "Service types (mhatlas taxonomy)",
			Publisher: "mhatlas", Vintage: "as imported", Licence: "Part of mhatlas: free to reuse and edit.",
			Files: []string{file}, ImportedAt: time.Now().UTC(), Rows: len(terms)}}
		if kind == source.PopulationGroups {
			l.Kind, l.Dataset.ID, l.Dataset.Name = TermGroup, "population-groups", "Population groups (mhatlas taxonomy)"
		}
		for _, prev := range lists {
			if prev.Kind == l.Kind {
				return nil, Errorf(CodeInvalid, "%s and %s both hold %s: give one file of each", prev.Dataset.Files[0], file, kind)
			}
		}
		lists = append(lists, l)
		out = append(out, TaxonomyResult{File: file, Kind: kind, Terms: len(terms)})
	}
	if err := im.checkTermsInUse(ctx, lists); err != nil {
		return nil, err
	}
	if im.Options.DryRun {
		return out, nil
	}
	return out, im.Services.ReplaceServiceTerms(ctx, lists)
}

// checkTermsInUse refuses to drop terms that services use, so that a dry
// run says so too (the store checks again, inside its transaction).
func (im *ServiceImporter) checkTermsInUse(ctx context.Context, lists []TermList) error {
	ss, err := im.Services.Services(ctx, ServiceQuery{})
	if err != nil {
		return err
	}
	for _, l := range lists {
		keep := map[string]bool{}
		for _, t := range l.Terms {
			keep[t.ID] = true
		}
		use := map[string]int{}
		for _, s := range ss {
			ids := s.Types
			if l.Kind == TermGroup {
				ids = s.Groups
			}
			for _, id := range ids {
				if !keep[id] {
					use[id]++
				}
			}
		}
		if len(use) > 0 {
			var parts []string
			for id, n := range use {
				parts = append(parts, fmt.Sprintf("%q (%d services)", id, n))
			}
			sort.Strings(parts)
			return Errorf(CodeInvalid, "%s leaves out %s, which services still use. Keep them in the file, or re-import those services without them first.",
				l.Dataset.Files[0], strings.Join(parts, ", "))
		}
	}
	return nil
}

// PostcodeResult reports a postcode import.
type PostcodeResult struct {
	Report source.PostcodeReport
	// Waiting counts the services that had no usable coordinates, of
	// which Placed are now placed by their postcode.
	Waiting, Placed int
}

// ImportPostcodes replaces the postcode table with an ONS Postcode
// Directory style file and, in the same transaction, places every service
// that its coordinates could not place and whose postcode the table has.
func (im *ServiceImporter) ImportPostcodes(ctx context.Context, fsys fs.FS, file string) (*PostcodeResult, error) {
	waiting, err := im.Services.Services(ctx, ServiceQuery{})
	if err != nil {
		return nil, err
	}
	n := 0
	for _, s := range waiting {
		if s.Placement.Method != service.ByCoordinates {
			waiting[n] = s
			n++
		}
	}
	waiting = waiting[:n]
	if im.placer == nil && len(waiting) > 0 {
		if im.placer, err = NewServicePlacer(ctx, im.Store, im.Boundaries); err != nil {
			return nil, err
		}
	}
	f, err := openServiceFile(fsys, file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res := &PostcodeResult{Waiting: len(waiting)}
	ds := Dataset{ID: PostcodeDatasetID, Name: "Postcode table (" + baseName(file) + ")", Publisher: "as supplied with the file",
		Vintage: "as supplied", Files: []string{file}, ImportedAt: time.Now().UTC(),
		Licence: "As stated by the file's publisher. For the ONS Postcode Directory: Source: Office for National Statistics licensed under the Open Government Licence v.3.0; Contains OS data © Crown copyright and database right; Contains Royal Mail data © Royal Mail copyright and database right."}
	place := func(lookup func(string) (geo.Point, bool, error), set func(string, service.Placement) error) error {
		for _, s := range waiting {
			var lerr error
			p := im.placer.Place(s, func(pc string) (geo.Point, bool) {
				pt, ok, err := lookup(pc)
				lerr = err
				return pt, ok
			})
			if lerr != nil {
				return lerr
			}
			if p.Located() {
				res.Placed++
			}
			if err := set(s.ID(), p); err != nil {
				return err
			}
		}
		return nil
	}
	if im.Options.DryRun {
		seen := map[string]geo.Point{}
		res.Report, err = source.ReadPostcodes(f, file, func(p service.Postcode) (bool, error) {
			if _, dup := seen[p.Postcode]; dup {
				return false, nil
			}
			seen[p.Postcode] = p.Point
			return true, nil
		}, im.Options.progress())
		if err != nil {
			return nil, err
		}
		lookup := func(pc string) (geo.Point, bool, error) { p, ok := seen[pc]; return p, ok, nil }
		return res, place(lookup, func(string, service.Placement) error { return nil })
	}
	err = im.Services.ReplacePostcodes(ctx, ds, func(w PostcodeWriter) error {
		var err error
		if res.Report, err = source.ReadPostcodes(f, file, w.PutPostcode, im.Options.progress()); err != nil {
			return err
		}
		return place(w.PostcodePoint, w.SetPlacement)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
