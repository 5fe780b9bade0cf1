#!/usr/bin/env node
// `npm test`: the whole gate, in the order that fails fastest. Stops at the first failing
// step and exits with its code; prints one line per step with how long it took.
// Plain Node, no imports from node_modules: it runs the setup that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportSkips } from './expected-skips.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

// Machine-readable results beside the readable ones, for the one-line total at the end.
const reports = mkdtempSync(path.join(os.tmpdir(), 'loket-test-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');

const steps = [
  ['setup', process.execPath, [path.join(root, 'scripts', 'ensure-setup.mjs'), '--for=test']],
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['unit+integration', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  ['build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]],
  ['e2e', bin('playwright'), ['test', '--reporter=list,json']],
];

/** passed / failed / skipped over both runners' JSON reports (absent ones count nothing). */
function totals() {
  const t = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
    t.passed += v.numPassedTests ?? 0;
    t.failed += v.numFailedTests ?? 0;
    t.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync(playwrightJson)) {
    const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
    t.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    t.failed += s.unexpected ?? 0;
    t.skipped += s.skipped ?? 0;
  }
  return `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const summary = [];
const started = performance.now();

for (const [name, cmd, args] of steps) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    // .cmd shims on Windows can only be started through a shell.
    shell: process.platform === 'win32' && cmd.endsWith('.cmd'),
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'), PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
  const took = seconds(performance.now() - t0);
  const code = r.status ?? (r.error ? 127 : 1);
  if (code !== 0) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${code}`;
    summary.push(`test: ✗ ${name} failed (${why}) after ${took}`);
    console.log(`\n${summary.join('\n')}\n${totals()}`);
    process.exit(code);
  }
  summary.push(`test: ✓ ${name} ${took}`);
  console.log(summary.at(-1));
  // A test that did not run is not a pass: only the skips declared with a reason are allowed.
  if (name === 'unit+integration' || name === 'e2e') {
    const ok = reportSkips({ root, vitestJson: name === 'unit+integration' ? vitestJson : null, playwrightJson: name === 'e2e' ? playwrightJson : null });
    if (!ok) {
      summary.push(`test: ✗ ${name} skipped tests that test/expected-skips.json does not declare`);
      console.log(`\n${summary.join('\n')}\n${totals()}`);
      process.exit(1);
    }
  }
}
console.log(`\n${summary.join('\n')}\ntest: all steps passed in ${seconds(performance.now() - started)}\n${totals()}`);
