package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// TestValidityAndRepeals checks dates of force and repealed documents on real
// documents; each expectation was read in the document's closing articles.
func TestValidityAndRepeals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file               string
		effective, expires string
		repealNumber       string
		draft              bool
	}{
		// 第十五条本办法自2021年1月1日起实施。《…（试行）的通知》（临政发〔2016〕22号文件）同时废止。
		{"docs/zj17.txt", "2021-01-01", "", "临政发〔2016〕22号", false},
		// 本意见自2017年8月17日起施行，试行一年
		{"docs/zj507.txt", "2017-08-17", "2018-08-16", "", false},
		// 本文件自2018年1月1日起执行，执行期暂定三年。…（永委发〔2016〕28号）同时废止
		{"meta/zj441.txt", "2018-01-01", "2020-12-31", "永委发〔2016〕28号", false},
		// 本政策自2020年5月1日起执行兑现…同时《…》（仙政办发〔2019〕46号）废止
		{"docs/zj19.txt", "2020-05-01", "", "仙政办发〔2019〕46号", false},
		// 泰安市人民政府关于…的实施意见（征求意见稿）
		{"docs/004_0e7b4b1e1064c15b.txt", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Extract(huiqi.Document{Name: tt.file, Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			if p.EffectiveOn.String() != tt.effective || p.ExpiresOn.String() != tt.expires {
				t.Errorf("in force %q to %q, want %q to %q (%s)", p.EffectiveOn, p.ExpiresOn, tt.effective, tt.expires, p.ValidityText)
			}
			if p.Draft != tt.draft {
				t.Errorf("draft = %v, want %v", p.Draft, tt.draft)
			}
			found := tt.repealNumber == ""
			for _, r := range p.Repeals {
				found = found || r.DocNumber == tt.repealNumber
			}
			if !found {
				t.Errorf("repeals %+v, want one numbered %s", p.Repeals, tt.repealNumber)
			}
		})
	}
}
