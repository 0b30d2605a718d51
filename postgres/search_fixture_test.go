package postgres_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/postgres"
)

// openSearch is an empty search index in a throwaway database.
func openSearch(tb testing.TB) *postgres.SearchIndex {
	tb.Helper()
	db := mustOpen(tb, newDatabase(tb))
	tb.Cleanup(func() { db.Close() })
	return db.SearchIndex()
}

// truncateSearch empties the search tables of the database at dsn.
func truncateSearch(tb testing.TB, dsn string) {
	tb.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`TRUNCATE search_docs CASCADE`); err != nil {
		tb.Fatalf("truncate: %v", err)
	}
}

// day is the day the fixture's statuses are judged on.
var day = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

// fixture describes a test policy briefly; clauses are "label、text" lines
// whose path is the label.
type fixture struct {
	id, title, num, docType, region, regionName string
	issuers                                     []string
	issued, expires                             huiqi.Date
	draft                                       bool
	clauses                                     []string
	measures                                    []fixtureMeasure
	repeals                                     []huiqi.Repeal
}

type fixtureMeasure struct {
	kind        huiqi.MeasureKind
	amount      int64
	beneficiary string
}

// policy builds the huiqi.Policy of a fixture: the title, then one line per
// clause, with spans into that text.
func (f fixture) policy() *huiqi.Policy {
	p := &huiqi.Policy{ID: f.id, Version: 1, Title: f.title, DocNumber: f.num, DocType: f.docType,
		Issuers: f.issuers, IssuedOn: f.issued, ExpiresOn: f.expires, Draft: f.draft, Repeals: f.repeals}
	if f.region != "" {
		p.Region = &huiqi.Region{Code: f.region, Name: f.regionName}
	}
	var sb strings.Builder
	sb.WriteString(f.title + "\n")
	for _, c := range f.clauses {
		label, _, _ := strings.Cut(c, "、")
		start := sb.Len()
		sb.WriteString(c + "\n")
		span := huiqi.Span{Start: start, End: sb.Len() - 1}
		p.Clauses = append(p.Clauses, huiqi.Clause{Path: label, Label: label + "、", Kind: huiqi.ClauseHan,
			Depth: 1, Span: span, HeadSpan: span})
	}
	p.Text = sb.String()
	for _, m := range f.measures {
		amount := m.amount
		p.Measures = append(p.Measures, huiqi.Measure{Kind: m.kind, AmountYuan: &amount, Beneficiary: m.beneficiary,
			Text: m.beneficiary})
	}
	return p
}

func date(y, m, d int) huiqi.Date { return huiqi.Date{Year: y, Month: m, Day: d} }

// fixtures: 青羊区 (below 成都市, below 四川省), 成都市 twice (one repeals the
// other), 四川省 (expired on the day), national, and a draft in 泰安市.
var fixtures = []fixture{
	{id: "qy", title: "青羊区关于支持科技企业孵化器发展的若干措施", docType: "措施", region: "510105", regionName: "青羊区",
		issuers: []string{"青羊区科学技术局"}, issued: date(2023, 5, 10),
		clauses: []string{"一、对新认定的国家级、省级孵化器，分别给予一次性资金补助50万元、30万元。",
			"二、支持孵化载体建设公共服务平台。"},
		measures: []fixtureMeasure{{huiqi.KindSubsidy, 500000, "孵化器"}}},
	{id: "sc", title: "四川省促进中小企业发展的实施办法", docType: "办法", region: "510000", regionName: "四川省",
		issuers: []string{"四川省经济和信息化厅"}, issued: date(2021, 3, 1), expires: date(2023, 12, 31),
		clauses:  []string{"一、对首次认定的专精特新企业给予奖励100万元。"},
		measures: []fixtureMeasure{{huiqi.KindReward, 1000000, "企业"}}},
	{id: "cd1", title: "成都市人才安居补贴办法", num: "成人社发〔2024〕3号", docType: "办法", region: "510100", regionName: "成都市",
		issuers: []string{"成都市人力资源和社会保障局", "成都市财政局"}, issued: date(2024, 2, 1),
		clauses:  []string{"一、对引进的高层次人才给予安家补贴2万元。", "二、《成都市人才住房补贴暂行办法》(成人社发[2019]5号)同时废止。"},
		measures: []fixtureMeasure{{huiqi.KindSubsidy, 20000, "高层次人才"}},
		repeals:  []huiqi.Repeal{{Title: "成都市人才住房补贴暂行办法", DocNumber: "成人社发[2019]5号"}}},
	{id: "cd0", title: "成都市人才住房补贴暂行办法", num: "成人社发〔2019〕5号", docType: "办法", region: "510100", regionName: "成都市",
		issuers: []string{"成都市人力资源和社会保障局"}, issued: date(2019, 4, 1),
		clauses:  []string{"一、人才租房补贴每月1000元。"},
		measures: []fixtureMeasure{{huiqi.KindSubsidy, 1000, "人才"}}},
	{id: "gw", title: "国务院关于促进创业投资持续健康发展的若干意见", docType: "意见", region: "100000", regionName: "全国",
		issuers: []string{"国务院"}, issued: date(2016, 9, 16),
		clauses:  []string{"一、落实创业投资企业税收优惠政策。"},
		measures: []fixtureMeasure{{huiqi.KindTax, 0, "创业投资企业"}}},
	{id: "ta", title: "泰安市科技创新券管理办法（征求意见稿）", docType: "办法", region: "370900", regionName: "泰安市",
		issuers: []string{"泰安市科学技术局"}, issued: date(2024, 5, 1), draft: true,
		clauses:  []string{"一、创新券额度每家企业每年最高10万元。"},
		measures: []fixtureMeasure{{huiqi.KindVoucher, 100000, "企业"}}},
}

// indexFixtures indexes every fixture.
func indexFixtures(t *testing.T, ix huiqi.SearchIndex) {
	t.Helper()
	for _, f := range fixtures {
		if err := ix.Index(context.Background(), f.policy()); err != nil {
			t.Fatalf("Index %s: %v", f.id, err)
		}
	}
}

// ids returns the IDs of the hits in order.
func ids(res *huiqi.SearchResult) []string {
	out := []string{}
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}
