package curate

import (
	"context"
	"strconv"

	"github.com/huiqi-dev/huiqi"
)

// keepRules refuses deletions that would move a published rule onto
// another measure. A measure's ID counts its place among the measures of
// its clause (propose.Proposal), so deleting a measure renumbers the ones
// after it in that clause: a rule published for one of them would then
// answer for its neighbour, or a deleted measure's rule for the next.
func (s *Service) keepRules(ctx context.Context, base, edited *huiqi.Policy, deleted []int) error {
	if len(deleted) == 0 {
		return nil
	}
	rules, err := s.Store.CuratedRules(ctx)
	if err != nil {
		return err
	}
	before, after := MeasureIDs(base), MeasureIDs(edited)
	newIndex, n := map[int]int{}, 0
	gone := map[int]bool{}
	for _, i := range deleted {
		gone[i] = true
	}
	for i := range before {
		if !gone[i] {
			newIndex[i] = n
			n++
		}
	}
	exists := map[string]bool{}
	for _, id := range after {
		exists[id] = true
	}
	for _, r := range rules {
		if r.PolicyID != base.ID {
			continue
		}
		for o, id := range before {
			if id != r.MeasureID {
				continue
			}
			if j, kept := newIndex[o]; kept && after[j] != id || !kept && exists[id] {
				return huiqi.Errorf(huiqi.EINVALID, "measures.%s：措施 %s 已发布申报条件规则，删除同一条款中排在它前面的措施（或它本身）会改变措施编号，规则将对应到其他措施；请保留这些措施，或只删除排在它之后的措施", strconv.Itoa(o), id)
			}
		}
	}
	return nil
}
