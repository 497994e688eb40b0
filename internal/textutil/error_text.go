package textutil

// MaxErrorText bounds the error text every module keeps on a record (a
// failure reason, a note) or puts in an event, so that a long error cannot
// grow state or events without limit.
const MaxErrorText = 512

// ErrorText is err's text cut to MaxErrorText bytes.
func ErrorText(err error) string { return Truncate(err.Error(), MaxErrorText) }
