package zhtext

import (
	"sync"

	"github.com/go-ego/gse"
)

// minFreq drops dictionary words rarer than this (of 352,000 words, 140,000
// remain): loading takes half the time and memory, and a rare word cut into
// smaller ones is still found, by its bigrams.
const minFreq = 5.0

var (
	segOnce sync.Once
	seg     gse.Segmenter
)

// segmenter loads gse with its embedded Simplified dictionary and the policy
// terms, once. Loading takes about a second and most of the process's
// memory, so it happens on the first cut, never at program start: commands
// that do not search or index never pay for it.
func segmenter() *gse.Segmenter {
	segOnce.Do(func() {
		// The HMM model serves the HMM cut only; the no-HMM cut is used
		// because the bigrams already find words the dictionary lacks.
		seg.NotLoadHMM = true
		seg.MinTokenFreq = minFreq
		seg.Dict = gse.NewDict()
		seg.Init()
		// Policy terms go in first: the dictionary keeps the first entry of
		// a word, and its load computes every token's cost once, at the end.
		for _, w := range policyTerms {
			// AddToken only fails on an empty word; the list has none.
			_ = seg.AddToken(w, userFreq)
		}
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			panic("zhtext: loading embedded gse dictionary: " + err.Error())
		}
	})
	return &seg
}

// Load loads the segmentation dictionary and the t2s table now rather than
// on the first cut; servers call it at start so that the first request is
// not slow. It is safe to call from several goroutines.
func Load() {
	segmenter()
	changesOnce.Do(buildChanges)
}
