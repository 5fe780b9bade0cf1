// The handover's and the post's preconditions, as the station checks them in its transaction.
import { describe, expect, it } from 'vitest';
import { dispatchPreconditions, handoverPreconditions, issuanceBlockers, type HandoverFacts } from '../../../domain/handover';

const printed = { status: 'printed' as const, qcRequired: false, qcPassed: false };
const finger = { method: 'finger' as const, finger: 'right_index' };
// A NIK of the published shape: Jakarta Pusat (31 71 01), born 12-03-85, serial 0001.
const NIK = '3171011203850001';

describe('issuanceBlockers', () => {
  it('lets only a printed book go, once', () => {
    expect(issuanceBlockers(printed)).toEqual([]);
    expect(issuanceBlockers({ ...printed, status: 'approved' })).toEqual(['not_printed']);
    expect(issuanceBlockers({ ...printed, status: 'printing' })).toEqual(['not_printed']);
    expect(issuanceBlockers({ ...printed, status: 'issued' })).toEqual(['already_issued']);
    expect(issuanceBlockers({ ...printed, status: 'dispatched' })).toEqual(['already_dispatched']);
  });
  it('requires the quality check only where the office says so', () => {
    expect(issuanceBlockers({ ...printed, qcRequired: true })).toEqual(['qc_missing']);
    expect(issuanceBlockers({ ...printed, qcRequired: true, qcPassed: true })).toEqual([]);
  });
});

describe('handoverPreconditions', () => {
  const applicant = (v: HandoverFacts['verification']): HandoverFacts => ({ ...printed, collector: { kind: 'applicant' }, verification: v });
  it('hands over to the applicant after a matched finger or a supervisor\'s override with a reason', () => {
    expect(handoverPreconditions(applicant(finger))).toEqual([]);
    expect(handoverPreconditions(applicant(null))).toEqual(['identity_unverified']);
    expect(handoverPreconditions(applicant({ method: 'override', supervisorId: 'x', reason: 'reader of another family' }))).toEqual([]);
    expect(handoverPreconditions(applicant({ method: 'override', supervisorId: 'x', reason: ' ' }))).toEqual(['override_reason']);
  });
  it('never hands over a book that is not printed, even with a match', () => {
    expect(handoverPreconditions({ ...applicant(finger), status: 'approved' })).toEqual(['not_printed']);
    expect(handoverPreconditions({ ...applicant(finger), qcRequired: true })).toEqual(['qc_missing']);
  });
  it('records a representative with a name, a valid NIK and the letter', () => {
    const rep = (name: string, nik: string, note: string): HandoverFacts =>
      ({ ...printed, verification: null, collector: { kind: 'representative', name, nik, letter: { kind: 'noted', note } } });
    expect(handoverPreconditions(rep('Siti Aminah', NIK, 'Surat kuasa bermeterai 7 Des 2026'))).toEqual([]);
    expect(handoverPreconditions(rep('S', NIK, 'Surat kuasa'))).toEqual(['representative_name']);
    expect(handoverPreconditions(rep('Siti Aminah', '317101120385000', 'Surat kuasa'))).toEqual(['representative_nik']);
    // Province 99 does not exist.
    expect(handoverPreconditions(rep('Siti Aminah', '9971011203850001', 'Surat kuasa'))).toEqual(['representative_nik']);
    expect(handoverPreconditions(rep('Siti Aminah', NIK, ''))).toEqual(['letter_missing']);
    expect(handoverPreconditions({ ...rep('Siti Aminah', NIK, 'x'), collector: { kind: 'representative', name: 'Siti Aminah', nik: NIK, letter: { kind: 'scanned', blobId: 'b1' } } })).toEqual([]);
  });
});

describe('dispatchPreconditions', () => {
  const post = { ...printed, address: 'Jl. Merdeka No. 1, Bandung 40111', courier: 'Pos Indonesia', trackingNumber: 'RR123456789ID', dispatchDate: '2026-12-07', today: '2026-12-07' };
  it('needs the address, the courier, its tracking number and a dispatch date not in the future', () => {
    expect(dispatchPreconditions(post)).toEqual([]);
    expect(dispatchPreconditions({ ...post, address: 'Bandung' })).toEqual(['address_missing']);
    expect(dispatchPreconditions({ ...post, courier: '' })).toEqual(['courier_missing']);
    expect(dispatchPreconditions({ ...post, trackingNumber: 'RR 12' })).toEqual(['tracking_missing']);
    expect(dispatchPreconditions({ ...post, dispatchDate: '2026-12-08' })).toEqual(['dispatch_date']);
    expect(dispatchPreconditions({ ...post, status: 'issued' })).toEqual(['already_issued']);
  });
});
