// The browser host's station thread (bundled as dist/station-worker.mjs): builds the station
// from the host's options and answers its sessions over the thread's port
// (electron/station-thread.ts). The host's thread meanwhile serves the page.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createStation } from '../station';
import { fileKeyProvider } from '../key-providers';
import { NewerDatabaseError } from '../store/db';
import { DB_FILE_NAME } from '../store/file-names';
import { serveStationThread, type FromStation, type StationThreadOptions } from '../station-thread';
import { installCrashPolicy } from './crash-policy';

const options = workerData as StationThreadOptions;
const port = parentPort;
if (!port) throw new Error('station-worker runs only as the browser host’s worker thread');

// The same policy as the host's own thread: log the class, keep serving, stop only when the
// store is gone — and then the whole process stops, which the host's thread does.
installCrashPolicy({
  log: (line) => { process.stderr.write(`${line}\n`); },
  storeAlive: () => existsSync(path.join(options.dataDir, DB_FILE_NAME)),
  exit: () => { port.postMessage({ t: 'fatal' } satisfies FromStation); },
});

await serveStationThread(
  port,
  () => createStation({ dataDir: options.dataDir, keyProvider: fileKeyProvider(), demo: options.demo, simulators: options.simulators, scannerUrl: options.scannerUrl }),
  // Failures whose message is written for the officer (a newer data file, a key or store
  // file that is not private): the host prints them without a stack.
  (err) => err instanceof NewerDatabaseError || ['KeyFileError', 'StoreFileError'].includes((err as Error | null)?.name ?? ''),
);
