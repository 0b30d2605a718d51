package decode

import "github.com/huiqi-dev/huiqi"

// record is one line of a JSONL corpus file, in the layout of
// corpus/central_shandong/policies.jsonl (content_zh, release_time, title_en,
// department_en, source) and the common generic names.
type record struct {
	ContentZh    string `json:"content_zh"`
	Content      string `json:"content"`
	Text         string `json:"text"`
	TitleZh      string `json:"title_zh"`
	Title        string `json:"title"`
	TitleEn      string `json:"title_en"`
	DepartmentZh string `json:"department_zh"`
	Department   string `json:"department"`
	DepartmentEn string `json:"department_en"`
	ReleaseTime  string `json:"release_time"`
	PublishDate  string `json:"publish_date"`
	IssueDate    string `json:"issue_date"`
	DocNumber    string `json:"doc_number"`
	Source       string `json:"source"`
	URL          string `json:"url"`
}

// text is the record's document text.
func (r record) text() string {
	return first(r.ContentZh, r.Content, r.Text)
}

// hints are the record's metadata. Chinese fields win; the English title and
// department of the Shandong corpus are a fallback, better than nothing for
// a person reading a list, though extraction should prefer the text.
func (r record) hints() huiqi.Hints {
	h := huiqi.Hints{
		Title:     first(r.TitleZh, r.Title, r.TitleEn),
		Issuer:    first(r.DepartmentZh, r.Department, r.DepartmentEn),
		DocNumber: r.DocNumber,
		URL:       first(r.URL, r.Source),
	}
	h.PublishedOn, _ = findDate(first(r.ReleaseTime, r.PublishDate))
	h.IssuedOn, _ = findDate(r.IssueDate)
	return h
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
