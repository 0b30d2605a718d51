package postgres

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi/zhtext"
)

// maxQueryWords bounds the words of one query, and so the size of its tsquery.
const maxQueryWords = 32

// textQuery is the user's text turned into tsquery literals and the strings
// snippets mark.
type textQuery struct {
	// and requires every word; rank is any of the words whole, without
	// their bigrams, which scores a word found whole above one found only
	// by its characters.
	and, rank string
	// words are the query's normalised words, which snippets mark;
	// needles the words and the bigrams of Han words, which find the
	// clauses to cut snippets from.
	words, needles []string
}

// parseText cuts the text into words as the index cut the documents
// (zhtext.Normalize, then the dictionary) and builds one group per word:
//
//   - a Han word of two or more characters matches as the word or as all its
//     bigrams ('孵化器' | '孵化' & '化器'): a document whose text the
//     segmenter cut differently (孵化/器) still has the bigrams;
//   - a single Han character matches any term starting with it ('奖':*),
//     which the bigrams of every run provide;
//   - anything else (digits, Latin) matches as the term itself.
//
// Groups are AND-ed. ok is false when the text has no word at all.
func parseText(text string) (q textQuery, ok bool) {
	seen := map[string]bool{}
	var groups, whole []string
	for _, w := range zhtext.Words(text) {
		if seen[w.Text] || len(w.Text) > maxLexeme {
			continue
		}
		seen[w.Text] = true
		groups = append(groups, wordGroup(w.Text))
		whole = append(whole, wholeWord(w.Text))
		q.words = append(q.words, w.Text)
		q.needles = append(q.needles, w.Text)
		for _, b := range zhtext.Bigrams(w.Text) {
			if !slices.Contains(q.needles, b) {
				q.needles = append(q.needles, b)
			}
		}
		if len(groups) == maxQueryWords {
			break
		}
	}
	if len(groups) == 0 {
		return textQuery{}, false
	}
	q.and = strings.Join(groups, " & ")
	q.rank = strings.Join(whole, " | ")
	return q, true
}

// wholeWord is the word alone as a tsquery item (a prefix for one Han
// character).
func wholeWord(w string) string {
	if utf8.RuneCountInString(w) == 1 && isHanRune(w) {
		return quoteLexeme(w) + ":*"
	}
	return quoteLexeme(w)
}

// wordGroup returns the tsquery group of one normalised word.
func wordGroup(w string) string {
	if utf8.RuneCountInString(w) == 1 && isHanRune(w) {
		return quoteLexeme(w) + ":*"
	}
	bigrams := zhtext.Bigrams(w)
	if len(bigrams) == 0 || (len(bigrams) == 1 && bigrams[0] == w) {
		return quoteLexeme(w)
	}
	parts := make([]string, len(bigrams))
	for i, b := range bigrams {
		parts[i] = quoteLexeme(b)
	}
	return "(" + quoteLexeme(w) + " | (" + strings.Join(parts, " & ") + "))"
}

func isHanRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}
