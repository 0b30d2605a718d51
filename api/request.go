package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// readBody decodes a JSON body of at most maxMatchBody bytes strictly into
// dst; want shows the body expected in the message of a decoding error.
func readBody(w http.ResponseWriter, r *http.Request, dst any, want string) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			return huiqi.Errorf(huiqi.EUNSUPPORTED, "content type %q: want application/json", ct)
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxMatchBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return huiqi.Errorf(huiqi.EINVALID, "body: larger than %d bytes", maxMatchBody)
	} else if err != nil {
		return huiqi.Errorf(huiqi.EINVALID, "body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return huiqi.Errorf(huiqi.EINVALID, "body: %v (want %s)", err, want)
	}
	return nil
}

// readProfile reads the profile field with package profile, validated as of
// *asOf, which defaults to today: every problem names its field.
func readProfile(raw json.RawMessage, asOf *huiqi.Date) (*huiqi.Enterprise, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "field profile: required")
	}
	if asOf.IsZero() {
		t := time.Now().UTC()
		*asOf = huiqi.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	ent, err := profile.Load("profile.json", raw)
	if err == nil {
		profile.Normalize(ent)
		err = profile.ValidateAsOf(ent, *asOf)
	}
	if err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "field profile: %v", err)
	}
	return ent, nil
}
