package consult

import (
	"sync"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/propose"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// Prepared is a policy cut for answering: its clauses with their terms,
// and its measures' proposals once asked for. Cutting the text is most of
// the cost of an answer (BenchmarkAnswer: 30–65 ms for the 55,000 bytes of
// the longest demo document on a shared 2-core machine, against about
// 3 ms once prepared), so a server keeps one per policy version. It is safe for concurrent use; the
// policy must not change while it is used.
type Prepared struct {
	p     *huiqi.Policy
	us    []unit
	terms []zhtext.Term

	proposeOnce sync.Once
	proposals   []*propose.Proposal
}

// Prepare cuts p for answering; a nil p answers every question EINVALID.
func Prepare(p *huiqi.Policy) *Prepared {
	if p == nil {
		return &Prepared{}
	}
	us, terms := units(p)
	return &Prepared{p: p, us: us, terms: terms}
}

// Policy is the policy d answers from.
func (d *Prepared) Policy() *huiqi.Policy { return d.p }
