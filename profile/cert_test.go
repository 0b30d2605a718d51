package profile

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestNormalizeCertification(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, name, level string
		known           bool
	}{
		{"高新技术企业", "高新技术企业", "", true},
		{"国家高新技术企业", "高新技术企业", "", true},
		{" 国家级 高新技术企业 ", "高新技术企业", "", true},
		{"小巨人", "专精特新“小巨人”企业", "", true},
		{`专精特新"小巨人"企业`, "专精特新“小巨人”企业", "", true},
		{"专精特新「小巨人」企业", "专精特新“小巨人”企业", "", true},
		{"省级专精特新中小企业", "专精特新中小企业", huiqi.LevelProvincial, true},
		{"国家级科技企业孵化器", "孵化器", huiqi.LevelNational, true},
		{"市级众创空间", "众创空间", huiqi.LevelCity, true},
		{"区级众创空间", "众创空间", huiqi.LevelDistrict, true},
		{"省级企业研究院", "企业研究院", huiqi.LevelProvincial, true},
		{"省级工程技术研究中心", "企业研发中心/工程技术研究中心", huiqi.LevelProvincial, true},
		{"国家知识产权示范企业", "知识产权示范企业", huiqi.LevelNational, true},
		{"规模以上工业企业", "规上工业企业", "", true},
		{"国家科技型中小企业", "科技型中小企业", "", true},
		{"省级科技型中小企业", "科技型中小企业", "", true},
		{"  守合同重信用企业 ", "守合同重信用企业", "", false},
		{"省级守合同重信用企业", "省级守合同重信用企业", "", false},
		{"国家级技术创新示范企业", "技术创新示范企业", huiqi.LevelNational, true},
		{"省级新型研发机构", "新型研发机构", huiqi.LevelProvincial, true},
		{"市级雏鹰企业", "雏鹰企业", huiqi.LevelCity, true},
		{"院士工作站", "院士专家工作站", "", true},
		{"省级政府质量奖", "政府质量奖", huiqi.LevelProvincial, true},
		{"市级质量奖", "政府质量奖", huiqi.LevelCity, true},
		{"", "", "", false},
	}
	for _, tt := range tests {
		name, level, known := NormalizeCertification(tt.in)
		if name != tt.name || level != tt.level || known != tt.known {
			t.Errorf("NormalizeCertification(%q) = %q, %q, %v; want %q, %q, %v", tt.in, name, level, known, tt.name, tt.level, tt.known)
		}
	}
}

// TestCertificationNamesAreFixedPoints: a canonical name normalises to
// itself, and no alias is claimed by two titles.
func TestCertificationNamesAreFixedPoints(t *testing.T) {
	t.Parallel()
	names := CertificationNames()
	if len(names) < 16 {
		t.Fatalf("%d canonical names", len(names))
	}
	for _, n := range names {
		if got, level, known := NormalizeCertification(n); got != n || level != "" || !known {
			t.Errorf("NormalizeCertification(%q) = %q, %q, %v", n, got, level, known)
		}
	}
	seen := map[string]string{}
	for _, c := range certNames {
		for _, a := range append([]string{c.name}, c.aliases...) {
			if other, dup := seen[fold(a)]; dup {
				t.Errorf("%q names both %s and %s", a, other, c.name)
			}
			seen[fold(a)] = c.name
		}
	}
}

// TestCertificationWords: every word names a known title, and every
// canonical name is among the words.
func TestCertificationWords(t *testing.T) {
	t.Parallel()
	words := map[string]bool{}
	for _, w := range CertificationWords() {
		if _, _, known := NormalizeCertification(w); !known {
			t.Errorf("word %q is no known title", w)
		}
		words[w] = true
	}
	for _, n := range CertificationNames() {
		if !words[n] {
			t.Errorf("canonical name %q is not among the words", n)
		}
	}
}
