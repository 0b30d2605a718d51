package synth

import (
	"iter"
	"math"
	"math/rand"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// lastFiscalYear is the last year synthetic financials cover, and the
// generator's idea of "now": fixed, so that a seed gives the same profiles
// on every day. Dates fall no later than lastDate.
const lastFiscalYear = 2025

var lastDate = huiqi.Date{Year: 2026, Month: 6, Day: 30}

// EnterpriseGenerator makes synthetic enterprise profiles for benchmarks of
// matching at scale: registered across the country's counties (east-heavy),
// in the industries technology SMEs are in, with 1–5 fiscal years of
// figures of plausible size and R&D intensity, some fields unknown and
// certifications held by some. Each profile passes profile.Validate and has a
// valid, distinct 统一社会信用代码. It is not safe for concurrent use.
type EnterpriseGenerator struct {
	rnd        *rand.Rand
	n          int
	places     []region.Region
	placeW     weighted
	classes    [][]industry.Industry
	classW     weighted
	codeOffset int64
}

// NewEnterprises returns a generator seeded with seed.
func NewEnterprises(seed int64) *EnterpriseGenerator {
	g := &EnterpriseGenerator{rnd: rand.New(rand.NewSource(seed))}
	g.places, g.placeW = places()
	g.classes, g.classW = classes()
	g.codeOffset = g.rnd.Int63n(orgSpace)
	return g
}

// Enterprises streams n synthetic profiles made from seed; the same seed
// gives the same profiles. Only the profile being yielded is in memory.
func Enterprises(seed int64, n int) iter.Seq[huiqi.Enterprise] {
	return func(yield func(huiqi.Enterprise) bool) {
		g := NewEnterprises(seed)
		for range n {
			if !yield(g.Next()) {
				return
			}
		}
	}
}

// Next makes one profile.
func (g *EnterpriseGenerator) Next() huiqi.Enterprise {
	g.n++
	place := g.places[g.placeW.draw(g.rnd)]
	list := g.classes[g.classW.draw(g.rnd)]
	class := list[g.rnd.Intn(len(list))]
	e := huiqi.Enterprise{
		RegionCode:   place.Code,
		IndustryCode: class.Code,
		RegisteredOn: g.registered(),
	}
	e.Name = g.name(place, class)
	e.CreditCode = g.creditCode(place.Code, e.RegisteredOn.Year)
	g.people(&e, class)
	g.figures(&e, class)
	g.certifications(&e)
	g.unknowns(&e)
	return e
}

// registered draws a registration date, recent years more likely (most
// SMEs are young): the age in years is exponential with mean 7, below 26.
func (g *EnterpriseGenerator) registered() huiqi.Date {
	age := math.Min(g.rnd.ExpFloat64()*7, 25.9)
	days := int(age * 365.25)
	return addDays(lastDate, -days)
}

// logNormal draws exp(N(ln median, sigma)) clamped to [lo, hi].
func (g *EnterpriseGenerator) logNormal(median, sigma, lo, hi float64) float64 {
	v := median * math.Exp(g.rnd.NormFloat64()*sigma)
	return math.Max(lo, math.Min(hi, v))
}

// chance reports true with probability p.
func (g *EnterpriseGenerator) chance(p float64) bool { return g.rnd.Float64() < p }

func ptr[T any](v T) *T { return &v }
