// The browser host's real station thread (from source) that ends on its own once it has
// answered its first call: a station thread lost while the host still serves.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import('../../../electron/cli/station-worker.ts');
let answered = 0;
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m) => {
  post(m);
  if (m.t === 'result' && ++answered === 1) setTimeout(() => process.exit(3), 50);
};
