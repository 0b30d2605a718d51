package industry

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"strconv"
	"strings"
	"sync"
)

// Industry is one entry of the classification.
type Industry struct {
	Code    string // "C", "39", "392" or "3921"
	Name    string // 通信系统设备制造
	Level   int    // 1 门类, 2 大类, 3 中类, 4 小类
	Section string // the section letter, "C"
	Parent  string // the enclosing code, "" for a section
}

// Levels of the classification.
const (
	Section  = 1 // 门类, a letter A–T
	Division = 2 // 大类, two digits
	Group    = 3 // 中类, three digits
	Class    = 4 // 小类, four digits
)

// LevelName returns the Chinese name of the entry's level: 门类, 大类, 中类 or 小类.
func (i Industry) LevelName() string {
	return [...]string{"", "门类", "大类", "中类", "小类"}[i.Level]
}

//go:embed data/gbt4754_2017.csv
var csvData []byte

var (
	loadOnce sync.Once
	byCode   map[string]Industry
	all      []Industry // in file order: each section, then its divisions…
)

// table returns the parsed table; the CSV is part of the build, so a parse
// error is a programming error.
func table() map[string]Industry {
	loadOnce.Do(func() {
		rows, err := csv.NewReader(bytes.NewReader(csvData)).ReadAll()
		if err != nil || len(rows) < 2 {
			panic("industry: embedded gbt4754_2017.csv: " + errString(err))
		}
		byCode = make(map[string]Industry, len(rows))
		for _, r := range rows[1:] {
			level, err := strconv.Atoi(r[2])
			if err != nil || level < Section || level > Class {
				panic("industry: embedded gbt4754_2017.csv: bad row " + strings.Join(r, ","))
			}
			in := Industry{Code: r[0], Name: strings.TrimSpace(r[1]), Level: level, Section: r[4], Parent: r[5]}
			byCode[in.Code] = in
			all = append(all, in)
		}
	})
	return byCode
}

func errString(err error) string {
	if err == nil {
		return "empty"
	}
	return err.Error()
}
