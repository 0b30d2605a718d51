package huiqi

import "hash/fnv"

// Fingerprint sums what a search index holds, to compare it with the store
// cheaply: the number of policies and an order-free sum of a hash of each
// policy's ID and version. Two fingerprints differ when a policy is missing
// on one side, extra, or at another version (but for a 2⁻⁶⁴ chance).
type Fingerprint struct {
	Count int    `json:"count"`
	Sum   uint64 `json:"sum"`
}

// Add counts one policy at a version.
func (f *Fingerprint) Add(id string, version int) {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0, byte(version), byte(version >> 8), byte(version >> 16), byte(version >> 24)})
	f.Count++
	f.Sum += h.Sum64()
}
