// The day's close for blank books: opening stock + received − printed − spoiled − returned =
// closing stock, computed from the books' own history (every step of every book is kept),
// and checked against the books the store holds on hand at the day's end. It also lists
// what the head of office must look into: serials skipped while later ones were used (a book
// missing from the pile, or taken out of turn) and books used out of numerical order.
import { BOOK_STATES, ON_HAND, compareSerials, splitSerial, type BookState } from './stock';

/** One step in a book's history; `from` is null when the book arrived (received). */
export interface BookEvent { serial: string; from: BookState | null; to: BookState; at: string }

export interface Reconciliation {
  day: string;
  opening: number;
  received: number;
  /** Blank books that became printed passports. */
  printed: number;
  /** Blank books spoiled before or while printing (jam, misprint, damaged in stock). */
  spoiled: number;
  returned: number;
  /** opening + received − printed − spoiled − returned. */
  closing: number;
  /** Books on hand at the day's end according to each book's last step. */
  onHand: number;
  balanced: boolean;
  /** Printed books spoiled afterwards (failed check): already counted as printed. */
  spoiledAfterPrint: number;
  /** Every book ever received, by its state at the day's end: all of them, none twice. */
  byState: Record<BookState, number>;
  /** On hand at the day's end, yet below a serial of its series used by then: skipped. */
  gaps: string[];
  /** Used today after a higher serial of its series had been used. */
  outOfOrder: { serial: string; after: string }[];
}

const used = (e: BookEvent) => e.from !== null && ON_HAND.includes(e.from) && !ON_HAND.includes(e.to) && e.to !== 'returned';

/**
 * `events`: every book's history in the order it happened; `dayStart`/`dayEnd`: the day as
 * instants (ISO, the local day's bounds), events at or after dayEnd are not counted.
 */
export function reconcile(day: string, events: readonly BookEvent[], dayStart: string, dayEnd: string): Reconciliation {
  const before = new Map<string, BookState>();
  const after = new Map<string, BookState>();
  const r = { received: 0, printed: 0, spoiled: 0, returned: 0, spoiledAfterPrint: 0 };
  const todayUses: string[] = [];
  for (const e of events) {
    if (e.at >= dayEnd) continue;
    after.set(e.serial, e.to);
    if (e.at < dayStart) { before.set(e.serial, e.to); continue; }
    if (e.from === null) r.received++;
    else if (ON_HAND.includes(e.from) && !ON_HAND.includes(e.to)) {
      if (e.to === 'printed') r.printed++;
      else if (e.to === 'spoiled') r.spoiled++;
      else if (e.to === 'returned') r.returned++;
    } else if (e.from === 'printed' && e.to === 'spoiled') r.spoiledAfterPrint++;
    if (used(e)) todayUses.push(e.serial);
  }
  const count = (m: Map<string, BookState>) => [...m.values()].filter((s) => ON_HAND.includes(s)).length;
  const opening = count(before);
  const closing = opening + r.received - r.printed - r.spoiled - r.returned;
  const onHand = count(after);
  const byState = Object.fromEntries(BOOK_STATES.map((s) => [s, 0])) as Record<BookState, number>;
  for (const s of after.values()) byState[s]++;
  return { day, opening, ...r, closing, onHand, balanced: closing === onHand, byState, gaps: gaps(events, after, dayEnd), outOfOrder: outOfOrder(todayUses) };
}

/** Serials still on hand below the highest used serial of their series (prefix). */
function gaps(events: readonly BookEvent[], state: Map<string, BookState>, dayEnd: string): string[] {
  const highest = new Map<string, string>();
  for (const e of events) {
    if (e.at >= dayEnd || !used(e)) continue;
    const p = splitSerial(e.serial)?.prefix ?? '';
    const h = highest.get(p);
    if (!h || compareSerials(e.serial, h) > 0) highest.set(p, e.serial);
  }
  const out: string[] = [];
  for (const [serial, s] of state) {
    if (!ON_HAND.includes(s)) continue;
    const h = highest.get(splitSerial(serial)?.prefix ?? '');
    if (h && compareSerials(serial, h) < 0) out.push(serial);
  }
  return out.sort(compareSerials);
}

function outOfOrder(uses: readonly string[]): { serial: string; after: string }[] {
  const highest = new Map<string, string>();
  const out: { serial: string; after: string }[] = [];
  for (const serial of uses) {
    const p = splitSerial(serial)?.prefix ?? '';
    const h = highest.get(p);
    if (h && compareSerials(serial, h) < 0) out.push({ serial, after: h });
    else highest.set(p, serial);
  }
  return out;
}

/** The reconciliation as CSV (RFC 4180), for the head of office's records. */
export function reconciliationCsv(r: Reconciliation): string {
  const rows: (string | number)[][] = [
    ['item', 'value'],
    ['day', r.day], ['opening', r.opening], ['received', r.received], ['printed', r.printed], ['spoiled', r.spoiled],
    ['returned', r.returned], ['closing', r.closing], ['on_hand', r.onHand], ['balanced', r.balanced ? 'yes' : 'no'],
    ['spoiled_after_print', r.spoiledAfterPrint],
    ...BOOK_STATES.map((s) => [`state_${s}`, r.byState[s]]),
    ...r.gaps.map((g) => ['gap', g]),
    ...r.outOfOrder.map((o) => ['out_of_order', `${o.serial} after ${o.after}`]),
  ];
  return rows.map((row) => row.map((c) => csvCell(String(c))).join(',')).join('\r\n') + '\r\n';
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
