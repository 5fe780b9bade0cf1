// The port a signature pad would plug into. There is no pad driver yet: the station builds
// none, so the enrolment's signature comes from a crop of the signed application form. A
// driver (native/drivers/<family>) implementing this, handed to EnrolmentService, makes
// `enrolment.signatureFromPad` take the applicant's signature from the pad instead.
export type SignaturePadOutcome =
  | { ok: true; png: Buffer; width: number; height: number; ppi: number }
  | { ok: false; error: { key: string; params?: Record<string, string | number> } };

export interface SignaturePadPort {
  /** Waits for the applicant to sign and confirm on the pad; the signal stops waiting. */
  capture(signal?: AbortSignal): Promise<SignaturePadOutcome>;
}
