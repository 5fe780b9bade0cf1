// Small statistics for benchmarks: medians and percentiles of repeated measurements.
export function median(xs: number[]): number {
  return percentile(xs, 50);
}
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}
export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
