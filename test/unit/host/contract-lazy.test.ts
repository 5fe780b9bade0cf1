// The contract's input schemas are built on a method's first call, not when the station's
// modules load (traced: building all of them was over half of the station's module start).
// Every schema is still built by the suite (test/unit/security/contract-inputs.test.ts walks
// them all), so a broken one fails here rather than at a counter.
import { describe, expect, it } from 'vitest';
import { methods } from '../../../electron/contract';

describe('contract schemas built on first use', () => {
  it('a method with its own schema builds it when first asked, once', () => {
    const def = methods['queue.view'];
    const descriptor = Object.getOwnPropertyDescriptor(def, 'input');
    expect(typeof descriptor?.get).toBe('function');
    expect(def.input).toBe(def.input);
    expect(def.access).toEqual(['counter', 'supervisor', 'print', 'admin']);
  });

  it('the built schema is the same rule as before: a valid query parses, an impossible date does not', () => {
    const schema = methods['queue.view'].input;
    expect(schema.safeParse({ date: '2026-12-07' }).success).toBe(true);
    expect(schema.safeParse({ date: '2026-02-30' }).success).toBe(false);
  });

  it('a method given a ready schema keeps it as a plain value', () => {
    const descriptor = Object.getOwnPropertyDescriptor(methods['setup.status'], 'input');
    expect(descriptor && 'value' in descriptor).toBe(true);
  });
});
