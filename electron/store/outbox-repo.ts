// Appends every change to the outbox in the same transaction as the change itself: the
// entity and id that changed, the operation, and for updates what changed where known.
import type { Db } from './db';

export class OutboxRepo {
  private readonly insert;
  constructor(private readonly db: Db, private readonly stationId: string) {
    this.insert = db.prepare('INSERT INTO outbox (station_id, entity, entity_id, op, changed, at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  append(entity: string, entityId: string, op: 'insert' | 'update' | 'delete', at: string, changed?: Record<string, unknown>): void {
    this.insert.run(this.stationId, entity, entityId, op, changed ? JSON.stringify(changed) : null, at);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }
}
