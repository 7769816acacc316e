package census

import "fmt"

// Sex is one side of a population pyramid, spelled as the ONS mid-year
// estimate files spell it.
type Sex string

// The two sexes of the mid-year estimates; "persons" rows are their sum.
const (
	Females Sex = "females"
	Males   Sex = "males"
)

// AgeBands are the 5-year age bands of the ONS mid-year estimates by sex,
// youngest first; the last band is open-ended.
var AgeBands = []string{"0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
	"45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"}

// AgeSexCount is the ONS mid-year estimate of the residents of one sex and
// 5-year age band in one lower-tier local authority on 30 June of Year.
type AgeSexCount struct {
	LTLA  string
	Year  int
	Sex   Sex
	Band  string
	Count int64
}

// Pyramid is the residents of one area by sex and age band, apportioned
// from the lower-tier authorities that overlap it.
type Pyramid struct {
	Year  int
	Total float64 // both sexes, every age
	// Bands are in the order of AgeBands, youngest first.
	Bands []PyramidBand
}

// PyramidBand is one age band of a pyramid. Shares are per cent of the
// area's whole population, so every band of both sexes sums to 100.
type PyramidBand struct {
	Band                   string
	Males, Females         float64
	MaleShare, FemaleShare float64
}

// BuildPyramid apportions the counts of the LTLAs in weightByLTLA (each
// LTLA's share of the area's residents living in the area) and computes
// each band's share of the apportioned total. It returns nil when no
// counts reach the area, and an error if they are of more than one year.
func BuildPyramid(counts []AgeSexCount, weightByLTLA map[string]float64) (*Pyramid, error) {
	sum := map[Sex]map[string]float64{Males: {}, Females: {}}
	year, total := 0, 0.0
	for _, c := range counts {
		w, ok := weightByLTLA[c.LTLA]
		if !ok || sum[c.Sex] == nil {
			continue
		}
		if year != 0 && c.Year != year {
			return nil, fmt.Errorf("age and sex estimates of two years (%d and %d) cannot be combined", year, c.Year)
		}
		year = c.Year
		n := float64(c.Count) * w
		sum[c.Sex][c.Band] += n
		total += n
	}
	if year == 0 {
		return nil, nil
	}
	p := &Pyramid{Year: year, Total: total}
	for _, b := range AgeBands {
		m, f := sum[Males][b], sum[Females][b]
		pb := PyramidBand{Band: b, Males: m, Females: f}
		if total > 0 {
			pb.MaleShare, pb.FemaleShare = 100*m/total, 100*f/total
		}
		p.Bands = append(p.Bands, pb)
	}
	return p, nil
}
