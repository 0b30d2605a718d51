// Package consult answers a question asked on a policy's page (在线咨询)
// from the policy itself: the clauses that answer it, quoted with their
// exact spans, and the structured facts of those clauses (the measures'
// amounts and proposed conditions, the policy's validity). Nothing is
// invented: when no clause is relevant the reply says that the policy does
// not answer the question and that it can go to staff (转人工).
//
// Retrieval is BM25 over zhtext words and bigrams of every clause (its own
// text, with its parent's head as context), plus boosts for what the
// question asks about (amounts, conditions, dates, the procedure, the
// responsible departments). An optional LLM (an OpenAI-compatible chat
// endpoint) may phrase the answer from the quotes alone; a reply that
// does not cite them is dropped for the extractive one.
//
// Answer answers from a policy; Prepare cuts a policy once for many
// questions (a server keeps one per policy version), and Reply.Message is
// the instant answer as a consultation thread's message with its
// citations.
//
// The package does no I/O of its own beyond that optional endpoint.
package consult
