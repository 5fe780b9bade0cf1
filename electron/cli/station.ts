// `npm run station` (bundled as dist/host.mjs): runs the station in plain Node and serves
// it in the browser host. Prints LOKET_URL=… (the address with a one-time code) on stdout;
// `npm run station:address` asks the running host for another (host-address-file.ts).
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir';
import { DB_FILE_NAME } from '../store/file-names';
import { installCrashPolicy } from './crash-policy';
import type { Station } from '../station-types';
import { stationInThread, StationStartError } from '../station-thread';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    demo: { type: 'boolean', default: false },
    'scanner-url': { type: 'string' },
    'no-simulators': { type: 'boolean', default: false },
    'renderer-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write('Usage: loket-station [--data-dir DIR] [--port N] [--demo] [--no-simulators] [--scanner-url http://HOST/eSCL/]\n');
  process.exit(0);
}

const here = path.dirname(fileURLToPath(import.meta.url));
// Bundled: dist/host.mjs beside dist/renderer. From source (tsx): electron/cli → dist/renderer.
const rendererDir = values['renderer-dir'] ?? [path.join(here, 'renderer'), path.join(here, '../../dist/renderer')].find((d) => existsSync(path.join(d, 'index.html')));
if (!rendererDir) {
  process.stderr.write('Loket: the screens are not built yet. Run `npm run build` (or `npm run station`, which builds them).\n');
  process.exit(1);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());

let stopping: (() => Promise<void>) | null = null;
// Set once the host's modules have loaded (see below).
let removeAddress: ((dir: string) => void) | null = null;
function stopWith(code: number): void {
  const done = () => process.exit(code);
  if (!stopping) { done(); return; }
  // Close what can still be closed, but never hang on a broken store.
  setTimeout(done, 2000).unref();
  stopping().then(done, done);
}
installCrashPolicy({
  log: (line) => { process.stderr.write(`${line}\n`); },
  storeAlive: () => existsSync(path.join(dataDir, DB_FILE_NAME)),
  exit: stopWith,
});

// The station (store, services, devices) runs in a worker thread, started before the host
// listens: it compiles its chunk and opens the store on the other core while this thread
// listens and serves the page, so the page's files never wait behind it. The WebSocket waits
// for the station (electron/host.ts). The worker starts before this thread even loads the
// HTTP and WebSocket host (imported below, after it): the station's start is the longer
// path to a usable screen, and it should not wait for modules it does not need. Measured in
// `npm run bench` (cold-start).
const workerFile = ['station-worker.mjs', 'station-worker.ts'].map((f) => path.join(here, f)).find((f) => existsSync(f));

function startStation(): Promise<Station> {
  if (!workerFile) return Promise.reject(new Error('the station worker (station-worker.mjs) is missing beside the host: run `npm run build`'));
  return stationInThread(workerFile, { dataDir, demo: values.demo, simulators: !values['no-simulators'], scannerUrl: values['scanner-url'] }, {
    onFatal(reason) {
      if (reason === 'exit') process.stderr.write('Loket: the station stopped unexpectedly. Start it again; what was saved is kept.\n');
      stopWith(70);
    },
  });
}

function explain(err: unknown): string {
  if (err instanceof StationStartError && err.failure.known) return `Loket: ${err.message}\n`;
  return `Loket could not start: ${(err as Error).stack ?? String(err)}\n`;
}

try {
  // The address file goes in the data directory before the station has opened it (and made
  // it, 0700, on a first start); make it now with the same mode.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Looked at before the station makes one: the page may show the login form at once (host.ts).
  const storeExisted = existsSync(path.join(dataDir, DB_FILE_NAME));
  const starting = startStation();
  // Handled below; until then the rejection must not end the process.
  starting.catch(() => undefined);
  const [{ startBrowserHost }, { newAddressKey, removeAddressFile, writeAddressFile }] = await Promise.all([import('../host'), import('../host-address-file')]);
  removeAddress = removeAddressFile;
  const addressKey = newAddressKey();
  const host = await startBrowserHost({ station: starting, rendererDir, port: Number(values.port), addressKey, storeExisted });
  writeAddressFile(dataDir, { port: host.port, key: addressKey, pid: process.pid });
  process.stdout.write(`Open the workstation in a browser on this computer (the address works once; \`npm run station:address -- --data-dir ${dataDir}\` gives another):\nLOKET_URL=${host.url}\n`);
  stopping = async () => {
    removeAddressFile(dataDir);
    await host.close();
    await starting.then((station) => station.close(), () => undefined);
  };
  const stop = async () => {
    await stopping?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const station = await starting;
  process.stdout.write(`Loket station ${station.stationId} — data in ${dataDir}\n`);
} catch (err) {
  removeAddress?.(dataDir);
  process.stderr.write(explain(err));
  process.exit(1);
}
