// Fills a demo day once: appointments for today and simulated devices in the status bar.
import type { Services } from './services';
import { demoAppointments } from './demo-day';
import { hashFields } from '../domain/appointment-rows';

export function seedDemoDay(s: Services, date: string): void {
  const at = s.now().toISOString();
  s.store.tx(() => {
    for (const f of demoAppointments(date, 60)) {
      if (s.store.appointments.sourceHashByCode(f.bookingCode)) continue;
      s.store.appointments.insert(f, { status: 'booked', priority: [], walkIn: false, sourceHash: hashFields(f), at });
    }
  });
  const sim = (id: string, kind: 'fingerprint' | 'mrz' | 'barcode' | 'document_scanner' | 'printer', driver: string) =>
    s.devices.set({ id, kind, label: id, driver, state: 'connected', simulated: true });
  sim('fingerprint-1', 'fingerprint', 'zfm');
  sim('mrz-1', 'mrz', 'mrz-lines');
  sim('barcode-1', 'barcode', 'hid-pos');
  sim('scanner-1', 'document_scanner', 'escl');
  sim('printer-1', 'printer', 'evolis');
}
