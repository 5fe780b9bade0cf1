// libphonenumber-js's metadata is a fifth of the station chunk: it stays out of the
// station's start and is loaded by the first import (electron/services/appointment-phone.ts).
import { describe, expect, it } from 'vitest';
import { loadPhoneRules, normalisePhone } from '../../../electron/services/appointment-phone';

describe('the phone numbering plans', () => {
  it('are not loaded with the module, say so when asked early, and read numbers once loaded', async () => {
    expect(() => normalisePhone('081234567890')).toThrow(/loadPhoneRules/);
    await loadPhoneRules();
    expect(normalisePhone('081234567890')).toEqual({ ok: true, e164: '+6281234567890', zeroRestored: false });
  });
});
