package postgres_test

import (
	"context"
	"database/sql"
	"maps"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/storetest"
)

// TestSaveIsAtomic: a save that fails on its last rows (a trigger refuses a
// clause, the last table written) leaves no policy, file or version behind,
// and is not retried as if it had lost a race.
func TestSaveIsAtomic(t *testing.T) {
	ctx := context.Background()
	dsn := newDatabase(t)
	db := mustOpen(t, dsn)
	defer db.Close()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.label = 'boom' THEN RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER refuse_boom BEFORE INSERT ON clauses FOR EACH ROW EXECUTE FUNCTION refuse_boom()`); err != nil {
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
