// Package atlas is the application core: the store it needs (declared here,
// implemented by adapters such as internal/sqlite) and the use cases that
// combine the domain packages — importing data, building area profiles and
// serving indicator values. It knows nothing of HTTP or SQL.
package atlas

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/census"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// Dataset is one imported file or set of files: where figures came from.
// Every stored value carries the id of its dataset.
type Dataset struct {
	ID        string
	Name      string
	Publisher string
	Vintage   string
	Licence   string
	// Files lists the source files, relative to the data folder.
	Files      []string
	ImportedAt time.Time
	Rows       int
	// Notes are caveats shown with the dataset's figures (kept by stores
	// that hold workforce figures).
	Notes []string
}

// TypeCount is an area type with the number of areas of that type.
type TypeCount struct {
	Type  area.TypeInfo
	Count int
}

// Store is everything the atlas keeps. Each Replace method is one
// transaction: it either stores all it is given or nothing.
type Store interface {
	// ReplaceGeography stores the areas, links and weights, replacing any
	// held before, with the dataset that describes them.
	ReplaceGeography(ctx context.Context, ds Dataset, h *area.Hierarchy) error
	// ReplaceCensus stores Census counts, indicator metadata and values.
	ReplaceCensus(ctx context.Context, ds Dataset, counts []census.Count, metas []indicator.Meta, values map[string][]indicator.Value) error

	AreaTypes(ctx context.Context) ([]TypeCount, error)
	Areas(ctx context.Context, t area.Type) ([]area.Area, error)
	// AreasByCode returns every area with that code (two for a unitary
	// authority, which is both an upper- and lower-tier authority).
	AreasByCode(ctx context.Context, code string) ([]area.Area, error)
	Parents(ctx context.Context, t area.Type, code string) ([]area.Related, error)
	Children(ctx context.Context, t area.Type, code string) ([]area.Related, error)
	SearchAreas(ctx context.Context, q string, limit int) ([]area.Area, error)
	// WeightsInto returns the shares of source areas of fromType in one
	// target area.
	WeightsInto(ctx context.Context, fromType area.Type, to area.Type, toCode string) ([]area.Weight, error)

	Indicators(ctx context.Context) ([]indicator.Meta, error)
	Values(ctx context.Context, indicatorID string, t area.Type, period string) ([]indicator.Value, error)
	AreaValues(ctx context.Context, t area.Type, code string) (map[string]indicator.Value, error)
	CensusCounts(ctx context.Context, ltlas []string) ([]census.Count, error)

	Datasets(ctx context.Context) ([]Dataset, error)
	// DataVersion changes whenever any data changes; it keys caches and ETags.
	DataVersion(ctx context.Context) (int64, error)
	// Empty reports whether no geography has been imported yet.
	Empty(ctx context.Context) (bool, error)
	Close() error
}

// Code classifies an error for the user: each maps to one HTTP status.
type Code string

// The error codes.
const (
	CodeNotFound Code = "not_found"
	CodeInvalid  Code = "invalid"
	CodeInternal Code = "internal"
)

// Error is an error whose Message is safe and useful to show a user.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrNotFound is returned by stores for a missing record.
var ErrNotFound = errors.New("not found")

// ErrorCode returns the code of err, CodeInternal for an unclassified one.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if errors.Is(err, ErrNotFound) {
		return CodeNotFound
	}
	return CodeInternal
}

// ErrorMessage returns the user-safe message of err.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if errors.Is(err, ErrNotFound) {
		return "Not found."
	}
	return "Something went wrong on our side. The problem has been logged."
}
