// Package msgexec runs the messages a body has decided: every module that
// executes messages on someone's behalf (a passed motion, a ratified
// proposal, an Empowered Community power, a review remedy) does it here, so
// that atomicity, panic recovery, gas and event handling are the same
// everywhere.
//
// The messages run in one cache context over the caller's context, each
// through the app's message router. The cache is written, and the handlers'
// events re-emitted into the caller's context, only when every message (and
// every hook) succeeds; otherwise nothing of the run remains and the first
// error is returned, its text bounded by MaxErrorText.
package msgexec
