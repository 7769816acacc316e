package atlas

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/service"
)

// Boundary files used to place services, inside the data folder. They are
// the shipped ONS BSC boundaries at the resolution they ship in, not the
// simplified display copy.
const (
	LTLABoundaryFile   = "geo/lad24_bsc.geojson"
	SubICBBoundaryFile = "geo/sicbl23_bsc.geojson"
)

// NewServicePlacer reads the boundaries from fsys (the data folder) and
// the area links from st, and returns a placer for services.
func NewServicePlacer(ctx context.Context, st Store, fsys fs.FS) (*service.Placer, error) {
	read := func(name, code, nm string) ([]geo.Feature, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err // a *fs.PathError already names the file
		}
		defer f.Close()
		fs, err := geo.ReadFeatures(f, code, nm)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return fs, nil
	}
	var g service.Geography
	var err error
	if g.LTLAs, err = read(LTLABoundaryFile, "LAD24CD", "LAD24NM"); err != nil {
		return nil, err
	}
	if g.SubICBs, err = read(SubICBBoundaryFile, "SICBL23CD", "SICBL23NM"); err != nil {
		return nil, err
	}
	// The links the placer follows: from each LTLA to its upper tier,
	// region and sub-ICB locations, from each sub-ICB location to its ICB
	// and from each ICB to its NHS region.
	for _, t := range []area.Type{area.LTLA, area.SubICB, area.ICB} {
		as, err := st.Areas(ctx, t)
		if err != nil {
			return nil, err
		}
		if len(as) == 0 {
			return nil, Errorf(CodeInvalid, "import the geography first: no %s areas are known yet", t)
		}
		for _, a := range as {
			ps, err := st.Parents(ctx, t, a.Code)
			if err != nil {
				return nil, err
			}
			for _, p := range ps {
				g.Links = append(g.Links, area.Link{ChildType: t, ChildCode: a.Code, ParentType: p.Type, ParentCode: p.Code, Share: p.Share})
			}
		}
	}
	return service.NewPlacer(g)
}
