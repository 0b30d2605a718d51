package decode

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// shandong_sample.jsonl: records on lines 1, 2 and 5; line 3 is cut off,
// line 4 is blank, line 6 has no text.
func TestEachJSONL(t *testing.T) {
	t.Parallel()
	var docs []huiqi.Document
	err := EachJSONL("testdata/shandong_sample.jsonl", func(d huiqi.Document) error {
		docs = append(docs, d)
		return nil
	})
	if len(docs) != 3 {
		t.Fatalf("got %d good records, want 3", len(docs))
	}
	for i, line := range []int{1, 2, 5} {
		d := docs[i]
		checkDocument(t, d, "jsonl", "utf-8")
		if d.Source.Record != line || !strings.HasSuffix(d.Name, "shandong_sample.jsonl#"+strconv.Itoa(line)) {
			t.Errorf("record %d: Name %q Record %d, want line %d", i, d.Name, d.Source.Record, line)
		}
		if !strings.HasPrefix(string(d.Raw), "{") || strings.HasSuffix(string(d.Raw), "\n") {
			t.Errorf("record %d: Raw is not the bare line: %q", i, head(string(d.Raw), 40))
		}
	}
	first := docs[0]
	if !strings.Contains(first.Text, "（一）基本内涵。智慧林业是指充分利用云计算") {
		t.Errorf("text of record 1 lacks its content_zh: %q", head(first.Text, 200))
	}
	want := huiqi.Hints{
		Title:       "Guiding Opinions on the Development of Smart Forestry in China",
		Issuer:      "State Forestry Administration",
		PublishedOn: huiqi.Date{Year: 2013, Month: 8, Day: 21},
		URL:         "https://www.pkulaw.com/chl/bb19b64b5365e28cbdfb.html?way=listView",
	}
	if first.Hints != want {
		t.Errorf("hints\n got %+v\nwant %+v", first.Hints, want)
	}
	if huiqi.ErrorCode(err) != huiqi.EINVALID {
		t.Fatalf("error %v, want EINVALID for the bad lines", err)
	}
	for _, w := range []string{"shandong_sample.jsonl:3: not a JSON object", "shandong_sample.jsonl:6: no text"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if strings.Contains(err.Error(), ":4:") {
		t.Errorf("blank line 4 reported as bad: %v", err)
	}
}

func TestEachJSONLStops(t *testing.T) {
	t.Parallel()
	stop := errors.New("stop")
	n := 0
	err := EachJSONL("testdata/shandong_sample.jsonl", func(huiqi.Document) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("EachJSONL returned %v after %d calls, want fn's error after 1", err, n)
	}
}

func TestFileJSONL(t *testing.T) {
	t.Parallel()
	if _, err := File("testdata/shandong_sample.jsonl"); huiqi.ErrorCode(err) != huiqi.EINVALID || !strings.Contains(err.Error(), ":3:") {
		t.Errorf("File on a JSONL file with bad lines: %v, want EINVALID naming line 3", err)
	}
	data, err := os.ReadFile("testdata/shandong_sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	good := strings.Join(strings.Split(string(data), "\n")[:2], "\r\n") + "\r\n"
	docs, err := Bytes("good.jsonl", []byte(good))
	if err != nil || len(docs) != 2 {
		t.Fatalf("Bytes on two good CRLF lines: %d docs, %v", len(docs), err)
	}
	if docs[1].Name != "good.jsonl#2" || docs[1].Hints.PublishedOn != (huiqi.Date{Year: 2024, Month: 9, Day: 19}) {
		t.Errorf("second record: %q %v", docs[1].Name, docs[1].Hints.PublishedOn)
	}
}
