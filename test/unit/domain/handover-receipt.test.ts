// The second receipt's layout: what it says at the counter and by post, at both paper widths,
// and that no NIK is ever printed on it.
import { describe, expect, it } from 'vitest';
import { handoverReceipt, type HandoverReceiptData } from '../../../domain/handover-receipt';
import { RECEIPT_COLUMNS } from '../../../domain/receipt-layout';

const base: HandoverReceiptData = {
  officeName: 'Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan', applicantName: 'Budi Santoso', bookingCode: 'HO000001',
  kind: 'counter', collectedBy: 'Siti Aminah', representative: true, verifiedBy: 'letter', officerName: 'Rina Operator', at: '2026-12-07T10:42',
};
const lines = (r: HandoverReceiptData, paper: 58 | 80 = 80) => handoverReceipt(r, paper).flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('handoverReceipt', () => {
  it('names the applicant, who collected and how they were recognised, and ends with a cut', () => {
    const blocks = handoverReceipt(base, 80);
    const text = lines(base).join('\n');
    expect(text).toContain('BUKTI PENYERAHAN PASPOR');
    expect(text).toContain('Budi Santoso');
    expect(text).toContain('Siti Aminah (kuasa / representative)');
    expect(text).toContain('surat kuasa / letter of authorisation');
    expect(text).toContain('Diserahkan / Handed over 2026-12-07 10:42');
    expect(blocks.at(-1)).toEqual({ kind: 'cut' });
  });
  it('by post carries the courier, its tracking number and the date sent', () => {
    const text = lines({ ...base, kind: 'post', representative: false, verifiedBy: null, courier: 'Pos Indonesia', trackingNumber: 'RR123456789ID', dispatchDate: '2026-12-07' }).join('\n');
    expect(text).toContain('BUKTI PENGIRIMAN PASPOR');
    expect(text).toContain('RR123456789ID');
    expect(text).toContain('Senin, 7 Desember 2026');
    expect(text).not.toContain('Diterima oleh');
  });
  it('wraps to the paper and prints no NIK', () => {
    for (const paper of [58, 80] as const) {
      for (const l of lines(base, paper)) expect(l.length).toBeLessThanOrEqual(RECEIPT_COLUMNS[paper]);
    }
    expect(lines(base).join('\n')).not.toMatch(/\d{16}/);
  });
});
