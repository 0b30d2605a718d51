package region

import (
	_ "embed"
	"encoding/json"
	"sort"
	"strings"
	"sync"
)

// Region is one administrative division.
type Region struct {
	Code     string // six digits, e.g. 510105
	Name     string // 青羊区
	FullName string // 四川省成都市青羊区
	Level    int    // 0 national, 1 province, 2 city, 3 county
	Parent   string // code of the enclosing region, "" for provinces
}

// National is the pseudo-region for central-government documents.
var National = Region{Code: "100000", Name: "全国", FullName: "全国", Level: 0}

//go:embed data/pca-code.json
var pcaJSON []byte

// node is the shape of pca-code.json: codes of 2, 4 and 6 digits.
type node struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Children []node `json:"children"`
}

// table holds every region by code, parsed once from the embedded data.
type table struct {
	byCode   map[string]Region
	children map[string][]string // parent code → child codes, placeholders skipped
	all      []Region            // placeholders excluded, in code order
}

var (
	loadOnce sync.Once
	tbl      *table
)

// data returns the parsed table; the embedded JSON is part of the build, so
// a parse error is a programming error.
func data() *table {
	loadOnce.Do(func() {
		var roots []node
		if err := json.Unmarshal(pcaJSON, &roots); err != nil {
			panic("region: embedded pca-code.json: " + err.Error())
		}
		tbl = &table{byCode: map[string]Region{}, children: map[string][]string{}}
		for _, p := range roots {
			tbl.add(p, Region{}, 1)
		}
		sort.Slice(tbl.all, func(i, j int) bool { return tbl.all[i].Code < tbl.all[j].Code })
		index = buildIndex(tbl.all)
	})
	return tbl
}

// add records n (at level) under parent, then its children. Placeholder
// cities (市辖区, 县, 省直辖县级行政区划) are kept for Lookup, but their
// counties hang from the province and their name joins no FullName.
//
// Cities without counties (东莞, 中山, 儋州, 嘉峪关) list their towns with
// 9-digit codes; towns are below this table's grain and are left out.
func (t *table) add(n node, parent Region, level int) {
	if len(n.Code) > 6 {
		return
	}
	r := Region{Code: pad6(n.Code), Name: n.Name, Level: level, Parent: parent.Code}
	r.FullName = parent.FullName + n.Name
	if isPlaceholder(n.Name) {
		r.FullName = parent.FullName
		t.byCode[r.Code] = r
		for _, c := range n.Children {
			t.add(c, parent, level+1)
		}
		return
	}
	t.byCode[r.Code] = r
	t.all = append(t.all, r)
	t.children[r.Parent] = append(t.children[r.Parent], r.Code)
	for _, c := range n.Children {
		t.add(c, r, level+1)
	}
}

// isPlaceholder reports whether name is a grouping entry, not a real city.
func isPlaceholder(name string) bool {
	return name == "市辖区" || name == "县" || strings.HasSuffix(name, "直辖县级行政区划")
}

// pad6 pads a 2- or 4-digit code with zeros to six digits.
func pad6(code string) string {
	return code + "000000"[:max(0, 6-len(code))]
}
