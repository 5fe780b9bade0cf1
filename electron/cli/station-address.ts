// `npm run station:address -- --data-dir DIR`: a fresh address (with a new one-time code) from
// the browser host already running on DIR, for an officer who closed the tab. Reads the host's
// port and address key from DIR/browser-host.json (mode 0600) and asks over 127.0.0.1.
// Prints LOKET_URL=… like the station does; exit 1 with a sentence when it cannot.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../data-dir';
import { readAddressFile } from '../host-address-file';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: false });
  if (values.help) {
    process.stdout.write('Usage: npm run station:address -- [--data-dir DIR]\n');
    return 0;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const file = readAddressFile(dataDir);
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${file.port}/address`, { method: 'POST', headers: { authorization: `Bearer ${file.key}` } });
  } catch {
    process.stderr.write(`Loket: no browser host answers for ${dataDir} (port ${file.port}). Start it with \`npm run station -- --data-dir ${dataDir}\`.\n`);
    return 1;
  }
  if (!res.ok) {
    process.stderr.write(`Loket: the station on port ${file.port} refused the request (HTTP ${res.status}); it belongs to another run. Restart the station.\n`);
    return 1;
  }
  const { url } = (await res.json()) as { url: string };
  process.stdout.write(`Open the workstation in a browser on this computer (the address works once):\nLOKET_URL=${url}\n`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`Loket: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
