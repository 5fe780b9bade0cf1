// The second receipt, after the passport left the office (handed over or posted): printed on
// the station's receipt printer, its outcome returned and audited, never thrown — the step
// it follows is already stored.
import { handoverReceipt, type HandoverReceiptData } from '../../domain/handover-receipt';
import { renderReceipt } from '../../native/drivers/escpos/escpos-document';
import type { AppointmentRow, ReceiptOutcome } from '../contract-types';
import type { Store } from '../store/store';
import { localStamp } from '../../domain/dates';
import type { IssuanceDevices } from './handover';

export type HandoverReceiptFacts = Omit<HandoverReceiptData, 'officeName' | 'applicantName' | 'bookingCode' | 'at'>;

export async function printHandoverReceipt(
  store: Store, devices: IssuanceDevices, officeName: string, at: Date, officerId: string, row: AppointmentRow, r: HandoverReceiptFacts,
): Promise<ReceiptOutcome> {
  const target = devices.receiptPrinter();
  let outcome: ReceiptOutcome;
  try {
    if (!target) outcome = { printed: false, collectionDate: '', message: { key: 'receipts.noPrinter' } };
    else {
      const blocks = handoverReceipt({ officeName, applicantName: row.fullName, bookingCode: row.bookingCode, at: localStamp(at), ...r }, target.paperMm);
      const p = await target.printer.print(renderReceipt(blocks, target.paperMm));
      outcome = p.ok
        ? { printed: true, collectionDate: '', printerId: target.id, ...(p.value.problems.length ? { message: p.value.message } : {}) }
        : { printed: false, collectionDate: '', printerId: target.id, message: { key: p.error.key, ...(p.error.params ? { params: p.error.params } : {}) } };
    }
  } catch (err) {
    // The passport has left; a receipt problem must not turn that into a failure.
    console.error(`[issuance] handover receipt failed: ${(err as Error)?.message ?? String(err)}`);
    outcome = { printed: false, collectionDate: '', message: { key: 'receipts.failed' } };
  }
  store.tx(() => store.audit.append(officerId, 'receipt.handover', {
    appointmentId: row.id, kind: r.kind, printed: outcome.printed, ...(outcome.printerId ? { printerId: outcome.printerId } : {}), ...(outcome.message ? { reason: outcome.message.key } : {}),
  }, at.toISOString()));
  return outcome;
}
