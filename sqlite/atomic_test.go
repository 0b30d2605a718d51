package sqlite_test

import (
	"context"
	"maps"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sqlite"
	"github.com/huiqi-dev/huiqi/storetest"
)

// TestSaveIsAtomic: a save that fails on its last rows (a trigger refuses a
// clause, the last table written) leaves no policy, file or version behind.
func TestSaveIsAtomic(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	defer db.Close()
	raw := sqlite.OpenRaw(t, db.Path())
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON clauses
		WHEN NEW.label = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END`); err != nil {
		t.Fatal(err)
	}
	keep, keepRaw := storetest.Simple(1, "", "")
	if _, err := db.SavePolicy(ctx, keep, keepRaw); err != nil {
		t.Fatal(err)
	}
	before, err := db.RowCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		policy func() (*huiqi.Policy, []byte)
	}{
		{"new policy", func() (*huiqi.Policy, []byte) { return storetest.RichPolicy() }},
		{"new version", func() (*huiqi.Policy, []byte) {
			p, _ := storetest.Simple(1, "", "")
			p.Text += "修订\n"
			return p, []byte(p.Text)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, b := tt.policy()
			p.Clauses = append(p.Clauses, huiqi.Clause{Path: "x", Label: "boom"})
			if _, err := db.SavePolicy(ctx, p, b); err == nil {
				t.Fatal("save succeeded despite the trigger")
			}
			after, err := db.RowCounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(before, after) {
				t.Errorf("failed save left rows: before %v, after %v", before, after)
			}
		})
	}
}
