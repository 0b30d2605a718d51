package propose

import (
	"github.com/huiqi-dev/huiqi"
)

// Quick answers the proposal for e as Eval does, without explanations and
// without allocating: the status and the bounds of the amount; ok is false
// when there is no amount or it cannot be computed (a missing base), or
// when the measure is not eligible. Batch matching calls it.
func (pr *Proposal) Quick(e *huiqi.Enterprise, asOf huiqi.Date) (st huiqi.MatchStatus, lo, hi int64, ok bool) {
	ctx := evalCtx{e: e, asOf: asOf, quiet: true}
	switch ctx.all(pr.Conds) {
	case huiqi.Unmet:
		return huiqi.MatchNotEligible, 0, 0, false
	case huiqi.Unknown:
		st = huiqi.MatchUnknown
	default:
		st = huiqi.MatchLikely
		strict := evalCtx{e: e, asOf: asOf, quiet: true, strict: true}
		if strict.all(pr.Conds) == huiqi.Met {
			st = huiqi.MatchEligible
		}
	}
	lo, hi, ok = pr.quickAmount(&ctx)
	return st, lo, hi, ok
}

func (pr *Proposal) quickAmount(ctx *evalCtx) (lo, hi int64, ok bool) {
	a := &pr.Amount
	switch a.Kind {
	case AmountFixed, AmountRange:
		return a.Min, a.Max, true
	case AmountRate:
		base, bok := ctx.number(a.Base)
		if !bok {
			return 0, 0, false
		}
		v, vok := rateTimes(base, a.Rate)
		if !vok {
			return 0, 0, false
		}
		if a.Cap > 0 && v > a.Cap {
			v = a.Cap
		}
		v = max(v, 0)
		return v, v, true
	}
	return 0, 0, false
}

// rateTimes is ⌊base × rate⌋ for a decimal rate, in integers when they
// cannot overflow.
func rateTimes(base int64, rate string) (int64, bool) {
	num, den, ok := decimal(rate)
	if ok && base >= 0 && base < 1<<40 && num < 1<<20 {
		return base * num / den, true
	}
	r, rok := rateOf(rate)
	if !rok {
		return 0, false
	}
	return floorProduct(base, r), true
}

// decimal reads "0.35" as 35/100, without allocating.
func decimal(s string) (num, den int64, ok bool) {
	den, dot := 1, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			if num > 1<<40 {
				return 0, 0, false
			}
			num = num*10 + int64(c-'0')
			if dot {
				den *= 10
			}
		default:
			return 0, 0, false
		}
	}
	return num, den, len(s) > 0
}
