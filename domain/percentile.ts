// Nearest-rank percentiles (the smallest value with at least p % of the values at or below
// it), as a report states "90 % of enrolments took at most N minutes". Pure; no I/O.
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);
