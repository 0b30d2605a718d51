package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// WriteEnterprisesJSONL writes n profiles made from seed to w, one JSON
// object a line (the profile file format), calling progress (if not nil)
// after each with the count and bytes so far; a non-nil error from progress
// stops it. It returns the profiles and bytes written.
func WriteEnterprisesJSONL(w io.Writer, seed int64, n int, progress func(profiles int, bytes int64) error) (int, int64, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &counter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	done := 0
	for e := range Enterprises(seed, n) {
		if err := enc.Encode(e); err != nil {
			return done, cw.n, fmt.Errorf("synth: %w", err)
		}
		done++
		if progress != nil {
			if err := progress(done, cw.n); err != nil {
				return done, cw.n, err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return done, cw.n, fmt.Errorf("synth: %w", err)
	}
	return done, cw.n, nil
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
