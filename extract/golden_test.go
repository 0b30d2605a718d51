package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/decode"
)

// The gold files in testdata/gold were written by reading each document, never
// from this program's output (four come from ../shared/eval/gold). The test
// scores the extractor on them by score.py's rules and fails below the floors:
// the quality bar the extractor must hold on documents it was not tuned on.
var floors = struct{ meta, measures, targets, tasks float64 }{0.9, 0.9, 0.85, 0.9}

func TestGoldFiles(t *testing.T) { scoreGoldDir(t, "testdata/gold") }

// TestHoldoutFiles scores documents annotated after the extractor's rules were
// written, never used to tune them: the figure that predicts unseen documents.
func TestHoldoutFiles(t *testing.T) { scoreGoldDir(t, "testdata/holdout") }

func scoreGoldDir(t *testing.T, dir string) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	sort.Strings(golds)
	var total scores
	var report strings.Builder
	for _, gpath := range golds {
		g := readGold(t, gpath)
		p := extractFixture(t, gpath)
		s := scoreDoc(g, p)
		total.metaOK += s.metaOK
		total.metaN += s.metaN
		total.measures.add(s.measures)
		total.targets.add(s.targets)
		total.tasks.add(s.tasks)
		fmt.Fprintf(&report, "%-28s meta=%d/%d measures=%d/%d/%d targets=%d/%d/%d tasks=%d/%d/%d\n",
			filepath.Base(gpath), s.metaOK, s.metaN, s.measures.tp, s.measures.pred, s.measures.gold,
			s.targets.tp, s.targets.pred, s.targets.gold, s.tasks.tp, s.tasks.pred, s.tasks.gold)
	}
	meta := float64(total.metaOK) / float64(total.metaN)
	fmt.Fprintf(&report, "TOTAL meta=%.3f measures_f1=%.3f targets_f1=%.3f tasks_f1=%.3f\n",
		meta, total.measures.f1(), total.targets.f1(), total.tasks.f1())
	t.Log("\n" + report.String())
	if meta < floors.meta || total.measures.f1() < floors.measures || total.targets.f1() < floors.targets || total.tasks.f1() < floors.tasks {
		t.Errorf("below the quality floors %+v", floors)
	}
}

func readGold(t *testing.T, path string) goldDoc {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g goldDoc
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

// extractFixture extracts the document a gold file is about and returns the
// export as the scorer reads it.
func extractFixture(t *testing.T, gpath string) predDoc {
	t.Helper()
	base := strings.TrimSuffix(filepath.Base(gpath), ".json")
	doc := filepath.Join("testdata/docs", base+".txt")
	if _, err := os.Stat(doc); err != nil {
		doc = filepath.Join("testdata/docs", base+".jsonl")
	}
	docs, err := decode.File(doc)
	if err != nil || len(docs) != 1 {
		t.Fatalf("%s: decode: %v (%d documents)", doc, err, len(docs))
	}
	p, err := Extract(docs[0])
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	// HUIQI_EXTRACT_DUMP=DIR keeps the predictions for score.py and for reading.
	if dir := os.Getenv("HUIQI_EXTRACT_DUMP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, base+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pd predDoc
	if err := json.Unmarshal(b, &pd); err != nil {
		t.Fatal(err)
	}
	return pd
}
