// Reconnection delays after an unplug: quick at first (a cable re-seated at once is back
// within a second), then slower so a missing device does not keep the port busy.

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

/** Delay before reconnection attempt `attempt` (0-based): initial × factor^attempt, capped. */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const initial = opts.initialMs ?? 250;
  const max = opts.maxMs ?? 10_000;
  const factor = opts.factor ?? 2;
  return Math.min(max, Math.round(initial * Math.pow(factor, Math.max(0, attempt))));
}
