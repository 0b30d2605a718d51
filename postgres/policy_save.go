package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/storekit"
)

// raceAttempts bounds the retries of a save or delete that lost a race (see retryable).
const raceAttempts = 5

// SavePolicy stores p in one transaction; see huiqi.PolicyStore.
//
// Concurrent saves of one identity are serialised on its policies row: each
// transaction first inserts the row if missing (a second inserter waits for
// the first to commit, then does nothing) and then locks it FOR UPDATE before
// reading the latest version. A save that still loses a race (a file deleted
// under it, a deadlock) is retried from the start.
//
// The identity key decides which policy a file belongs to: when the same bytes
// are already stored under another identity (the extractor changed its mind),
// the file row is shared and this identity gets its own policy or version.
func (db *DB) SavePolicy(ctx context.Context, p *huiqi.Policy, raw []byte) (huiqi.SaveResult, error) {
	pr, err := storekit.Prepare(p, raw)
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	var res huiqi.SaveResult
	for attempt := 1; ; attempt++ {
		res, err = db.saveTx(ctx, pr)
		if err == nil || !retryable(err) || attempt == raceAttempts {
			break
		}
	}
	if err != nil {
		return huiqi.SaveResult{}, err
	}
	p.ID, p.Version, p.Source = res.ID, res.Version, pr.Policy.Source
	return res, nil
}

// errRaced is a save that lost a race with a concurrent delete.
var errRaced = errors.New("policy deleted during save")

// retryable reports a PostgreSQL error that a fresh transaction may not hit:
// serialization failure, deadlock, and the unique or foreign-key violations of
// a concurrent writer.
func retryable(err error) bool {
	if errors.Is(err, errRaced) {
		return true
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505", "23503":
		return true
	}
	return false
}

func (db *DB) saveTx(ctx context.Context, pr *storekit.Prepared) (huiqi.SaveResult, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return huiqi.SaveResult{}, fmt.Errorf("postgres: save policy: %w", err)
	}
	defer tx.Rollback()
	res, err := db.save(ctx, tx, pr)
	if err != nil || res.Outcome == huiqi.SaveUnchanged {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("postgres: save policy %s: commit: %w", pr.ID, err)
	}
	return res, nil
}

func (db *DB) save(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared) (huiqi.SaveResult, error) {
	now := db.now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO policies (id, identity_key, latest_version, created_at, updated_at)
		VALUES ($1, $2, 0, $3, $3) ON CONFLICT DO NOTHING`, pr.ID, pr.Key, now); err != nil {
		return huiqi.SaveResult{}, fmt.Errorf("postgres: save policy %s: %w", pr.ID, err)
	}
	var key string
	var latest int
	err := tx.QueryRowContext(ctx, `SELECT identity_key, latest_version FROM policies WHERE id = $1 FOR UPDATE`,
		pr.ID).Scan(&key, &latest)
	if errors.Is(err, sql.ErrNoRows) {
		return huiqi.SaveResult{}, errRaced // deleted between our insert and the lock
	} else if err != nil {
		return huiqi.SaveResult{}, fmt.Errorf("postgres: save policy %s: lock: %w", pr.ID, err)
	}
	if key != pr.Key {
		return huiqi.SaveResult{}, huiqi.Errorf(huiqi.ECONFLICT, "policy id %s is taken by another identity (%q, not %q)", pr.ID, key, pr.Key)
	}
	res := huiqi.SaveResult{ID: pr.ID, Version: 1, Outcome: huiqi.SaveCreated}
	if latest > 0 {
		stored, err := storedVersion(ctx, tx, pr)
		if err != nil {
			return res, err
		}
		if stored > 0 {
			return huiqi.SaveResult{ID: pr.ID, Version: stored, Outcome: huiqi.SaveUnchanged}, nil
		}
		res.Version, res.Outcome = latest+1, huiqi.SaveNewVersion
	}
	if err := db.writeVersion(ctx, tx, pr, res.Version, now); err != nil {
		return res, fmt.Errorf("postgres: save policy %s version %d: %w", pr.ID, res.Version, err)
	}
	return res, nil
}

// storedVersion returns the newest version of the policy that already holds
// this file or this text, or 0. Every version counts, not only the latest:
// ingesting a folder again must change nothing even when two of its files
// share an identity (two drafts of one document).
func storedVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, `SELECT version FROM policy_versions
		WHERE policy_id = $1 AND (text_sha256 = $2 OR ($3 <> '' AND file_sha256 = $3))
		ORDER BY version DESC LIMIT 1`, pr.ID, pr.TextSHA, pr.FileSHA).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("postgres: save policy %s: find stored version: %w", pr.ID, err)
	}
	return v, nil
}

// writeVersion points the locked policy row at version v and writes the file
// (once per hash), the version and its normalised rows.
func (db *DB) writeVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared, v int, now time.Time) error {
	p := &pr.Policy
	region := storekit.RegionCode(p)
	if _, err := tx.ExecContext(ctx, `UPDATE policies SET latest_version = $2, region_code = $3, doc_type = $4,
		updated_at = $5 WHERE id = $1`, pr.ID, v, region, p.DocType, now); err != nil {
		return fmt.Errorf("policy row: %w", err)
	}
	if pr.FileSHA != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO files (sha256, size, bytes) VALUES ($1, $2, $3)
			ON CONFLICT (sha256) DO NOTHING`, pr.FileSHA, len(pr.Raw), pr.Raw); err != nil {
			return fmt.Errorf("file: %w", err)
		}
	}
	if err := insertVersion(ctx, tx, pr, v, now); err != nil {
		return err
	}
	for _, t := range storekit.Normalised(pr.ID, v, p) {
		if err := storekit.InsertRows(ctx, tx, t, bind); err != nil {
			return err
		}
	}
	return nil
}

// bind is PostgreSQL's n-th placeholder.
func bind(n int) string { return "$" + strconv.Itoa(n) }

// insertVersion writes the version row with its searchable columns and the
// export JSON.
func insertVersion(ctx context.Context, tx *sql.Tx, pr *storekit.Prepared, v int, now time.Time) error {
	p, region := &pr.Policy, storekit.RegionCode(&pr.Policy)
	doc, err := pr.Doc(v)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO policy_versions (policy_id, version, title, doc_number,
		doc_type, region_code, issuers, issued_on, published_on, effective_on, expires_on, draft,
		text_sha256, file_sha256, file_name, format, encoding, measures, targets, tasks, doc, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
		pr.ID, v, p.Title, p.DocNumber, p.DocType, region, storekit.IssuersJSON(p.Issuers),
		storekit.DateArg(p.IssuedOn), storekit.DateArg(p.PublishedOn), storekit.DateArg(p.EffectiveOn),
		storekit.DateArg(p.ExpiresOn), p.Draft, pr.TextSHA, storekit.NullString(pr.FileSHA),
		p.Source.FileName, p.Source.Format, p.Source.Encoding,
		len(p.Measures), len(p.Targets), len(p.Tasks), string(doc), now); err != nil {
		return fmt.Errorf("version row: %w", err)
	}
	return nil
}
