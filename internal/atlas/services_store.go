package atlas

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// ServiceStore keeps mental health services, their taxonomy, the
// directories they came from and an optional postcode table. Each Replace
// method is one transaction: it stores all it is given or nothing.
type ServiceStore interface {
	// ReplaceServiceTerms replaces lists of the taxonomy. It refuses,
	// changing nothing, to drop a term that services still use.
	ReplaceServiceTerms(ctx context.Context, lists []TermList) error
	// ServiceTaxonomy returns the service types and population groups.
	ServiceTaxonomy(ctx context.Context) (service.Taxonomy, error)

	// ReplaceServices stores each set's directory: a service whose key the
	// directory already had is updated in place, a new one added, and one
	// the directory no longer lists removed.
	ReplaceServices(ctx context.Context, sets []ServiceSet) ([]ServiceChanges, error)
	// Services returns the services that pass q, ordered by name.
	Services(ctx context.Context, q ServiceQuery) ([]service.Service, error)
	// ServiceSources returns every imported directory's description.
	ServiceSources(ctx context.Context) ([]service.Source, error)

	// ReplacePostcodes replaces the postcode table with what fill writes,
	// in one transaction with the placements fill updates.
	ReplacePostcodes(ctx context.Context, ds Dataset, fill func(PostcodeWriter) error) error
	// PostcodePoints looks postcodes up in the postcode table; those it
	// lacks are missing from the answer.
	PostcodePoints(ctx context.Context, postcodes []string) (map[string]geo.Point, error)
}

// TermKind names a list of the service taxonomy.
type TermKind string

// The taxonomy lists.
const (
	TermType  TermKind = "type"
	TermGroup TermKind = "group"
)

// TermList is one list of the taxonomy, as imported from one file.
type TermList struct {
	Dataset Dataset
	Kind    TermKind
	Terms   []service.Term
}

// ServiceSet is one directory's services, ready to store.
type ServiceSet struct {
	Dataset  Dataset
	Source   service.Source
	Services []service.Service
}

// ServiceChanges says what storing a directory did.
type ServiceChanges struct {
	Dataset                            string
	Added, Updated, Unchanged, Removed int
}

// ServiceQuery selects services. An empty AreaType selects every service,
// placed or not; otherwise only those placed in the area.
type ServiceQuery struct {
	AreaType area.Type
	AreaCode string
	Filter   service.Filter
	// Unplaced selects only the services that are not located.
	Unplaced bool
}

// PostcodeWriter is what a postcode import writes through, inside the
// import's transaction.
type PostcodeWriter interface {
	// PutPostcode adds a postcode; false means it was already added.
	PutPostcode(p service.Postcode) (bool, error)
	// PostcodePoint looks up a postcode written so far.
	PostcodePoint(postcode string) (geo.Point, bool, error)
	// SetPlacement records where a service is now placed.
	SetPlacement(id string, p service.Placement) error
}
