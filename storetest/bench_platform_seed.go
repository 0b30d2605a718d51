package storetest

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// The platform fixture at national scale: applications and threads spread
// over every county of package region, the eight application statuses,
// PlatformPolicies policies and PlatformUsers applicants, updated over the
// two years before PlatformEpoch. Row i is the same on every run and in
// every backend, so that the benchmarks of both stores read the same data.
const (
	PlatformPolicies = 5000
	PlatformUsers    = 50000
)

// PlatformEpoch is the latest update time of a seeded row.
var PlatformEpoch = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// PlatformStatuses are the statuses seeded applications take, in turn.
var PlatformStatuses = []huiqi.ApplicationStatus{huiqi.AppDraft, huiqi.AppSubmitted, huiqi.AppUnderReview,
	huiqi.AppReturned, huiqi.AppResubmitted, huiqi.AppApproved, huiqi.AppRejected, huiqi.AppDisbursed}

var (
	countiesOnce sync.Once
	counties     []string
)

// PlatformCounties returns the codes of every county-level region, the
// regions seeded rows are spread over.
func PlatformCounties() []string {
	countiesOnce.Do(func() {
		for _, r := range region.All() {
			if r.Level == 3 {
				counties = append(counties, r.Code)
			}
		}
	})
	return counties
}

// platformRand is row i's own random source.
func platformRand(kind uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(kind, uint64(i)))
}

// PlatformApp returns seeded application i (Revision 1, no steps or files).
func PlatformApp(i int) huiqi.Application {
	r := platformRand(1, i)
	cs := PlatformCounties()
	user := r.IntN(PlatformUsers)
	policy := r.IntN(PlatformPolicies)
	updated := PlatformEpoch.Add(-time.Duration(r.Int64N(int64(2 * 365 * 24 * time.Hour)))).Truncate(time.Microsecond)
	return huiqi.Application{
		ID:              fmt.Sprintf("ap_bench%07d", i),
		UserID:          fmt.Sprintf("u_bench%05d", user),
		CreditCode:      fmt.Sprintf("91510100MA%08d", user),
		EnterpriseName:  fmt.Sprintf("基准测试企业%05d有限公司", user),
		PolicyID:        fmt.Sprintf("p_bench%04d", policy),
		PolicyVersion:   1,
		PolicyTitle:     fmt.Sprintf("关于印发支持企业发展若干措施的通知(%04d)", policy),
		MeasureID:       fmt.Sprintf("p_bench%04d/m%d", policy, r.IntN(8)),
		MeasureName:     "研发费用补助",
		ClausePath:      "二/(三)",
		RegionCode:      cs[r.IntN(len(cs))],
		Status:          PlatformStatuses[r.IntN(len(PlatformStatuses))],
		Form:            map[string]string{"contact": "张三", "phone": "13800000000"},
		ExpectedMinYuan: 100000,
		ExpectedMaxYuan: 500000,
		CreatedAt:       updated.Add(-time.Duration(r.Int64N(int64(30 * 24 * time.Hour)))),
		UpdatedAt:       updated,
		Revision:        1,
	}
}

// PlatformThread returns seeded thread i, open or answered, without
// messages.
func PlatformThread(i int) huiqi.Thread {
	r := platformRand(2, i)
	cs := PlatformCounties()
	user := r.IntN(PlatformUsers)
	policy := r.IntN(PlatformPolicies)
	updated := PlatformEpoch.Add(-time.Duration(r.Int64N(int64(2 * 365 * 24 * time.Hour)))).Truncate(time.Microsecond)
	status := huiqi.ThreadOpen
	if r.IntN(2) == 1 {
		status = huiqi.ThreadAnswered
	}
	return huiqi.Thread{
		ID:          fmt.Sprintf("th_bench%07d", i),
		PolicyID:    fmt.Sprintf("p_bench%04d", policy),
		PolicyTitle: fmt.Sprintf("关于印发支持企业发展若干措施的通知(%04d)", policy),
		RegionCode:  cs[r.IntN(len(cs))],
		UserID:      fmt.Sprintf("u_bench%05d", user),
		CreditCode:  fmt.Sprintf("91510100MA%08d", user),
		Question:    "我公司去年研发投入三百万元,是否可以申请研发费用补助?",
		Status:      status,
		CreatedAt:   updated.Add(-time.Hour),
		UpdatedAt:   updated,
	}
}

// PlatformAudit calls put with n sealed entries of a valid chain, in order,
// as the stores' changes write them.
func PlatformAudit(n int, put func(e *huiqi.AuditEntry) error) error {
	var prev huiqi.AuditEntry
	start := PlatformEpoch.Add(-time.Duration(n) * time.Second)
	for i := 0; i < n; i++ {
		e := huiqi.AuditEntry{
			At:     start.Add(time.Duration(i) * time.Second),
			Actor:  fmt.Sprintf("u_bench%05d", i%PlatformUsers),
			Action: "application.update",
			Object: fmt.Sprintf("application:ap_bench%07d", i%1000003),
			Region: PlatformCounties()[i%len(PlatformCounties())],
			Detail: `{"status":"submitted"}`,
		}
		if i == 0 {
			e.Seal(nil)
		} else {
			e.Seal(&prev)
		}
		if err := put(&e); err != nil {
			return err
		}
		prev = e
	}
	return nil
}
