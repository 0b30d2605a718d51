package propose

import (
	"math/big"

	"github.com/huiqi-dev/huiqi"
)

// amount computes the award for e: nil when the text gives none that can
// be computed; with Missing when the base of a rate is not in the profile.
func (pr *Proposal) amount(e *huiqi.Enterprise, asOf huiqi.Date) *huiqi.Amount {
	a := pr.Amount
	out := &huiqi.Amount{Basis: a.Basis, Exclusive: a.Exclusive, CapGroup: a.CapGroup, CapYuan: a.CapYuan}
	switch a.Kind {
	case AmountFixed, AmountRange:
		out.Min, out.Max = a.Min, a.Max
	case AmountRate:
		ctx := &evalCtx{e: e, asOf: asOf}
		base, ok := ctx.number(a.Base)
		r, rok := rateOf(a.Rate)
		if !ok || !rok {
			out.Missing, out.Basis = ctx.missing, "金额无法计算：缺少数据"
			return out
		}
		v := floorProduct(base, r)
		if a.Cap > 0 && v > a.Cap {
			v = a.Cap
		}
		out.Min, out.Max = max(v, 0), max(v, 0)
	default:
		return nil
	}
	return out
}

// floorProduct is ⌊base × r⌋ exactly.
func floorProduct(base int64, r *big.Rat) int64 {
	p := new(big.Rat).Mul(new(big.Rat).SetInt64(base), r)
	q := new(big.Int).Quo(p.Num(), p.Denom()) // truncates toward zero
	if p.Sign() < 0 && !p.IsInt() {
		q.Sub(q, big.NewInt(1))
	}
	return q.Int64()
}
