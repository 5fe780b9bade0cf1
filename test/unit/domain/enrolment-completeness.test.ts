// The station's rule for "complete": each requirement on its own, so a broken rule names itself.
import { describe, expect, it } from 'vitest';
import { missingForSubmit, type CompletenessInput } from '../../../domain/enrolment-completeness';

const complete: CompletenessInput = {
  service: 'replace_expired',
  mrz: { present: true, held: false },
  identityConfirmed: true,
  disagreements: [],
  disagreementsKept: [],
  detailsConfirmed: true,
  payment: { paid: true, overridden: false },
  documents: 2,
  photo: { failedChecks: [], keptWithReason: false },
  fingerprints: [{ status: 'captured' }, { status: 'missing', reason: 'amputated' }, { status: 'accepted_below_threshold', note: 'Kulit kering' }],
};
const missing = (patch: Partial<CompletenessInput>) => missingForSubmit({ ...complete, ...patch });

describe('enrolment completeness', () => {
  it('lets a complete renewal go', () => {
    expect(missingForSubmit(complete)).toEqual([]);
  });

  it('needs the old passport MRZ where the passport is at the counter, not for a new or lost one', () => {
    for (const service of ['replace_expired', 'replace_full', 'replace_damaged']) expect(missing({ service, mrz: { present: false, held: false } })).toEqual(['mrz']);
    for (const service of ['new', 'replace_lost', 'replace_disaster']) expect(missing({ service, mrz: { present: false, held: false } })).toEqual([]);
    expect(missing({ mrz: { present: true, held: true } })).toEqual(['mrz_held']);
  });

  it('needs the identity confirmed and each MRZ disagreement answered', () => {
    expect(missing({ identityConfirmed: false })).toEqual(['identity']);
    expect(missing({ disagreements: ['birthDate', 'sex'], disagreementsKept: ['sex'] })).toEqual(['disagreement_birthDate']);
    expect(missing({ disagreements: ['name'], disagreementsKept: ['name'] })).toEqual([]);
  });

  it('needs the details and a payment, or a supervisor\'s override of it', () => {
    expect(missing({ detailsConfirmed: false })).toEqual(['details']);
    expect(missing({ payment: { paid: false, overridden: false } })).toEqual(['payment']);
    expect(missing({ payment: { paid: false, overridden: true } })).toEqual([]);
  });

  it('needs a photo whose checks passed, or a reason to keep it', () => {
    expect(missing({ photo: null })).toEqual(['photo']);
    expect(missing({ photo: { failedChecks: ['sharpnessOk'], keptWithReason: false } })).toEqual(['photo_checks']);
    expect(missing({ photo: { failedChecks: ['sharpnessOk'], keptWithReason: true } })).toEqual([]);
  });

  it('needs every finger captured or excepted with a reason, and a document', () => {
    expect(missing({ fingerprints: [] })).toEqual(['fingerprints']);
    expect(missing({ fingerprints: [{ status: 'captured' }, { status: 'pending' }] })).toEqual(['fingerprints']);
    expect(missing({ fingerprints: [{ status: 'missing' }] })).toEqual(['fingerprint_reason']);
    expect(missing({ fingerprints: [{ status: 'accepted_below_threshold', note: ' ' }] })).toEqual(['fingerprint_reason']);
    expect(missing({ documents: 0 })).toEqual(['documents']);
  });

  it('lists everything missing in the order of the steps', () => {
    expect(missingForSubmit({
      service: 'replace_full', mrz: { present: false, held: false }, identityConfirmed: false, disagreements: [], disagreementsKept: [],
      detailsConfirmed: false, payment: { paid: false, overridden: false }, documents: 0, photo: null, fingerprints: [],
    })).toEqual(['mrz', 'identity', 'details', 'payment', 'documents', 'photo', 'fingerprints']);
  });
});
