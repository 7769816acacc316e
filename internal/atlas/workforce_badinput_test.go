package atlas_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/sqlite"
)

const templateHeader = "area_code,area_name,period,care_need,sector,role,measure,value,source\n"

// badInput imports broken template files (made-up figures, one problem
// each) into a store holding the hand-worked dataset: each import fails
// with an error naming the file, line and column, and leaves the database
// exactly as it was.
func badInput(t *testing.T, st *sqlite.Store) {
	ctx := context.Background()
	ok := "E06000051,Shropshire,2023/24,specialist,all,all,filled_posts,10,made up\n"
	cases := []struct {
		name, rows string
		want       []string
	}{
		{"unknown area code", "E06999999,Nowhere,2023/24,specialist,all,all,filled_posts,10,made up\n",
			[]string{"bad.csv: line 2, column 1 (area_code)", `unknown area code "E06999999"`}},
		{"unknown area name", ",Atlantis,2023/24,specialist,all,all,filled_posts,10,made up\n",
			[]string{"line 2, column 2 (area_name)", `no area is called "Atlantis"`}},
		{"unknown measure", "E06000051,Shropshire,2023/24,specialist,all,all,posts,10,made up\n",
			[]string{"line 2, column 7 (measure)", `unknown measure "posts"`}},
		{"negative count", ok + "E06000051,Shropshire,2023/24,specialist,all,all,vacancies,-3,made up\n",
			[]string{"line 3, column 8 (value)", "-3 is negative"}},
		{"vacancies without filled posts", "E06000051,Shropshire,2023/24,generalist,all,all,vacancies,4,made up\n",
			[]string{"line 2, column 7 (measure)", "without filled posts"}},
		{"duplicate row", ok + ok,
			[]string{"line 3, column 7 (measure)", "duplicate row", "on line 2"}},
		{"not a financial year", "E06000051,Shropshire,2023,specialist,all,all,filled_posts,10,made up\n",
			[]string{"line 2, column 3 (period)", "write it like 2023/24"}},
		{"unknown role", "E06000051,Shropshire,2023/24,specialist,all,astronaut,filled_posts,10,made up\n",
			[]string{"line 2, column 6 (role)", `unknown job role "astronaut"`}},
	}
	before := snapshotOf(t, st)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{"bad.csv": {Data: []byte(templateHeader + c.rows)}}
			_, _, err := atlas.ImportWorkforceTemplate(ctx, st, fsys, "bad.csv", atlas.Dataset{ID: "hand-worked"}, atlas.ImportOptions{})
			if err == nil {
				t.Fatal("imported")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if after := snapshotOf(t, st); !reflect.DeepEqual(before, after) {
				t.Errorf("database changed:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
	t.Run("dataset id of other data", func(t *testing.T) {
		fsys := fstest.MapFS{"ok.csv": {Data: []byte(templateHeader + ok)}}
		_, _, err := atlas.ImportWorkforceTemplate(ctx, st, fsys, "ok.csv", atlas.Dataset{ID: "ons-geography"}, atlas.ImportOptions{})
		if err == nil || !strings.Contains(err.Error(), `"ons-geography" is already used`) {
			t.Errorf("%v", err)
		}
		if after := snapshotOf(t, st); !reflect.DeepEqual(before, after) {
			t.Errorf("database changed:\nbefore %+v\nafter  %+v", before, after)
		}
	})
	t.Run("dry run", func(t *testing.T) {
		fsys := fstest.MapFS{"ok.csv": {Data: []byte(templateHeader + ok)}}
		rep, _, err := atlas.ImportWorkforceTemplate(ctx, st, fsys, "ok.csv", atlas.Dataset{}, atlas.ImportOptions{DryRun: true})
		if err != nil || rep.Records != 1 || rep.Dataset != "workforce-ok" {
			t.Fatalf("%+v %v", rep, err)
		}
		if after := snapshotOf(t, st); !reflect.DeepEqual(before, after) {
			t.Errorf("a dry run changed the database:\nbefore %+v\nafter  %+v", before, after)
		}
	})
}

// storeState is what an import could change.
type storeState struct {
	Version int64
	Series  []atlas.WorkforceSeries
	Sets    []string
}

func snapshotOf(t *testing.T, st *sqlite.Store) storeState {
	t.Helper()
	ctx := context.Background()
	v, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.WorkforceSeries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := st.WorkforceDatasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := storeState{Version: v, Series: ss}
	for _, d := range ds {
		s.Sets = append(s.Sets, d.ID)
	}
	return s
}
