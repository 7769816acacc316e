package atlas

import (
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// latestFor returns the period a query without one answers for areas of
// type t: the latest in which the answering dataset has figures that can
// fill those areas. A later period with figures only for larger areas
// (Skills for Care's England headline, say) would otherwise hide the local
// authority figures a user has just imported behind an empty map. When no
// period has figures for t, the latest with any figures answers, so that
// the empty map can say which import would fill it.
func (s *wfSnapshot) latestFor(d workforce.Def, periods []string, source string, k wfKey, t area.Type) string {
	for i := len(periods) - 1; i >= 0; i-- {
		if ds := s.choose(d, periods[i], source, k); ds != nil && s.fills(d, ds.ID, periods[i], k, t) {
			return periods[i]
		}
	}
	return s.latest(d, periods, source, k)
}

// fills reports whether dataset ds has, in the period, figures that give
// areas of type t a value: a published figure for that type, or counts
// for that type or for smaller areas that build it.
func (s *wfSnapshot) fills(d workforce.Def, ds, period string, k wfKey, t area.Type) bool {
	for _, ser := range s.series {
		if ser.Dataset != ds || ser.Period != period || ser.Sector != k.sector || ser.Role != k.role || ser.Values == 0 {
			continue
		}
		if ser.CareNeed != k.need && (k.need != workforce.MentalHealth ||
			ser.CareNeed != workforce.Specialist && ser.CareNeed != workforce.Generalist) {
			continue
		}
		if ser.Measure == d.Published && d.Published != "" && ser.AreaType == t {
			return true
		}
		if len(d.Num) > 0 && ser.Measure == d.Num[0] && s.geo.Builds(ser.AreaType, t) {
			return true
		}
	}
	return false
}
