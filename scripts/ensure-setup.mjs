#!/usr/bin/env node
// Brings a checkout to a runnable state, and says in one line what it cannot fix.
// Runs BEFORE node_modules exists, so: plain Node, built-in modules only.
//   node scripts/ensure-setup.mjs              for `npm start` / `npm run station`
//   node scripts/ensure-setup.mjs --for=test   also the Debian packages the tests need
//   node scripts/ensure-setup.mjs --for=bench  npm only (no Electron download attempt)
// Steps: npm ci when node_modules is missing or older than the lock file; better-sqlite3
// must load in this Node (else npm rebuild); one attempt to fetch the Electron runtime;
// the system packages (installed when root, else named, exit 1).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTest = process.argv.includes('--for=test');
// The benches, like the tests, run the station in plain Node and never need Electron.
const needsElectron = !forTest && !process.argv.includes('--for=bench');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Debian packages the tests use: PTYs for device tests, the browser for e2e, USB/scanner/printer stacks. */
export const TEST_PACKAGES = ['socat', 'chromium', 'udev', 'libusb-1.0-0', 'sane-airscan', 'sane-utils', 'cups-ipp-utils', 'poppler-utils', 'dbus-daemon', 'avahi-daemon', 'zbar-tools', 'openssl', 'iproute2', 'postgresql-15', 'age', 'sqlite3', 'curl'];


// Diagnostics go to stderr: commands that print data (npm run bench) keep stdout clean.
const say = (line) => console.error(`setup: ${line}`);
function fail(line) {
  console.error(`setup: ${line}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && cmd.endsWith('.cmd'), ...opts });
}

// ---- Node version: Vite and the test runner need what package.json's engines says.
{
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old; Loket needs Node 20.19 or newer.`);
}

// ---- node_modules
{
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
  if (stale) {
    say('installing dependencies (npm ci)…');
    // The Electron runtime is fetched separately below, with a timeout: a machine without
    // access to its download server must still be able to install, test and run the host.
    const r = run(npm, ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    if (r.status !== 0) fail(`npm ci failed (exit ${r.status ?? r.signal}); see the npm output above.`);
  }
}

// ---- better-sqlite3 for this Node (the tests and the browser host run on Node's ABI;
// packaging for Electron rebuilds it in place and leaves it unusable here).
{
  const probe = () => spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], {
    cwd: root, encoding: 'utf8',
  });
  let r = probe();
  if (r.status !== 0) {
    say('better-sqlite3 does not load in this Node; rebuilding it (npm rebuild better-sqlite3)…');
    run(npm, ['rebuild', 'better-sqlite3']);
    r = probe();
    if (r.status !== 0) {
      const why = (r.stderr || '').split('\n').find((l) => /Error/.test(l))?.trim() ?? 'unknown error';
      fail(`better-sqlite3 still does not load in Node ${process.versions.node}: ${why}`);
    }
  }
}

// ---- Electron runtime: optional (the browser host serves the same screens without it).
{
  const electronDir = path.join(root, 'node_modules', 'electron');
  if (needsElectron && existsSync(electronDir) && !existsSync(path.join(electronDir, 'dist')) && process.env.LOKET_SKIP_ELECTRON !== '1') {
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: root, env, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL',
    });
    if (r.status === 0 && existsSync(path.join(electronDir, 'dist'))) {
      say('fetched the Electron runtime.');
    } else {
      const reason = r.error?.code === 'ETIMEDOUT'
        ? 'timed out after 60 s'
        : ((r.stderr || '').split('\n').map((l) => l.trim()).find((l) => /error/i.test(l)) ?? `exit ${r.status}`).slice(0, 160);
      say(`the Electron runtime could not be fetched (${reason}); continuing without it (set LOKET_SKIP_ELECTRON=1 to skip this attempt).`);
    }
  }
}

// ---- Debian packages.
if (forTest) {
  const hasDpkg = process.platform === 'linux' && spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasDpkg) {
    say(`not a Debian system: cannot check for ${TEST_PACKAGES.join(', ')}; the tests that need them may fail.`);
  } else {
    const installed = (pkg) => {
      const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
      return r.status === 0 && /\binstall ok installed\b/.test(r.stdout);
    };
    let missing = TEST_PACKAGES.filter((p) => !installed(p));
    if (missing.length > 0 && process.getuid?.() === 0) {
      say(`installing ${missing.join(', ')}…`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const update = run('apt-get', ['update'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (update.status !== 0) fail('apt-get update failed; see the output above.');
      const install = run('apt-get', ['install', '-y', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (install.status !== 0) fail(`apt-get install failed for ${missing.join(' ')}; see the output above.`);
      missing = missing.filter((p) => !installed(p));
    }
    if (missing.length > 0) fail(`the tests need these Debian packages: ${missing.join(' ')} — install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
}
