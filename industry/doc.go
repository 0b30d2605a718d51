// Package industry knows the national industry classification GB/T 4754-2017
// (国民经济行业分类): 20 门类 (sections, letters A–T), 97 大类 (divisions, two
// digits), 473 中类 (groups, three digits) and 1381 小类 (classes, four
// digits), with their names and how they nest.
//
// The table is embedded (data/gbt4754_2017.csv, see data/README.md for where
// it comes from), so a binary carries it and needs no files at run time.
package industry
