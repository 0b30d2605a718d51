package clause

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTmpAudit(t *testing.T) {
	docs := map[string]string{}
	files, _ := filepath.Glob("/work/shared/corpus/*/*.txt")
	more, _ := filepath.Glob("/work/shared/corpus/laws/*/*")
	files = append(files, more...)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		docs[f] = string(b)
	}
	fh, _ := os.Open("/work/shared/corpus/central_shandong/policies.jsonl")
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	i := 0
	for sc.Scan() {
		i++
		var r struct{ Content string `json:"content_zh"` }
		json.Unmarshal(sc.Bytes(), &r)
		docs[fmt.Sprint("cs", i)] = r.Content
	}
	for name, d := range docs {
		lines := strings.Split(strings.ReplaceAll(d, "\r\n", "\n"), "\n")
		for _, l := range lines {
			if isChromeLine(strings.TrimRight(l, " ")) {
				fmt.Printf("CHROME %s: %q\n", filepath.Base(name), l)
			}
		}
		for _, ch := range markerChains(lines) {
			if isPageChain(lines, ch) {
				fmt.Printf("PAGECHAIN %s: len %d first %d\n", filepath.Base(name), len(ch), ch[0].n)
			}
		}
		kept := dropTrailingChrome(lines)
		for _, l := range lines[len(kept):] {
			if strings.TrimSpace(l) != "" {
				fmt.Printf("TRAIL %s: %q\n", filepath.Base(name), l)
			}
		}
		if c := Clean(d); Clean(c) != c {
			fmt.Println("IDEM", name)
		}
	}
	fmt.Println(len(docs), "docs")
}
