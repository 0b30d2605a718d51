package profile

import "strings"

// CertificationNames returns the canonical certification names, in the
// order rules and forms list them.
func CertificationNames() []string {
	out := make([]string, len(certNames))
	for i, c := range certNames {
		out[i] = c.name
	}
	return out
}

// CertificationWords returns every canonical name and alias, in the order
// of CertificationNames with each name before its aliases: the words a
// text may name a title by.
func CertificationWords() []string {
	var out []string
	for _, c := range certNames {
		out = append(out, c.name)
		out = append(out, c.aliases...)
	}
	return out
}

// NormalizeCertification returns the canonical form of a certification
// name: 国家高新技术企业 → 高新技术企业, 小巨人 → 专精特新“小巨人”企业,
// 省级科技企业孵化器 → 孵化器 with level provincial. Spaces and the kind of
// quotation marks do not matter. level is what a level word before the name
// says, for titles granted at several levels ("" otherwise). known is false
// for names not in the list, which come back trimmed but otherwise as given.
func NormalizeCertification(name string) (canonical, level string, known bool) {
	key := fold(name)
	if c, ok := certIndex[key]; ok {
		return c.name, "", true
	}
	for _, w := range levelWords {
		rest, found := strings.CutPrefix(key, w.word)
		c, ok := certIndex[rest]
		switch {
		case found && ok && c.leveled:
			return c.name, w.level, true
		case found && ok:
			return c.name, "", true // a title of one level: the word adds nothing
		}
	}
	return strings.TrimSpace(name), "", false
}
