#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into native-electron/better_sqlite3.node,
// leaving node_modules/better-sqlite3 on Node's ABI for the tests and the browser host.
// electron/main.ts passes this file to the store (StationOptions.sqliteNativeBinding) when
// it exists. Packaged apps do not use it: electron-builder rebuilds node_modules itself.
// See docs/native-modules.md.
//
// Needs a C++ toolchain and Electron's headers, which node-gyp downloads from
//   LOKET_ELECTRON_HEADERS_URL   (default https://electronjs.org/headers)
// or, offline, an unpacked headers directory given as LOKET_ELECTRON_HEADERS_DIR.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'native-electron');
const require = createRequire(path.join(root, 'package.json'));

function fail(line) {
  console.error(`rebuild-electron-sqlite: ${line}`);
  process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
let electronVersion, sqliteDir, nodeGyp;
try {
  electronVersion = readJson(require.resolve('electron/package.json')).version;
  sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  fail('electron, better-sqlite3 and node-gyp must be installed first (run: node scripts/ensure-setup.mjs).');
}
const distUrl = process.env.LOKET_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
const headersDir = process.env.LOKET_ELECTRON_HEADERS_DIR;

// A copy, so a half-finished build can never replace the Node-ABI binary the tests load.
const work = mkdtempSync(path.join(os.tmpdir(), 'loket-sqlite-electron-'));
const pkgCopy = path.join(work, 'better-sqlite3');
cpSync(sqliteDir, pkgCopy, { recursive: true, filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build' });

const env = { ...process.env };
// npm exports its `nodedir` setting to scripts; it names Node's headers, which would
// silently produce a Node-ABI build here.
for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];

const args = [
  nodeGyp, 'rebuild', '--release',
  `--target=${electronVersion}`, `--arch=${process.arch}`, '--runtime=electron',
  ...(headersDir ? [`--nodedir=${path.resolve(headersDir)}`] : [`--dist-url=${distUrl}`]),
];
console.log(`rebuild-electron-sqlite: building better-sqlite3 for Electron ${electronVersion} (${process.arch})…`);
const r = spawnSync(process.execPath, args, { cwd: pkgCopy, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
const built = path.join(pkgCopy, 'build', 'Release', 'better_sqlite3.node');

if (r.status !== 0 || !existsSync(built)) {
  mkdirSync(outDir, { recursive: true });
  const log = path.join(outDir, 'build.log');
  writeFileSync(log, output);
  rmSync(work, { recursive: true, force: true });
  // node-gyp words a failed download differently by cause; any of these means "no headers".
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network connectivity|\b40[34]\b/.test(output);
  if (offline && !headersDir) {
    fail(`could not download the Electron ${electronVersion} headers from ${distUrl} (no network?); ` +
      'set LOKET_ELECTRON_HEADERS_DIR to unpacked headers to build offline. Details: ' + path.relative(root, log));
  }
  fail(`node-gyp failed for Electron ${electronVersion} (exit ${r.status ?? r.signal}); details: ${path.relative(root, log)}`);
}

mkdirSync(outDir, { recursive: true });
copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
// start.mjs rebuilds when Electron is upgraded and this no longer matches.
writeFileSync(path.join(outDir, 'electron-version'), `${electronVersion}\n`);
rmSync(path.join(outDir, 'build.log'), { force: true });
rmSync(work, { recursive: true, force: true });
console.log(`rebuild-electron-sqlite: wrote ${path.relative(root, path.join(outDir, 'better_sqlite3.node'))} for Electron ${electronVersion}.`);
