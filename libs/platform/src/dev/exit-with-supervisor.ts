/**
 * Preloaded (`node --import`) into the worker and the API that `npm start` runs over an IPC
 * channel. When the supervisor dies without stopping them (SIGKILL), the channel closes and they
 * shut down as on SIGTERM, instead of living on as orphans that hold the API's port.
 */
if (process.channel) {
  // The channel only carries this news: it must not keep a finished process alive.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

export {};
