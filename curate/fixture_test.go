package curate_test

import (
	"context"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
	"github.com/huiqi-dev/huiqi/fulltext"
	"github.com/huiqi-dev/huiqi/searchtest"
	"github.com/huiqi-dev/huiqi/sqlite"
)

// pinghuTitle is a demo policy of 平湖市 (330482, within 嘉兴市 330400).
const pinghuTitle = "关于全面推进科技创新推动高质量发展的若干政策意见"

// fixture is a real SQLite store and embedded index holding one demo
// policy, and the service over them.
type fixture struct {
	db  *sqlite.DB
	ix  *fulltext.Index
	svc *curate.Service
	p   *huiqi.Policy // as stored, version 1
}

var (
	officer   = &huiqi.User{ID: "u_jx", Name: "嘉兴专员", Role: huiqi.RoleOfficer, Regions: []string{"330400"}}
	hangzhou  = &huiqi.User{ID: "u_hz", Name: "杭州专员", Role: huiqi.RoleOfficer, Regions: []string{"330100"}}
	reviewer  = &huiqi.User{ID: "u_rv", Name: "嘉兴审核员", Role: huiqi.RoleReviewer, Regions: []string{"330400"}}
	admin     = &huiqi.User{ID: "u_ad", Name: "管理员", Role: huiqi.RoleAdmin}
	business  = &huiqi.User{ID: "u_en", Phone: "13800000000", Role: huiqi.RoleEnterprise}
	fixedTime = time.Date(2026, 5, 1, 2, 0, 0, 0, time.UTC)
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix, err := fulltext.Open(dir + "/index")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	corpus, err := searchtest.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{db: db, ix: ix, svc: &curate.Service{Store: db, Index: ix, Now: func() time.Time { return fixedTime }}}
	for _, p := range corpus {
		if p.Title != pinghuTitle {
			continue
		}
		c := *p
		c.Source.SHA256, c.Source.Size = huiqi.TextHash(c.Text), int64(len(c.Text))
		if _, err := db.SavePolicy(ctx, &c, []byte(c.Text)); err != nil {
			t.Fatal(err)
		}
		if err := ix.Index(ctx, &c); err != nil {
			t.Fatal(err)
		}
		if f.p, err = db.FindPolicy(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		return f
	}
	t.Fatalf("no demo policy %q", pinghuTitle)
	return nil
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := huiqi.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want %q", what, err, got, code)
	}
}
