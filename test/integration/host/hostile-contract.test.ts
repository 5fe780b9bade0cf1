// Random inputs for every contract method, for a session of each role (and one not logged
// in), over the real WebSocket: each call gets a typed answer, and after each batch a fresh
// tab and an administrator's ordinary query are still answered. The inputs are random values
// of any shape, and objects with the method's own field names holding random values, so the
// handlers behind validation are reached too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type WebSocket from 'ws';
import type { z } from 'zod';
import { methods, ROLES } from '../../../electron/contract';
import { call, startHostile, type Hostile } from './hostile-harness';
import { ADMIN } from '../../helpers/station';

let h: Hostile;
let control: WebSocket;
const ERROR_CODES = new Set<string>();

beforeAll(async () => {
  h = await startHostile();
  control = await h.connect(await h.credential());
  expect(await call(control, 'setup.createFirstAdmin', ADMIN)).toMatchObject({ ok: true });
}, 30_000);
afterAll(async () => { control?.close(); await h?.close(); });

const officerFor = (role: string, i: number) => ({
  name: `Petugas ${role}`,
  // NIP: birth date, appointment month, sex digit, serial — unique per role.
  nip: `19900101201501100${i + 2}`.slice(0, 18),
  password: `rahasia-${role}-123`,
});

/** Field names of a method's input (a strict zod object), for inputs that get past the shape. */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const value = fc.oneof(
  fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.uuid(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('9999-99-99', '', '0', '../../etc/passwd', '\u0000', 'x'.repeat(5000)),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), fc.anything({ maxDepth: 2 }),
);

function inputFor(method: string): fc.Arbitrary<unknown> {
  const fields = fieldsOf(methods[method as keyof typeof methods].input as z.ZodType);
  const shaped = fields.length > 0
    ? fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: fields.length })
    : fc.constant({});
  return fc.oneof(shaped, fc.anything({ maxDepth: 3 }));
}

/** A session logged in with `role` only (or anonymous for null); logs in again if a call ended it. */
async function sessionFor(role: string | null): Promise<{ ws: WebSocket; relogin(): Promise<void> }> {
  const ws = await h.connect(await h.credential());
  const i = role ? ROLES.indexOf(role as (typeof ROLES)[number]) : -1;
  const relogin = async () => {
    if (!role) return;
    const s = await call(ws, 'auth.session', {}) as { ok: boolean; value: { state: 'active' | 'locked' } | null };
    if (s.ok && s.value?.state === 'active') return;
    if (s.ok && s.value?.state === 'locked') await call(ws, 'auth.logout', {});
    const o = officerFor(role, i);
    expect(await call(ws, 'auth.login', { nip: o.nip, password: o.password }), role).toMatchObject({ ok: true });
  };
  if (role) {
    const o = officerFor(role, i);
    expect(await call(control, 'officers.create', { ...o, roles: [role] }), role).toMatchObject({ ok: true });
    await relogin();
  }
  return { ws, relogin };
}

async function stillServing(): Promise<void> {
  await h.stillAnswers();
  expect(await call(control, 'officers.list', {})).toMatchObject({ ok: true });
}

const METHOD_NAMES = Object.keys(methods);

describe('random inputs for every method and every role', () => {
  for (const role of [null, ...ROLES]) {
    it(`${role ?? 'not logged in'}: every method answers, the station keeps serving`, async () => {
      const s = await sessionFor(role);
      for (const method of METHOD_NAMES) {
        await s.relogin();
        await fc.assert(fc.asyncProperty(inputFor(method), async (input) => {
          const r = await call(s.ws, method, input) as { ok: boolean; error?: { code: unknown } };
          expect(typeof r.ok, method).toBe('boolean');
          if (!r.ok) {
            expect(typeof r.error?.code, method).toBe('string');
            ERROR_CODES.add(String(r.error?.code));
          }
        }), { numRuns: 12, seed: 17 + METHOD_NAMES.indexOf(method) });
      }
      s.ws.close();
      await stillServing();
    }, 120_000);
  }

  it('answers with refusals, not with internal errors', () => {
    // Each kind of refusal was seen; an 'internal' would mean a handler threw on bad input.
    expect([...ERROR_CODES]).toContain('bad_input');
    expect([...ERROR_CODES]).toContain('forbidden');
    expect([...ERROR_CODES]).toContain('not_logged_in');
    expect([...ERROR_CODES]).not.toContain('internal');
  });
});
