package atlas

import (
	"context"
	"fmt"
	"io/fs"
)

// loadDefaultPublished imports, for LoadDefault, the embedded figures of
// the published-format importers: the NHS mental health trust workforce
// (after the role taxonomy, whose staff groups it uses) and the ASCOF
// measures.
func loadDefaultPublished(ctx context.Context, st Store, fsys fs.FS, opt ImportOptions) error {
	if _, err := ImportNHSFTE(ctx, st, fsys, DefaultNHSFTEFile, DefaultNHSTrustsFile, fsys, opt); err != nil {
		return fmt.Errorf("nhs workforce: %w", err)
	}
	xs, ok := st.(ExtraIndicatorStore)
	if !ok {
		return fmt.Errorf("ascof: this store cannot hold published indicators")
	}
	if _, err := ImportASCOF(ctx, xs, fsys, DefaultASCOFFile, opt); err != nil {
		return fmt.Errorf("ascof: %w", err)
	}
	return nil
}
