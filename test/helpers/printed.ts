// Brings an application to 'printed' straight through the store and the workflow service,
// for the handover tests: the print queue (another part of issue 11) is what moves books to
// printed in the product. The applicant has a photo and fingerprint templates sealed as the
// enrolment keeps them (blob kind 'fingerprint_template', its format in the meta), made the
// way the simulators make them, so the simulator's finger of the same name matches.
import { PNG } from 'pngjs';
import { fileKeyProvider } from '../../electron/key-providers';
import { Store } from '../../electron/store/store';
import { WorkflowService } from '../../electron/services/workflow';
import { GT521_TEMPLATE, ZFM_TEMPLATE, templateFor } from '../../native/sim/sim-templates';
import { seedFrom } from '../../native/sim/prng';
import type { WorkflowActionName } from '../../domain/workflow';

export interface PrintedApplicant {
  appointmentId: string;
  bookingCode: string;
  fullName: string;
}

export interface PrintedOptions {
  bookingCode: string;
  fullName?: string;
  /** Enrolled fingers: slot → the simulator's finger name (the pattern placed on its sensor). */
  fingers?: Record<string, string>;
  /** The family of the enrolling reader. */
  format?: 'zfm' | 'gt521';
  /** The simulator's seed (the station's in-process simulators use 1). */
  simSeed?: number;
  appointmentDate?: string;
  /** Stop short of printed (e.g. 'approved') to test the order. */
  until?: 'approved' | 'printed';
}

const ROLES = ['counter', 'supervisor', 'print'] as const;

/** A small portrait-sized PNG standing in for the applicant's photo. */
function photoPng(): Buffer {
  const png = new PNG({ width: 120, height: 160 });
  for (let i = 0; i < png.data.length; i += 4) {
    const y = Math.floor(i / 4 / 120);
    png.data[i] = 200; png.data[i + 1] = 180 - (y >> 2); png.data[i + 2] = 160; png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

export function bringToPrinted(dataDir: string, o: PrintedOptions): PrintedApplicant {
  const store = Store.open({ dataDir, dataKey: fileKeyProvider().loadOrCreateKey(dataDir) });
  try {
    const at = new Date().toISOString();
    const fullName = o.fullName ?? 'Budi Santoso';
    const date = o.appointmentDate ?? at.slice(0, 10);
    const id = store.tx(() => store.appointments.insert({
      bookingCode: o.bookingCode, nik: '3171011203850001', fullName, birthPlace: 'Jakarta', birthDate: '1985-03-12', sex: 'M',
      service: 'new', passportType: 'ordinary', appointmentDate: date, timeSlot: '08:00-08:30', paymentStatus: 'paid', billingCode: '', phone: '081234567890',
    }, { status: 'checked_in', priority: [], walkIn: false, sourceHash: null, at }));
    const layout = (o.format ?? 'zfm') === 'zfm' ? ZFM_TEMPLATE : GT521_TEMPLATE;
    const fingers = Object.entries(o.fingers ?? { right_thumb: 'applicant-right-thumb', right_index: 'applicant-right-index' });
    store.tx(() => {
      store.blobs.put({ type: 'appointment', id }, 'photo', 'image/png', photoPng(), { width: 120, height: 160, camera: 'test', checks: {} }, at);
      const infos = fingers.map(([finger, name]) => {
        const t = templateFor(seedFrom(o.simSeed ?? 1, name), 'clean', 1, layout);
        const templateBlobId = store.blobs.put({ type: 'appointment', id }, 'fingerprint_template', 'application/octet-stream', t,
          { finger, format: o.format ?? 'zfm', bytes: t.length }, at);
        return { finger, status: 'captured', score: 80, attempts: 1, blobId: null, templateBlobId, templateFormat: o.format ?? 'zfm' };
      });
      store.enrolments.put(id, { fingerprints: infos }, at);
    });
    const wf = new WorkflowService(store, () => new Date(), () => undefined);
    const steps: WorkflowActionName[] = ['openEnrolment', 'submit', 'approve', ...((o.until ?? 'printed') === 'printed' ? ['startPrint', 'printed'] as const : [])];
    // The steps are the first officer's (the administrator each test creates first).
    const officer = store.officers.all()[0];
    if (!officer) throw new Error('bringToPrinted: create the first officer before');
    for (const step of steps) wf.take(officer.id, [...ROLES], step, id);
    return { appointmentId: id, bookingCode: o.bookingCode, fullName };
  } finally {
    store.close();
  }
}
