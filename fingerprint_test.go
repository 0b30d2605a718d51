package huiqi_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestFingerprint(t *testing.T) {
	t.Parallel()
	var a, b, c, d huiqi.Fingerprint
	a.Add("p1", 1)
	a.Add("p2", 3)
	b.Add("p2", 3)
	b.Add("p1", 1)
	c.Add("p1", 1)
	c.Add("p2", 2)
	d.Add("p1", 1)
	if a != b {
		t.Errorf("order matters: %+v != %+v", a, b)
	}
	if a == c {
		t.Errorf("another version gives the same fingerprint %+v", a)
	}
	if a == d || d.Count != 1 {
		t.Errorf("a missing policy gives %+v against %+v", d, a)
	}
}
