// How `npm run station:address` reaches the running browser host: the host writes its port
// and a random address key to <dataDir>/browser-host.json, mode 0600 (only the officer's own
// account can read it), and answers `POST /address` with that key by a fresh one-time
// address. Removed when the host stops; a stale file just finds nobody listening.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const ADDRESS_FILE = 'browser-host.json';

export interface AddressFile { port: number; key: string; pid: number }

export function newAddressKey(): string {
  return randomBytes(32).toString('base64url');
}

export function writeAddressFile(dataDir: string, content: AddressFile): string {
  const file = path.join(dataDir, ADDRESS_FILE);
  fs.rmSync(file, { force: true });
  // 'wx' with 0600: created fresh, never through a link someone else left in its place.
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, JSON.stringify(content));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

export class AddressFileError extends Error {
  override name = 'AddressFileError';
}

/** Reads the file; refuses one others can read (someone else could have planted or read it). */
export function readAddressFile(dataDir: string): AddressFile {
  const file = path.join(dataDir, ADDRESS_FILE);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    throw new AddressFileError(`no browser host is running for ${dataDir} (${ADDRESS_FILE} is missing). Start it with \`npm run station -- --data-dir ${dataDir}\`.`);
  }
  if (!st.isFile()) throw new AddressFileError(`${file} is not a plain file; refusing to read it.`);
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    throw new AddressFileError(`${file} is readable by other users (mode ${(st.mode & 0o777).toString(8)}); refusing to use it. Restart the station to write it again.`);
  }
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AddressFile>;
  if (typeof value.port !== 'number' || typeof value.key !== 'string') throw new AddressFileError(`${file} is not a Loket address file.`);
  return { port: value.port, key: value.key, pid: Number(value.pid) };
}

export function removeAddressFile(dataDir: string): void {
  fs.rmSync(path.join(dataDir, ADDRESS_FILE), { force: true });
}
