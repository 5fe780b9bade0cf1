// `npm test` refuses skipped tests that test/expected-skips.json does not declare. The report
// shapes below are those vitest 4 and Playwright 1.65 write (checked against real runs:
// Playwright's rootDir is test/e2e and spec.file is relative to it).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain .mjs script without types
import { checkSkips, playwrightSkips, vitestSkips } from '../../../scripts/expected-skips.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const declared = (JSON.parse(readFileSync(path.join(ROOT, 'test/expected-skips.json'), 'utf8')) as { skips: { file: string; title: string; reason: string }[] }).skips;

describe('expected skips', () => {
  it('declares existing files, each with a reason', () => {
    expect(declared.length).toBeGreaterThan(0);
    for (const d of declared) {
      expect(existsSync(path.join(ROOT, d.file)), d.file).toBe(true);
      expect(d.reason.length, d.file).toBeGreaterThan(20);
    }
  });

  it('lets the Electron tests skip with their reason and refuses any other skip', () => {
    const pw = playwrightSkips({
      config: { rootDir: path.join(ROOT, 'test/e2e') },
      suites: [{ file: 'electron.spec.ts', specs: [{ title: 'the Electron shell opens', file: 'electron.spec.ts', tests: [{ status: 'skipped', results: [{ status: 'skipped' }] }] }] },
        { file: 'walk-in.spec.ts', specs: [{ title: 'walk-in', file: 'walk-in.spec.ts', tests: [{ status: 'expected', results: [{ status: 'passed' }] }] }] }],
    }, ROOT);
    const vt = vitestSkips({
      testResults: [{ name: path.join(ROOT, 'test/integration/native/zfm-pty.test.ts'), assertionResults: [{ status: 'skipped', title: 'identifies' }, { status: 'passed', title: 'other' }] }],
    }, ROOT);
    const { expected, unexpected } = checkSkips([...pw, ...vt], declared);
    expect(expected).toEqual([expect.objectContaining({ file: 'test/e2e/electron.spec.ts', reason: expect.stringMatching(/Electron runtime/) })]);
    expect(unexpected).toEqual([{ file: 'test/integration/native/zfm-pty.test.ts', title: 'identifies' }]);
  });
});
