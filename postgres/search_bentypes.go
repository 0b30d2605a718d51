package postgres

import (
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// A policy's beneficiary types are one facet token for the whole set: 'b'
// and a letter per type in a fixed order ('bect' is enterprise, carrier and
// talent). Most policies of many measures have five or more types, and
// counting facets costs per token unnested, so one token a row keeps the
// count near what it was without the facet; Go adds each set's count to
// each of its types. The filter on a type is an overlap with every set
// token holding it (64 of them), which the facets' GIN index answers too.
var benTypes = []struct {
	letter byte
	name   string
}{
	{'e', huiqi.BeneficiaryEnterprise}, {'c', huiqi.BeneficiaryCarrier}, {'t', huiqi.BeneficiaryTalent},
	{'r', huiqi.BeneficiaryResearch}, {'p', huiqi.BeneficiaryPlatform}, {'f', huiqi.BeneficiaryFinance},
	{'o', huiqi.BeneficiaryOther},
}

// benSetToken is the token of a set of types, "" for none.
func benSetToken(types []string) string {
	var sb strings.Builder
	for _, bt := range benTypes {
		for _, t := range types {
			if t == bt.name {
				sb.WriteByte(bt.letter)
				break
			}
		}
	}
	if sb.Len() == 0 {
		return ""
	}
	return token(tokBenType, sb.String())
}

// benSetTypes returns the types of a set token's letters (without 'b').
func benSetTypes(letters string) ([]string, error) {
	var out []string
	for i := range len(letters) {
		j := benTypeIndex(letters[i])
		if j < 0 {
			return nil, fmt.Errorf("beneficiary type letter %q", letters[i])
		}
		out = append(out, benTypes[j].name)
	}
	return out, nil
}

func benTypeIndex(letter byte) int {
	for i, bt := range benTypes {
		if bt.letter == letter {
			return i
		}
	}
	return -1
}

// benSetsWith returns every set token holding the type: the sets of the
// other types, each with it added.
func benSetsWith(typ string) []string {
	var out []string
	for mask := range 1 << len(benTypes) {
		var types []string
		has := false
		for i, bt := range benTypes {
			if mask&(1<<i) != 0 {
				types = append(types, bt.name)
				has = has || bt.name == typ
			}
		}
		if has {
			out = append(out, benSetToken(types))
		}
	}
	return out
}
