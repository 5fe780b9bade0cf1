// What the service step, the checklist and the signature still lack, per service, against
// the shipped rules file (the required documents the issue names: new — KTP, KK, and a birth
// certificate or diploma or marriage book; replacement — KTP and the old passport; lost — KTP
// and the police report; damaged — KTP and the damaged passport).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceRulesSchema } from '../../../domain/service-rules';
import { mergeMissing, serviceStepMissing, type ServiceStepFacts } from '../../../domain/service-step-completeness';
import { missingForSubmit } from '../../../domain/enrolment-completeness';
import { hasServiceStep, isStated, serviceStepKind } from '../../../domain/service-step';
import type { DocumentType } from '../../../domain/catalog';

const rules = serviceRulesSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/rules/immigration-rules.json'), 'utf8')));
const facts = (f: Partial<ServiceStepFacts> & Pick<ServiceStepFacts, 'service'>): ServiceStepFacts => ({
  mrz: null, oldPassport: undefined, bap: undefined, scanned: new Set<DocumentType>(), hasSignature: false, ...f,
});

describe('service step completeness', () => {
  it('a new passport needs only its documents and the signature; "one of" is met by any of them', () => {
    expect(hasServiceStep('new')).toBe(false);
    expect(serviceStepMissing(rules, facts({ service: 'new' }))).toEqual(['document_ktp', 'document_kk', 'document_birth_certificate', 'signature']);
    expect(serviceStepMissing(rules, facts({ service: 'new', scanned: new Set(['ktp', 'kk', 'marriage_book']), hasSignature: true }))).toEqual([]);
  });

  it('a replacement needs the old passport read, its issue date and disposition, the KTP and the old passport scanned', () => {
    expect(serviceStepMissing(rules, facts({ service: 'replace_expired', hasSignature: true }))).toEqual([
      'old_passport_mrz', 'old_passport_issue_date', 'old_passport_disposition', 'document_ktp', 'document_old_passport',
    ]);
    expect(serviceStepMissing(rules, facts({
      service: 'replace_full', hasSignature: true, mrz: { documentNumber: 'B1234567', expiryDate: '2030-01-01' },
      oldPassport: { issueDate: '2020-01-01', disposition: 'kept' }, scanned: new Set(['ktp', 'old_passport']),
    }))).toEqual([]);
  });

  it('a lost passport needs the police report, the account, the finding and the signed BAP', () => {
    expect(serviceStepKind('replace_lost')).toEqual({ oldPassport: false, bap: true, policeReport: true });
    expect(serviceStepMissing(rules, facts({ service: 'replace_lost', hasSignature: true, bap: { policeReportNumber: 'LP/1', narrative: 'hilang di jalan', finding: '..' } })))
      .toEqual(['police_report', 'bap_finding', 'bap_signed', 'document_ktp', 'document_police_report']);
    expect(serviceStepMissing(rules, facts({
      service: 'replace_lost', hasSignature: true, scanned: new Set(['ktp', 'police_report', 'bap_signed']),
      bap: { policeReportNumber: 'LP/1', policeReportDate: '2026-11-01', narrative: 'hilang di jalan', finding: 'wajar' },
    }))).toEqual([]);
  });

  it('a damaged passport needs the old passport and the BAP, but no police report', () => {
    const missing = serviceStepMissing(rules, facts({ service: 'replace_damaged', hasSignature: true }));
    expect(missing).toEqual(['old_passport_mrz', 'old_passport_issue_date', 'old_passport_disposition', 'bap_narrative', 'bap_finding', 'bap_signed', 'document_ktp', 'document_old_passport']);
  });

  it('counts a typed text as stated from three letters or digits on', () => {
    expect(isStated(undefined)).toBe(false);
    expect(isStated(' - . ')).toBe(false);
    expect(isStated('ok')).toBe(false);
    expect(isStated('Ya.')).toBe(false);
    expect(isStated('ada')).toBe(true);
  });
});

describe('mergeMissing: one list, each fact named once', () => {
  it('an unread old passport is step 1\'s "mrz" only, and no document at all is said by the checklist\'s lines', () => {
    const general = missingForSubmit({
      service: 'replace_expired', mrz: { present: false, held: false }, identityConfirmed: true, disagreements: [], disagreementsKept: [],
      detailsConfirmed: true, payment: { paid: true, overridden: false }, documents: 0, photo: { failedChecks: [], keptWithReason: false },
      fingerprints: [{ status: 'captured' }],
    });
    const service = serviceStepMissing(rules, facts({ service: 'replace_expired', hasSignature: true }));
    expect(general).toEqual(['mrz', 'documents']);
    expect(mergeMissing(general, service)).toEqual(['mrz', 'old_passport_issue_date', 'old_passport_disposition', 'document_ktp', 'document_old_passport']);
  });

  it('keeps "documents" where no checklist line is open to say it', () => {
    expect(mergeMissing(['documents', 'photo'], ['signature'])).toEqual(['documents', 'photo', 'signature']);
  });
});
