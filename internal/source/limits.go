package source

import (
	"fmt"
	"io"
)

// Readers that hold a whole file in memory (a workbook, or a CSV file
// read into a grid) refuse one far bigger than any real publication of
// its kind, with a message, rather than exhausting memory. Readers that
// stream row by row (Census tables, postcodes) need no cap.
const (
	// maxWholeFile caps a file read into memory: the Skills for Care
	// workbook and LG Inform downloads are a few megabytes.
	maxWholeFile = 64 << 20
	// maxUnzipped caps what a workbook may unzip to, against zip bombs.
	maxUnzipped = 512 << 20
)

// cappedReader reads at most limit bytes, then fails naming the file.
type cappedReader struct {
	r     io.Reader
	file  string
	limit int64
	n     int64
}

func capped(r io.Reader, file string, limit int64) io.Reader {
	return &cappedReader{r: r, file: file, limit: limit}
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n > c.limit {
		return 0, c.tooBig()
	}
	if rest := c.limit + 1 - c.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return n, c.tooBig()
	}
	return n, err
}

func (c *cappedReader) tooBig() error {
	return &Error{File: c.file, Msg: fmt.Sprintf("the file is larger than %d MB, far larger than any publication of this kind: check it is the right file", c.limit>>20)}
}
