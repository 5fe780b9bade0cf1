// kill -9 during a scripted renewal (test/helpers/kill-run.ts): a few kills in `npm test`,
// aimed mid-scan, mid-photo save, mid-capture and mid-submit (one applicant); twenty in `npm run bench`.
// The seed is random unless KILL_SEED is set, and printed first: a failure reproduces with
// `KILL_SEED=<seed> npx vitest run test/integration/enrolment/kill-9.test.ts`.
import { describe, expect, it } from 'vitest';
import { killRun } from '../../helpers/kill-run';

const seed = process.env.KILL_SEED ? Number(process.env.KILL_SEED) : Math.floor(Math.random() * 2 ** 31);

describe('kill -9 during an enrolment', () => {
  it('reopens at the same step with everything confirmed, nothing doubled, the store and the audit chain whole', async () => {
    process.stdout.write(`kill -9 test: KILL_SEED=${seed}\n`);
    const r = await killRun({ kills: 4, seed, log: (line) => process.stdout.write(`${line}\n`) });
    expect(r.outcomes.map((o) => o.aimedAt)).toEqual(['documents', 'photo', 'fingers', 'submit']);
    expect(r.outcomes.flatMap((o) => o.problems.map((p) => `kill ${o.applicant} (${o.during}, seed ${seed}): ${p}`))).toEqual([]);
    expect(r.losses).toBe(0);
  }, 600_000);
});
