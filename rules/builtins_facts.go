package rules

import "fmt"

// stated("ID", "LABEL") reads a fact the applicant states and no profile
// field records yet (近五年获国家级科技奖励, 主导制定标准, 股权融资, …) from
// Enterprise.Declarations[ID]: true is yes, false is no, and absent is
// unknown. Unlike a declaration (declare:), whose silence counts as met
// because it only confirms compliance, such a fact decides eligibility and
// must be asked, never assumed.
//
// It is registered here, after builtins.go has built the table (files
// initialise in the order of their names).
func init() {
	builtins["stated"] = builtin{checkStated, evalStated}
}

func checkStated(c *checker, args []node) (typ, error) {
	if err := textArgs(args, 2, 2); err != nil {
		return typ{}, err
	}
	if id := text(args[0]); !idPattern.MatchString(id) {
		return typ{}, fmt.Errorf("fact id %q: want lower-case letters, digits and _", id)
	}
	if text(args[1]) == "" {
		return typ{}, fmt.Errorf("the fact needs a label (the question asked)")
	}
	return typ{kind: kBool}, nil
}

func evalStated(ev *evaluator, a []node) (value, bool) {
	id, label := text(a[0]), text(a[1])
	path := "declarations." + id
	answer, ok := ev.ent.Declarations[id]
	if !ok {
		ev.miss(path, label)
		return value{}, false
	}
	v := value{kind: kBool, b: answer}
	ev.fact(path, label, v)
	return v, true
}
