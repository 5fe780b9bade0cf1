// Completes what the service step, the document checklist and the signature ask of an
// enrolment, through the contract as the screens do: the old passport (its MRZ composed
// from the booking when none was read, issue date, disposition), the BAP fields and its
// signed scan, every checklist line scanned in the order the station picks, and a
// signature cut from a scanned application form. Needs a document scanner (simulated).
import { composeTd3 } from '../../domain/mrz/compose-td3';
import type { EnrolmentView } from '../../electron/contract-types';

type Ok = <T>(method: string, input: unknown) => Promise<T>;

export async function completeServiceParts(ok: Ok, appointmentId: string): Promise<EnrolmentView> {
  let v = await ok<EnrolmentView>('enrolment.get', { appointmentId });
  const a = v.appointment;
  if (v.service.kind.oldPassport) {
    if (!v.mrz) {
      const [surname, ...given] = a.fullName.toUpperCase().split(/\s+/).reverse();
      const mrz = composeTd3({ documentNumber: 'C7654321', primaryIdentifier: surname ?? '', secondaryIdentifier: given.reverse().join(' '), birthDate: a.birthDate, sex: a.sex, expiryDate: '2030-01-10' });
      if (!mrz.ok) throw new Error('compose failed');
      await ok('enrolment.attachMrz', { appointmentId, lines: mrz.lines, source: 'typed' });
    }
    await ok('enrolment.saveService', { appointmentId, oldPassport: { issueDate: '2020-01-10', disposition: 'cancelled_returned' } });
  }
  if (v.service.kind.bap) {
    await ok('enrolment.saveService', {
      appointmentId,
      bap: {
        narrative: 'Paspor tertinggal di kendaraan umum.', finding: 'Keterangan pemohon wajar dan konsisten.',
        ...(v.service.kind.policeReport ? { policeReportNumber: 'LP/123/XI/2026', policeReportDate: '2026-11-01' } : {}),
      },
    });
    await ok('documents.scan', { appointmentId, docType: 'bap_signed' });
  }
  v = await ok<EnrolmentView>('enrolment.get', { appointmentId });
  for (let guard = 0; v.nextDocType && guard < 10; guard++) v = await ok<EnrolmentView>('documents.scan', { appointmentId, docType: v.nextDocType });
  // 75 dpi is enough for a test's signature and decodes in a fraction of the time.
  v = await ok<EnrolmentView>('documents.scan', { appointmentId, docType: 'application_form', colorMode: 'grayscale', resolution: 75 });
  const form = v.documents.filter((d) => d.docType === 'application_form').at(-1)!;
  return ok<EnrolmentView>('signature.crop', { appointmentId, blobId: form.blobId, box: { x: 0.5, y: 0.7, width: 0.4, height: 0.12 } });
}
