package rules

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"go.yaml.in/yaml/v3"
)

// The YAML shapes of a rule file. Plain structs are decoded strictly (an
// unknown key is an error); the types with UnmarshalYAML keep line numbers
// and check their own keys.

type setSpec struct {
	ID       string         `yaml:"id"`
	Name     string         `yaml:"name"`
	Kind     string         `yaml:"kind"`
	Region   string         `yaml:"region"`
	Source   huiqiSource    `yaml:"source"`
	Versions []*versionSpec `yaml:"versions"`
}

type huiqiSource struct {
	Title  string `yaml:"title"`
	Number string `yaml:"number"`
	Clause string `yaml:"clause"`
	URL    string `yaml:"url"`
	Note   string `yaml:"note"`
}

type versionSpec struct {
	Version       string                `yaml:"version"`
	EffectiveFrom dateSpec              `yaml:"effective_from"`
	EffectiveTo   dateSpec              `yaml:"effective_to"`
	Source        huiqiSource           `yaml:"source"`
	Let           map[string]*letSpec   `yaml:"let"`
	Tables        map[string]*tableSpec `yaml:"tables"`
	When          *condSpec             `yaml:"when"`
	Amount        *amountSpec           `yaml:"amount"`
	line          int
}

type letSpec struct {
	Label string   `yaml:"label"`
	Expr  *exprSrc `yaml:"expr"`
}

type tableSpec struct {
	Label string     `yaml:"label"`
	Rows  []*rowSpec `yaml:"rows"`
}

type rowSpec struct {
	Min   *exprSrc  `yaml:"min"`
	Over  *exprSrc  `yaml:"over"`
	Score scoreSpec `yaml:"score"`
}

type amountSpec struct {
	Fixed     *exprSrc    `yaml:"fixed"`
	Range     []*exprSrc  `yaml:"range"`
	Rate      *exprSrc    `yaml:"rate"`
	Of        *exprSrc    `yaml:"of"`
	Per       *exprSrc    `yaml:"per"`
	Count     *exprSrc    `yaml:"count"`
	TopUp     *exprSrc    `yaml:"top_up"`
	Less      *exprSrc    `yaml:"less"`
	Cap       *exprSrc    `yaml:"cap"`
	Exclusive string      `yaml:"exclusive"`
	YearlyCap *yearlyCap  `yaml:"yearly_cap"`
	Plus      []*plusSpec `yaml:"plus"`
	line      int
}

// plusSpec is a top-up added to the amount when its condition holds
// (再给予, 追加).
type plusSpec struct {
	Label  string   `yaml:"label"`
	When   *exprSrc `yaml:"when"`
	Amount *exprSrc `yaml:"amount"`
}

type yearlyCap struct {
	Group  string   `yaml:"group"`
	Amount *exprSrc `yaml:"amount"`
}

// exprSrc is an expression as written, with its line, parsed on decode.
type exprSrc struct {
	text string
	line int
	n    node
}

func (e *exprSrc) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return fmt.Errorf("line %d: want an expression", n.Line)
	}
	e.text, e.line = n.Value, n.Line
	p, err := parseExpr(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q: %v", n.Line, n.Value, err)
	}
	e.n = p
	return nil
}

// dateSpec is a YYYY-MM-DD date; absent or null is the zero Date.
type dateSpec struct{ d huiqi.Date }

func (d *dateSpec) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a date YYYY-MM-DD", n.Line)
	}
	if n.Tag == "!!null" {
		return nil
	}
	v, err := huiqi.ParseDate(n.Value)
	if err != nil || !v.Valid() {
		return fmt.Errorf("line %d: invalid date %q: want YYYY-MM-DD", n.Line, n.Value)
	}
	d.d = v
	return nil
}

// scoreSpec is a score, or a range [lo, hi].
type scoreSpec struct {
	lo, hi *exprSrc
	line   int
}

func (s *scoreSpec) UnmarshalYAML(n *yaml.Node) error {
	s.line = n.Line
	switch {
	case n.Kind == yaml.ScalarNode:
		s.lo = &exprSrc{}
		if err := s.lo.UnmarshalYAML(n); err != nil {
			return err
		}
		s.hi = s.lo
		return nil
	case n.Kind == yaml.SequenceNode && len(n.Content) == 2:
		s.lo, s.hi = &exprSrc{}, &exprSrc{}
		if err := s.lo.UnmarshalYAML(n.Content[0]); err != nil {
			return err
		}
		return s.hi.UnmarshalYAML(n.Content[1])
	}
	return fmt.Errorf("line %d: a score is a number or a range [lo, hi]", n.Line)
}

func (v *versionSpec) UnmarshalYAML(n *yaml.Node) error {
	type plain versionSpec
	v.line = n.Line
	return n.Decode((*plain)(v))
}

func (a *amountSpec) UnmarshalYAML(n *yaml.Node) error {
	type plain amountSpec
	a.line = n.Line
	return n.Decode((*plain)(a))
}

func (v *versionSpec) keepsLine() {}
func (a *amountSpec) keepsLine()  {}
