// `npm run station` (bundled as dist/host.mjs): runs the station in plain Node and serves
// it in the browser host. Prints LOKET_URL=… (the address with a one-time code) on stdout;
// `npm run station:address` asks the running host for another (host-address-file.ts).
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStation } from '../station';
import { startBrowserHost } from '../host';
import { defaultDataDir } from '../data-dir';
import { fileKeyProvider } from '../key-providers';
import { NewerDatabaseError } from '../store/db';
import { DB_FILE_NAME } from '../store/store';
import { newAddressKey, removeAddressFile, writeAddressFile } from '../host-address-file';
import { installCrashPolicy } from './crash-policy';

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
installCrashPolicy({
  log: (line) => { process.stderr.write(`${line}\n`); },
  storeAlive: () => existsSync(path.join(dataDir, DB_FILE_NAME)),
  exit: (code) => {
    const done = () => process.exit(code);
    if (!stopping) { done(); return; }
    // Close what can still be closed, but never hang on a broken store.
    setTimeout(done, 2000).unref();
    stopping().then(done, done);
  },
});

try {
  const station = await createStation({ dataDir, keyProvider: fileKeyProvider(), demo: values.demo, simulators: !values['no-simulators'], scannerUrl: values['scanner-url'] });
  const addressKey = newAddressKey();
  const host = await startBrowserHost({ station, rendererDir, port: Number(values.port), addressKey });
  writeAddressFile(dataDir, { port: host.port, key: addressKey, pid: process.pid });
  process.stdout.write(`Loket station ${station.stationId} — data in ${dataDir}\n`);
  process.stdout.write(`Open the workstation in a browser on this computer (the address works once; \`npm run station:address -- --data-dir ${dataDir}\` gives another):\nLOKET_URL=${host.url}\n`);
  stopping = async () => {
    removeAddressFile(dataDir);
    await host.close();
    await station.close();
  };
  const stop = async () => {
    await stopping?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (err) {
  if (err instanceof NewerDatabaseError || (err as Error).name === 'KeyFileError') {
    process.stderr.write(`Loket: ${(err as Error).message}\n`);
  } else {
    process.stderr.write(`Loket could not start: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
}
