// Two bench files filling one bench (benches.enrolment from enrolment.bench.ts and
// enrolment-keys.bench.ts): both sets of figures survive, nested objects merge.
import { describe, expect, it } from 'vitest';
import { mergeFigures } from '../../bench/merge';

describe('mergeFigures', () => {
  it('keeps the figures of both files in one object', () => {
    const kill = { station_ms_median: 812, kill_runs: 20, nested: { a: 1 } };
    const keys = { renewal_keys_and_clicks: 10, renewal_clicks: 0, nested: { b: 2 } };
    expect(mergeFigures(mergeFigures(undefined, kill), keys)).toEqual({
      station_ms_median: 812, kill_runs: 20, renewal_keys_and_clicks: 10, renewal_clicks: 0, nested: { a: 1, b: 2 },
    });
  });

  it('a figure both give is kept from both, not overwritten', () => {
    expect(mergeFigures({ note: 'kill' }, { note: 'keys' })).toEqual({ note: { first: 'kill', second: 'keys' } });
  });

  it('a file that failed still shows beside the other', () => {
    expect(mergeFigures({ kill_runs: 20 }, { error: 'chromium missing' })).toEqual({ kill_runs: 20, error: 'chromium missing' });
  });
});
