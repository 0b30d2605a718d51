// Package synth composes realistic synthetic policy documents from real ones,
// for benchmarks at scales no real corpus reaches: a 红头 notice around a
// titled policy of sections and numbered items taken from real documents,
// with issuers, 文号 and dates of real regions, and amounts varied.
// Generation is deterministic for a seed.
package synth

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand"
	"regexp"
	"sort"
	"strings"

	"github.com/huiqi-dev/huiqi/region"
)

// Generator makes documents. It is not safe for concurrent use.
type Generator struct {
	rnd      *rand.Rand
	measures []string // item texts that grant money
	targets  []string // item texts that state goals
	tasks    []string // item texts that name responsible units
	others   []string // other item texts
	headings []string // section headings
	topics   []string // title subjects ("促进科技创新")
	regions  []region.Region
	n        int
}

// Doc is one generated document.
type Doc struct {
	Title  string
	Issuer string
	Date   string // YYYY-MM-DD
	Text   string
}

var (
	reLabel   = regexp.MustCompile(`^\s*(?:[0-9０-９]+\s*[.．、]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)\s*`)
	reHeading = regexp.MustCompile(`^\s*[（(]?[一二三四五六七八九十]+[）)、]\s*([^。，,；]{4,24})$`)
	reTopic   = regexp.MustCompile(`关于(.{4,30}?)的(?:实施意见|若干意见|意见|若干措施|实施办法|办法|通知|决定|行动方案)`)
	reWan     = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)万元`)
)

// New reads the texts under corpus (*.txt) and returns a generator seeded with seed.
func New(corpus fs.FS, seed int64) (*Generator, error) {
	g := &Generator{rnd: rand.New(rand.NewSource(seed))}
	err := fs.WalkDir(corpus, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := fs.ReadFile(corpus, path)
		if err != nil {
			return err
		}
		g.learn(string(b))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	if len(g.measures) == 0 || len(g.others) == 0 {
		return nil, fmt.Errorf("synth: the corpus has too few documents to compose from")
	}
	for _, r := range region.All() {
		if r.Level == 3 || r.Level == 2 {
			g.regions = append(g.regions, r)
		}
	}
	sort.Slice(g.regions, func(i, j int) bool { return g.regions[i].Code < g.regions[j].Code })
	return g, nil
}

// learn sorts the paragraphs of one real document into the pools.
func (g *Generator) learn(text string) {
	if m := reTopic.FindStringSubmatch(text); m != nil && !strings.ContainsAny(m[1], "《》〈〉<>“”") && !strings.Contains(m[1], "印发") && !strings.Contains(m[1], "转发") {
		g.topics = append(g.topics, m[1])
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := reHeading.FindStringSubmatch(line); m != nil {
			g.headings = append(g.headings, m[1])
			continue
		}
		body := reLabel.ReplaceAllString(line, "")
		n := len([]rune(body))
		if n < 20 || n > 600 || !strings.HasSuffix(body, "。") {
			continue
		}
		switch {
		case strings.Contains(body, "万元") && (strings.Contains(body, "给予") || strings.Contains(body, "奖励")):
			g.measures = append(g.measures, body)
		case strings.Contains(body, "责任单位") || strings.Contains(body, "牵头"):
			g.tasks = append(g.tasks, body)
		case strings.Contains(body, "到20") || strings.Contains(body, "力争"):
			g.targets = append(g.targets, body)
		default:
			g.others = append(g.others, body)
		}
	}
}
