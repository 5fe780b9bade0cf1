// `npm test` fails on a skipped test that is not declared in test/expected-skips.json with its
// reason: a test that quietly stops running (a tool missing on a machine, a `.skip` left
// behind) must be seen, not counted as a pass. Reads vitest's and Playwright's JSON reports.
// Plain Node, no imports from node_modules (scripts/test.mjs runs before they exist).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Skipped tests in a vitest JSON report: { file (relative), title }. */
export function vitestSkips(report, root) {
  const out = [];
  for (const file of report.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (['skipped', 'pending', 'todo'].includes(a.status)) out.push({ file: path.relative(root, file.name), title: a.title });
    }
  }
  return out;
}

/** Skipped tests in a Playwright JSON report: { file (relative), title }. */
export function playwrightSkips(report, root) {
  const out = [];
  const testDir = report.config?.rootDir ?? root;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const skipped = t.status === 'skipped' || (t.results ?? []).some((r) => r.status === 'skipped');
        if (skipped) out.push({ file: path.relative(root, path.resolve(testDir, spec.file ?? suite.file)), title: spec.title });
      }
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of report.suites ?? []) walk(s);
  return out;
}

/** Splits skips into declared (with their reason) and undeclared. */
export function checkSkips(skips, declared) {
  const expected = [];
  const unexpected = [];
  for (const s of skips) {
    const d = declared.find((e) => e.file === s.file.split(path.sep).join('/') && (e.title === '*' || e.title === s.title));
    if (d) expected.push({ ...s, reason: d.reason });
    else unexpected.push(s);
  }
  return { expected, unexpected };
}

/** Reads the reports that exist; prints the reasons; returns false on an undeclared skip. */
export function reportSkips({ root, vitestJson, playwrightJson, log = console.log }) {
  const declared = JSON.parse(readFileSync(path.join(root, 'test', 'expected-skips.json'), 'utf8')).skips;
  const skips = [];
  if (vitestJson && existsSync(vitestJson)) skips.push(...vitestSkips(JSON.parse(readFileSync(vitestJson, 'utf8')), root));
  if (playwrightJson && existsSync(playwrightJson)) skips.push(...playwrightSkips(JSON.parse(readFileSync(playwrightJson, 'utf8')), root));
  const { expected, unexpected } = checkSkips(skips, declared);
  for (const s of expected) log(`test: skipped as expected: ${s.file} › ${s.title} — ${s.reason}`);
  for (const s of unexpected) log(`test: ✗ skipped but not declared in test/expected-skips.json: ${s.file} › ${s.title}`);
  return unexpected.length === 0;
}
