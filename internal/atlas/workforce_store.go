package atlas

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// WorkforceStore keeps workforce figures, the job-role taxonomy and the
// ONS mid-year population estimates. Each Replace method is one
// transaction: it stores all it is given or nothing.
type WorkforceStore interface {
	// ReplaceWorkforce stores a dataset's figures, replacing every figure
	// the dataset held before, and records the dataset (with its Notes) as
	// the most recently imported.
	ReplaceWorkforce(ctx context.Context, ds Dataset, recs []workforce.Record) error
	// WorkforceSeries summarises the stored figures: one entry per dataset,
	// measure, period, care need, sector, role and area type.
	WorkforceSeries(ctx context.Context) ([]WorkforceSeries, error)
	// WorkforceValues returns a dataset's figures that match q.
	WorkforceValues(ctx context.Context, q WorkforceQuery) ([]workforce.Record, error)
	// WorkforceDatasets returns the datasets that hold workforce figures,
	// the most recently imported first, with their notes.
	WorkforceDatasets(ctx context.Context) ([]Dataset, error)

	// ReplaceRoles stores the job-role taxonomy.
	ReplaceRoles(ctx context.Context, ds Dataset, tax *workforce.Taxonomy) error
	// Roles returns the taxonomy; an empty one before any import.
	Roles(ctx context.Context) (*workforce.Taxonomy, error)

	// ReplacePopulationEstimates stores mid-year estimates for LTLAs.
	ReplacePopulationEstimates(ctx context.Context, ds Dataset, pops workforce.Populations) error
	// PopulationEstimates returns every stored estimate.
	PopulationEstimates(ctx context.Context) (workforce.Populations, error)

	// AreaLinks returns every parent/child link between areas.
	AreaLinks(ctx context.Context) ([]area.Link, error)
}

// WorkforceSeries is what one dataset holds for one measure, period, care
// need, sector, role and area type.
type WorkforceSeries struct {
	Dataset  string
	Measure  workforce.Measure
	Period   string
	CareNeed workforce.CareNeed
	Sector   string
	Role     string
	AreaType area.Type
	// Rows counts the areas with a row; Values those not suppressed.
	Rows, Values int
}

// WorkforceQuery selects a dataset's figures. Empty lists select all.
type WorkforceQuery struct {
	Dataset   string
	Periods   []string
	Measures  []workforce.Measure
	CareNeeds []workforce.CareNeed
	Sector    string
	Role      string
}
