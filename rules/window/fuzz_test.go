package window

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// FuzzParse: any input is parsed or refused with an error, never a panic,
// and a table parsed answers Next.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add(defaults)
	f.Add([]byte("windows: [{rule: g, region: '100000', batches: [{name: a, opens: 02-29, closes: 02-29}]}]"))
	f.Add([]byte("windows: [{rule: g, region: '100000', batches: [{name: a, opens: {x: 1}, closes: 02-29}]}]"))
	f.Add([]byte("windows: [null, {batches: [null]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		for _, r := range tb.Rules() {
			tb.Next(r, "370602", huiqi.Date{Year: 2026, Month: 5, Day: 1})
		}
	})
}
