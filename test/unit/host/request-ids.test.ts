// The station's memory of recent request ids (electron/request-ids.ts): a repeat waits for or
// gets the first answer, refusals are forgotten, and the memory stays bounded in size and time.
import { describe, expect, it } from 'vitest';
import { createRecentRequests } from '../../../electron/request-ids';
import type { Result } from '../../../electron/contract';

const done = (v: unknown): Promise<Result<unknown>> => Promise.resolve({ ok: true, value: v });

describe('recent requests', () => {
  it('does the work once for a repeat, even while the first is still running', async () => {
    const r = createRecentRequests();
    const session = {};
    let runs = 0;
    let release!: () => void;
    const work = () => { runs++; return new Promise<Result<unknown>>((res) => { release = () => res({ ok: true, value: runs }); }); };
    const a = r.run(session, 'req-00000001', 'enrolment.submit', work);
    const b = r.run(session, 'req-00000001', 'enrolment.submit', work);
    release();
    expect(await a).toEqual({ ok: true, value: 1 });
    expect(await b).toEqual({ ok: true, value: 1 });
    expect(await r.run(session, 'req-00000001', 'enrolment.submit', work)).toEqual({ ok: true, value: 1 });
    expect(runs).toBe(1);
    // Another session with the same id is another call.
    expect(await r.run({}, 'req-00000001', 'enrolment.submit', () => done('other'))).toEqual({ ok: true, value: 'other' });
  });

  it('forgets a refusal, so the same id may try again', async () => {
    const r = createRecentRequests();
    const session = {};
    expect(await r.run(session, 'req-00000002', 'photo.save', () => Promise.resolve({ ok: false, error: { code: 'locked' } }))).toMatchObject({ ok: false });
    await Promise.resolve();
    expect(await r.run(session, 'req-00000002', 'photo.save', () => done('saved'))).toEqual({ ok: true, value: 'saved' });
  });

  it('refuses an id reused for another method', async () => {
    const r = createRecentRequests();
    const session = {};
    await r.run(session, 'req-00000003', 'photo.save', () => done(1));
    expect(await r.run(session, 'req-00000003', 'enrolment.submit', () => done(2))).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'requestId' } });
  });

  it('keeps at most the given number of answers, and none past their time', async () => {
    let t = 0;
    const r = createRecentRequests(() => t, 3, 1000);
    const session = {};
    for (let i = 0; i < 5; i++) await r.run(session, `req-0000001${i}`, 'm', () => done(i));
    await r.run(session, 'req-00000020', 'm', () => done('x'));
    expect(r.size(session)).toBeLessThanOrEqual(4);
    // The oldest went first: its id is new work again.
    expect(await r.run(session, 'req-00000010', 'm', () => done('again'))).toEqual({ ok: true, value: 'again' });
    t = 5000;
    await r.run(session, 'req-00000030', 'm', () => done('late'));
    expect(r.size(session)).toBe(1);
  });
});
