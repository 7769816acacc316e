package main

import (
	"fmt"
	"io"
	"time"

	"github.com/mhatlas/mhatlas/internal/source"
)

// newProgress prints a line when a stage starts or ends and at most every
// half second within it, so a long import shows it is alive without
// flooding the terminal.
func newProgress(w io.Writer) source.Progress {
	var last time.Time
	var stage string
	return func(s string, done, total int) {
		now := time.Now()
		if s == stage && now.Sub(last) < 500*time.Millisecond && done != total {
			return
		}
		stage, last = s, now
		switch {
		case total > 0:
			fmt.Fprintf(w, "  %-40s %7d / %d (%3.0f%%)\n", s, done, total, 100*float64(done)/float64(total))
		case done > 0:
			fmt.Fprintf(w, "  %-40s %7d\n", s, done)
		default:
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
}
