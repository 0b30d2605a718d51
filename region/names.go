package region

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// entry is one way of writing a region's name. Strong entries are full
// names with their suffix (成都市, 延边州) and count wherever they appear;
// weak ones (成都, and two-character full names like 城区 or 沙县) count
// only before a government-body word (成都高新区, 沙县人民政府).
type entry struct {
	code   string
	strong bool
}

// nameIndex maps every written name to its regions.
type nameIndex struct {
	names map[string][]entry
	// lens lists, by first rune, the byte lengths of names starting with
	// it, longest first, so a scan tries only lengths that can match.
	lens map[rune][]int
}

// index is built with the table, once.
var index *nameIndex

// buildIndex indexes full names and short forms of every region.
func buildIndex(all []Region) *nameIndex {
	ix := &nameIndex{names: map[string][]entry{}, lens: map[rune][]int{}}
	for _, r := range all {
		strong := utf8.RuneCountInString(r.Name) > 2
		if strong || !commonWords[r.Name] {
			ix.add(r.Name, r.Code, strong)
		}
		short, suffix := shortName(r.Name)
		if utf8.RuneCountInString(short) < 2 || commonWords[short] {
			continue
		}
		ix.add(short, r.Code, false)
		if alt, ok := autonomousSuffix[suffix]; ok && short+alt != r.Name {
			ix.add(short+alt, r.Code, true) // 延边州, 景宁县
		}
	}
	return ix
}

// commonWords are short names that are also everyday words, often right
// before a government body ("会同财政局" is "together with the finance
// bureau", not 会同县), or generic district names (城区, 西区).
var commonWords = setOf(strings.Fields(`会同 资源 新城 和平 光明 解放 东方 长寿 前进 向阳 红旗 新华
	城区 郊区 东区 西区 南区 北区 矿区 城中 城关 城东 城西 市中 安全 平安 永安 新兴 开发 高新 龙华 共和
	团结 胜利`))

// setOf returns the words as a set.
func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// autonomousSuffix gives the everyday suffix of autonomous areas: 延边朝鲜族
// 自治州 is usually written 延边州.
var autonomousSuffix = map[string]string{"自治州": "州", "自治县": "县", "自治旗": "旗"}

// add records one name, keeping one entry per code (strong wins).
func (ix *nameIndex) add(name, code string, strong bool) {
	es := ix.names[name]
	for i, e := range es {
		if e.code == code {
			es[i].strong = e.strong || strong
			return
		}
	}
	ix.names[name] = append(es, entry{code, strong})
	r, _ := utf8.DecodeRuneInString(name)
	ls := ix.lens[r]
	if !slices.Contains(ls, len(name)) {
		ls = append(ls, len(name))
		slices.SortFunc(ls, func(a, b int) int { return b - a })
		ix.lens[r] = ls
	}
}

// nameSuffixes are stripped to get a short name, longest first.
var nameSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "矿区", "盟", "省", "市", "区", "县", "旗"}

// ethnicNames are stripped after the suffix: 延边朝鲜族自治州 → 延边.
var ethnicNames = strings.Fields(`维吾尔 哈萨克 柯尔克孜 蒙古 锡伯 塔吉克 鄂伦春 鄂温克 达斡尔 朝鲜 满 回 藏 苗 彝 壮 侗 瑶 白 土家
	哈尼 傣 黎 畲 羌 水 纳西 拉祜 佤 布朗 景颇 傈僳 独龙 怒 普米 裕固 保安 东乡 撒拉 土 仫佬 毛南 仡佬 布依 各`)

// shortName strips the administrative suffix and ethnic names from name,
// keeping at least two characters: 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古.
func shortName(name string) (short, suffix string) {
	for _, s := range nameSuffixes {
		if rest, ok := strings.CutSuffix(name, s); ok {
			short, suffix = rest, s
			break
		}
	}
	for stripped := true; stripped; {
		stripped = false
		base := strings.TrimSuffix(short, "族")
		for _, e := range ethnicNames {
			if rest, ok := strings.CutSuffix(base, e); ok && utf8.RuneCountInString(rest) >= 2 {
				short, stripped = rest, true
				break
			}
		}
	}
	return short, suffix
}
