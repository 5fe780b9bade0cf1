// `npm run bench`: runs every *.bench.ts in this folder and prints one JSON document.
// Each bench module default-exports an async function returning its figures. Figures are
// medians over several runs (each bench says how many); goals are listed next to them.
// A bench is named by its file; a module may name another (`export const bench =
// 'enrolment'`) so several files fill one bench: same-named figures are deep-merged.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { mergeFigures } from './merge';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

const out: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, benches: {} };
const benches = out.benches as Record<string, unknown>;
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: () => Promise<unknown>; bench?: string };
  const name = mod.bench ?? f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench ${name} (${f})…\n`);
  let figures: unknown;
  try {
    figures = await mod.default();
  } catch (err) {
    figures = { error: String((err as Error)?.message ?? err) };
  }
  benches[name] = mergeFigures(benches[name], figures);
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
