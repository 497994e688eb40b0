package app

// Close closes the app's databases once. The SDK's start command closes the
// app twice on a graceful stop (when CometBFT stops and again in its own
// cleanup), and a second close of leveldb logs "ERR leveldb: closed" on every
// clean shutdown; later calls return the first call's result.
func (app *App) Close() error {
	app.closeOnce.Do(func() {
		if app.txPool != nil {
			app.txPool.workers.close()
		}
		app.closeErr = app.BaseApp.Close()
	})
	return app.closeErr
}
