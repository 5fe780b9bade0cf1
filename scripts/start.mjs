#!/usr/bin/env node
// `npm start` (and `npm run station` = `--browser`): set up, build, then run the
// workstation — in Electron when its runtime is installed, otherwise in the browser host.
//   npm start -- [--browser] [--data-dir DIR] [--demo] [--port N]
// Plain Node and no imports from node_modules: it runs the setup that installs them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const wantBrowser = argv.includes('--browser');
const passArgs = argv.filter((a) => a !== '--browser');

function runOrExit(script, args = []) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron executable installed by the electron package, or null. */
function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const readOr = (file, fallback) => { try { return readFileSync(file, 'utf8'); } catch { return fallback; } };
/** The Electron version native-electron/ was built for (an upgrade needs a rebuild). */
const builtFor = () => readOr(path.join(root, 'native-electron', 'electron-version'), '').trim();
const installedElectron = () => JSON.parse(readOr(path.join(root, 'node_modules', 'electron', 'package.json'), '{}')).version;

/** Why Electron cannot be used here, or null when it can. */
function electronUnavailable() {
  if (wantBrowser) return 'browser';
  if (!electronBinary()) return 'the Electron runtime is not installed';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)';
  // Development keeps node_modules' better-sqlite3 on Node's ABI for the tests; Electron
  // needs its own build beside it (docs/native-modules.md).
  const binding = path.join(root, 'native-electron', 'better_sqlite3.node');
  if (!existsSync(binding) || builtFor() !== installedElectron()) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'rebuild-electron-sqlite.mjs')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(binding)) return 'better-sqlite3 could not be built for Electron';
  }
  return null;
}

/** Runs a child to completion, forwarding Ctrl-C / termination so it can close the store cleanly. */
function runChild(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`start: could not run ${cmd}: ${err.message}`);
    process.exit(1);
  });
}

runOrExit('ensure-setup.mjs');
runOrExit('build.mjs');

const why = electronUnavailable();
if (why === null) {
  // `electron .` rather than `electron dist/main.mjs`: Electron then reads package.json
  // (name, version, "main": "dist/main.mjs"), as it does in the packaged app.
  runChild(electronBinary(), ['.', ...passArgs]);
} else {
  if (why !== 'browser') {
    console.log(`start: ${why}, so the workstation is served in the browser host instead (open the LOKET_URL below).`);
  }
  const hostArgs = passArgs.some((a) => a === '--port' || a.startsWith('--port=')) ? passArgs : ['--port', '0', ...passArgs];
  runChild(process.execPath, [path.join(root, 'dist', 'host.mjs'), ...hostArgs]);
}
