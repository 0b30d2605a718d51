package window

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a windows file.
const MaxFileSize = 1 << 20

// Parse reads a windows file strictly (unknown keys are errors); file names
// it in errors.
func Parse(file string, data []byte) (*Table, error) {
	t, err := parse(data)
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "%s: %v", file, err)
	}
	return t, nil
}

func parse(data []byte) (*Table, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file of %d bytes: at most %d", len(data), MaxFileSize)
	}
	var doc struct {
		Windows []*entry `yaml:"windows"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	t := &Table{}
	for i, e := range doc.Windows {
		if err := e.check(); err != nil {
			return nil, fmt.Errorf("windows[%d]: %v", i, err)
		}
		if t.find(e.Rule, e.Region) != nil {
			return nil, fmt.Errorf("windows[%d]: rule %s in region %s given twice", i, e.Rule, e.Region)
		}
		t.entries = append(t.entries, e)
	}
	return t, nil
}

func (e *entry) check() error {
	switch {
	case e == nil:
		return fmt.Errorf("empty entry")
	case e.Rule == "":
		return fmt.Errorf("rule is required")
	case e.Region == "":
		return fmt.Errorf("rule %s: region is required (100000 nationwide)", e.Rule)
	case len(e.Batches) == 0:
		return fmt.Errorf("rule %s: batches: at least one is required", e.Rule)
	}
	if _, ok := region.Lookup(e.Region); !ok && e.Region != region.National.Code {
		return fmt.Errorf("rule %s: region %q is not a GB/T 2260 code", e.Rule, e.Region)
	}
	for j, b := range e.Batches {
		if err := b.check(); err != nil {
			return fmt.Errorf("rule %s: batches[%d]: %v", e.Rule, j, err)
		}
	}
	return nil
}

func (b *batch) check() error {
	switch {
	case b == nil:
		return fmt.Errorf("empty batch")
	case b.Name == "":
		return fmt.Errorf("name is required")
	case b.Opens.month == 0 || b.Closes.month == 0:
		return fmt.Errorf("%s: opens and closes are required", b.Name)
	case b.Opens.year != b.Closes.year:
		return fmt.Errorf("%s: opens and closes both MM-DD (every year) or both YYYY-MM-DD in one year", b.Name)
	case b.Closes.before(b.Opens):
		return fmt.Errorf("%s: closes before it opens", b.Name)
	}
	b.Year = b.Opens.year
	return nil
}

// monthDay is MM-DD (every year) or YYYY-MM-DD (one year).
type monthDay struct{ year, month, day int }

func (m *monthDay) UnmarshalYAML(n *yaml.Node) error {
	s := n.Value
	layout, y := "01-02", 0
	if len(s) == len("2006-01-02") {
		layout = "2006-01-02"
	}
	t, err := time.Parse(layout, s)
	if n.Kind != yaml.ScalarNode || err != nil {
		if s == "02-29" {
			*m = monthDay{0, 2, 29}
			return nil
		}
		return fmt.Errorf("line %d: date %q: want MM-DD or YYYY-MM-DD", n.Line, s)
	}
	if layout != "01-02" {
		y = t.Year()
	}
	*m = monthDay{y, int(t.Month()), t.Day()}
	return nil
}

func (m monthDay) before(o monthDay) bool {
	return m.month < o.month || m.month == o.month && m.day < o.day
}

// in is the date in year y (29 February in a common year is the 28th).
func (m monthDay) in(y int) huiqi.Date {
	d := huiqi.Date{Year: y, Month: m.month, Day: m.day}
	if !d.Valid() {
		d.Day = 28
	}
	return d
}

func itoa(n int) string { return strconv.Itoa(n) }

// String writes MM-DD.
func (m monthDay) String() string { return fmt.Sprintf("%02d-%02d", m.month, m.day) }
