// A complete standard renewal through the contract, written so it can be taken up again
// wherever it stopped: each step says from the station's view whether it is done, and does
// only what is left of it — as an officer does who comes back to an enrolment after the
// station was restarted and sees what the screen shows. Used by the kill -9 test and the
// enrolment bench. The order is the screen's (renderer/screens/enrolment/steps.ts).
import type { AppointmentRow, CaptureView, EnrolmentView } from '../../electron/contract-types';
import { SERVICE_STEP_ITEMS } from '../../domain/service-step-completeness';
import { composeTd3 } from '../../domain/mrz/compose-td3';
import { fingerAttempt, ok, photoInput, RENEWAL_APPLICANT, type ScriptSession } from './enrolment-script';
import { SUPERVISOR } from './enrolment-steps';

export const RESUMABLE_STEPS = ['open', 'mrz', 'identity', 'details', 'service', 'documents', 'photo', 'fingers', 'signature', 'submit'] as const;
export type ResumableStep = (typeof RESUMABLE_STEPS)[number];

/** A walk-in for run `n`: its own NIK (the serial part), so every run is its own applicant. */
export function renewalWalkIn(n: number): Omit<typeof RENEWAL_APPLICANT, 'nik'> & { nik: string } {
  return { ...RENEWAL_APPLICANT, nik: `${RENEWAL_APPLICANT.nik.slice(0, 12)}${String(1000 + n).padStart(4, '0')}` };
}

export async function addWalkIn(s: ScriptSession, n: number): Promise<AppointmentRow> {
  return ok<AppointmentRow>(s, 'queue.addWalkIn', renewalWalkIn(n));
}

/** The old passport's MRZ as the reader reads it, agreeing with the booking (a standard renewal). */
export function oldPassportMrz(a: AppointmentRow): string[] {
  const words = a.fullName.toUpperCase().split(/\s+/);
  const r = composeTd3({ documentNumber: 'B1234567', primaryIdentifier: words.at(-1)!, secondaryIdentifier: words.slice(0, -1).join(' '), birthDate: a.birthDate, sex: a.sex, expiryDate: '2025-01-10' });
  if (!r.ok) throw new Error('compose failed');
  return r.lines;
}

const serviceMissing = (v: EnrolmentView) => v.missing.some((m) => (SERVICE_STEP_ITEMS as readonly string[]).includes(m) && m !== 'old_passport_mrz');

/** Whether the station's view shows the step as done. */
export function stepDone(v: EnrolmentView, step: ResumableStep): boolean {
  switch (step) {
    case 'open': return v.appointment.status !== 'checked_in';
    case 'mrz': return v.mrz !== null;
    case 'identity': return v.identity.confirmed && !v.missing.some((m) => m === 'identity' || m.startsWith('disagreement_'));
    case 'details': return !v.missing.includes('details') && !v.missing.includes('payment');
    case 'service': return !serviceMissing(v);
    case 'documents': return v.nextDocType === null && !v.missing.some((m) => m === 'documents' || m.startsWith('document_'));
    case 'photo': return v.photo !== null;
    case 'fingers': return !v.missing.includes('fingerprints') && !v.missing.includes('fingerprint_reason');
    case 'signature': return v.signature !== null;
    case 'submit': return v.appointment.status === 'awaiting_approval';
  }
}

/** The step the enrolment stands at: the first not done (null when submitted). */
export function currentStep(v: EnrolmentView): ResumableStep | null {
  return RESUMABLE_STEPS.find((s) => !stepDone(v, s)) ?? null;
}

/** Does what is left of `step`. `tag` makes the simulated fingers this applicant's own. */
export async function doStep(s: ScriptSession, appointmentId: string, step: ResumableStep, tag: string): Promise<void> {
  const get = () => ok<EnrolmentView>(s, 'enrolment.get', { appointmentId });
  switch (step) {
    case 'open': await ok(s, 'enrolment.open', { appointmentId }); return;
    case 'mrz': await ok(s, 'enrolment.attachMrz', { appointmentId, lines: oldPassportMrz((await get()).appointment), source: 'reader' }); return;
    case 'identity': {
      const v = await get();
      await ok(s, 'enrolment.confirmIdentity', { appointmentId, keepDisagreements: v.identity.disagreements.map((d) => d.field) });
      return;
    }
    case 'details': {
      let v = await get();
      if (!v.details.chosen) {
        v = await ok<EnrolmentView>(s, 'enrolment.saveDetails', { appointmentId, passportType: v.appointment.passportType, married: false, sameDay: false, travelPurpose: 'tourism', notes: '' });
      }
      // A walk-in has not paid yet: the supervisor overrides at the counter.
      if (v.missing.includes('payment')) {
        await ok(s, 'enrolment.overridePayment', { appointmentId, nip: SUPERVISOR.nip, password: SUPERVISOR.password, reason: 'Bukti bayar diperlihatkan' });
      }
      return;
    }
    case 'service': await ok(s, 'enrolment.saveService', { appointmentId, oldPassport: { issueDate: '2020-01-10', disposition: 'cancelled_returned' } }); return;
    case 'documents': {
      let v = await get();
      for (let guard = 0; v.nextDocType && guard < 10; guard++) v = await ok<EnrolmentView>(s, 'documents.scan', { appointmentId, docType: v.nextDocType });
      return;
    }
    case 'photo': await ok(s, 'photo.save', photoInput(appointmentId)); return;
    case 'fingers': {
      await ok(s, 'capture.start', { appointmentId });
      for (let guard = 0; guard < 12; guard++) {
        const c = await ok<CaptureView | null>(s, 'capture.get', { appointmentId });
        if (!c || c.state === 'done' || c.current === null) break;
        await fingerAttempt(s, appointmentId, `${tag}-${c.current}-${guard}`);
      }
      return;
    }
    case 'signature': {
      // A form already scanned (the station stopped before the crop) is cut from, not scanned again.
      let form = (await get()).documents.filter((d) => d.docType === 'application_form').at(-1);
      if (!form) {
        const v = await ok<EnrolmentView>(s, 'documents.scan', { appointmentId, docType: 'application_form', colorMode: 'grayscale', resolution: 75 });
        form = v.documents.filter((d) => d.docType === 'application_form').at(-1)!;
      }
      await ok(s, 'signature.crop', { appointmentId, blobId: form.blobId, box: { x: 0.5, y: 0.7, width: 0.4, height: 0.12 } });
      return;
    }
    case 'submit': await ok(s, 'enrolment.submit', { appointmentId }); return;
  }
}

/**
 * What the officer saw confirmed on screen, step by step: each must still be there after a
 * restart (or, for the step that was running, be there once and whole).
 */
export function confirmedFacts(v: EnrolmentView): Record<ResumableStep, string> {
  const j = (x: unknown) => JSON.stringify(x ?? null);
  return {
    open: j(v.appointment.status === 'checked_in' ? 'checked_in' : 'opened'),
    mrz: j(v.mrz?.lines),
    identity: j({ confirmed: v.identity.confirmed, current: v.identity.current, corrections: v.identity.corrections, kept: v.identity.disagreementsKept }),
    details: j({ chosen: v.details.chosen, override: v.details.payment.override }),
    service: j(v.service.oldPassport),
    documents: j(v.documents.filter((d) => d.docType !== 'application_form').map((d) => d.blobId)),
    photo: j(v.photo?.blobId),
    fingers: j(v.fingerprints.filter((f) => f.status !== 'pending').map((f) => [f.finger, f.status, f.blobId, f.templateBlobId ?? null])),
    signature: j({ signature: v.signature?.blobId, forms: v.documents.filter((d) => d.docType === 'application_form').map((d) => d.blobId) }),
    submit: j(v.appointment.status === 'awaiting_approval'),
  };
}
