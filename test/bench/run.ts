// `npm run bench`: runs every *.bench.ts in this folder and prints one JSON document.
// Each bench module default-exports an async function returning its figures. Figures are
// medians over several runs (each bench says how many); goals are listed next to them.
// A module may name the bench it adds to (`export const bench = 'enrolment'`): the figures of
// modules of the same name are merged into one object (deep, key by key).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

const out: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, benches: {} };
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: () => Promise<unknown>; bench?: string };
  const name = mod.bench ?? f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench ${name} (${f})…\n`);
  const benches = out.benches as Record<string, unknown>;
  try {
    benches[name] = mergeFigures(benches[name], await mod.default());
  } catch (err) {
    benches[name] = mergeFigures(benches[name], { error: String((err as Error)?.message ?? err) });
  }
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');

/** Figures of two modules of one bench: objects merged key by key, anything else replaced (meets_goal: both). */
function mergeFigures(a: unknown, b: unknown): unknown {
  const plain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!plain(a) || !plain(b)) return b;
  const out: Record<string, unknown> = { ...a };
  // Each module says whether its own goals are met: the bench meets them when all do.
  for (const [k, v] of Object.entries(b)) out[k] = !(k in out) ? v : k === 'meets_goal' ? out[k] === true && v === true : mergeFigures(out[k], v);
  return out;
}
