package storetest

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// Bench measures SavePolicy throughput with Realistic policies (each a new
// identity, as in a first ingest), serially and from parallel workers, and
// reports policies/s.
func Bench(b *testing.B, open func(b *testing.B) huiqi.PolicyStore) {
	b.Run("Serial", func(b *testing.B) {
		s := open(b)
		defer s.Close()
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			p, raw := Realistic(i)
			if _, err := s.SavePolicy(context.Background(), p, raw); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "policies/s")
	})
	b.Run("Parallel", func(b *testing.B) {
		s := open(b)
		defer s.Close()
		var n atomic.Int64
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				p, raw := Realistic(int(n.Add(1)))
				if _, err := s.SavePolicy(context.Background(), p, raw); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "policies/s")
	})
}
