package decode

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds adds the fixture files in testdata with the given suffix.
func fuzzSeeds(f *testing.F, suffix string) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), suffix) {
			b, err := os.ReadFile("testdata/" + e.Name())
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// checkFuzzResult asserts that any decoded text is valid UTF-8 without U+FFFD
// that was not in the input.
func checkFuzzResult(t *testing.T, in []byte, text string, err error) {
	if err != nil {
		return
	}
	if !utf8.ValidString(text) {
		t.Fatalf("invalid UTF-8 out of %q", head(string(in), 80))
	}
	if strings.ContainsRune(text, utf8.RuneError) && !strings.ContainsRune(string(in), utf8.RuneError) &&
		!strings.Contains(string(in), "&#") {
		t.Fatalf("U+FFFD produced from %q", head(string(in), 80))
	}
}

func FuzzText(f *testing.F) {
	fuzzSeeds(f, ".txt")
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("a\x00b\x00"))
	f.Add([]byte("\x81\x30\x81"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Bytes("f.txt", data)
		text := ""
		if err == nil {
			text = docs[0].Text
		}
		checkFuzzResult(t, data, text, err)
	})
}

func FuzzHTML(f *testing.F) {
	fuzzSeeds(f, ".html")
	f.Add([]byte(`<meta charset="big5"><p>發布日期：2020-02-30</p><table><tr><td>文号：<td>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Bytes("f.html", data)
		text := ""
		if err == nil {
			text = docs[0].Text
		}
		checkFuzzResult(t, data, text, err)
	})
}

func FuzzDocx(f *testing.F) {
	fuzzSeeds(f, ".docx")
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Bytes("f.docx", data)
	})
}

// FuzzDocxXML fuzzes the document.xml walker and the numbering reader
// directly: random bytes rarely make a valid zip, so FuzzDocx alone would
// not reach them.
func FuzzDocxXML(f *testing.F) {
	f.Add([]byte(`<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>出资</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`),
		[]byte(`<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>`))
	f.Fuzz(func(t *testing.T, doc, num []byte) {
		lines, err := docxLines(doc, parseNumbering(num, num))
		if err == nil {
			for _, l := range lines {
				if !utf8.ValidString(l) {
					t.Fatalf("invalid UTF-8 line %q", l)
				}
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	fuzzSeeds(f, ".md")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Bytes("f.md", data)
		text := ""
		if err == nil {
			text = docs[0].Text
		}
		checkFuzzResult(t, data, text, err)
	})
}

func FuzzJSONL(f *testing.F) {
	fuzzSeeds(f, ".jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Bytes("f.jsonl", data)
	})
}

// FuzzPDFBBox fuzzes the reading of pdftotext -bbox-layout output and the
// line joining after it.
func FuzzPDFBBox(f *testing.F) {
	f.Add(`<doc><page><line xMin="50" yMin="10" xMax="530" yMax="30"><word>政策文本</word><word>2018</word></line>` +
		`<line xMin="50" yMin="34" xMax="90" yMax="54"><word>资金补助。</word></line><line xMin="300" yMin="34" xMax="330" yMax="54"><word>5</word></line></page></doc>`)
	f.Fuzz(func(t *testing.T, out string) {
		doc, err := parseBBox(strings.NewReader(out))
		if err != nil {
			return
		}
		if text := pdfText(doc.pages); utf8.ValidString(out) && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 from %q", out)
		}
	})
}
