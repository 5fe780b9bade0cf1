// Import samples written at test time from the templates in fixtures/, with today's date, so
// the rows appear in the queue the station opens on.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localToday } from './helpers';

const DIR = path.join(import.meta.dirname, 'fixtures');

export const MIXED_CSV = { file: 'appointments-mixed.csv', total: 9, valid: 5, invalid: 4 } as const;
export const GOOD_JSON = { file: 'appointments-good.json', total: 3, valid: 3, invalid: 0 } as const;

/** Writes the template into `dir` with {{TODAY}} filled in; returns the new file's path. */
export function writeSample(dir: string, name: string, today = localToday()): string {
  // Bytes, not text: the BOM and CRLF line ends are part of what is being tested.
  const bytes = readFileSync(path.join(DIR, name));
  const out = Buffer.from(bytes.toString('latin1').replaceAll('{{TODAY}}', today), 'latin1');
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  writeFileSync(target, out);
  return target;
}
