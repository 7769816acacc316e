package web

// sectorSymbol is how services of one provider sector are drawn: on the
// map, in its legend and in the tables. The shape and the letter carry the
// sector as well as the colour, so nobody has to tell colours apart.
type sectorSymbol struct {
	Sector string // taxonomy id, e.g. "vcse"
	Name   string // the taxonomy's name for it
	Colour string
	Shape  string // circle, square, triangle, diamond or hexagon
	Letter string
}

// sectorStyles gives the four sectors of the services taxonomy colours
// from the Okabe-Ito palette, chosen to stay apart for the common kinds of
// colour blindness and to stand out against the blue choropleth (so no
// blue), each with black text at better than 6:1 contrast.
var sectorStyles = map[string]sectorSymbol{
	"vcse":            {Colour: "#E69F00", Shape: "circle", Letter: "V"},
	"nhs":             {Colour: "#CC79A7", Shape: "square", Letter: "N"},
	"local-authority": {Colour: "#009E73", Shape: "triangle", Letter: "L"},
	"independent":     {Colour: "#F0E442", Shape: "diamond", Letter: "I"},
}

// otherSector is the symbol of a sector a user's taxonomy adds: grey, with
// the first letter of its name.
var otherSector = sectorSymbol{Colour: "#b1b4b6", Shape: "hexagon"}

// symbolFor returns the symbol of a sector.
func symbolFor(id, name string) sectorSymbol {
	s, ok := sectorStyles[id]
	if !ok {
		s = otherSector
		s.Letter = "?"
		if name != "" {
			s.Letter = string([]rune(name)[:1])
		}
	}
	s.Sector, s.Name = id, name
	return s
}
