package upload

import (
	"fmt"
	"slices"
	"strings"
)

// Limits bounds what Check accepts. Zero fields take the defaults.
type Limits struct {
	// MaxSize is the largest file, in bytes (default 20 MB).
	MaxSize int64
	// Types lists the accepted types by name: pdf, png, jpeg, docx, xlsx,
	// pptx, ofd (default: all but pptx).
	Types []string
	// MaxUncompressed bounds the bytes an archive (DOCX, XLSX, PPTX, OFD)
	// holds once uncompressed, all entries together (default 100 MB).
	MaxUncompressed int64
	// MaxRatio is the largest compression ratio of one entry holding more
	// than RatioMinSize bytes (defaults 100 and 1 MB): text compresses
	// 5–20 times, a zip bomb thousands.
	MaxRatio     int64
	RatioMinSize int64
	// MaxEntries is the most entries an archive may have (default 2,000).
	MaxEntries int
	// MaxPixels bounds an image's width × height, so that a small file
	// cannot ask whoever decodes it for gigabytes (default 100 million).
	MaxPixels int64
}

// Defaults of Limits.
const (
	DefaultMaxSize         = 20 << 20
	DefaultMaxUncompressed = 100 << 20
	DefaultMaxRatio        = 100
	DefaultRatioMinSize    = 1 << 20
	DefaultMaxEntries      = 2000
	DefaultMaxPixels       = 100_000_000
)

// DefaultTypes are the types accepted when Limits.Types is empty.
var DefaultTypes = []string{"pdf", "png", "jpeg", "docx", "xlsx", "ofd"}

func (l Limits) withDefaults() Limits {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxSize, DefaultMaxSize)
	def(&l.MaxUncompressed, DefaultMaxUncompressed)
	def(&l.MaxRatio, DefaultMaxRatio)
	def(&l.RatioMinSize, DefaultRatioMinSize)
	def(&l.MaxPixels, DefaultMaxPixels)
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	if len(l.Types) == 0 {
		l.Types = DefaultTypes
	}
	return l
}

// MaxBody is the limit to give http.MaxBytesReader for a request carrying
// up to files attachments: their bytes plus room for multipart headers and
// form fields. Check still checks each file; MaxBody only stops a client
// from making the server read (or buffer) more than that.
func (l Limits) MaxBody(files int) int64 {
	l = l.withDefaults()
	return int64(max(files, 1))*(l.MaxSize+4<<10) + 64<<10
}

// allows reports whether k is a type that can be checked and l accepts.
func (l Limits) allows(k kind) bool {
	return k.check != nil && slices.Contains(l.Types, k.name)
}

// typeList names the accepted types for messages: "PDF、PNG 或 DOCX 文件".
func (l Limits) typeList() string {
	var names []string
	for _, k := range kinds {
		if l.allows(k) {
			names = append(names, strings.ToUpper(k.exts[0]))
		}
	}
	if len(names) == 1 {
		return names[0] + " 文件"
	}
	return strings.Join(names[:len(names)-1], "、") + " 或 " + names[len(names)-1] + " 文件"
}

// mb formats a size in megabytes for messages.
func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
