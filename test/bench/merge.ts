// Two bench files may fill the same bench (enrolment.bench.ts and enrolment-keys.bench.ts
// both give `benches.enrolment`): their figures are merged object by object. A figure both
// give is kept from both, the later one under its own name, so nothing is silently lost.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeFigures(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (!isObject(a) || !isObject(b)) return { first: a, second: b };
  const out: Record<string, unknown> = { ...a };
  // Each module says whether its own goals are met: the bench meets them when all do.
  for (const [k, v] of Object.entries(b)) out[k] = !(k in out) ? v : k === 'meets_goal' ? out[k] === true && v === true : mergeFigures(out[k], v);
  return out;
}
