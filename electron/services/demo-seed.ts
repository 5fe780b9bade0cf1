// Fills a demo day once: appointments for today (the device service adds simulated devices).
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
}
