package synth

import (
	"bytes"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/decode"
	"github.com/huiqi-dev/huiqi/demo"
	"github.com/huiqi-dev/huiqi/extract"
)

func TestGeneratorIsDeterministicAndExtractable(t *testing.T) {
	t.Parallel()
	a, err := New(demo.Corpus(), 7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := New(demo.Corpus(), 7)
	for i := 0; i < 20; i++ {
		da, db := a.Next(), b.Next()
		if da.Text != db.Text {
			t.Fatalf("document %d differs between two generators with one seed", i)
		}
		p, err := extract.Extract(decodeOne(t, da.Text))
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != da.Title {
			t.Errorf("doc %d: extracted title %q, generated %q", i, p.Title, da.Title)
		}
		if len(p.Issuers) == 0 || p.Issuers[0] != da.Issuer {
			t.Errorf("doc %d: extracted issuers %v, generated %q", i, p.Issuers, da.Issuer)
		}
		if p.Region == nil {
			t.Errorf("doc %d: no region for issuer %q", i, da.Issuer)
		}
	}
}

func TestWriteJSONL(t *testing.T) {
	t.Parallel()
	g, err := New(demo.Corpus(), 1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, size, err := g.WriteJSONL(&buf, 200_000, nil)
	if err != nil || n == 0 || size < 200_000 || int64(buf.Len()) != size {
		t.Fatalf("wrote %d docs, %d bytes (buffer %d): %v", n, size, buf.Len(), err)
	}
	docs, err := decode.Bytes("synth.jsonl", buf.Bytes())
	if err != nil || len(docs) != n {
		t.Fatalf("decode read %d of %d documents: %v", len(docs), n, err)
	}
	if !strings.Contains(docs[0].Text, "现印发给你们") {
		t.Errorf("first document lacks its notice: %.80q", docs[0].Text)
	}
}

func decodeOne(t *testing.T, text string) huiqi.Document {
	t.Helper()
	docs, err := decode.Bytes("doc.txt", []byte(text))
	if err != nil || len(docs) != 1 {
		t.Fatalf("decode: %v", err)
	}
	return docs[0]
}
