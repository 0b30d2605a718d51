// Package clause repairs the text of a policy document and reads its clause
// structure. Both functions are pure: no I/O, no state between calls.
//
// Clean(text) returns the repaired text that all spans refer to. In order it
//   - normalises CRLF and CR to LF and strips trailing white space;
//   - drops document-site chrome lines ("…由会员分享,可在线阅读…", "…页珍藏版…",
//     "请在…上搜索", and on short lines "下载文档", "文档分享") and printed page
//     numbers ("— 2 —" lines or cut into a sentence, "第 4 页 共 13 页");
//   - removes a sharing site's page markers: line-start "N、" numbered
//     consecutively (a chain of at least 3) whose preceding lines mostly break off
//     a long sentence; the halves are joined unless the previous line ended a
//     sentence. Real list items follow sentence ends and restart, so they never
//     form such a chain;
//   - drops web chrome at the end only (信息来源:, 原创文章,作者…, 访谈解读:,
//     【打印】【关闭】, 扫一扫…, 分享到…);
//   - joins lines of PDF-like text wrapped mid-sentence (see joinWrapped for the
//     rule: a detected wrap width, a full line ending inside a sentence, a next
//     line that is not indented and does not start with a label), and an ordinal
//     broken after its "第";
//   - strips line indentation, repairs OCR slips in clause numbers in label
//     position (I1. → 11., l2、 → 12、, 1O. → 10.) and collapses blank lines.
//
// Full-width characters are kept. Clean is idempotent.
//
// Parse(text) returns the clause tree, flat in document order. Labels: 第X章,
// 第X节, 第X条 (Chinese or Arabic numerals), 一、, (一)/（一）, 1. 1、 1． "2 .",
// (1)/（1）, ①–⑳, and "——"/"─" bullets at a paragraph start. A label counts at a
// line start; after a sentence end or closing bracket when its number continues
// its kind's sequence; inside a sentence only as the first child right after a
// short heading, or as the next item of a run-on "1.…2.…" list. Kinds nest in the
// order the document shows, the usual order where it has not shown one yet.
// Depth is 1 for top-level clauses; Path joins normalised labels with "/", a
// repeated path gets "~2"; Heading is the short text after the label up to a
// sentence end, line end or first child (for a 一、 section whose heading runs
// into its text, the short phrase ending in a heading word: 一、总体要求以… →
// 总体要求).
package clause
