// Every method of the contract, walked through its input schema: a date field refuses an
// impossible date (9999-99-99, 30 February), and a list of choices (priority flags, statuses,
// roles) refuses the same choice given twice — so no method can be the one that forgot.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods } from '../../../electron/contract';

interface Found { method: string; path: string; schema: z.ZodType }
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** The fields (with their paths) under a schema, looking through optional/default/pipe wrappers. */
function walk(schema: z.ZodType, path: string, out: { dates: Found[]; lists: Found[] }, method: string): void {
  const def = defOf(schema);
  if (def.innerType) { walk(def.innerType, path, out, method); return; }
  if (def.type === 'pipe' && def.in) { walk(def.in, path, out, method); return; }
  if (def.type === 'object' && def.shape) {
    for (const [k, v] of Object.entries(def.shape)) {
      const p = path ? `${path}.${k}` : k;
      if (/date$/i.test(k)) out.dates.push({ method, path: p, schema: v });
      walk(v, p, out, method);
    }
  }
  if (def.type === 'array' && def.element) {
    let el = def.element;
    while (defOf(el).innerType) el = defOf(el).innerType!;
    if (defOf(el).type === 'enum') out.lists.push({ method, path, schema });
    walk(def.element, `${path}[]`, out, method);
  }
  if (def.type === 'union' && def.options) for (const o of def.options) walk(o, path, out, method);
}

const found = { dates: [] as Found[], lists: [] as Found[] };
for (const [name, m] of Object.entries(methods)) walk(m.input as z.ZodType, '', found, name);

describe('dates in every method', () => {
  it('finds the date fields (queue.view, the walk-in birth date)', () => {
    expect(found.dates.map((d) => `${d.method}:${d.path}`)).toEqual(expect.arrayContaining(['queue.view:date', 'queue.addWalkIn:birthDate']));
  });
  it.each(found.dates.map((d) => [`${d.method} ${d.path}`, d] as const))('%s refuses impossible dates', (_n, d) => {
    expect(d.schema.safeParse('2026-11-23').success).toBe(true);
    for (const bad of ['9999-99-99', '2026-02-30', '2026-13-01', '0000-00-00', '2026-11-23T00:00']) expect(d.schema.safeParse(bad).success).toBe(false);
  });
  it('queue.view with 9999-99-99 is refused naming the field', () => {
    const r = methods['queue.view'].input.safeParse({ date: '9999-99-99' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['date']);
  });
});

describe('lists of choices in every method', () => {
  it('finds them (priority flags, statuses, roles)', () => {
    expect(found.lists.map((d) => `${d.method}:${d.path}`)).toEqual(expect.arrayContaining([
      'queue.addWalkIn:priority', 'queue.view:statuses', 'officers.create:roles', 'officers.update:roles',
    ]));
  });
  it.each(found.lists.map((d) => [`${d.method} ${d.path}`, d] as const))('%s refuses a choice given twice', (_n, d) => {
    let el = defOf(d.schema);
    while (el.innerType) el = defOf(el.innerType);
    const choice = Object.values(defOf(el.element!).entries!)[0];
    expect(d.schema.safeParse([choice]).success).toBe(true);
    const twice = d.schema.safeParse([choice, choice]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('duplicate');
  });
});
