package atlas

import (
	"context"

	"github.com/mhatlas/mhatlas/internal/indicator"
)

// ExtraIndicatorStore keeps indicators that are published per area and
// shown as published (Fingertips, LG Inform and ASCOF layers), in the same
// tables as the Census indicators, so the API and the map show them like
// any other stored indicator.
type ExtraIndicatorStore interface {
	Store
	// ReplaceIndicators stores a dataset with its indicators and their
	// values in one transaction. It first removes the dataset as held
	// before, and any indicator with one of the same ids from another
	// dataset (the newest import of an indicator wins; a dataset left
	// with no indicators goes with it).
	ReplaceIndicators(ctx context.Context, ds Dataset, metas []indicator.Meta, values map[string][]indicator.Value) error
}
