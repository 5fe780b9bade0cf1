// Appends every change to the outbox in the same transaction as the change itself.
import { randomUUID } from 'node:crypto';
import type { Db } from './db';

export class OutboxRepo {
  private readonly insert;
  constructor(private readonly db: Db, private readonly stationId: string) {
    this.insert = db.prepare(
      'INSERT INTO outbox (id, station_id, entity, entity_id, op, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  append(entity: string, entityId: string, op: 'insert' | 'update' | 'delete', payload: unknown, at: string): void {
    this.insert.run(randomUUID(), this.stationId, entity, entityId, op, JSON.stringify(payload), at);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }
}
