// The worker proves it is unconfined by a request to the test server's sink.
Promise.resolve().then(() => fetch('/__sink/atk-c4-worker-query')).catch(() => undefined).finally(() => postMessage('done'));
