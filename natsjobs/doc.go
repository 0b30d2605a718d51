// Package natsjobs runs batch matching (huiqi.MatchJobs) as jobs on NATS
// JetStream: one stream per run, a work queue of enterprises that any
// number of workers pull from, and the summaries they publish back. A job
// is acknowledged only once its summary is stored in the stream, so a
// worker that dies loses nothing: the job is delivered again after
// AckWait, and the collector keeps the first summary of each key.
//
// It uses the official client, github.com/nats-io/nats.go.
package natsjobs
