// The receipt printer's office settings as the administrator's panel reads and saves them
// (contract methods receipts.settings / receipts.setSettings), with the collection date they
// give for an interview today, so the administrator sees the effect before an applicant does.
import type { ReceiptSettings } from './services/receipts';

export type { ReceiptSettings };

export interface ReceiptSettingsView extends ReceiptSettings {
  preview: {
    /** Today, the interview day of the example. */
    interviewDate: string;
    /** The collection date a receipt printed today would carry. */
    collectionDate: string;
    /** The closed dates stepped over on the way (national holidays, collective leave if closed, the office's own). */
    skipped: { date: string; name: string; kind: 'national' | 'collective_leave' | 'office' }[];
  };
}
