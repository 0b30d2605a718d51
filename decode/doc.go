// Package decode turns input files into huiqi.Documents: UTF-8 text as
// published (Traditional stays Traditional; see package hanzi), with the
// container's markup removed and the container's metadata kept as Hints.
//
// Formats, chosen by file extension (see Supported):
//   - .txt: the text, line ends made "\n".
//   - .html, .htm: the article of a government portal page. <title>, <meta
//     name="ArticleTitle|PubDate|ContentSource">, the canonical URL and the
//     visible 发布日期/来源/发布机构/成文日期/发文字号 fields are read first;
//     then navigation, menus, share and print bars, 在线咨询 boxes, footers,
//     scripts and styles are removed, and the article is the smallest element
//     holding most of the page's non-link Chinese text, with its heading.
//   - .docx: paragraphs and table rows as lines, with Word's automatic
//     numbering (一、 （一） 1.) rebuilt from numbering.xml.
//   - .pdf: the text layer by pdftotext (poppler-utils), wrapped lines
//     re-joined; a PDF without a text layer is an EUNSUPPORTED error asking
//     for OCR.
//   - .md: Markdown syntax stripped; the first # heading is Hints.Title.
//   - .jsonl: one document per line, in the layout of the Shandong corpus
//     (content_zh, release_time, title_en, department_en, source).
//
// Office and other formats policies are published in (.doc, .wps, .ofd, .xls,
// images, archives, …) are known and rejected with EUNSUPPORTED and advice on
// converting them; an unknown extension is EUNSUPPORTED naming the readable
// ones.
//
// Text encodings are detected, never assumed: byte-order marks, UTF-16 by its
// NUL pattern, UTF-8, GB18030 (GBK, GB2312) and Big5; an HTML charset
// declaration is only a tie-breaker. Bytes that decode in none of them are an
// EINVALID error with the byte offset, never mojibake.
//
// decode reads only the file it is given, with one exception: PDF text comes
// from pdftotext, run as a subprocess (see pdf.go for why).
package decode
