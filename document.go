package huiqi

// Document is one input document decoded to UTF-8 text, ready for extraction.
// A file usually holds one; a JSONL corpus file holds one per line.
type Document struct {
	// Name identifies the input in messages: a path, or "path#12" for line 12 of a JSONL file.
	Name string
	// Text is the decoded text as published (Traditional stays Traditional),
	// with container markup (HTML, docx XML, PDF layout) removed.
	Text   string
	Source Source
	Hints  Hints
	// Raw is the original bytes kept byte for byte: the whole file, or the JSONL line.
	Raw []byte
}

// Hints are metadata the container states outside the text: an HTML <title>, a
// portal's 发布日期 line, a JSONL record's fields. Extraction prefers the text
// and falls back to hints.
type Hints struct {
	Title       string
	Issuer      string
	PublishedOn Date
	IssuedOn    Date
	URL         string
	// DocNumber is a 发文字号 stated outside the text, as in a portal's
	// information table (发文字号：临政办发〔2020〕98号).
	DocNumber string
}
