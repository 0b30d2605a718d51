package portal

import (
	"fmt"
	"strings"
)

// labels names a field of the form by its path, for the list of problems:
// 2025 年度 销售收入（营业收入）, 资质 2 认定日期.
func (fs formSpec) labels() func(string) string {
	byPath := map[string]string{}
	for _, q := range append(append(append([]question(nil), fs.Fields...), fs.Decls...), fs.Stated...) {
		byPath[q.Path] = q.Label
	}
	return func(path string) string {
		if l, ok := byPath[path]; ok {
			return l
		}
		var year int
		var key string
		if n, _ := fmt.Sscanf(strings.Replace(path, "].", "] ", 1), "financials[%d] %s", &year, &key); n >= 1 {
			for _, q := range fs.Money {
				if q.Path == key {
					return yearLabel(year) + q.Label
				}
			}
			return yearLabel(year)
		}
		var row int
		if n, _ := fmt.Sscanf(strings.Replace(path, "].", "] ", 1), "certifications[%d] %s", &row, &key); n >= 1 {
			return fmt.Sprintf("资质 %d %s", row+1, certParts[key])
		}
		return ""
	}
}

var certParts = map[string]string{"name": "名称", "level": "级别", "since": "认定日期", "until": "有效期至"}
