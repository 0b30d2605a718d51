package postgres

import (
	"slices"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestBenSets checks the type-set tokens: every type has a letter, a set's
// token reads back as the set in the fixed order, and the tokens of the sets
// holding a type are the 64 such sets, each holding it.
func TestBenSets(t *testing.T) {
	for typ := range huiqi.BeneficiaryLabels {
		if benTypeIndex(benSetToken([]string{typ})[1]) < 0 {
			t.Errorf("type %s has no letter", typ)
		}
		sets := benSetsWith(typ)
		if len(sets) != 1<<(len(benTypes)-1) {
			t.Errorf("%s: %d sets, want %d", typ, len(sets), 1<<(len(benTypes)-1))
		}
		seen := map[string]bool{}
		for _, tok := range sets {
			types, err := benSetTypes(tok[1:])
			if err != nil || !slices.Contains(types, typ) || seen[tok] || benSetToken(types) != tok {
				t.Errorf("%s: set token %q reads as %v, %v (seen before: %v)", typ, tok, types, err, seen[tok])
			}
			seen[tok] = true
		}
	}
	if got := benSetToken([]string{huiqi.BeneficiaryTalent, huiqi.BeneficiaryEnterprise, huiqi.BeneficiaryTalent}); got != "bet" {
		t.Errorf("token of talent, enterprise, talent = %q, want bet", got)
	}
	if got := benSetToken(nil); got != "" {
		t.Errorf("token of no type = %q, want none", got)
	}
	if _, err := benSetTypes("ex"); err == nil {
		t.Error("an unknown letter reads as a type")
	}
}
