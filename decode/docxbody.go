package decode

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// docxWalker turns the token stream of word/document.xml into lines.
type docxWalker struct {
	num *numbering
	// parts is a stack of collectors: the body, then one per open table,
	// row and cell; a finished paragraph goes to the top one.
	parts [][]string
	// paras is the stack of open paragraphs (text boxes nest them).
	paras []*docxPara
	inT   int // depth of w:t elements: only their character data is text
	inPPr int // depth of w:pPr: its w:tab elements are tab stops, not tabs
}

// docxPara is a paragraph being read.
type docxPara struct {
	text        strings.Builder
	style       string
	numID, ilvl string
	hasNumPr    bool
}

// docxLines returns the lines of document.xml.
func docxLines(doc []byte, num *numbering) ([]string, error) {
	w := &docxWalker{num: num, parts: [][]string{nil}}
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipDocxElement(t.Name.Local) {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				continue
			}
			w.start(t)
		case xml.EndElement:
			w.end(t.Name.Local)
		case xml.CharData:
			if p := w.para(); p != nil && w.inT > 0 {
				p.text.Write(t)
			}
		}
	}
	for len(w.parts) > 1 { // unbalanced tables in a broken file
		w.closePart(" ")
	}
	return w.parts[0], nil
}

// skipDocxElement names subtrees that hold no current text: deleted runs,
// field codes, the previous formatting of tracked changes, and the fallback
// copy of content that mc:AlternateContent also gives as a Choice.
func skipDocxElement(local string) bool {
	switch local {
	case "del", "delText", "instrText", "delInstrText", "pPrChange", "rPrChange",
		"Fallback", "footnoteReference", "endnoteReference", "commentReference":
		return true
	}
	return false
}

func (w *docxWalker) para() *docxPara {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *docxWalker) start(t xml.StartElement) {
	p := w.para()
	switch t.Name.Local {
	case "p":
		w.paras = append(w.paras, &docxPara{})
	case "tbl", "tr", "tc":
		w.parts = append(w.parts, nil)
	case "pPr":
		w.inPPr++
	case "t":
		w.inT++
	}
	if p == nil {
		return
	}
	if w.inPPr > 0 {
		w.paraProperty(p, t)
		return
	}
	switch t.Name.Local {
	case "tab", "ptab":
		p.text.WriteByte('\t')
	case "br", "cr":
		p.text.WriteByte('\n')
	case "noBreakHyphen":
		p.text.WriteByte('-')
	}
}

// paraProperty reads the style and numbering of a paragraph.
func (w *docxWalker) paraProperty(p *docxPara, t xml.StartElement) {
	switch t.Name.Local {
	case "pStyle":
		p.style = xmlAttr(t, "val")
	case "numPr":
		p.hasNumPr = true
	case "numId":
		p.numID = xmlAttr(t, "val")
	case "ilvl":
		p.ilvl = xmlAttr(t, "val")
	}
}

func (w *docxWalker) end(local string) {
	switch local {
	case "p":
		w.endPara()
	case "tc", "tr":
		w.closePart(" ")
	case "tbl":
		w.closePart("")
	case "pPr":
		w.inPPr = max(w.inPPr-1, 0)
	case "t":
		w.inT = max(w.inT-1, 0)
	}
}

// endPara labels the finished paragraph with its list number and hands it
// to the innermost collector.
func (w *docxWalker) endPara() {
	p := w.para()
	if p == nil {
		return
	}
	w.paras = w.paras[:len(w.paras)-1]
	text := strings.TrimRight(p.text.String(), " \t")
	label := w.num.label(p)
	if strings.TrimSpace(text) == "" {
		// An empty numbered paragraph still consumes its number in Word.
		return
	}
	top := len(w.parts) - 1
	w.parts[top] = append(w.parts[top], label+text)
}

// closePart ends a table, row or cell. A cell's or row's pieces are joined
// by sep into one piece of its parent; a table's rows (sep "") stay lines.
func (w *docxWalker) closePart(sep string) {
	if len(w.parts) < 2 {
		return
	}
	top := w.parts[len(w.parts)-1]
	w.parts = w.parts[:len(w.parts)-1]
	parent := len(w.parts) - 1
	if sep == "" {
		w.parts[parent] = append(w.parts[parent], top...)
		return
	}
	var cells []string
	for _, s := range top {
		if s = strings.TrimSpace(s); s != "" {
			cells = append(cells, s)
		}
	}
	if len(cells) > 0 {
		w.parts[parent] = append(w.parts[parent], strings.Join(cells, sep))
	}
}

// xmlAttr returns the value of the attribute with the given local name.
func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
