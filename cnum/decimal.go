package cnum

import (
	"math"
	"strconv"
)

// dec is an exact decimal m×10^e. Money in 万元 with decimals must round
// exactly, which float multiplication does not guarantee (1.15*10000 is
// 11499.999…), so numbers are carried as digits plus an exponent.
type dec struct {
	m int64
	e int
}

// maxMantissa bounds the digits we accept so that m never overflows.
const maxMantissa = 1e17

// shift multiplies d by 10^k.
func (d dec) shift(k int) dec { return dec{d.m, d.e + k} }

// float returns d as the nearest float64.
func (d dec) float() float64 {
	// ParseFloat rounds correctly; on overflow it returns ±Inf with an error,
	// and ±Inf is the right answer.
	f, _ := strconv.ParseFloat(strconv.FormatInt(d.m, 10)+"e"+strconv.Itoa(d.e), 64)
	return f
}

// round returns d rounded half up to an integer; ok is false on overflow.
func (d dec) round() (int64, bool) {
	m, e := d.m, d.e
	for ; e > 0; e-- {
		if m > math.MaxInt64/10 {
			return 0, false
		}
		m *= 10
	}
	if e == 0 {
		return m, true
	}
	if e < -18 {
		return 0, true
	}
	p := int64(1)
	for ; e < 0; e++ {
		p *= 10
	}
	q, r := m/p, m%p
	if 2*r >= p {
		q++
	}
	return q, true
}

// less reports whether a < b.
func (a dec) less(b dec) bool { return a.float() < b.float() }
