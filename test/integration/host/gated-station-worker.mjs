// The browser host's real station thread (electron/cli/station-worker.ts, from source), held
// at a gate the test opens: until then the thread is busy, as it is while it compiles the
// station chunk and opens the store on a cold start.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

Atomics.wait(new Int32Array(workerData.gate), 0, 0);
register();
await import('../../../electron/cli/station-worker.ts');
