package storetest

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// Platform is what BenchPlatform drives: the stores of applications,
// consultations and the audit log, as one backend implements them.
type Platform interface {
	huiqi.ApplicationStore
	huiqi.ConsultStore
	huiqi.AuditLog
}

// PlatformSize says how many rows of the platform fixture (PlatformApp,
// PlatformThread, PlatformAudit) the store was seeded with.
type PlatformSize struct{ Apps, Threads, Audit int }

// platformQueues are the reviewers' scopes the queue benchmarks list: a
// district (青羊区), its city (成都), its province (四川) and the country.
var platformQueues = []struct {
	name     string
	prefixes []string
}{{"District", []string{"510105"}}, {"City", []string{"5101"}}, {"Province", []string{"51"}}, {"Country", nil}}

// BenchPlatform measures the platform stores holding the fixture of n: the
// audit log read and verified whole, the reviewers' queues (first page and
// page 50), an applicant's list, finding, updating and attaching to
// applications, the officers' thread queues, and audit appends from one
// and from eight writers. It writes to the store: run it on a throwaway
// one.
func BenchPlatform(b *testing.B, s Platform, n PlatformSize) {
	b.Run("AuditVerify", func(b *testing.B) { benchAuditVerify(b, s) })
	for _, q := range platformQueues {
		for _, page := range []int{1, 50} {
			f := huiqi.ApplicationFilter{RegionPrefixes: q.prefixes, Limit: 20, Offset: (page - 1) * 20,
				Statuses: []huiqi.ApplicationStatus{huiqi.AppSubmitted, huiqi.AppResubmitted}}
			b.Run(fmt.Sprintf("Queue/%s/Page%d", q.name, page), func(b *testing.B) { benchList(b, s, f) })
		}
	}
	b.Run("Applicant", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			f := huiqi.ApplicationFilter{UserID: fmt.Sprintf("u_bench%05d", i*7919%PlatformUsers), Limit: 20}
			if _, _, err := s.ListApplications(context.Background(), f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Find", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := s.FindApplication(context.Background(), PlatformApp(i*7919%n.Apps).ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	revs := map[int]int{}
	b.Run("Update", func(b *testing.B) { benchUpdate(b, s, n, revs) })
	files := 0
	b.Run("Attach100KB", func(b *testing.B) { benchAttach(b, s, n, &files) })
	for _, q := range platformQueues {
		f := huiqi.ThreadFilter{RegionPrefixes: q.prefixes, Status: huiqi.ThreadOpen, Limit: 20}
		b.Run("Threads/"+q.name, func(b *testing.B) { benchThreads(b, s, f) })
	}
	b.Run("AuditAppend/Writers1", func(b *testing.B) { benchAppend(b, s, 1) })
	b.Run("AuditAppend/Writers8", func(b *testing.B) { benchAppend(b, s, 8) })
}

func benchList(b *testing.B, s Platform, f huiqi.ApplicationFilter) {
	var total int
	for b.Loop() {
		var err error
		if _, total, err = s.ListApplications(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total), "matching")
}

func benchThreads(b *testing.B, s Platform, f huiqi.ThreadFilter) {
	var total int
	for b.Loop() {
		var err error
		if _, total, err = s.ListThreads(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total), "matching")
}

// benchUpdate records a reviewer's comment on applications across the
// table, each with its step and audit entry; revs keeps the revisions
// written by earlier runs.
func benchUpdate(b *testing.B, s Platform, n PlatformSize, revs map[int]int) {
	for i := 0; b.Loop(); i++ {
		k := (len(revs) + i) * 7919 % n.Apps
		a := PlatformApp(k)
		if r, ok := revs[k]; ok {
			a.Revision = r
		}
		step := &huiqi.ApplicationStep{By: "u_reviewer", Role: huiqi.RoleReviewer, Comment: "材料齐全"}
		ev := &huiqi.AuditEntry{Actor: "u_reviewer", Action: "application.comment"}
		if err := s.UpdateApplication(context.Background(), &a, step, ev); err != nil {
			b.Fatal(err)
		}
		revs[k] = a.Revision
	}
}

// benchAttach adds a file of 100 KB to applications across the table;
// files counts the files of earlier runs.
func benchAttach(b *testing.B, s Platform, n PlatformSize, files *int) {
	data := make([]byte, 100<<10)
	for i := range data {
		data[i] = byte(i * 31)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		*files++
		appID := PlatformApp(*files * 104729 % n.Apps).ID
		att := &huiqi.Attachment{Name: "营业执照.pdf", ContentType: "application/pdf"}
		ev := &huiqi.AuditEntry{Actor: "u_bench00001", Action: "application.attach"}
		if err := s.AddAttachment(context.Background(), appID, att, data, 0, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAuditVerify reads the whole log in pages and checks its chain; it
// reports the entries read and verified per second.
func benchAuditVerify(b *testing.B, s Platform) {
	var count int64
	for b.Loop() {
		var v huiqi.AuditVerifier
		if err := VerifyAuditLog(context.Background(), s, &v, 5000); err != nil {
			b.Fatal(err)
		}
		count = v.Count()
	}
	b.ReportMetric(float64(count), "entries")
	b.ReportMetric(float64(count)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// VerifyAuditLog reads log after v's last entry in pages of page entries
// and checks each with v.
func VerifyAuditLog(ctx context.Context, log huiqi.AuditLog, v *huiqi.AuditVerifier, page int) error {
	var after int64
	if last := v.Last(); last != nil {
		after = last.Seq
	}
	for {
		es, err := log.AuditEntries(ctx, after, page)
		if err != nil {
			return err
		}
		for _, e := range es {
			if err := v.Next(e); err != nil {
				return err
			}
		}
		if len(es) < page {
			return nil
		}
		after = es[len(es)-1].Seq
	}
}

// benchAppend appends sign-in entries from writers goroutines (one, or a
// multiple of GOMAXPROCS) and reports entries per second.
func benchAppend(b *testing.B, s Platform, writers int) {
	if writers == 1 {
		for b.Loop() {
			e := &huiqi.AuditEntry{Actor: "u_bench00001", Action: "account.signin", Object: "user:u_bench00001"}
			if err := s.AppendAudit(context.Background(), e); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		return
	}
	b.SetParallelism((writers + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			e := &huiqi.AuditEntry{Actor: "u_bench00001", Action: "account.signin", Object: "user:u_bench00001"}
			if err := s.AppendAudit(context.Background(), e); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
