// A hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks and
// Consistent Snapshots in Globally Distributed Databases", OPODIS 2014, Fig. 5): a stamp is
// the largest physical time seen so far (l, in ms) plus a counter (c) that orders events
// within the same l, plus the node (station id) that made it, so two stations never make
// the same stamp. Stamps order the per-field "last writer wins" of replication: a station
// whose clock runs behind, or was reset to 1970, still stamps after everything it has seen.
//
// Pure: the caller passes the physical time in and keeps the returned state.

export interface Hlc {
  /** l: the largest physical time (ms since the epoch) this node has seen. */
  readonly wall: number;
  /** c: orders events that share the same l. */
  readonly logical: number;
  /** The node (station id) that made the stamp. */
  readonly node: string;
}

/** 12 hex digits of milliseconds last until the year 10889; 6 hex digits of counter. */
const WALL_DIGITS = 12;
const LOGICAL_DIGITS = 6;
export const MAX_WALL = 16 ** WALL_DIGITS - 1;
export const MAX_LOGICAL = 16 ** LOGICAL_DIGITS - 1;

/**
 * How far ahead of our own clock a remote stamp may be before we refuse it (the paper's ε):
 * one stamp from a station whose clock says 2090 would otherwise drag every later stamp of
 * the office into 2090. One hour covers ordinary clock error between stations.
 */
export const DEFAULT_MAX_DRIFT_MS = 60 * 60 * 1000;

export class HlcDriftError extends Error {
  readonly code = 'clock_ahead';
  constructor(readonly remoteWall: number, readonly localWall: number, readonly maxDriftMs: number) {
    super(`A change is stamped ${Math.round((remoteWall - localWall) / 60000)} minutes ahead of this station's clock (more than ${Math.round(maxDriftMs / 60000)} minutes allowed); check the clock of the station that made it.`);
  }
}

export class HlcOverflowError extends Error {
  readonly code = 'clock_counter_full';
  constructor() {
    super('The logical clock counter is full for this millisecond; the station clock does not advance. Check the system clock.');
  }
}

export const ZERO_HLC: Hlc = { wall: 0, logical: 0, node: '' };

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.logical !== b.logical) return a.logical < b.logical ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/** Fixed-width lowercase hex, so comparing two strings orders them as compareHlc does. */
export function formatHlc(h: Hlc): string {
  if (!Number.isInteger(h.wall) || h.wall < 0 || h.wall > MAX_WALL) throw new RangeError(`HLC wall time out of range: ${h.wall}`);
  if (!Number.isInteger(h.logical) || h.logical < 0 || h.logical > MAX_LOGICAL) throw new RangeError(`HLC counter out of range: ${h.logical}`);
  return `${h.wall.toString(16).padStart(WALL_DIGITS, '0')}-${h.logical.toString(16).padStart(LOGICAL_DIGITS, '0')}-${h.node}`;
}

export const HLC_PATTERN = /^[0-9a-f]{12}-[0-9a-f]{6}-[A-Za-z0-9-]+$/;

export function parseHlc(s: string): Hlc {
  if (!HLC_PATTERN.test(s)) throw new RangeError(`Not a hybrid logical clock stamp: ${JSON.stringify(s.slice(0, 80))}`);
  return { wall: parseInt(s.slice(0, 12), 16), logical: parseInt(s.slice(13, 19), 16), node: s.slice(20) };
}

function next(wall: number, logical: number, node: string): Hlc {
  if (logical > MAX_LOGICAL) throw new HlcOverflowError();
  return { wall, logical, node };
}

/**
 * A local or send event (the paper's "send or local event"):
 *   l' = max(l, pt); c' = (l' = l) ? c + 1 : 0.
 * A physical clock that goes backwards leaves l where it was and counts on in c.
 */
export function tick(last: Hlc, physicalMs: number, node: string): Hlc {
  const pt = Math.max(0, Math.floor(physicalMs));
  const wall = Math.max(last.wall, pt);
  return next(wall, wall === last.wall ? last.logical + 1 : 0, node);
}

/**
 * Receipt of a remote stamp m (the paper's "receive event of message m"):
 *   l' = max(l, l_m, pt);
 *   c' = l' = l = l_m ? max(c, c_m) + 1 : l' = l ? c + 1 : l' = l_m ? c_m + 1 : 0.
 * A remote stamp more than maxDriftMs ahead of our physical clock is refused (HlcDriftError)
 * and leaves the clock as it was.
 */
export function receive(last: Hlc, remote: Hlc, physicalMs: number, node: string, maxDriftMs = DEFAULT_MAX_DRIFT_MS): Hlc {
  const pt = Math.max(0, Math.floor(physicalMs));
  // Measured against the larger of our physical clock and our own l: a station whose clock
  // was reset to 1970 still accepts stamps near the time it has already seen.
  const reference = Math.max(pt, last.wall);
  if (remote.wall - reference > maxDriftMs) throw new HlcDriftError(remote.wall, reference, maxDriftMs);
  const wall = Math.max(last.wall, remote.wall, pt);
  let logical: number;
  if (wall === last.wall && wall === remote.wall) logical = Math.max(last.logical, remote.logical) + 1;
  else if (wall === last.wall) logical = last.logical + 1;
  else if (wall === remote.wall) logical = remote.logical + 1;
  else logical = 0;
  return next(wall, logical, node);
}

/** A clock object over the pure rules, for a process that stamps many events. */
export class HlcClock {
  private state: Hlc;
  constructor(readonly node: string, private readonly physical: () => number, last: Hlc = ZERO_HLC, readonly maxDriftMs = DEFAULT_MAX_DRIFT_MS) {
    this.state = { ...last, node };
  }

  /** A new stamp for a local change. */
  now(): Hlc {
    this.state = tick(this.state, this.physical(), this.node);
    return this.state;
  }

  /** Takes a remote stamp into account; throws HlcDriftError for one too far ahead. */
  observe(remote: Hlc): Hlc {
    this.state = receive(this.state, remote, this.physical(), this.node, this.maxDriftMs);
    return this.state;
  }

  last(): Hlc {
    return this.state;
  }
}
