package zhtext

import (
	"sync"

	"github.com/go-ego/gse"
)

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
		if err := seg.LoadDictEmbed("zh_s"); err != nil {
			panic("zhtext: loading embedded gse dictionary: " + err.Error())
		}
		for _, w := range policyTerms {
			// AddToken only fails on an empty word; the list has none.
			_ = seg.AddToken(w, userFreq)
		}
		seg.CalcToken()
	})
	return &seg
}

// Load loads the segmentation dictionary now rather than on the first cut;
// servers call it at start so that the first request is not slow.
func Load() { segmenter() }
