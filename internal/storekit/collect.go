package storekit

import "database/sql"

// Collect scans every row of rows with scan, in order; none is an empty
// slice, not nil. It leaves closing rows to the caller.
func Collect[T any](rows *sql.Rows, scan func(interface{ Scan(...any) error }) (T, error)) ([]T, error) {
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// CollectValues is Collect for a scan function that returns pointers; the
// slice holds the values.
func CollectValues[T any](rows *sql.Rows, scan func(interface{ Scan(...any) error }) (*T, error)) ([]T, error) {
	ps, err := Collect(rows, scan)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out, nil
}
