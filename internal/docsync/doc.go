// Package docsync holds tests that keep the module READMEs in step with the
// protobuf definitions: every Msg and every event a module declares is listed
// in its README, one line each, and nothing else is.
package docsync
