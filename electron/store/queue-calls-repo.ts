// Calls of applicants to a counter: the waiting-room display's list and the record of who
// called whom. The counter's number is this PC's own fact (kept in `meta`, not replicated:
// each counter PC of an office has its own).
import { randomUUID } from 'node:crypto';
import type { QueueCall } from '../contract-types';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

const COUNTER_KEY = 'queue_counter';
/** A counter that was never set calls as counter 1 (a one-counter office needs no setting). */
const DEFAULT_COUNTER = '1';

export class QueueCallsRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {}

  record(c: { appointmentId: string; officerId: string | null; counter: string; queueNumber: number; at: string }): QueueCall {
    const v = { id: randomUUID(), station_id: this.stationId, appointment_id: c.appointmentId, officer_id: c.officerId, counter: c.counter, queue_number: c.queueNumber, called_at: c.at };
    this.db.prepare(
      `INSERT INTO queue_calls (id, station_id, appointment_id, officer_id, counter, queue_number, called_at)
       VALUES (@id, @station_id, @appointment_id, @officer_id, @counter, @queue_number, @called_at)`,
    ).run(v);
    this.changes.created('queue_calls', v.id, v);
    return { queueNumber: c.queueNumber, counter: c.counter, calledAt: c.at };
  }

  /** The latest calls from `since` on (an ISO time), newest first: numbers and counters only. */
  recent(since: string, limit: number): QueueCall[] {
    return this.db.prepare(
      `SELECT queue_number AS queueNumber, counter, called_at AS calledAt FROM queue_calls
       WHERE called_at >= ? ORDER BY called_at DESC, rowid DESC LIMIT ?`,
    ).all(since, limit) as QueueCall[];
  }

  counter(): string {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(COUNTER_KEY) as { value: string } | undefined;
    return r?.value ?? DEFAULT_COUNTER;
  }

  setCounter(counter: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(COUNTER_KEY, counter);
  }
}
