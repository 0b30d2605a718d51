package natsjobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Runner runs batch matching over a NATS connection with JetStream.
type Runner struct {
	// ID names the run (its stream and subjects); a random one when empty.
	// Workers elsewhere join the run with Work and this id.
	ID      string
	Conn    *nats.Conn
	Matcher huiqi.EnterpriseMatcher
	// Workers is the number of workers run in this process (default 2);
	// more may join from elsewhere with Work and the run's id.
	Workers int
	// Memory keeps the run's stream in memory instead of on disk: faster,
	// lost if the server restarts.
	Memory bool
	// AckWait is how long a job stays with a worker before it is
	// delivered again (default 30 s).
	AckWait time.Duration
}

var _ huiqi.MatchJobs = (*Runner)(nil)

// job is the message of one enterprise to match.
type job struct {
	// Seq numbers the jobs of a run: keys need not be unique, a job
	// delivered twice is told by its Seq.
	Seq        int               `json:"seq"`
	Key        string            `json:"key"`
	AsOf       huiqi.Date        `json:"as_of"`
	Enterprise *huiqi.Enterprise `json:"enterprise"`
}

// names of a run: its stream, and the subjects of its jobs and results.
type names struct{ stream, jobs, results string }

func runNames(id string) names {
	return names{stream: "HUIQI_MATCH_" + id, jobs: "huiqi.match." + id + ".jobs", results: "huiqi.match." + id + ".results"}
}

// Run publishes every enterprise of src as a job, works on them with
// r.Workers workers, collects one summary per enterprise into sink and
// deletes the run's stream.
func (r *Runner) Run(ctx context.Context, src huiqi.EnterpriseSource, sink huiqi.MatchSink, asOf huiqi.Date) (huiqi.BatchStats, error) {
	start := time.Now()
	js, err := jetstream.New(r.Conn)
	if err != nil {
		return huiqi.BatchStats{}, fmt.Errorf("natsjobs: %w", err)
	}
	id := r.ID
	if id == "" {
		id = NewID()
	}
	n := runNames(id)
	stream, err := r.createStream(ctx, js, n)
	if err != nil {
		return huiqi.BatchStats{}, err
	}
	defer js.DeleteStream(context.WithoutCancel(ctx), n.stream)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(r.Workers, 1)
	if r.Workers == 0 {
		workers = 2
	}
	werr := make(chan error, workers)
	for range workers {
		go func() { werr <- Work(ctx, r.Conn, id, r.Matcher) }()
	}
	total := make(chan int, 1)
	perr := make(chan error, 1)
	go func() {
		c, err := publish(ctx, js, n, src, asOf)
		total <- c
		perr <- err
	}()
	st, err := collect(ctx, stream, n, sink, total)
	cancel()
	if perr := <-perr; err == nil && !errors.Is(perr, context.Canceled) {
		err = perr
	}
	for range workers {
		<-werr // each stops with ctx
	}
	st.Elapsed = time.Since(start)
	return st, err
}

func (r *Runner) createStream(ctx context.Context, js jetstream.JetStream, n names) (jetstream.Stream, error) {
	storage := jetstream.FileStorage
	if r.Memory {
		storage = jetstream.MemoryStorage
	}
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: n.stream, Subjects: []string{n.jobs, n.results},
		Retention: jetstream.WorkQueuePolicy, Storage: storage,
	})
	if err != nil {
		return nil, fmt.Errorf("natsjobs: create stream %s: %w", n.stream, err)
	}
	wait := r.AckWait
	if wait <= 0 {
		wait = 30 * time.Second
	}
	_, err = stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: "workers", FilterSubject: n.jobs, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: wait, MaxAckPending: 20000,
	})
	if err != nil {
		return nil, fmt.Errorf("natsjobs: create consumer: %w", err)
	}
	return stream, nil
}

// publish sends every enterprise as a job and returns how many it sent.
func publish(ctx context.Context, js jetstream.JetStream, n names, src huiqi.EnterpriseSource, asOf huiqi.Date) (int, error) {
	count := 0
	for ctx.Err() == nil {
		key, e, err := src.Next(ctx)
		if err != nil {
			if isEOF(err) {
				err = nil
			}
			return count, waitPublished(ctx, js, err)
		}
		b, err := json.Marshal(job{Seq: count, Key: key, AsOf: asOf, Enterprise: e})
		if err != nil {
			return count, err
		}
		if _, err := js.PublishAsync(n.jobs, b, jetstream.WithMsgID(strconv.Itoa(count))); err != nil {
			return count, fmt.Errorf("natsjobs: publish %s: %w", key, err)
		}
		count++
	}
	return count, ctx.Err()
}

func waitPublished(ctx context.Context, js jetstream.JetStream, err error) error {
	select {
	case <-js.PublishAsyncComplete():
	case <-ctx.Done():
		return ctx.Err()
	}
	return err
}

// NewID returns a random run id.
func NewID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
