package synth

import (
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// provinceWeights are rough relative numbers of technology enterprises per
// province: east-heavy, as the country's are. Not statistics: a shape for
// benchmarks, so that matching sees dense and sparse regions.
var provinceWeights = map[string]int{
	"44": 150, "32": 130, "33": 100, "11": 70, "37": 70, "31": 60, "42": 40, "34": 35,
	"51": 35, "43": 30, "41": 30, "35": 30, "61": 25, "13": 25, "12": 20, "36": 20,
	"50": 17, "21": 15, "45": 10, "53": 8, "14": 8, "52": 7, "22": 7, "23": 7,
	"15": 4, "65": 4, "62": 4, "46": 4, "64": 2, "63": 1, "54": 1,
}

// industryWeights weight the parts of the classification technology SMEs
// are in: a prefix (section letter or division) and its weight; a class is
// then drawn evenly under the prefix.
var industryWeights = []struct {
	prefix string
	weight int
}{
	{"39", 12}, {"38", 7}, {"35", 6}, {"34", 5}, {"26", 4}, {"27", 3}, {"40", 3}, {"36", 2}, {"C", 6},
	{"65", 15}, {"64", 4}, {"63", 2}, {"I", 1},
	{"73", 5}, {"74", 4}, {"75", 6}, {"M", 1},
	{"L", 3}, {"F", 4}, {"A", 2}, {"E", 2}, {"N", 2}, {"R", 1}, {"Q", 1},
}

// weighted draws an index by integer weights in O(log n).
type weighted struct {
	cum []int // cumulative weights
}

func newWeighted(weights []int) weighted {
	w := weighted{cum: make([]int, len(weights))}
	total := 0
	for i, x := range weights {
		total += x
		w.cum[i] = total
	}
	return w
}

func (w weighted) draw(rnd interface{ Intn(int) int }) int {
	x := rnd.Intn(w.cum[len(w.cum)-1])
	return sort.SearchInts(w.cum, x+1)
}

// places returns the regions enterprises register in, with weights: every
// county-level region, and the cities that have none (东莞, 中山); urban
// districts (…区) count three times a county, and each province's share is
// spread over its places.
func places() ([]region.Region, weighted) {
	var out []region.Region
	var local []int
	perProvince := map[string]int{}
	for _, r := range region.All() {
		if r.Level == 3 || r.Level == 2 && len(region.Children(r.Code)) == 0 {
			w := 1
			if strings.HasSuffix(r.Name, "区") {
				w = 3
			}
			out = append(out, r)
			local = append(local, w)
			perProvince[r.Code[:2]] += w
		}
	}
	weights := make([]int, len(out))
	for i, r := range out {
		// Scale so that a province's places add up to about its weight × 1000.
		weights[i] = max(1, provinceWeights[r.Code[:2]]*1000*local[i]/max(1, perProvince[r.Code[:2]]))
	}
	return out, newWeighted(weights)
}

// classes returns the 小类 codes under each weighted prefix, and the weights.
func classes() ([][]industry.Industry, weighted) {
	var out [][]industry.Industry
	var weights []int
	all := industry.All()
	for _, p := range industryWeights {
		var list []industry.Industry
		for _, in := range all {
			if in.Level == industry.Class && industry.Contains(p.prefix, in.Code) {
				list = append(list, in)
			}
		}
		out = append(out, list)
		weights = append(weights, p.weight)
	}
	return out, newWeighted(weights)
}
