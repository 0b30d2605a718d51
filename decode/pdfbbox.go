package decode

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"
)

// pdfLine is one visual line of a PDF page as pdftotext -bbox-layout
// places it, in points from the top left of the page.
type pdfLine struct {
	text           string
	x0, x1, y0, y1 float64
	table          bool // cells with wide gaps between them
	page           *pdfGeometry
}

// pdfGeometry is what a page's lines say about its text area.
type pdfGeometry struct {
	left, right float64 // margins of the text
	em          float64 // median line height: about one Chinese character
}

// bboxDoc is what parseBBox reads: the pages, and the PDF's Title from the
// document information, which pdftotext writes as the XHTML <title>.
type bboxDoc struct {
	pages [][]pdfLine
	title string
}

// parseBBox reads the XHTML of pdftotext -bbox-layout into pages of lines.
func parseBBox(r io.Reader) (bboxDoc, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var (
		doc   bboxDoc
		pages [][]pdfLine
		line  *pdfLine
		word  *strings.Builder
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			doc.pages = pages
			return doc, nil
		} else if err != nil {
			return bboxDoc{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				pages = append(pages, nil)
			case "line":
				line = &pdfLine{x0: fattr(t, "xMin"), x1: fattr(t, "xMax"), y0: fattr(t, "yMin"), y1: fattr(t, "yMax")}
			case "word", "title":
				word = &strings.Builder{}
			}
		case xml.CharData:
			if word != nil {
				word.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "title" && word != nil:
				doc.title = strings.TrimSpace(word.String())
				word = nil
			case t.Name.Local == "word" && word != nil && line != nil:
				// pdftotext splits words where the PDF has a gap: between
				// Latin words, or between Chinese and a number set in another
				// font (tightenCJKSpaces removes those).
				if line.text != "" {
					line.text += " "
				}
				line.text += strings.TrimSpace(word.String())
				word = nil
			case t.Name.Local == "line" && line != nil && len(pages) > 0:
				pages[len(pages)-1] = append(pages[len(pages)-1], *line)
				line = nil
			}
		}
	}
}

func fattr(t xml.StartElement, name string) float64 {
	v, _ := strconv.ParseFloat(xmlAttr(t, name), 64)
	return v
}

// cellSep separates table cells until the text is tidied, so that
// tightenCJKSpaces does not glue 5000万元 | 75万元 together; it becomes
// a space, as in the other formats.
const cellSep = "\t"

// visualRows merges the lines of a page that share a baseline, left to
// right: pdftotext gives each table cell its own line. A row whose parts
// are far apart is a table row.
func visualRows(lines []pdfLine) []pdfLine {
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y0 < lines[j].y0 })
	var rows []pdfLine
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		n := len(rows)
		if n > 0 && sameRow(rows[n-1], l) {
			rows[n-1] = mergeRow(rows[n-1], l)
			continue
		}
		rows = append(rows, l)
	}
	return rows
}

// sameRow reports whether two lines overlap vertically by more than half
// the smaller one's height.
func sameRow(a, b pdfLine) bool {
	overlap := min(a.y1, b.y1) - max(a.y0, b.y0)
	return overlap > 0.5*min(a.y1-a.y0, b.y1-b.y0)
}

// mergeRow puts b into row a at its horizontal place.
func mergeRow(a, b pdfLine) pdfLine {
	left, right := a, b
	if b.x0 < a.x0 {
		left, right = b, a
	}
	table := right.x0-left.x1 > 2*min(a.y1-a.y0, b.y1-b.y0)
	sep := " "
	if table {
		sep = cellSep
	}
	return pdfLine{
		text: left.text + sep + right.text,
		x0:   left.x0, x1: max(left.x1, right.x1), y0: min(a.y0, b.y0), y1: max(a.y1, b.y1),
		table: a.table || b.table || table,
	}
}

// measure sets the geometry of a page from its rows.
func measure(rows []pdfLine) *pdfGeometry {
	g := &pdfGeometry{left: -1}
	var heights []float64
	for _, r := range rows {
		if g.left < 0 || r.x0 < g.left {
			g.left = r.x0
		}
		if !r.table {
			g.right = max(g.right, r.x1)
		}
		heights = append(heights, r.y1-r.y0)
	}
	if len(heights) > 0 {
		sort.Float64s(heights)
		g.em = heights[len(heights)/2]
	}
	return g
}
