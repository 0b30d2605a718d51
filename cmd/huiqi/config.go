package main

import (
	"flag"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// Config is the configuration of a run: defaults, then HUIQI_* environment
// variables, then flags. It is validated before use and passed down.
type Config struct {
	// DataDir holds the embedded SQLite database and the original files (HUIQI_DATA).
	DataDir string
	// DBURL selects a PostgreSQL server instead, postgres://… (HUIQI_DB).
	DBURL string
	// Workers is the number of decode and extract workers, 0 for one per CPU (HUIQI_WORKERS).
	Workers int
	// NoSearchCache turns the embedded index's result and facet caches off,
	// so that benchmarks measure every search's whole work
	// (HUIQI_SEARCH_CACHE=off).
	NoSearchCache bool
	// Platform configures accounts, applications and consultations;
	// huiqi serve validates it.
	Platform PlatformConfig
}

// DefaultDataDir is the data directory when neither --data nor HUIQI_DATA is given.
const DefaultDataDir = "./huiqi-data"

// configFromEnv reads the HUIQI_* variables over the defaults. Bad values are
// kept as they are and reported by Validate.
func configFromEnv(getenv func(string) string) Config {
	c := Config{DataDir: DefaultDataDir}
	if v := getenv("HUIQI_DATA"); v != "" {
		c.DataDir = v
	}
	c.DBURL = getenv("HUIQI_DB")
	c.NoSearchCache = getenv("HUIQI_SEARCH_CACHE") == "off"
	c.Platform = platformFromEnv(getenv)
	if v := getenv("HUIQI_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1 // Validate rejects it
		}
		c.Workers = n
	}
	return c
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.DBURL == "" && strings.TrimSpace(c.DataDir) == "":
		return huiqi.Errorf(huiqi.EINVALID, "no data directory: set --data or HUIQI_DATA")
	case c.DBURL != "" && !strings.HasPrefix(c.DBURL, "postgres://") && !strings.HasPrefix(c.DBURL, "postgresql://"):
		return huiqi.Errorf(huiqi.EINVALID, "database URL must start with postgres:// (got %q)", redact(c.DBURL))
	case c.Workers < 0:
		return huiqi.Errorf(huiqi.EINVALID, "workers must be a number ≥ 0 (HUIQI_WORKERS or --workers)")
	}
	return nil
}

// redact hides a password in a database URL: secrets are never printed.
func redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	userinfo := url[scheme+3 : at]
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return url[:scheme+3] + user + ":xxxxx" + url[at:]
	}
	return url
}

// storeFlags adds --data and --db to a command that opens the store. After
// parsing, resolve applies them: a flag given overrides the environment, and
// --data given alone means SQLite even when HUIQI_DB is set.
func (c *Config) storeFlags(fs *flagSet) (resolve func() error) {
	data := fs.String("data", c.DataDir, "data `DIR` of the embedded database (HUIQI_DATA)")
	db := fs.String("db", c.DBURL, "PostgreSQL `URL` postgres://… instead of the data directory (HUIQI_DB)")
	return func() error {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if set["data"] && set["db"] {
			return fs.usagef("give --data or --db, not both")
		}
		c.DataDir, c.DBURL = *data, *db
		if set["data"] {
			c.DBURL = ""
		}
		return c.Validate()
	}
}
