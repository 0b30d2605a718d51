package propose

// Independent reports whether the proposal's answer depends on nothing but
// the enterprise's region and its answers to the declarations: conditions
// of region and declarations only, and an amount that is not a rate. Such
// a measure has one answer for every enterprise of its region that has not
// answered its declarations, which matching computes once.
func (pr *Proposal) Independent() bool {
	return pr.Amount.Kind != AmountRate && onlyDeclared(pr.Conds)
}

func onlyDeclared(cs []Cond) bool {
	for _, c := range cs {
		switch c.Kind {
		case CondRegion, CondDeclare:
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

// Declarations are the ids of the proposal's declarations.
func (pr *Proposal) Declarations() []string {
	var out []string
	var walk func(cs []Cond)
	walk = func(cs []Cond) {
		for _, c := range cs {
			if c.Kind == CondDeclare {
				out = append(out, c.ID)
			}
			walk(c.Children)
		}
	}
	walk(pr.Conds)
	return out
}
