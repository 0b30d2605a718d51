package natsjobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Work pulls the jobs of run id, matches each with m and publishes its
// summary, until ctx ends or the run is over. A job is acknowledged once the server has
// stored its summary (publishing does not wait for it); a job that cannot be read gets a summary with Error, so the run
// still completes.
func Work(ctx context.Context, nc *nats.Conn, id string, m huiqi.EnterpriseMatcher) error {
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	n := runNames(id)
	cons, err := js.Consumer(ctx, n.stream, "workers")
	if err != nil {
		return fmt.Errorf("natsjobs: run %s: %w", id, err)
	}
	it, err := cons.Messages(jetstream.PullMaxMessages(256))
	if err != nil {
		return err
	}
	go func() { <-ctx.Done(); it.Stop() }()
	for {
		msg, err := it.Next()
		if err != nil {
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) || errors.Is(err, jetstream.ErrConsumerDeleted) {
				return nil // stopped, or the run is over and its stream deleted
			}
			return err
		}
		if err := handle(ctx, js, n, m, msg); err != nil {
			_ = msg.Nak()
		}
	}
}

func handle(ctx context.Context, js jetstream.JetStream, n names, m huiqi.EnterpriseMatcher, msg jetstream.Msg) error {
	var j job
	var s huiqi.MatchSummary
	if err := json.Unmarshal(msg.Data(), &j); err != nil || j.Enterprise == nil {
		s = huiqi.MatchSummary{Key: j.Key, Error: fmt.Sprintf("job: %v", err)}
	} else {
		s = m.Summarize(j.Key, j.Enterprise, j.AsOf)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	out := &nats.Msg{Subject: n.results, Data: b, Header: nats.Header{}}
	out.Header.Set(seqHeader, strconv.Itoa(j.Seq))
	fut, err := js.PublishMsgAsync(out)
	if err != nil {
		return err
	}
	go func() { // the job is done once its summary is stored
		select {
		case <-fut.Ok():
			_ = msg.Ack()
		case <-fut.Err():
			_ = msg.Nak()
		case <-ctx.Done():
		}
	}()
	return nil
}

// seqHeader carries a summary's job number.
const seqHeader = "Huiqi-Seq"

// collect reads summaries until as many as were published have come,
// once per key, and writes each to sink. It fetches in batches with a
// short wait, so it notices the count once publishing ends.
func collect(ctx context.Context, stream jetstream.Stream, n names, sink huiqi.MatchSink, total <-chan int) (huiqi.BatchStats, error) {
	var st huiqi.BatchStats
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: "collector", FilterSubject: n.results, AckPolicy: jetstream.AckExplicitPolicy, MaxAckPending: 20000,
	})
	if err != nil {
		return st, err
	}
	seen := map[string]bool{} // by job number
	want := -1
	for want < 0 || st.Enterprises < want {
		if want < 0 {
			select {
			case want = <-total:
				continue
			default:
			}
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
		batch, err := cons.Fetch(1000, jetstream.FetchMaxWait(100*time.Millisecond))
		if err != nil {
			return st, err
		}
		for msg := range batch.Messages() {
			_ = msg.Ack() // the sink has it next, or the run fails
			var s huiqi.MatchSummary
			if err := json.Unmarshal(msg.Data(), &s); err != nil {
				return st, fmt.Errorf("natsjobs: summary: %w", err)
			}
			seq := msg.Headers().Get(seqHeader)
			if seen[seq] {
				continue // a job delivered twice
			}
			seen[seq] = true
			if err := sink.Put(ctx, s); err != nil {
				return st, err
			}
			st.Add(s)
		}
	}
	return st, nil
}

func isEOF(err error) bool { return errors.Is(err, io.EOF) }
