package apply

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/postgres"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// scenarios run against each backend.
var scenarios = []struct {
	name string
	fn   func(t *testing.T, f *fixture)
}{
	{"Workflow", testWorkflow},
	{"Moves", testMoves},
	{"ApplicantMoves", testApplicantMoves},
	{"ForeignEnterprise", testForeignEnterprise},
	{"OtherRegion", testOtherRegion},
	{"SubmitCode", testSubmitCode},
	{"MoveChecks", testMoveChecks},
	{"ConcurrentReviewers", testConcurrentReviewers},
	{"Files", testFiles},
	{"Notifications", testNotifications},
	{"NotifyFailure", testNotifyFailure},
	{"BindingChecked", testBindingChecked},
}

func TestSQLite(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			db, err := sqlite.Open(context.Background(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			sc.fn(t, newFixture(t, db, func(now func() time.Time) { db.Now = now }))
		})
	}
}

func TestPostgres(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			db, err := postgres.Open(context.Background(), pgtest.NewDatabase(t))
			if err != nil {
				t.Fatal(err)
			}
			sc.fn(t, newFixture(t, db, func(now func() time.Time) { db.Now = now }))
		})
	}
}
