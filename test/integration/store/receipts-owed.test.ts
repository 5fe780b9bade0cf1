// A submit stored just before the station stopped (kill -9, a power cut) and no receipt
// printed after it is owed a receipt at the next start (ReceiptService.printOwed); one with a
// receipt printed or tried, or a resubmit (which prints none), is not. Real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, removeTempDirs } from '../../helpers/stores';

afterEach(removeTempDirs);

describe('receipts owed after a crash', () => {
  it('names the submits at the trail tail with no receipt after them, once each', () => {
    const { store } = openStore();
    const at = '2026-12-07T08:00:00.000Z';
    const add = (action: string, appointmentId: string, extra: Record<string, unknown> = {}) =>
      store.tx(() => store.audit.append('officer-1', action, { appointmentId, ...extra }, at));
    add('application.submit', 'a-printed');
    add('receipt.print', 'a-printed', { printed: true });
    add('application.submit', 'a-failed');
    add('receipt.print', 'a-failed', { printed: false, reason: 'device.escpos.paperOut' });
    add('application.submit', 'a-killed');
    add('application.resubmit', 'a-resubmitted');
    add('receipt.reprint', 'a-other');
    expect(store.auditLog.receiptsOwed()).toEqual([{ officerId: 'officer-1', appointmentId: 'a-killed' }]);
    // Printed at the start: owed no more.
    add('receipt.print', 'a-killed', { printed: true, recovered: true });
    expect(store.auditLog.receiptsOwed()).toEqual([]);
    // Only the tail is looked at: a submit further back than `tail` rows is history.
    add('application.submit', 'a-old');
    for (let i = 0; i < 5; i++) add('login', 'none');
    expect(store.auditLog.receiptsOwed(5)).toEqual([]);
    expect(store.auditLog.receiptsOwed(6)).toEqual([{ officerId: 'officer-1', appointmentId: 'a-old' }]);
    store.close();
  });
});
