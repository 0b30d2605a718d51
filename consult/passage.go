package consult

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/zhtext"
)

// maxQuoteRunes bounds a quote: a long clause is cut to the sentences
// that hold the question's words.
const maxQuoteRunes = 220

// sentences splits span of text at sentence ends (。；！？ and new lines),
// each piece keeping its end mark.
func sentences(text string, span huiqi.Span) []huiqi.Span {
	var out []huiqi.Span
	start := span.Start
	for i, r := range text[span.Start:span.End] {
		if strings.ContainsRune("。；;！？\n", r) {
			end := span.Start + i + utf8.RuneLen(r)
			out = append(out, huiqi.Span{Start: start, End: end})
			start = end
		}
	}
	if start < span.End {
		out = append(out, huiqi.Span{Start: start, End: span.End})
	}
	return out
}

// passage is the part of span to quote: all of it when short, else the
// window of whole sentences around the one holding most of the question's
// terms (by weight) and showing what it asks, up to maxQuoteRunes.
func passage(text string, span huiqi.Span, r *ranker) huiqi.Span {
	if utf8.RuneCountInString(text[span.Start:span.End]) <= maxQuoteRunes {
		return trim(text, span)
	}
	ss := sentences(text, span)
	score := make([]float64, len(ss))
	best := 0
	for i, s := range ss {
		norm := zhtext.Normalize(text[s.Start:s.End])
		for _, t := range r.q.terms {
			if strings.Contains(norm, t) {
				score[i] += r.idf[t]
			}
		}
		for _, in := range r.q.intents {
			score[i] += r.meanIDF() * in.shown(norm, 0) / float64(len(r.q.intents))
		}
		if score[i] > score[best] {
			best = i
		}
	}
	lo, hi := best, best
	size := utf8.RuneCountInString(text[ss[best].Start:ss[best].End])
	for {
		left, right := -1, -1
		if lo > 0 && size+runes(text, ss[lo-1]) <= maxQuoteRunes {
			left = lo - 1
		}
		if hi+1 < len(ss) && size+runes(text, ss[hi+1]) <= maxQuoteRunes {
			right = hi + 1
		}
		switch {
		case left < 0 && right < 0:
			return trim(text, huiqi.Span{Start: ss[lo].Start, End: ss[hi].End})
		case right >= 0 && (left < 0 || score[right] > score[left]):
			size += runes(text, ss[right])
			hi = right
		default:
			size += runes(text, ss[left])
			lo = left
		}
	}
}

func runes(text string, s huiqi.Span) int {
	return utf8.RuneCountInString(text[s.Start:s.End])
}

// trim drops white space at both ends of span.
func trim(text string, s huiqi.Span) huiqi.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
