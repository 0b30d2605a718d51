package propose

// Independent reports whether the proposal's answer depends on nothing but
// the enterprise's region and its answers to the declarations and stated
// facts: conditions of region, declarations and facts only, and an amount
// that is not a rate. Such a measure has one answer for every enterprise
// of its region that has answered none of them, which matching computes
// once.
func (pr *Proposal) Independent() bool {
	return pr.Amount.Kind != AmountRate && onlyDeclared(pr.Conds)
}

func onlyDeclared(cs []Cond) bool {
	for _, c := range cs {
		switch c.Kind {
		case CondRegion, CondDeclare, CondStated:
		case CondAll, CondAny:
			if !onlyDeclared(c.Children) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Declarations are the ids of the proposal's declarations and stated
// facts: the keys of Enterprise.Declarations its answer reads.
func (pr *Proposal) Declarations() []string {
	var out []string
	var walk func(cs []Cond)
	walk = func(cs []Cond) {
		for _, c := range cs {
			if c.Kind == CondDeclare || c.Kind == CondStated {
				out = append(out, c.ID)
			}
			walk(c.Children)
		}
	}
	walk(pr.Conds)
	return out
}
