// The office's answer to a refused change, for every station: the values the office holds
// for the columns the change tried to set (or, for a row the office never took, a
// tombstone), stamped just after the refused change and after every stamp those columns
// carry. The station that made the refused change applies it like any other change and is
// back on the office's state; the others see nothing new.
import type { Change, ChangeValue } from '../domain/change-format';
import { formatHlc, parseHlc } from '../domain/hlc';
import type { MergedRow } from './merge';

/** The station id under which the office's own changes travel. */
export const OFFICE_STATION_ID = 'office';

export function correctionFor(refused: Change, current: MergedRow | undefined, seq: number): Change | null {
  const changeId = `${OFFICE_STATION_ID}:${seq}`;
  const stamps = [refused.hlc];
  if (!current || current.deletedHlc) {
    if (current?.deletedHlc) return null;
    // A row the office never took (a step that did not happen here): removed everywhere.
    return { format: 1, changeId, stationId: OFFICE_STATION_ID, table: refused.table, rowId: refused.rowId, op: 'delete', values: {}, hlc: after(stamps) };
  }
  const values: Record<string, ChangeValue> = {};
  for (const col of Object.keys(refused.values)) {
    if (!(col in current.vals)) continue;
    values[col] = current.vals[col]!;
    const k = current.clocks[col] ?? current.clocks['*'];
    if (k) stamps.push(k);
  }
  if (Object.keys(values).length === 0) return null;
  return { format: 1, changeId, stationId: OFFICE_STATION_ID, table: refused.table, rowId: refused.rowId, op: 'upsert', values, hlc: after(stamps) };
}

/** A stamp after all of these (same wall time as the latest, one count on). */
function after(stamps: string[]): string {
  const latest = stamps.map(parseHlc).sort((a, b) => (a.wall - b.wall) || (a.logical - b.logical)).at(-1)!;
  return formatHlc({ wall: latest.wall, logical: latest.logical + 1, node: OFFICE_STATION_ID });
}
