package decode

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func BenchmarkEachJSONL(b *testing.B) {
	data := mustRead(b, "testdata/shandong_sample.jsonl")
	lines := bytes.Split(data, []byte("\n"))
	good := bytes.Join([][]byte{lines[0], lines[1], lines[4]}, []byte("\n"))
	path := filepath.Join(b.TempDir(), "big.jsonl")
	big := bytes.Repeat(append(good, '\n'), 3000)
	if err := os.WriteFile(path, big, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		if err := EachJSONL(path, func(huiqi.Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	data := mustRead(b, "testdata/zj17_portal_gbk.html")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("p.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDocx(b *testing.B) {
	data := mustRead(b, "testdata/zj430.docx")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("d.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGBKText(b *testing.B) {
	data := mustRead(b, "testdata/zj17_gbk.txt")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("t.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	data := mustRead(b, "testdata/zj16.pdf")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("p.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}
