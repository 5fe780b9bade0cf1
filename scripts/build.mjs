#!/usr/bin/env node
// `npm run build`: everything both hosts run, into dist/.
//   dist/renderer/      the React renderer (Vite)
//   dist/host.mjs       the browser host CLI            (electron/cli/station.ts)
//   dist/address.mjs    a fresh address from a running browser host (electron/cli/station-address.ts)
//   dist/station-worker.mjs  the station, in the browser host's worker thread (electron/cli/station-worker.ts)
//   dist/*-HASH.mjs     the chunks the host and its station thread share or load lazily
//   dist/main.mjs       the Electron main process       (electron/main.ts)
//   dist/preload.cjs    the sandboxed preload, one CommonJS file (electron/preload.ts)
//   dist/migrations/    the store's SQL migrations, next to the bundles that read them
//   dist/fonts/         the fonts the passport data page is printed with (resources/fonts)
// Always a full rebuild: it takes seconds, and a stale bundle is worse than a slow one.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// vite.config.ts names its root relative to the working directory.
process.chdir(root);

// Native addons and Electron itself are loaded from node_modules at run time (the packaged
// app rebuilds them for Electron); everything else is bundled so dist/ is self-describing.
const NATIVE_EXTERNALS = [
  'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'electron',
  // ws's optional speed-ups: absent here, and ws copes without them.
  'bufferutil', 'utf-8-validate',
];

// Bundled CommonJS dependencies call require(); an ES module has none, so give it one.
const ESM_REQUIRE_BANNER = [
  "import { createRequire as __loketCreateRequire } from 'node:module';",
  'const require = __loketCreateRequire(import.meta.url);',
].join('\n');

async function step(name, fn) {
  const started = performance.now();
  await fn();
  console.log(`build: ${name} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
}

// zod's message translations (`z.locales`, some forty languages): a quarter of the station
// chunk, which Node parses at every start before it can serve the screens. Loket never
// switches zod's locale (its messages are its own i18n keys), and zod's default English comes
// from locales/en.js directly, so the namespace is bundled empty. Measured in `npm run bench`.
const dropZodLocales = {
  name: 'drop-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'loket-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'loket-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// `split`: dynamic import() becomes a chunk beside the entry (it finds migrations/ and fonts/
// next to itself, as the entry does), loaded only when reached (the
// browser host listens before it loads the station; see electron/cli/station.ts).
// `also`: more entries of the same split build (they share its chunks).
const nodeBundle = (entry, outfile, { split = false, also = {} } = {}) => esbuild({
  ...(split
    ? {
      entryPoints: {
        [outfile.replace(/\.mjs$/, '')]: path.join(root, entry),
        ...Object.fromEntries(Object.entries(also).map(([out, src]) => [out.replace(/\.mjs$/, ''), path.join(root, src)])),
      },
      outdir: dist, splitting: true, outExtension: { '.js': '.mjs' }, chunkNames: '[name]-[hash]',
    }
    : { entryPoints: [path.join(root, entry)], outfile: path.join(dist, outfile) }),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: NATIVE_EXTERNALS,
  plugins: [dropZodLocales],
  banner: { js: ESM_REQUIRE_BANNER },
  sourcemap: 'linked',
  // Less for V8 to parse at every start (the station's cold start is measured); stack
  // traces map back through the linked source map.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});

try {
  const started = performance.now();
  // Stale files (a deleted migration above all) must not survive a rebuild.
  rmSync(dist, { recursive: true, force: true });

  await step('renderer → dist/renderer', () => viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }));
  // The station runs in the host's worker thread (dist/station-worker.mjs, electron/station-thread.ts).
  await step('browser host → dist/host.mjs + dist/station-worker.mjs', () => nodeBundle('electron/cli/station.ts', 'host.mjs', { split: true, also: { 'station-worker.mjs': 'electron/cli/station-worker.ts' } }));
  await step('station address → dist/address.mjs', () => nodeBundle('electron/cli/station-address.ts', 'address.mjs'));
  await step('electron main → dist/main.mjs', () => nodeBundle('electron/main.ts', 'main.mjs'));
  await step('preload → dist/preload.cjs', async () => {
    const result = await esbuild({
      entryPoints: [path.join(root, 'electron/preload.ts')],
      outfile: path.join(dist, 'preload.cjs'),
      bundle: true,
      // A sandboxed preload is a classic script with a restricted require: CommonJS, and
      // nothing but 'electron' left to require.
      platform: 'node',
      format: 'cjs',
      target: 'chrome120',
      external: ['electron'],
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
    });
    // The sandbox would only fail at run time, in a window nobody is watching; fail here.
    const required = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    const foreign = required.filter((p) => p !== 'electron');
    if (foreign.length > 0) throw new Error(`preload must require only 'electron', but requires: ${foreign.join(', ')}`);
  });
  await step('migrations → dist/migrations', () => {
    const from = path.join(root, 'electron/store/migrations');
    const to = path.join(dist, 'migrations');
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from).filter((n) => n.endsWith('.sql'))) copyFileSync(path.join(from, f), path.join(to, f));
  });
  await step('fonts → dist/fonts', () => {
    const from = path.join(root, 'resources/fonts');
    const to = path.join(dist, 'fonts');
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from).filter((n) => /\.(otf|ttf|txt)$/.test(n))) copyFileSync(path.join(from, f), path.join(to, f));
  });
  console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
} catch (err) {
  // esbuild and Vite have already printed the details; one line says which build broke.
  console.error(`build: failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exit(1);
}
