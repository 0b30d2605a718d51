package region

import (
	"strings"
	"unicode/utf8"
)

// mention is a region name found in a text, with the regions it may mean.
type mention struct {
	codes      []string
	start, end int
}

// govWords may follow a short name and show that it names a government:
// 成都高新区, 浙江监管局, 沙县人民政府.
var govWords = []string{
	"省委", "市委", "区委", "县委", "州委", "旗委", "党委", "纪委", "人民政府", "政府", "人大", "政协",
	"党工委", "工委", "港区", "高新区", "高新技术产业开发区", "经济技术开发区", "经济开发区", "经开区", "开发区", "管委会",
	"科技局", "科学技术局", "科技厅", "科学技术厅", "财政局", "财政厅", "发展改革委", "发展和改革委员会",
	"发改委", "经信局", "经信委", "经济和信息化", "工业和信息化局", "工信局", "商务局", "商务厅",
	"人力资源和社会保障", "人社局", "市场监督管理局", "市场监管局", "监管局", "税务局", "教育局",
	"教育厅", "知识产权局", "办公厅", "办公室", "委员会",
}

// mentions finds region names in text, longest first at each position.
func (ix *nameIndex) mentions(text string) []mention {
	var out []mention
	for i := 0; i < len(text); {
		if m, ok := ix.mentionAt(text, i); ok {
			out = append(out, m)
			i = m.end
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return out
}

// mentionAt returns the longest usable name starting at byte i.
func (ix *nameIndex) mentionAt(text string, i int) (mention, bool) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	for _, n := range ix.lens[r] {
		end := i + n
		if end > len(text) {
			continue
		}
		var codes []string
		for _, e := range ix.names[text[i:end]] {
			if usable(text, i, end, e) {
				codes = append(codes, e.code)
			}
		}
		if len(codes) > 0 {
			return mention{codes: codes, start: i, end: end}, true
		}
	}
	return mention{}, false
}

// usable reports whether the name text[i:end] names region e here.
func usable(text string, i, end int, e entry) bool {
	rest := text[end:]
	if !e.strong {
		return followedByGov(rest)
	}
	name := text[i:end]
	switch {
	case strings.HasSuffix(name, "市") && strings.HasPrefix(rest, "场"):
		return false // 中山市场: 市场 is "market"
	case strings.HasSuffix(name, "区") && (strings.HasPrefix(rest, "域") || strings.HasPrefix(rest, "块")):
		return false // 和平区域, 区块链
	}
	return true
}

// followedByGov reports whether rest starts with a government-body word.
func followedByGov(rest string) bool {
	for _, w := range govWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}
